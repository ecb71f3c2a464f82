/**
 * The job summary's Markdown: the comment's content, with room for far more detail (GitHub drops the
 * whole step summary above 1 MiB, so it is capped at 900 KiB counted in UTF-8 bytes). Pure; the
 * adapter that appends it to GITHUB_STEP_SUMMARY is `github/summary.ts`.
 */
import type { Verdict } from '../model-verdict.js';
import { renderComment, type RenderOptions } from './markdown.js';

export const SUMMARY_MAX_BYTES = 900 * 1024;

const utf8 = new TextEncoder();

/** Size of a text as the step summary counts it. */
export function summaryBytes(text: string): number {
  return utf8.encode(text).length;
}

/** The summary Markdown: the comment renderer with the summary's size rule. */
export function renderSummary(verdict: Verdict, opts: Omit<RenderOptions, 'maxChars' | 'measure'>): string {
  return renderComment(verdict, { ...opts, maxChars: SUMMARY_MAX_BYTES, measure: summaryBytes });
}
