/**
 * The GitHub Action shell: reads inputs and the event, wires run → collect → analyze → report →
 * baseline for the chosen mode, and sets outputs. Every decision is made by a pure function; this
 * file only moves data between them and the outside world.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

import * as core from '@actions/core';

import { defaultPolicy, parsePolicy, type Policy } from './analyze/policy.js';
import { createBranchStore } from './baseline/branch-store.js';
import { createFileStore } from './baseline/file-store.js';
import type { BaselineStore } from './baseline/store.js';
import { mayWriteBaseline } from './baseline/write-policy.js';
import { readConfig, type ActionConfig } from './config.js';
import { describeError, MemgateError } from './errors.js';
import { evaluate } from './gate.js';
import { downloadReports, uploadReports } from './github/artifacts.js';
import { upsertComment } from './github/comment.js';
import { branchOf, readEventContext, type EventContext } from './github/context.js';
import { createOctokit, type Octokit } from './github/octokit.js';
import { mergeReports, parseMemoryReport, type MemoryReport } from './model.js';
import { emitAnnotations } from './report/annotations.js';
import { renderComment } from './report/markdown.js';
import { writeVerdictSummary } from './report/summary.js';
import { runCheck } from './run/runner.js';
import type { Verdict } from './verdict.js';
import { VERSION } from './version.js';

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    const ctx = readEventContext(env);
    const cfg = readConfig((name) => core.getInput(name), { commentKey: defaultCommentKey(ctx) });
    core.info(`memgate ${VERSION}: mode ${cfg.mode}, event ${ctx.eventName || 'unknown'}`);
    switch (cfg.mode) {
      case 'run':
        return await gate(cfg, ctx, await measure(cfg, ctx), {
          comment: true,
          writeBaseline: true,
          failJob: true,
        });
      case 'collect': {
        const report = await measure(cfg, ctx);
        const path = reportPath(cfg, ctx);
        const { id } = await uploadReports(cfg.artifactName, [path], dirname(path));
        core.info(`uploaded ${cfg.artifactName} (artifact ${id}) with ${report.checks.length} check(s)`);
        return;
      }
      case 'aggregate': {
        const report = await downloadAndMerge(cfg, ctx);
        await writeReport(reportPath(cfg, ctx), report);
        return await gate(cfg, ctx, report, { comment: true, writeBaseline: true, failJob: true });
      }
      case 'comment':
        return await commentForRun(cfg, ctx);
    }
  } catch (err) {
    if (!(err instanceof MemgateError) && env.MEMGATE_DEBUG) core.debug((err as Error).stack ?? '');
    core.setFailed(`memgate: ${describeError(err)}`);
  }
}

function defaultCommentKey(ctx: EventContext): string {
  return [ctx.workflow, ctx.job].filter(Boolean).join('/') || 'default';
}

function reportPath(cfg: ActionConfig, ctx: EventContext): string {
  return resolve(ctx.workspace, cfg.reportPath);
}

async function writeReport(path: string, report: MemoryReport): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
  core.setOutput('report-path', path);
}

/** Run the check `repeat` times and write the MemoryReport. */
async function measure(cfg: ActionConfig, ctx: EventContext): Promise<MemoryReport> {
  const outcome = await runCheck({
    check: cfg.check,
    command: cfg.command,
    shell: cfg.shell,
    agentBin: cfg.agentBin,
    repeat: cfg.repeat,
    checkTimes: cfg.checkTimes,
    timeoutMs: cfg.timeoutSeconds * 1000,
    expvarUrl: cfg.expvarUrl,
    telemetryUrl: cfg.telemetryUrl,
    pprofUrl: cfg.pprofUrl,
    sampleIntervalMs: cfg.sampleIntervalMs,
    checkVersion: cfg.checkVersion,
    cwd: ctx.workspace,
    environment: {
      commit: ctx.pullRequest?.headSha || ctx.sha || undefined,
      ref: ctx.ref || undefined,
      runner: process.env.RUNNER_NAME,
      ...(ctx.pullRequest ? { pullRequest: ctx.pullRequest.number } : {}),
    },
    log: (line) => core.info(line),
  });
  for (const w of outcome.warnings) core.warning(w);
  await writeReport(reportPath(cfg, ctx), outcome.report);
  return outcome.report;
}

