/**
 * Use case `measure paired`: the base ref checked out in a temporary git worktree, then base and head
 * run alternately in this job (A B A B …, `repeat` pairs), each run one process, so whatever drifts
 * across the job (the machine, its neighbours, a warming cache) hits both runs of a pair alike. The
 * head's report is written as usual (the base's beside it), and `analyzePaired` judges the pairs.
 * Nothing stored is read or written.
 *
 * Where each side's code comes from:
 * - `command`: the same command, with the worktree as the base side's working directory;
 * - `check`: the Agent is pointed at each side's `checksDir` through its environment:
 *   `DD_ADDITIONAL_CHECKSD` (the Agent's `additional_checksd`, for `checks.d` checks) and
 *   `PYTHONPATH` first (an integration's folder holding `datadog_checks/<name>/`, imported ahead of
 *   what the Agent's embedded Python has installed). The README's "Paired mode" says how.
 */
import { delimiter, resolve } from 'node:path';

import type { PairedBase } from '../analyze/paired-verdict.js';
import { MemgateError } from '../errors.js';
import { mergeReports, type MemoryReport } from '../model.js';
import { dockerExecContainer, splitCommand } from '../run/command.js';
import { runCheck, type RunOptions } from '../run/runner.js';
import { withBaseWorktree } from '../run/worktree.js';
import { writeReport } from './report-file.js';

export interface PairedSettings {
  /** The head side's run; `repeat` is the number of pairs. */
  run: RunOptions;
  /** The base ref or commit to check out (must be in the local repository). */
  baseRef: string;
  /** The repository's working tree (the head side). */
  repo: string;
  /** With `check`: where the check's code lives, relative to the repository root. */
  checksDir?: string;
  /** Absolute path of the head's report; the base's is written beside it (`*.base.json`). */
  out: string;
  outShown?: string;
  warn: (message: string) => void;
}

export interface PairedMeasurement {
  base: MemoryReport;
  head: MemoryReport;
  against: PairedBase;
}

/** The environment that points the Agent at one side's check code. */
export function checkCodeEnv(env: NodeJS.ProcessEnv, root: string, checksDir: string): NodeJS.ProcessEnv {
  const dir = resolve(root, checksDir);
  return {
    ...env,
    DD_ADDITIONAL_CHECKSD: dir,
    PYTHONPATH: env.PYTHONPATH ? `${dir}${delimiter}${env.PYTHONPATH}` : dir,
  };
}

/** The base report's path: `report.json` → `report.base.json`. */
export function baseReportPath(out: string): string {
  return /\.json$/i.test(out) ? out.replace(/\.json$/i, '.base.json') : `${out}.base.json`;
}

interface Side {
  name: 'base' | 'head';
  root: string;
  commit?: string;
}

function sideOptions(s: PairedSettings, side: Side): RunOptions {
  const r = s.run;
  const env = r.env ?? process.env;
  return {
    ...r,
    repeat: 1,
    cwd: side.name === 'base' ? side.root : (r.cwd ?? side.root),
    env: r.check && s.checksDir ? checkCodeEnv(env, side.root, s.checksDir) : env,
    environment: {
      ...r.environment,
      ...(side.commit ? { commit: side.commit } : {}),
      options: { ...r.environment?.options, repeat: r.repeat, pairedWith: s.baseRef },
    },
    // One run per call: the runner's own "run 1 of 1" would say nothing; the pair loop logs instead.
    log: undefined,
  };
}

async function runPairs(s: PairedSettings, base: Side, head: Side) {
  const reports: Record<Side['name'], MemoryReport[]> = { base: [], head: [] };
  const warnings: string[] = [];
  for (let pair = 1; pair <= s.run.repeat; pair++) {
    for (const side of [base, head]) {
      const label = `pair ${pair} of ${s.run.repeat}, ${side.name === 'base' ? `base (${s.baseRef})` : 'head'}`;
      s.run.log?.(`${label}…`);
      const outcome = await runCheck(sideOptions(s, side)).catch((err: unknown) => {
        // The runner names its only run "run 1 of 1"; say which pair and side failed instead.
        if (err instanceof MemgateError) throw new MemgateError(`${label}: ${err.message}`, err.where);
        throw err;
      });
      reports[side.name].push(outcome.report);
      warnings.push(...outcome.warnings.map((w) => `${side.name}: ${w}`));
    }
  }
  return { base: mergeReports(reports.base), head: mergeReports(reports.head), warnings };
}

export async function measurePaired(s: PairedSettings): Promise<PairedMeasurement> {
  if (s.run.check && !s.checksDir)
    throw new MemgateError(
      'paired mode with a check needs the directory of the check code in the repository (checks-dir / --checks-dir), or both sides would run the same installed check',
      'paired',
    );
  if (s.run.check && dockerExecContainer(splitCommand(s.run.agentBin ?? 'datadog-agent')))
    throw new MemgateError(
      "paired mode with a check points the Agent at each side's code through its environment, which a `docker exec` prefix does not pass into the container: run the Agent on the runner",
      'paired',
    );
  const repo = resolve(s.repo);
  const measured = await withBaseWorktree(repo, s.baseRef, async (wt) => ({
    ...(await runPairs(s, { name: 'base', root: wt.dir, commit: wt.sha }, { name: 'head', root: repo })),
    sha: wt.sha,
  }));
  await writeReport(s.out, measured.head, s.outShown);
  await writeReport(baseReportPath(s.out), measured.base, s.outShown && baseReportPath(s.outShown));
  for (const w of [...new Set(measured.warnings)]) s.warn(w);
  return { base: measured.base, head: measured.head, against: { ref: s.baseRef, sha: measured.sha } };
}
