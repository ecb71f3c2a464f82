/**
 * Builds a baseline directory the way users do: one MemoryReport per merged commit, each stored
 * with the real `memgate baseline update` command (in process). Shared by the history and
 * dashboard tests.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { mulberry32 } from '../../src/analyze/stats.js';
import { emptyReport, type CheckReport } from '../../src/model.js';
import { VERSION } from '../../src/version.js';
import { runCliCaptured } from '../support/cli.js';

export const KIB = 1024;

/** The commit SHA of merge i (deterministic, 40 hex digits). */
export function sha(i: number): string {
  return createHash('sha1').update(`merge ${i}`).digest('hex');
}

/** A check report of `runs` runs around `level` (±1% noise), for check_run_alloc and pymem inuse. */
export function report(name: string, level: number, seed: number, runs = 5): CheckReport {
  const rnd = mulberry32(seed);
  const around = (v: number): number => Math.round(v * (1 + (rnd() - 0.5) * 0.02));
  const values = Array.from({ length: runs }, () => around(level));
  const inuse = Array.from({ length: runs }, () => around(8 * 1024 * KIB));
  return {
    check: { name, version: '1.0.0' },
    metrics: {
      'python.check_run_alloc': { runs: values.map((v) => ({ value: v, series: [v, v, v] })) },
      'python.pymem.inuse': { runs: inuse.map((v) => ({ value: v, series: [v] })) },
    },
    sites: [],
    notes: [],
  };
}

/**
 * `levels[i]` is the check_run_alloc level of merge i (or whatever `make` makes of it, e.g. a real
 * measured report with one metric scaled). Each merge is one `memgate baseline update` an hour after
 * the previous one.
 */
export async function buildStore(
  tmp: string,
  store: string,
  name: string,
  levels: number[],
  make: (level: number, i: number) => CheckReport = (level, i) => report(name, level, i + 1),
): Promise<void> {
  await mkdir(join(tmp, 'reports'), { recursive: true });
  for (let i = 0; i < levels.length; i++) {
    const r = { ...emptyReport(VERSION, { options: {} }), checks: [make(levels[i], i)] };
    const file = join(tmp, 'reports', `${name}-${i}.json`);
    await writeFile(file, JSON.stringify(r));
    const date = new Date(Date.UTC(2026, 1, 1) + i * 3_600_000).toISOString();
    const res = await runCliCaptured(
      ['baseline', 'update', '--store', store, '--report', file, '--commit', sha(i), '--date', date],
      tmp,
    );
    if (res.code !== 0) throw new Error(`baseline update ${i} failed: ${res.stderr}`);
  }
}

export function git(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd }, (err, stdout, stderr) =>
      err ? reject(new Error(stderr)) : resolve(stdout),
    );
  });
}

/** Commit the directory `store` as the only content of branch `branch` of a new repository at `repo`. */
export async function commitAsBranch(repo: string, store: string, branch: string): Promise<void> {
  await mkdir(repo, { recursive: true });
  await git(repo, ['init', '-q', '-b', 'main']);
  await git(repo, ['config', 'user.email', 't@example.com']);
  await git(repo, ['config', 'user.name', 'test']);
  await git(repo, ['commit', '-q', '--allow-empty', '-m', 'code']);
  await git(repo, ['checkout', '-q', '--orphan', branch]);
  await git(repo, ['--work-tree', store, 'add', '-A', '.']);
  await git(repo, ['--work-tree', store, 'commit', '-q', '-m', 'baselines']);
  await git(repo, ['checkout', '-q', '-f', 'main']);
}