async function downloadAndMerge(
  cfg: ActionConfig,
  ctx: EventContext,
  from?: Parameters<typeof downloadReports>[2],
) {
  const dest = await mkdtemp(join(tmpdir(), 'memgate-reports-'));
  const files = await downloadReports(cfg.artifactName, dest, from);
  const reports = await Promise.all(files.map(async (f) => parseMemoryReport(await readFile(f, 'utf8'), f)));
  core.info(`merging ${reports.length} report(s) from artifacts ${cfg.artifactName}*`);
  const merged = mergeReports(reports);
  if (ctx.pullRequest && merged.environment.pullRequest === undefined)
    merged.environment.pullRequest = ctx.pullRequest.number;
  return merged;
}

/** The inputs, with `.memgate.yml` (when the repository has one) on top of them. */
async function loadPolicy(cfg: ActionConfig, ctx: EventContext): Promise<Policy> {
  const base = {
    threshold: cfg.threshold,
    alpha: cfg.alpha,
    floor: cfg.floor,
    leakSlopeAbs: cfg.leakThreshold,
    warmup: cfg.warmup,
  };
  const path = resolve(ctx.workspace, cfg.configPath);
  if (!existsSync(path)) return defaultPolicy(base, cfg.failOn);
  return parsePolicy(await readFile(path, 'utf8'), cfg.configPath, base, cfg.failOn);
}

function openStore(cfg: ActionConfig, ctx: EventContext, octokit: () => Octokit): BaselineStore {
  const warn = (m: string) => core.warning(m);
  if (cfg.baselineStore === 'file') {
    return createFileStore({ dir: resolve(ctx.workspace, cfg.baselinePath), keep: cfg.baselineKeep, warn });
  }
  return createBranchStore({
    client: octokit(),
    owner: ctx.owner,
    repo: ctx.repo,
    branch: cfg.baselineBranch,
    keep: cfg.baselineKeep,
    warn,
  });
}

interface GateSteps {
  comment: boolean;
  writeBaseline: boolean;
  failJob: boolean;
  /** The PR to comment on when the event itself is not a pull_request (comment mode). */
  pullRequest?: number;
}

/** Compare with the baseline, report, comment, update the baseline when allowed, and gate. */
async function gate(
  cfg: ActionConfig,
  ctx: EventContext,
  report: MemoryReport,
  steps: GateSteps,
): Promise<void> {
  let client: Octokit | undefined;
  const octokit = () =>
    (client ??= createOctokit(cfg.token, { baseUrl: ctx.apiUrl, conflicts: 'fail-fast', log: core.info }));
  const store = openStore(cfg, ctx, octokit);
  const policy = await loadPolicy(cfg, ctx);
  const verdict = await evaluate(report, store, policy, { warn: (m) => core.warning(m) });

  const isFork = ctx.pullRequest?.isFork ?? ctx.workflowRun?.isFork ?? false;
  const runUrl = ctx.runId
    ? `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/actions/runs/${ctx.runId}`
    : undefined;
  const renderOpts = {
    key: cfg.commentKey,
    version: VERSION,
    runUrl,
    reproduce: reproduceCommand(cfg),
    forkNotice: isFork && ctx.eventName === 'pull_request',
  };
  const body = renderComment(verdict, renderOpts);
  setOutputs(verdict, body);
  await writeVerdictSummary(verdict, renderOpts);
  emitAnnotations(verdict, ctx.workspace);

  const prNumber = steps.pullRequest ?? ctx.pullRequest?.number;
  if (steps.comment && cfg.comment !== 'never' && prNumber) {
    await postComment(cfg, ctx, octokit, {
      issueNumber: prNumber,
      body,
      passing: verdict.status === 'pass',
      runUrl,
    });
  }

  if (steps.writeBaseline) {
    const decision = mayWriteBaseline(
      { name: ctx.eventName, ref: ctx.ref, defaultBranch: ctx.defaultBranch },
      cfg.updateBaseline,
    );
    core.info(decision.reason);
    if (decision.write) {
      const { written } = await store.update(report, {
        commit: ctx.sha,
        date: ctx.commitDate,
        ref: branchOf(ctx.ref) ?? ctx.ref,
      });
      core.info(`baseline files written: ${written.join(', ') || 'none'}`);
    }
  }

  const c = verdict.counts;
  if (verdict.status === 'fail' && steps.failJob) {
    core.setFailed(
      `memgate: ${c.regressions} regression(s), ${c.leaks} leak(s), ${c.budgets} budget(s) exceeded`,
    );
  } else {
    core.info(
      `memgate: ${verdict.status} (${c.regressions} regressions, ${c.leaks} leaks, ${c.warnings} warnings)`,
    );
  }
}

