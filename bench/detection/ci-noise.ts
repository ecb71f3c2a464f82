/**
 * CI noise as it is on a runner (issue 13): the runs of one job share a job factor, or drift with
 * AR(1) correlation, and the baseline's runs come from other jobs. Each trial stores K baseline
 * jobs in a baseline document, looks it up through the store's real lookup (`lookupInSnapshot`)
 * and decides through `analyze`, as `memgate compare` does; the old rule (bench/detection/old-rule.ts)
 * and an oracle see the same draws.
 *
 *   node --import tsx bench/detection/ci-noise.ts [--quick]     # prints the tables
 *
 * run.ts includes these tables in RESULTS.md.
 */
import { defaultPolicy, DEFAULT_THRESHOLDS } from '../../src/analyze/policy.js';
import { normalQuantile } from '../../src/analyze/stats.js';
import { mulberry32, median } from '../../src/analyze/stats.js';
import { analyze } from '../../src/analyze/verdict.js';
import { baselinePath, DEFAULT_WINDOW, serializeBaselineDocument } from '../../src/baseline/document.js';
import { lookupInSnapshot, type StoreSnapshot } from '../../src/baseline/store.js';
import type { BaselineDocument } from '../../src/baseline/types.js';
import type { CheckReport, MemoryReport } from '../../src/model.js';
import { comparePaired } from '../../src/analyze/paired.js';
import { oldRegression } from './old-rule.js';

export type Rng = () => number;
export function gaussian(r: Rng): number {
  let u = 0;
  while (u === 0) u = r();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r());
}

/** How the runs of one job are drawn (all multiplicative, in log space). */
export interface JobModel {
  name: string;
  /** Marginal CV of one run. */
  runCv: number;
  /** sd of the factor every run of a job shares. */
  jobSd: number;
  /** AR(1) correlation of successive runs within a job. */
  rho: number;
  /** Probability that a run is an outlier, ×(1 ± 20…60%), either sign. */
  outlierP: number;
}

export const JOB_MODELS: JobModel[] = [
  { name: 'independent runs, CV 5%', runCv: 0.05, jobSd: 0, rho: 0, outlierP: 0 },
  { name: 'job factor sd 2%, runs CV 5%', runCv: 0.05, jobSd: 0.02, rho: 0, outlierP: 0 },
  { name: 'AR(1) ρ 0.8 within a job, CV 5%', runCv: 0.05, jobSd: 0, rho: 0.8, outlierP: 0 },
  { name: 'job factor 2% + AR(1) ρ 0.8, CV 5%', runCv: 0.05, jobSd: 0.02, rho: 0.8, outlierP: 0 },
  { name: 'one outlier run in 20 (±20…60%), CV 2%', runCv: 0.02, jobSd: 0, rho: 0, outlierP: 0.05 },
];

/** One job's n runs at level 1 (then scaled by the caller). */
export function drawJob(r: Rng, m: JobModel, n: number): number[] {
  const s = Math.sqrt(Math.log(1 + m.runCv * m.runCv));
  const job = m.jobSd * gaussian(r);
  const out: number[] = [];
  let e = s * gaussian(r);
  for (let i = 0; i < n; i++) {
    if (i > 0) e = m.rho * e + Math.sqrt(1 - m.rho * m.rho) * s * gaussian(r);
    const outlier = r() < m.outlierP ? 1 + (r() < 0.5 ? -1 : 1) * (0.2 + 0.4 * r()) : 1;
    out.push(Math.exp(job + e) * outlier);
  }
  return out;
}

const METRIC = 'python.pymem.inuse';
const LEVEL = 10 * 1024 * 1024;
const NOW = new Date('2026-06-01T00:00:00Z');

function checkReport(values: readonly number[]): CheckReport {
  return {
    check: { name: 'bench', version: '1.0.0' },
    metrics: { [METRIC]: { runs: values.map((v) => ({ value: v, series: [] })) } },
    sites: [],
    notes: [],
  };
}

/** A snapshot holding one baseline document with the given jobs (oldest first). */
function snapshotOf(jobs: readonly (readonly number[])[]): StoreSnapshot {
  const doc: BaselineDocument = {
    schemaVersion: 1,
    check: { name: 'bench', version: '1.0.0' },
    entries: jobs.map((runs, i) => ({
      commit: `c${i}`,
      date: new Date(NOW.getTime() - (jobs.length - i) * 3_600_000).toISOString(),
      report: checkReport(runs),
    })),
  };
  const path = baselinePath('bench', '1.0.0');
  const text = serializeBaselineDocument(doc);
  return { paths: [path], read: (p) => Promise.resolve(p === path ? text : undefined) };
}

/** memgate's verdict on one trial, through the store lookup and analyze, as `compare` does. */
export async function memgateFlags(
  jobs: readonly (readonly number[])[],
  head: readonly number[],
): Promise<boolean> {
  const lookup = await lookupInSnapshot(
    snapshotOf(jobs),
    { name: 'bench', version: '1.0.0' },
    { window: DEFAULT_WINDOW, now: NOW, where: 'bench' },
  );
  const report: MemoryReport = {
    schemaVersion: 1,
    tool: { name: 'memgate', version: 'bench' },
    createdAt: NOW.toISOString(),
    environment: { options: {} },
    checks: [checkReport(head)],
  };
  const v = analyze(report, () => lookup, defaultPolicy(), NOW, { resamples: 1000, seed: 1 });
  return v.checks[0].metrics[0].change === 'regression';
}

/** What the old rule compared: the newest entry, pooled with older ones until DEFAULT_WINDOW runs. */
function oldBaseline(jobs: readonly (readonly number[])[]): number[] {
  const out: number[] = [];
  for (let i = jobs.length - 1; i >= 0 && out.length < DEFAULT_WINDOW; i--) out.unshift(...jobs[i]);
  return out;
}

