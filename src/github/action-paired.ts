/**
 * The action's paired mode (`compare-with: paired`): measure base and head alternately in this job,
 * judge the pairs, and publish to the same sinks as `run`, minus the baseline store: nothing stored
 * is read or written.
 */
import * as core from '@actions/core';

import { analyzePaired } from '../analyze/paired-verdict.js';
import { measurePaired } from '../app/paired.js';
import { MemgateError } from '../errors.js';
import { loadPolicy, publishInAction } from './action-gate.js';
import { runOptionsOf } from './action-reports.js';
import type { ActionRun } from './action-run.js';

/** The base to pair with: the `base-ref` input, else the pull request's base branch as fetched. */
export function pairedBaseRef(a: ActionRun): string {
  if (a.cfg.baseRef) return a.cfg.baseRef;
  const branch = a.ctx.pullRequest?.baseRef;
  if (branch) return `origin/${branch}`;
  throw new MemgateError(
    `compare-with "paired" on a ${a.ctx.eventName || 'non-pull-request'} event needs the ref to compare with`,
    'input "base-ref"',
  );
}

export async function pairedInAction(a: ActionRun): Promise<void> {
  const baseRef = pairedBaseRef(a);
  const { policy, configFound } = await loadPolicy(a);
  core.info(`paired mode: ${a.cfg.repeat} pairs of runs, base ${baseRef} against this checkout`);
  const m = await measurePaired({
    run: runOptionsOf(a),
    baseRef,
    repo: a.ctx.workspace,
    checksDir: a.cfg.checksDir,
    out: a.reportPath,
    outShown: a.cfg.reportPath,
    warn: (w) => core.warning(w),
  });
  core.setOutput('report-path', a.reportPath);
  const verdict = analyzePaired(m.base, m.head, m.against, policy);
  await publishInAction(
    a,
    { report: m.head, verdict },
    { writeBaseline: false, failJob: true },
    { configFound },
  );
}