/**
 * The comment is a view of the verdict, not the verdict: a fork's read-only token (403), an outage or
 * a rate limit is a warning, and the gate still passes or fails on memory alone.
 */
async function postComment(
  cfg: ActionConfig,
  ctx: EventContext,
  octokit: () => Octokit,
  c: { issueNumber: number; body: string; passing: boolean; runUrl?: string },
): Promise<void> {
  try {
    const result = await upsertComment(octokit(), {
      owner: ctx.owner,
      repo: ctx.repo,
      issueNumber: c.issueNumber,
      key: cfg.commentKey,
      body: c.body,
      mode: cfg.comment === 'on-change' ? 'on-change' : 'always',
      passing: c.passing,
      version: VERSION,
      runUrl: c.runUrl,
    });
    if (result.status === 'forbidden') {
      core.warning(
        `memgate could not comment on PR #${c.issueNumber} (${result.message}): a fork PR's token is read-only. ` +
          'The job summary and the comment-body output carry the report; see the README section "Fork PRs".',
      );
    } else core.info(`PR comment ${result.status}`);
  } catch (err) {
    core.warning(
      `memgate could not comment on PR #${c.issueNumber}: ${describeError(err)}; the job summary has the report`,
    );
  }
}

function setOutputs(verdict: Verdict, body: string): void {
  core.setOutput('verdict', verdict.status);
  core.setOutput('regressions', String(verdict.counts.regressions));
  core.setOutput('leaks', String(verdict.counts.leaks));
  core.setOutput('comment-body', body);
}

function reproduceCommand(cfg: ActionConfig): string {
  const target = cfg.check ? `--check ${cfg.check}` : '--command "<your command>"';
  return `npx memgate run ${target} --repeat ${cfg.repeat} --check-times ${cfg.checkTimes} --out report.json && npx memgate compare --baseline <baseline dir or report> --report report.json`;
}

/**
 * `mode: comment`, in a `workflow_run` workflow of the base repository: read the report artifact
 * of the triggering run (data only, never code from the PR), compare it with the baselines, and
 * post the comment with this workflow's token. The triggering run already gated, so this never fails
 * the job on the verdict.
 */
async function commentForRun(cfg: ActionConfig, ctx: EventContext): Promise<void> {
  const run = ctx.workflowRun;
  if (!run)
    throw new MemgateError(
      'mode "comment" runs in a workflow_run workflow; this event has no workflow_run',
      'input "mode"',
    );
  const report = await downloadAndMerge(cfg, ctx, {
    workflowRunId: run.id,
    owner: ctx.owner,
    repo: ctx.repo,
    token: cfg.token,
  });
  await writeReport(reportPath(cfg, ctx), report);
  const pullRequest = run.pullRequestNumber ?? report.environment.pullRequest;
  if (!pullRequest) {
    core.warning('the triggering run has no pull request (and its report names none); nothing to comment on');
  }
  await gate(cfg, ctx, report, { comment: true, writeBaseline: false, failJob: false, pullRequest });
}
