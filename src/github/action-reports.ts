/**
 * Adapters between the action and its reports: measure in this job, upload the report as an
 * artifact (`collect`), or download and merge the matrix jobs' artifacts (`aggregate`, `comment`).
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import * as core from '@actions/core';

import { measure } from '../app/measure.js';
import { writeReport } from '../app/report-file.js';
import { mergeReports, parseMemoryReport, type MemoryReport } from '../model.js';
import { DEFAULT_EXPVAR_URL, type RunOptions } from '../run/runner.js';
import { watchAgent } from '../run/watch.js';
import type { ActionRun } from './action-run.js';
import { downloadReports, uploadReports } from './artifacts.js';
import { groupedRunLog } from './run-groups.js';

/** The action's inputs and event as the runner's options (one place for `run` and paired mode). */
export function runOptionsOf(a: ActionRun): RunOptions {
  const { cfg, ctx } = a;
  return {
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
    mGc: cfg.mGc,
    mOptions: cfg.mOptions,
    checkVersion: cfg.checkVersion,
    cwd: ctx.workspace,
    environment: runEnvironment(a),
    log: (line) => core.info(line),
  };
}

/** Run the check `repeat` times and write the MemoryReport. */
export async function measureInAction(a: ActionRun): Promise<MemoryReport> {
  const runLog = groupedRunLog();
  const report = await measure({
    run: { ...runOptionsOf(a), log: (line) => runLog.log(line) },
    out: a.reportPath,
    outShown: a.cfg.reportPath,
    warn: (m) => core.warning(m),
  }).finally(() => runLog.close());
  core.setOutput('report-path', a.reportPath);
  return report;
}

/** `mode: live`: sample the running Agent for `live-runs` runs of the check (or `live-duration`). */
export async function watchInAction(a: ActionRun): Promise<MemoryReport> {
  const { cfg } = a;
  const expvarUrl = cfg.expvarUrl ?? DEFAULT_EXPVAR_URL;
  const { report, warnings } = await watchAgent({
    check: cfg.check as string,
    expvarUrl,
    telemetryUrl: cfg.telemetryUrl,
    pprofUrl: cfg.pprofUrl,
    runs: cfg.liveRuns,
    durationMs: cfg.liveDurationSeconds === undefined ? undefined : cfg.liveDurationSeconds * 1000,
    repeat: cfg.repeat,
    sampleIntervalMs: cfg.sampleIntervalMs,
    timeoutMs: cfg.timeoutSeconds * 1000,
    checkVersion: cfg.checkVersion,
    environment: runEnvironment(a),
    log: (line) => core.info(line),
  });
  await writeReport(a.reportPath, report, cfg.reportPath);
  for (const w of warnings) core.warning(w);
  core.setOutput('report-path', a.reportPath);
  return report;
}

function runEnvironment(a: ActionRun) {
  const { ctx } = a;
  return {
    commit: ctx.pullRequest?.headSha || ctx.sha || undefined,
    ref: ctx.ref || undefined,
    runner: a.env.RUNNER_NAME,
    ...(ctx.pullRequest ? { pullRequest: ctx.pullRequest.number } : {}),
  };
}

/** `collect`: upload this job's report for an `aggregate` job. */
export async function uploadReport(a: ActionRun, report: MemoryReport): Promise<void> {
  const { id } = await uploadReports(a.cfg.artifactName, [a.reportPath], dirname(a.reportPath));
  core.info(`uploaded ${a.cfg.artifactName} (artifact ${id}) with ${report.checks.length} check(s)`);
}

/** Download every `<artifact-name>*` artifact (of this run, or of `from`), merge, and write the result. */
export async function mergeArtifacts(
  a: ActionRun,
  from?: Parameters<typeof downloadReports>[2],
): Promise<MemoryReport> {
  const dest = await mkdtemp(join(tmpdir(), 'memgate-reports-'));
  const files = await downloadReports(a.cfg.artifactName, dest, from);
  const reports = await Promise.all(files.map(async (f) => parseMemoryReport(await readFile(f, 'utf8'), f)));
  core.info(`merging ${reports.length} report(s) from artifacts ${a.cfg.artifactName}*`);
  const merged = mergeReports(reports);
  if (a.ctx.pullRequest && merged.environment.pullRequest === undefined)
    merged.environment.pullRequest = a.ctx.pullRequest.number;
  await writeReport(a.reportPath, merged, a.cfg.reportPath);
  core.setOutput('report-path', a.reportPath);
  return merged;
}
