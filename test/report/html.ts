/**
 * Checks on rendered Markdown shared by the report tests: render with marked (GFM, as GitHub does),
 * then inspect the HTML tags, and split table rows the way GFM does to count cells.
 */
import assert from 'node:assert/strict';

import { marked } from 'marked';

export function toHtml(md: string): string {
  return marked.parse(md, { gfm: true, async: false });
}

/** Tags the renderer itself emits (or marked makes from Markdown); anything else came from input. */
const OWN_TAGS = new Set([
  'h2',
  'h3',
  'p',
  'strong',
  'em',
  'code',
  'pre',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'ul',
  'li',
  'details',
  'summary',
  'sub',
  'hr',
  'blockquote',
  'a',
  'br',
]);

export interface Tag {
  name: string;
  closing: boolean;
  attrs: string;
}

export function tags(html: string): Tag[] {
  const out: Tag[] = [];
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g)) {
    out.push({ closing: m[1] === '/', name: m[2].toLowerCase(), attrs: m[3] });
  }
  return out;
}

/** No tag or attribute from the input survived, and `<details>` opens and closes in order. */
export function assertNoInjectedHtml(md: string): string {
  const html = toHtml(md);
  let depth = 0;
  for (const t of tags(html)) {
    assert.ok(OWN_TAGS.has(t.name), `unexpected <${t.name}> tag in the rendered HTML`);
    assert.doesNotMatch(t.attrs, /\bon[a-z]+\s*=/i, `event-handler attribute on <${t.name}>`);
    if (t.closing) assert.equal(t.attrs.trim(), '');
    else if (t.name === 'a')
      assert.match(
        t.attrs,
        /^\s+(href="https:\/\/[^"]*"|href="#memgate-check-\d+"|name="memgate-check-\d+")$/,
        'links only to https URLs or to our own section anchors',
      );
    else if (t.name === 'code' || t.name === 'pre')
      assert.match(t.attrs, /^(\s+class="language-(mermaid|sh)")?$/);
    else if (t.name === 'th' || t.name === 'td') assert.match(t.attrs, /^(\s+align="(left|right|center)")?$/);
    else assert.equal(t.attrs.trim(), '', `attributes on <${t.name}>`);
    if (t.name === 'details') {
      depth += t.closing ? -1 : 1;
      assert.ok(depth >= 0, '</details> before its <details>');
    }
  }
  assert.equal(depth, 0, '<details> balanced');
  // A mention only fires on a literal `@name` in text; ours always carry a zero-width break.
  assert.doesNotMatch(
    html.replace(/<pre>[\s\S]*?<\/pre>/g, ''),
    /@(?!\u200b)[A-Za-z0-9]/,
    'an @-mention survived',
  );
  return html;
}

/** Split a GFM table row into cells like cmark-gfm: a backslash escapes the next character. */
export function splitRow(line: string): string[] {
  const cells: string[] = [];
  let cur = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '\\' && i + 1 < line.length) {
      cur += ch + line[i + 1];
      i++;
    } else if (ch === '|') {
      cells.push(cur);
      cur = '';
    } else cur += ch;
  }
  cells.push(cur);
  return cells.slice(1, -1);
}

/** Every Markdown table: its header cells and the cell count of each body row. */
export function markdownTables(md: string): { header: string[]; rowCells: number[] }[] {
  const lines = md.split('\n');
  const out: { header: string[]; rowCells: number[] }[] = [];
  let fence = false;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].startsWith('```')) fence = !fence;
    if (fence || !lines[i].startsWith('|') || !/^\|(\s*:?-+:?\s*\|)+$/.test(lines[i + 1] ?? '')) continue;
    const header = splitRow(lines[i]).map((c) => c.trim());
    const rowCells: number[] = [];
    let j = i + 2;
    while (j < lines.length && lines[j].startsWith('|')) rowCells.push(splitRow(lines[j++]).length);
    out.push({ header, rowCells });
    i = j - 1;
  }
  return out;
}

/** The same tables, as marked parsed them: header and per-row cell counts. */
export function htmlTables(html: string): { header: number; rows: number[] }[] {
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((t) => {
    const head = /<thead>([\s\S]*?)<\/thead>/.exec(t[1])?.[1] ?? '';
    const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(t[1])?.[1] ?? '';
    return {
      header: (head.match(/<th[ >]/g) ?? []).length,
      rows: [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => (r[1].match(/<td[ >]/g) ?? []).length),
    };
  });
}

/** Visible text of an HTML fragment: tags stripped, the entities we emit decoded. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCharCode(Number(d)))
    .replace(/&amp;/g, '&');
}
