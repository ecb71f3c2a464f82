/**
 * The action's `judge` + `publish`: resolve the policy (defaults < `.memgate.yml` < inputs), read
 * the baselines from the configured store, judge, and publish to the mode's sinks.
 */
import { resolve } from 'node:path';

import * as core from '@actions/core';

import { judge } from '../app/judge.js';
import { publish, type Judged, type Sink } from '../app/publish.js';
import { readOptional } from '../app/report-file.js';
import type { Policy } from '../analyze/policy.js';
import { createBranchStore } from '../baseline/branch-store.js';
import { createFileStore } from '../baseline/file-store.js';
import type { BackendBaselineStore } from '../baseline/store.js';
import { MemgateError } from '../errors.js';
import { prAncestry } from '../app/pr-ancestry.js';
import type { MemoryReport } from '../model.js';
import type { RepoLinks } from '../report/links.js';
import { renderComment } from '../report/markdown.js';
import { reproduceCommand } from '../report/reproduce.js';
import { DEFAULT_CONFIG_PATH } from '../settings/action.js';
import { resolvePolicy } from '../settings/policy.js';
import { RUN_DEFAULTS } from '../settings/run.js';
import { VERSION } from '../version.js';
import {
  annotationsSink,
  baselineSink,
  commentSink,
  outputsSink,
  statusSink,
  summarySink,
} from './action-sinks.js';
import { flamegraphInAction } from './action-flamegraph.js';
import { runUrlOf, type ActionRun } from './action-run.js';
import { trackedPaths } from './tracked-paths.js';

export interface GateSteps {
  writeBaseline: boolean;
  failJob: boolean;
  /** The PR to comment on when the event itself is not a pull_request (comment mode). */
  pullRequest?: number;
}

export async function loadPolicy(
  a: Pick<ActionRun, 'cfg' | 'ctx'>,
): Promise<{ policy: Policy; configFound: boolean }> {
  const path = resolve(a.ctx.workspace, a.cfg.configPath);
  const text = await readOptional(path);
  // Only the default may be absent: a `config` the workflow names must exist (a typo is not "no policy").
  if (text === undefined && a.cfg.configPath !== DEFAULT_CONFIG_PATH)
    throw new MemgateError(
      `no such file: ${a.cfg.configPath} (only the default ${DEFAULT_CONFIG_PATH} may be absent)`,
      'input "config"',
    );
  const policy = resolvePolicy(
    text === undefined ? undefined : { text, source: a.cfg.configPath },
    a.cfg.policy,
  );
  return { policy, configFound: text !== undefined };
}

function openStore(a: ActionRun): BackendBaselineStore {
  const { cfg, ctx } = a;
  const warn = (m: string) => core.warning(m);
  const onBaselineError = cfg.onBaselineError;
  if (cfg.baselineStore === 'file')
    return createFileStore({
      dir: resolve(ctx.workspace, cfg.baselinePath),
      keep: cfg.baselineKeep,
      warn,
      onBaselineError,
      // The first write creates the directory: before it, there is no baseline yet.
      missingDir: 'empty',
    });
  return createBranchStore({
    onBaselineError,
    client: a.octokit(),
    owner: ctx.owner,
    repo: ctx.repo,
    branch: cfg.baselineBranch,
    keep: cfg.baselineKeep,
    warn,
  });
}

