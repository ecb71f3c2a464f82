/**
 * Escaping for text that comes from the checked code (check names, paths, source lines, function
 * names, waiver reasons). markdown-table escapes nothing, and GitHub renders Markdown *and* raw
 * HTML, so every PR-controlled string goes through exactly one of these functions, chosen by the
 * context it lands in. None of them is safe in a context it was not written for.
 */

/** C0/C1 controls and bidi overrides: invisible, can reorder what a reviewer sees (Trojan Source). */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const NEWLINES = /\r\n|[\r\n\u2028\u2029]/g;

/** A zero-width space after `@` stops GitHub's mention filter (it runs on the rendered text). */
const MENTION_BREAK = '@\u200b';

/** One physical line, no invisible controls. */
function oneLine(text: string): string {
  return text.replace(NEWLINES, ' ').replace(CONTROLS, '');
}

/**
 * Plain Markdown text: headings, paragraphs, list items, table cells, link text. HTML
 * metacharacters become entities (so `</details>` or `<img …>` stay text), Markdown punctuation is
 * backslash-escaped (no emphasis, links, images, code spans, or a `|` that ends a table cell), and
 * `@` cannot mention anyone.
 */
export function escapeText(text: string): string {
  return (
    oneLine(text)
      .trimStart()
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // With `[` escaped no link can start, so `(`, `)` and `!` are harmless and stay readable.
      .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
      // A leading `#`, `+`, `-`, `=` or `1.` would start a heading, list or rule where the text lands.
      .replace(/^([#+\-=])/, '\\$1')
      .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2')
      .replace(/@/g, MENTION_BREAK)
  );
}

/** A GFM table cell. The same rules as text; its own name so call sites say where text lands. */
export function escapeCell(text: string): string {
  return escapeText(text);
}

/**
 * Inline code outside tables: a code span whose fence is longer than any backtick run inside,
 * padded when the text starts or ends with a backtick (CommonMark §6.1). Inside a code span
 * nothing is HTML, Markdown or a mention, so only the fence matters. Long text is cut to `max`.
 */
export function inlineCode(text: string, max = 200): string {
  // GitHub does not mention inside code, but the same text may be quoted or forwarded elsewhere.
  const body = cut(oneLine(text), max).replace(/@/g, MENTION_BREAK);
  if (body.trim() === '') return body === '' ? '` `' : `\` ${body} \``;
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = body.startsWith('`') || body.endsWith('`') || (body.startsWith(' ') && body.endsWith(' '));
  return pad ? `${fence} ${body} ${fence}` : `${fence}${body}${fence}`;
}

/**
 * A fenced code block of one line (e.g. a command to paste). Inside a fence nothing is Markdown,
 * HTML or a mention, so `@` needs no break that would spoil a copy-paste; the fence is longer than
 * any backtick run inside, so the text cannot close it.
 */
export function codeBlock(text: string, lang = '', max = 2000): string {
  const body = cut(oneLine(text), max);
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${lang}\n${body}\n${fence}`;
}

/**
 * Code inside a GFM table cell. A code span cannot be used: GFM splits cells on `|` *before*
 * parsing code spans, and a backslash cannot itself be escaped inside one, so a path ending in a
 * backslash next to a pipe would end the cell.
 * `<code>` around escaped text renders the same and keeps every escape working.
 */
export function codeCell(text: string, max = 200): string {
  return `<code>${escapeText(cut(text, max))}</code>`;
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Raw HTML text (e.g. inside `<summary>`, where Markdown is not parsed): entities only. */
export function escapeHtml(text: string): string {
  return oneLine(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/`/g, '&#96;')
    .replace(/@/g, MENTION_BREAK);
}

/**
 * A label inside a Mermaid block: keeps a safe alphabet only, so nothing can close the code fence,
 * end the quoted label, or reach Mermaid's HTML labels.
 */
export function escapeMermaidLabel(text: string, max = 60): string {
  const safe = oneLine(text)
    .replace(/[^A-Za-z0-9 ._:/%+\-=()]/g, '_')
    .trim();
  return safe.length > max ? `${safe.slice(0, max - 1)}_` : safe;
}

/**
 * A URL for `[text](url)`: only http(s), and the characters that could end the destination or
 * break out of the link percent-encoded. Anything else gives undefined (the caller drops the link).
 */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  return parsed.href.replace(
    /[()<>\s`|"']/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/** The sticky-comment key lands inside `<!-- … -->`: no `--`, no `>`, a short safe alphabet. */
export function markerKey(key: string): string {
  const safe = key.replace(/[^A-Za-z0-9._/:+=]/g, '_').replace(/_+/g, '_');
  return safe === '' ? 'default' : safe.slice(0, 100);
}
