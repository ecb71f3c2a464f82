/**
 * The job summary: the comment's content, with room for far more detail (GitHub drops the whole
 * step summary above 1 MiB, so it is capped at 900 KiB counted in UTF-8 bytes). Thin adapter over
 * `core.summary`, which appends to the file named by GITHUB_STEP_SUMMARY.
 */
import * as core from '@actions/core';

import type { Verdict } from '../verdict.js';
import { renderComment, type RenderOptions } from './markdown.js';

export const SUMMARY_MAX_BYTES = 900 * 1024;

const utf8 = new TextEncoder();

/** The summary Markdown (pure): the comment renderer with the summary's size rule. */
export function renderSummary(verdict: Verdict, opts: Omit<RenderOptions, 'maxChars' | 'measure'>): string {
  return renderComment(verdict, {
    ...opts,
    maxChars: SUMMARY_MAX_BYTES,
    measure: (text) => utf8.encode(text).length,
  });
}

/**
 * Append a rendered verdict to the step summary, with the summary's larger size budget. Returns
 * false (and says why through `warn`) when there is no summary file, e.g. outside Actions, instead
 * of failing the gate.
 */
export async function writeVerdictSummary(
  verdict: Verdict,
  opts: Omit<RenderOptions, 'maxChars' | 'measure'>,
  warn: (message: string) => void = core.warning,
): Promise<boolean> {
  return writeSummary(renderSummary(verdict, opts), warn);
}

/** Append Markdown that is already rendered (e.g. the comment body) to the step summary. */
export async function writeSummary(
  markdown: string,
  warn: (message: string) => void = core.warning,
): Promise<boolean> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    warn('GITHUB_STEP_SUMMARY is not set: no job summary written');
    return false;
  }
  if (utf8.encode(markdown).length > SUMMARY_MAX_BYTES) {
    warn(
      `the job summary is over ${SUMMARY_MAX_BYTES} bytes; render it with renderSummary to cut it cleanly`,
    );
    return false;
  }
  await core.summary.addRaw(markdown, true).write();
  core.summary.emptyBuffer();
  return true;
}