/**
 * The oracle knows the model: a one-sided z-test of log(median of the head job) against the mean
 * log median of the K stored jobs, with the true sd of a job's log median (simulated once per
 * model and n), run at memgate's measured false-alarm rate of that cell.
 */
function jobMedianLogSd(m: JobModel, n: number): number {
  const r = mulberry32(4242);
  const xs = Array.from({ length: 20_000 }, () => Math.log(median(drawJob(r, m, n))));
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  return Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1));
}

/** z such that P(Z > z) = a. */
function zFor(a: number): number {
  return normalQuantile(1 - a);
}

export interface JobCell {
  model: string;
  n: number;
  k: number;
  effect: number;
  trials: number;
  ours: number;
  old: number;
  oracle: number;
}

export async function jobCells(opts: { quick: boolean }): Promise<JobCell[]> {
  const cells: JobCell[] = [];
  const sizes = [5, 10, 20];
  const stored = [10, 2, 1];
  let seed = 100;
  for (const m of JOB_MODELS) {
    for (const n of sizes) {
      const sd = jobMedianLogSd(m, n);
      for (const k of stored) {
        let fpr = 0;
        for (const effect of [0, 0.1, 0.2]) {
          const trials = opts.quick ? (effect === 0 ? 300 : 100) : effect === 0 ? 1000 : 300;
          const r = mulberry32(seed++);
          const zCut = effect === 0 ? Infinity : zFor(Math.max(fpr, 0.5 / trials));
          let ours = 0;
          let old = 0;
          let oracle = 0;
          for (let i = 0; i < trials; i++) {
            const jobs = Array.from({ length: k }, () => drawJob(r, m, n).map((v) => v * LEVEL));
            const head = drawJob(r, m, n).map((v) => v * LEVEL * (1 + effect));
            if (await memgateFlags(jobs, head)) ours++;
            if (oldRegression(oldBaseline(jobs), head, { ...DEFAULT_THRESHOLDS })) old++;
            const meanLog = jobs.reduce((s, j) => s + Math.log(median(j)), 0) / k;
            if ((Math.log(median(head)) - meanLog) / (sd * Math.sqrt(1 + 1 / k)) > zCut) oracle++;
          }
          if (effect === 0) fpr = ours / trials;
          cells.push({
            model: m.name,
            n,
            k,
            effect,
            trials,
            ours: ours / trials,
            old: old / trials,
            oracle: effect === 0 ? ours / trials : oracle / trials,
          });
        }
      }
    }
  }
  return cells;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function jobTable(cells: readonly JobCell[]): string[] {
  const lines = [
    '| noise | n | stored jobs | effect | trials | memgate | old rule | oracle |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const c of cells)
    lines.push(
      `| ${c.model} | ${c.n} | ${c.k} | ${pct(c.effect)} | ${c.trials} | ${pct(c.ours)} | ${pct(c.old)} | ${pct(c.oracle)} |`,
    );
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = Date.now();
  const quick = process.argv.includes('--quick');
  if (process.argv.includes('--paired')) {
    process.stdout.write(`${pairedTable(pairedCells({ quick }), []).join('\n')}\n`);
  } else {
    const cells = await jobCells({ quick });
    process.stdout.write(`${jobTable(cells).join('\n')}\n${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  }
}

/**
 * Paired mode under the drift that defeats a stored baseline: base and head alternate in one job
 * (A B A B …), sharing its job factor and its AR(1) drift; `comparePaired` decides. The stored
 * baseline columns are memgate on the same model with K stored jobs (the job cells above).
 */
export interface PairedCell {
  model: string;
  n: number;
  effect: number;
  trials: number;
  paired: number;
}

export function pairedCells(opts: { quick: boolean }): PairedCell[] {
  const cells: PairedCell[] = [];
  let seed = 900;
  const t = {
    alpha: DEFAULT_THRESHOLDS.alpha,
    threshold: DEFAULT_THRESHOLDS.threshold,
    floor: DEFAULT_THRESHOLDS.floor,
  };
  for (const m of JOB_MODELS.filter((x) => x.jobSd > 0 || x.rho > 0)) {
    for (const n of [5, 10, 20]) {
      for (const effect of [0, 0.1]) {
        const trials = opts.quick ? 300 : effect === 0 ? 1000 : 300;
        const r = mulberry32(seed++);
        let hits = 0;
        for (let i = 0; i < trials; i++) {
          // One job, 2n runs in the order they ran: even = base (A), odd = head (B).
          const runs = drawJob(r, m, 2 * n).map((v) => v * LEVEL);
          const base = runs.filter((_, k) => k % 2 === 0);
          const head = runs.filter((_, k) => k % 2 === 1).map((v) => v * (1 + effect));
          if (comparePaired(base, head, t).change === 'regression') hits++;
        }
        cells.push({ model: m.name, n, effect, trials, paired: hits / trials });
      }
    }
  }
  return cells;
}

export function pairedTable(cells: readonly PairedCell[], jobs: readonly JobCell[]): string[] {
  const lines = [
    '| noise | pairs (runs a side) | effect | trials | paired | stored baseline, 1 job | stored baseline, 10 jobs | old rule, 1 job |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const c of cells) {
    const at = (k: number) =>
      jobs.find((j) => j.model === c.model && j.n === c.n && j.k === k && j.effect === c.effect);
    lines.push(
      `| ${c.model} | ${c.n} | ${pct(c.effect)} | ${c.trials} | ${pct(c.paired)} | ${pct(at(1)?.ours ?? NaN)} | ${pct(at(10)?.ours ?? NaN)} | ${pct(at(1)?.old ?? NaN)} |`,
    );
  }
  return lines;
}
