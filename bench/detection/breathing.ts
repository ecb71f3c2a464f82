/**
 * Leaks that breathe (issue 13): GC sawtooths, slow collection cycles, leaks under a sawtooth, and
 * check_run_alloc that keeps memory in some check runs only. memgate's `detectLeak`, the old rule
 * (bench/detection/old-rule.ts) and an oracle see the same series; 5 runs per verdict.
 *
 * The oracle knows the shape: it subtracts the true periodic component, fits a least-squares slope
 * and tests it with the true noise sd (z-test), at memgate's measured false-leak rate of the same
 * model's no-leak twin (0.5 / trials when that is 0).
 */
import { detectLeak } from '../../src/analyze/leak.js';
import { DEFAULT_THRESHOLDS, type ResolvedThresholds } from '../../src/analyze/policy.js';
import { mulberry32, normalQuantile } from '../../src/analyze/stats.js';
import { gaussian, type Rng } from './ci-noise.js';
import { oldRetainedLeak, oldTrendLeak } from './old-rule.js';

const T: ResolvedThresholds = { ...DEFAULT_THRESHOLDS };
const L = 10 * 1024 * 1024;
const NOISE = 0.01;

interface Shape {
  name: string;
  /** The truth: a leak (recall) or not (false leaks). */
  leak: number;
  /** The periodic part at iteration i for one run, given per-trial parameters drawn by `draw`. */
  draw(r: Rng, n: number): (i: number) => number;
}

const sawtooth = (r: Rng) => {
  const p = 3 + Math.floor(r() * 6);
  const phase = Math.floor(r() * p);
  return (i: number) => 0.1 * (((i + phase) % p) / (p - 1));
};
const cycle = (amp: number) => (r: Rng, n: number) => {
  const period = n * (0.6 + 0.6 * r());
  const phase = r() * 2 * Math.PI;
  return (i: number) => amp * Math.sin((2 * Math.PI * i) / period + phase);
};

const SHAPES: Shape[] = [
  { name: 'GC sawtooth (period 3–8, 10%)', leak: 0, draw: sawtooth },
  { name: 'slow cycle, period 0.6–1.2× the run, 5%, one phase for all runs', leak: 0, draw: cycle(0.05) },
  { name: 'slow cycle, period 0.6–1.2× the run, 10%, one phase for all runs', leak: 0, draw: cycle(0.1) },
  { name: 'leak 1%/iteration under a GC sawtooth (period 3–8, 10%)', leak: 0.01, draw: sawtooth },
  { name: 'leak 0.5%/iteration under a slow 5% cycle', leak: 0.005, draw: cycle(0.05) },
];

/** z such that P(Z > z) = a. */
function zFor(a: number): number {
  return normalQuantile(1 - a);
}

/** The oracle's z statistic for one run: least-squares slope of the series minus its known periodic part. */
function oracleZ(series: readonly number[], periodic: (i: number) => number): number {
  const post = series.map((v, i) => v / L - 1 - periodic(i)).slice(Math.floor(series.length * T.warmup));
  const n = post.length;
  const mx = (n - 1) / 2;
  const my = post.reduce((s, v) => s + v, 0) / n;
  let sxx = 0;
  let sxy = 0;
  post.forEach((v, i) => {
    sxx += (i - mx) ** 2;
    sxy += (i - mx) * (v - my);
  });
  return sxy / sxx / (NOISE / Math.sqrt(sxx));
}

export interface BreathCell {
  shape: string;
  iterations: number;
  trials: number;
  ours: number;
  old: number;
  oracle: number;
}

function runShape(
  s: Shape,
  n: number,
  trials: number,
  seed: number,
  zCut: number,
): BreathCell & { zs: number[] } {
  const r = mulberry32(seed);
  let ours = 0;
  let old = 0;
  let oracle = 0;
  const zs: number[] = [];
  for (let k = 0; k < trials; k++) {
    const periodic = s.draw(r, n);
    const runs = [0, 1, 2, 3, 4].map(() =>
      Array.from({ length: n }, (_, i) => L * (1 + s.leak * i + periodic(i) + NOISE * gaussian(r))),
    );
    const v = detectLeak(
      'python.pymem.inuse',
      runs.map((series) => ({ value: Math.max(...series), series })),
      T,
    );
    if (v?.leaking) ours++;
    if (oldTrendLeak(runs, T)) old++;
    // The oracle's verdict: the mean z over the 5 runs, against the cut.
    const z = runs.reduce((acc, series) => acc + oracleZ(series, periodic), 0) / Math.sqrt(runs.length);
    zs.push(z);
    if (z > zCut) oracle++;
  }
  return {
    shape: s.name,
    iterations: n,
    trials,
    ours: ours / trials,
    old: old / trials,
    oracle: oracle / trials,
    zs,
  };
}