/** Every input that changed the result, as `memgate run … && memgate compare …` (see report/reproduce.ts). */
function reproduceLine(a: ActionRun, configFound: boolean): string {
  const { cfg } = a;
  if (cfg.compareWith === 'paired') {
    const target = cfg.check ? `--check ${cfg.check}` : '--command "<your command>"';
    const dir = cfg.checksDir ? ` --checks-dir ${cfg.checksDir}` : '';
    return `npx memgate run ${target} --paired ${cfg.baseRef ?? '<base ref>'}${dir} --repeat ${cfg.repeat} --check-times ${cfg.checkTimes}`;
  }
  return reproduceCommand({
    check: cfg.check,
    command: cfg.command,
    agentBin: cfg.agentBin === RUN_DEFAULTS.agentBin ? undefined : cfg.agentBin,
    repeat: cfg.repeat,
    checkTimes: cfg.checkTimes,
    // In the action an empty endpoint input switches it off; the CLI polls expvar unless told not to.
    expvarUrl: cfg.expvarUrl ?? false,
    telemetryUrl: cfg.telemetryUrl,
    pprofUrl: cfg.pprofUrl,
    thresholds: cfg.policy.thresholds,
    failOn: cfg.policy.failOn,
    config: configFound ? cfg.configPath : undefined,
    ...(cfg.baselineStore === 'file'
      ? { baselinePath: cfg.baselinePath }
      : { baselineBranch: cfg.baselineBranch }),
  });
}

/** Links from the comment to the code: the PR head (or the pushed commit) and its tracked files. */
async function repoLinks(a: ActionRun): Promise<RepoLinks> {
  const { ctx } = a;
  return {
    repo: `${ctx.owner}/${ctx.repo}`,
    serverUrl: ctx.serverUrl,
    headSha: ctx.pullRequest?.headSha || ctx.workflowRun?.headSha || ctx.sha || undefined,
    workspacePaths: await trackedPaths(ctx.workspace),
  };
}

/** On a PR, the merge-base and its ancestors, so the baseline is the PR base's, not the newest. */
async function ancestryInAction(a: ActionRun): Promise<string[] | undefined> {
  const { ctx } = a;
  const pr = ctx.pullRequest;
  if (!pr?.baseSha || !pr.headSha) return undefined;
  const api = { client: a.octokit(), owner: ctx.owner, repo: ctx.repo };
  return prAncestry({ base: pr.baseSha, head: pr.headSha, cwd: ctx.workspace, api }, { warn: core.warning });
}

/** Compare with the baseline, report, comment, update the baseline when allowed, and gate. */
export async function gateInAction(a: ActionRun, report: MemoryReport, steps: GateSteps): Promise<void> {
  const store = openStore(a);
  const { policy, configFound } = await loadPolicy(a);
  const warn = (m: string) => core.warning(m);
  const verdict = await judge(report, store, policy, { warn, ancestry: await ancestryInAction(a) });
  await publishInAction(a, { report, verdict }, steps, { store, configFound });
}

/** Report, comment, update the baseline when the steps allow it (and a store is given), and gate. */
export async function publishInAction(
  a: ActionRun,
  judged: Judged,
  steps: GateSteps,
  from: { store?: BackendBaselineStore; configFound: boolean },
): Promise<void> {
  const { cfg, ctx } = a;
  const isFork = ctx.pullRequest?.isFork ?? ctx.workflowRun?.isFork ?? false;
  const runUrl = runUrlOf(ctx);
  const renderOpts = {
    key: cfg.commentKey,
    version: VERSION,
    runUrl,
    reproduce: reproduceLine(a, from.configFound),
    forkNotice: isFork && ctx.eventName === 'pull_request',
    links: await repoLinks(a),
    // Paired mode has no stored baseline to draw the flame graph's base from.
    flamegraph: from.store ? await flamegraphInAction(a, judged.report, from.store) : undefined,
  };
  const body = renderComment(judged.verdict, renderOpts);
  const prNumber = steps.pullRequest ?? ctx.pullRequest?.number;
  const sinks: Sink[] = [outputsSink(body), summarySink(renderOpts), annotationsSink(ctx.workspace)];
  if (cfg.comment !== 'never' && prNumber) sinks.push(commentSink(a, prNumber, body, runUrl));
  if (steps.writeBaseline && from.store) sinks.push(baselineSink(a, from.store));
  sinks.push(statusSink(steps.failJob));
  await publish(judged, sinks);
}
