/**
 * The GitHub Action shell: a table from `mode` to its use cases. Reading inputs and the event, and
 * every step's I/O, live in the adapters under `github/`; the decisions live in `app/` and the core.
 */
import * as core from '@actions/core';

import { describeError, MemgateError } from './errors.js';
import { gateInAction } from './github/action-gate.js';
import { pairedInAction } from './github/action-paired.js';
import { measureInAction, mergeArtifacts, uploadReport, watchInAction } from './github/action-reports.js';
import { openActionRun, type ActionRun } from './github/action-run.js';
import type { Mode } from './settings/action.js';
import { VERSION } from './version.js';

const GATE = { writeBaseline: true, failJob: true };

const MODES: Record<Mode, (a: ActionRun) => Promise<void>> = {
  run: async (a) =>
    a.cfg.compareWith === 'paired' ? pairedInAction(a) : gateInAction(a, await measureInAction(a), GATE),
  collect: async (a) => uploadReport(a, await measureInAction(a)),
  aggregate: async (a) => gateInAction(a, await mergeArtifacts(a), GATE),
  comment: commentForRun,
  live: async (a) => gateInAction(a, await watchInAction(a), GATE),
};

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    const a = openActionRun(env);
    core.info(`memgate ${VERSION}: mode ${a.cfg.mode}, event ${a.ctx.eventName || 'unknown'}`);
    await MODES[a.cfg.mode](a);
  } catch (err) {
    if (!(err instanceof MemgateError) && env.MEMGATE_DEBUG) core.debug((err as Error).stack ?? '');
    core.setFailed(`memgate: ${describeError(err)}`);
  }
}

/**
 * `mode: comment`, in a `workflow_run` workflow of the base repository: judge the report artifact of
 * the triggering run (data only, never code from the PR) and comment with this workflow's token. The
 * triggering run already gated, so this never fails the job and never writes a baseline.
 */
async function commentForRun(a: ActionRun): Promise<void> {
  const wr = a.ctx.workflowRun;
  if (!wr)
    throw new MemgateError(
      'mode "comment" runs in a workflow_run workflow; this event has no workflow_run',
      'input "mode"',
    );
  const from = { workflowRunId: wr.id, owner: a.ctx.owner, repo: a.ctx.repo, token: a.cfg.token };
  const report = await mergeArtifacts(a, from);
  const pullRequest = wr.pullRequestNumber ?? report.environment.pullRequest;
  if (!pullRequest)
    core.warning('the triggering run has no pull request (and its report names none); nothing to comment on');
  await gateInAction(a, report, { writeBaseline: false, failJob: false, pullRequest });
}