export function breathingCells(opts: { quick: boolean }): BreathCell[] {
  const cells: BreathCell[] = [];
  let seed = 500;
  for (const n of [20, 50]) {
    for (const s of SHAPES) {
      const trials = opts.quick ? 200 : s.leak === 0 ? 1000 : 300;
      if (s.leak === 0) {
        const c = runShape(s, n, trials, seed++, Infinity);
        cells.push({ ...c, oracle: c.ours });
      } else {
        // The oracle's cut: memgate's false-leak rate on the same shape without the leak.
        const twin = runShape({ ...s, leak: 0 }, n, trials, seed++, Infinity);
        const cut = zFor(Math.max(twin.ours, 0.5 / trials));
        const { zs: _zs, ...c } = runShape(s, n, trials, seed++, cut);
        cells.push(c);
      }
    }
  }
  return cells;
}

/** check_run_alloc (gc on) that keeps memory in some check runs: every k-th run keeps `bytes`. */
export function retentionRows(): string[] {
  const rows = [
    '| check_run_alloc per check run (gc on, 20 check runs, 5 runs) | truth | memgate | old rule |',
    '|---|---|---|---|',
  ];
  const cases: { name: string; truth: string; series: (r: Rng) => number[] }[] = [
    {
      name: '12 KiB every 4th check run',
      truth: 'leak',
      series: () => Array.from({ length: 20 }, (_, i) => (i % 4 === 3 ? 12288 : 0)),
    },
    {
      name: '4 KiB every 2nd check run',
      truth: 'leak',
      series: () => Array.from({ length: 20 }, (_, i) => (i % 2 ? 4096 : 0)),
    },
    {
      name: '64 KiB once (a cache filled after warm-up)',
      truth: 'no leak',
      series: (r) => {
        const at = 5 + Math.floor(r() * 10);
        return Array.from({ length: 20 }, (_, i) => (i === at ? 65536 : 0));
      },
    },
    {
      name: '0 B (steady, gc on)',
      truth: 'no leak',
      series: () => Array.from({ length: 20 }, (_, i) => (i === 0 ? 230 : 0)),
    },
    {
      name: '~2 KiB every check run (real retaining-gc level)',
      truth: 'leak',
      series: () => Array.from({ length: 20 }, () => 2035),
    },
  ];
  for (const c of cases) {
    const r = mulberry32(77);
    const trials = 200;
    let ours = 0;
    let old = 0;
    for (let k = 0; k < trials; k++) {
      const runs = [0, 1, 2, 3, 4].map(() => c.series(r));
      if (
        detectLeak(
          'python.check_run_alloc',
          runs.map((series) => ({ value: 0, series })),
          T,
          { gc: true },
        )?.leaking
      )
        ours++;
      if (oldRetainedLeak(runs, T)) old++;
    }
    rows.push(
      `| ${c.name} | ${c.truth} | ${((100 * ours) / trials).toFixed(1)}% | ${((100 * old) / trials).toFixed(1)}% |`,
    );
  }
  return rows;
}

export function breathingTable(cells: readonly BreathCell[]): string[] {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines = [
    '| series | iterations | trials | memgate | old rule | oracle |',
    '|---|---|---|---|---|---|',
  ];
  for (const c of cells)
    lines.push(
      `| ${c.shape} | ${c.iterations} | ${c.trials} | ${pct(c.ours)} | ${pct(c.old)} | ${pct(c.oracle)} |`,
    );
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const cells = breathingCells({ quick: process.argv.includes('--quick') });
  process.stdout.write(`${breathingTable(cells).join('\n')}\n\n${retentionRows().join('\n')}\n`);
}
