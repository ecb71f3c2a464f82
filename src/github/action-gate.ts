/**
 * The action's `judge` + `publish`: resolve the policy (defaults < `.memgate.yml` < inputs), read
 * the baselines from the configured store, judge, and publish to the mode's sinks.
 */
import { resolve } from 'node:path';

import * as core from '@actions/core';

import { judge } from '../app/judge.js';
import { publish, type Sink } from '../app/publish.js';
import { readOptional } from '../app/report-file.js';
import type { Policy } from '../analyze/policy.js';
import { createBranchStore } from '../baseline/branch-store.js';
import { createFileStore } from '../baseline/file-store.js';
import type { BaselineStore } from '../baseline/store.js';
import type { MemoryReport } from '../model.js';
import { renderComment } from '../report/markdown.js';
import { resolvePolicy } from '../settings/policy.js';
import { VERSION } from '../version.js';
import {
  annotationsSink,
  baselineSink,
  commentSink,
  outputsSink,
  statusSink,
  summarySink,
} from './action-sinks.js';
import { runUrlOf, type ActionRun } from './action-run.js';

export interface GateSteps {
  writeBaseline: boolean;
  failJob: boolean;
  /** The PR to comment on when the event itself is not a pull_request (comment mode). */
  pullRequest?: number;
}

async function loadPolicy(a: ActionRun): Promise<Policy> {
  const path = resolve(a.ctx.workspace, a.cfg.configPath);
  const text = await readOptional(path);
  return resolvePolicy(text === undefined ? undefined : { text, source: a.cfg.configPath }, a.cfg.policy);
}

function openStore(a: ActionRun): BaselineStore {
  const { cfg, ctx } = a;
  const warn = (m: string) => core.warning(m);
  if (cfg.baselineStore === 'file')
    return createFileStore({ dir: resolve(ctx.workspace, cfg.baselinePath), keep: cfg.baselineKeep, warn });
  return createBranchStore({
    client: a.octokit(),
    owner: ctx.owner,
    repo: ctx.repo,
    branch: cfg.baselineBranch,
    keep: cfg.baselineKeep,
    warn,
  });
}

function reproduceCommand(a: ActionRun): string {
  const { cfg } = a;
  const target = cfg.check ? `--check ${cfg.check}` : '--command "<your command>"';
  return `npx memgate run ${target} --repeat ${cfg.repeat} --check-times ${cfg.checkTimes} --out report.json && npx memgate compare --baseline <baseline dir or report> --report report.json`;
}

/** Compare with the baseline, report, comment, update the baseline when allowed, and gate. */
export async function gateInAction(a: ActionRun, report: MemoryReport, steps: GateSteps): Promise<void> {
  const { cfg, ctx } = a;
  const store = openStore(a);
  const verdict = await judge(report, store, await loadPolicy(a), { warn: (m) => core.warning(m) });
  const isFork = ctx.pullRequest?.isFork ?? ctx.workflowRun?.isFork ?? false;
  const runUrl = runUrlOf(ctx);
  const renderOpts = {
    key: cfg.commentKey,
    version: VERSION,
    runUrl,
    reproduce: reproduceCommand(a),
    forkNotice: isFork && ctx.eventName === 'pull_request',
  };
  const body = renderComment(verdict, renderOpts);
  const prNumber = steps.pullRequest ?? ctx.pullRequest?.number;
  const sinks: Sink[] = [outputsSink(body), summarySink(renderOpts), annotationsSink(ctx.workspace)];
  if (cfg.comment !== 'never' && prNumber) sinks.push(commentSink(a, prNumber, body, runUrl));
  if (steps.writeBaseline) sinks.push(baselineSink(a, store));
  sinks.push(statusSink(steps.failJob));
  await publish({ report, verdict }, sinks);
}
