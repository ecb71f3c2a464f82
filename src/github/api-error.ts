/**
 * One line for a failed GitHub API call, whatever came back: GitHub's JSON error, an HTML error
 * page (a proxy's or GitHub's own 502 "Unicorn!" page, which Octokit puts whole into the error
 * message), a cut-off body, or no answer at all (reset, timeout). Annotations and logs show this
 * line, never the raw body.
 */

/** Longest summary kept: enough for GitHub's messages, short enough for an annotation. */
const MAX_SUMMARY = 200;

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  middot: '·',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = Number(name.slice(1));
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_SUMMARY ? `${flat.slice(0, MAX_SUMMARY - 1)}…` : flat;
}

/** Does this body look like an HTML page rather than a message? */
export function isHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text);
}

/** An HTML page's title, else its first visible text. */
export function htmlSummary(html: string): string {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  if (title && title.trim()) return clip(decodeEntities(title));
  const text = html.replace(/<(script|style|head)[^>]*>[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' ');
  return clip(decodeEntities(text)) || 'an HTML page with no text';
}

/** A text that may be JSON error prose, an HTML page, or anything else, as one short line. */
export function bodySummary(text: string): string {
  return isHtml(text) ? `HTML error page "${htmlSummary(text)}"` : clip(text);
}

interface ErrorLike {
  message?: unknown;
  response?: { status?: unknown; data?: unknown };
}

/** The HTTP status of a response, or undefined when there was no response (network error, timeout). */
export function apiErrorStatus(err: unknown): number | undefined {
  // Octokit reports a failed fetch as status 500 with no `response`: that was no answer, not a 500.
  const s = ((err ?? {}) as ErrorLike).response?.status;
  return typeof s === 'number' ? s : undefined;
}

/** Why a call failed, in one line with no HTML and no newlines. */
export function apiErrorSummary(err: unknown): string {
  const e = (err ?? {}) as ErrorLike;
  const data = e.response?.data;
  if (data && typeof data === 'object' && typeof (data as { message?: unknown }).message === 'string')
    return clip((data as { message: string }).message);
  if (typeof data === 'string' && data.trim() !== '') return bodySummary(data);
  const message =
    err instanceof Error ? err.message : typeof e.message === 'string' ? e.message : String(err);
  return bodySummary(message) || 'the response body was empty or cut off';
}

/** `502 HTML error page "Unicorn! · GitHub"`, or `network error: no answer within 30 s`. */
export function describeApiError(err: unknown): string {
  const status = apiErrorStatus(err);
  return `${status ?? 'network error:'} ${apiErrorSummary(err)}`;
}
