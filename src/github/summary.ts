/** Adapter: append rendered Markdown to the step summary through `core.summary` (GITHUB_STEP_SUMMARY). */
import * as core from '@actions/core';

import type { RenderOptions } from '../report/markdown.js';
import { renderSummary, SUMMARY_MAX_BYTES, summaryBytes } from '../report/summary.js';
import type { Verdict } from '../model-verdict.js';

/**
 * Append a rendered verdict to the step summary, with the summary's larger size budget. Returns
 * false (and says why through `warn`) when there is no summary file, e.g. outside Actions, instead
 * of failing the gate.
 */
export async function writeVerdictSummary(
  verdict: Verdict,
  opts: Omit<RenderOptions, 'maxChars' | 'measure'>,
  warn: (message: string) => void = core.warning,
  env: NodeJS.ProcessEnv = process.env,
): Promise<boolean> {
  return writeSummary(renderSummary(verdict, opts), warn, env);
}

/** Append Markdown that is already rendered (e.g. the comment body) to the step summary. */
export async function writeSummary(
  markdown: string,
  warn: (message: string) => void = core.warning,
  env: NodeJS.ProcessEnv = process.env,
): Promise<boolean> {
  if (!env.GITHUB_STEP_SUMMARY) {
    warn('GITHUB_STEP_SUMMARY is not set: no job summary written');
    return false;
  }
  if (summaryBytes(markdown) > SUMMARY_MAX_BYTES) {
    warn(
      `the job summary is over ${SUMMARY_MAX_BYTES} bytes; render it with renderSummary to cut it cleanly`,
    );
    return false;
  }
  await core.summary.addRaw(markdown, true).write();
  core.summary.emptyBuffer();
  return true;
}
