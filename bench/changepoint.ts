/**
 * Change-point detection on synthetic memory histories: how well E-Divisive means (src/analyze/
 * changepoint.ts, 199 permutations, alpha 0.05) finds where a series changed, against the peer a
 * per-merge gate is: "a change wherever one merge moved the median by more than the 5% threshold".
 *
 * Cases (each `--trials` series of `--length` merges, Gaussian noise of `--noise` relative SD):
 * - step: one +5% level shift at a random merge;
 * - ramp: ten merges of +2% each (none over the threshold) starting at a random merge, and
 *   `ramp at head`: the same ten merges ending at the newest merge (what a PR comment sees);
 * - noise: no change at all (false change points per 1,000 points);
 * - outlier: one merge 30% off, the next merge back to normal (not a level change).
 * Location is correct within ±1 merge. For the ramp, the truth is "somewhere in the ramp" and the
 * creep detector (src/analyze/creep.ts) is scored too.
 *
 *   node --import tsx bench/changepoint.ts [--trials 100] [--length 60] [--noise 0.01] [--seed 1]
 */
import { eDivisive, qhatValues } from '../src/analyze/changepoint.js';
import { detectCreep } from '../src/analyze/creep.js';
import { mulberry32 } from '../src/analyze/stats.js';
import { arg, median } from './common.js';

const trials = Number(arg('trials', '100'));
const length = Number(arg('length', '60'));
const noise = Number(arg('noise', '0.01'));
const seed = Number(arg('seed', '1'));
const LEVEL = 50 * 1024;

type Detector = (values: number[]) => number[];

const detectors: Record<string, Detector> = {
  'e-divisive': (v) => eDivisive(v).map((c) => c.index),
  'per-merge 5%': (v) => v.flatMap((x, i) => (i > 0 && Math.abs(x / v[i - 1] - 1) > 0.05 ? [i] : [])),
};

interface Case {
  values: number[];
  /** True change locations (first index of the new level); ranges mean "anywhere inside". */
  truth: { from: number; to: number }[];
}

function gaussian(rnd: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
}

function makeCase(kind: string, rnd: () => number): Case {
  const g = gaussian(rnd);
  const at = kind === 'ramp at head' ? length - 10 : 15 + Math.floor(rnd() * (length - 30));
  const level = (i: number): number => {
    if (kind === 'step') return i >= at ? 1.05 : 1;
    if (kind.startsWith('ramp')) return 1.02 ** Math.min(10, Math.max(0, i - at + 1));
    if (kind === 'outlier') return i === at ? 1.3 : 1;
    return 1;
  };
  const values = Array.from({ length }, (_, i) => LEVEL * level(i) * (1 + noise * g()));
  const truth =
    kind === 'step' ? [{ from: at, to: at }] : kind.startsWith('ramp') ? [{ from: at, to: at + 9 }] : [];
  return { values, truth };
}

/**
 * Scores found change points against the truth within ±1 merge. Precision: the share of found
 * points that lie on a true change (for a ramp, anywhere inside it: E-Divisive cuts a ramp into
 * several upward steps, and each marks real growth). Recall: the share of true changes found.
 */
function score(
  found: number[],
  truth: Case['truth'],
): { correct: number; fp: number; hit: number; fn: number } {
  const covers = (t: Case['truth'][number], f: number): boolean => f >= t.from - 1 && f <= t.to + 1;
  const correct = found.filter((f) => truth.some((t) => covers(t, f))).length;
  const hit = truth.filter((t) => found.some((f) => covers(t, f))).length;
  return { correct, fp: found.length - correct, hit, fn: truth.length - hit };
}

function pct(n: number, d: number): string {
  return d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`;
}

function runCases(): void {
  console.log(`trials ${trials}, length ${length}, noise ${(noise * 100).toFixed(1)}% SD, seed ${seed}\n`);
  console.log(
    '| case | detector | precision (±1) | recall (±1) | false CPs / 1,000 points | creep reported |',
  );
  console.log('|---|---|---|---|---|---|');
  for (const kind of ['step', 'ramp', 'ramp at head', 'noise', 'outlier']) {
    for (const [name, detect] of Object.entries(detectors)) {
      const rnd = mulberry32(seed * 1000 + kind.length);
      let correct = 0;
      let fp = 0;
      let hit = 0;
      let fn = 0;
      let creep = 0;
      for (let t = 0; t < trials; t++) {
        const c = makeCase(kind, rnd);
        const found = detect(c.values);
        const s = score(found, c.truth);
        correct += s.correct;
        fp += s.fp;
        hit += s.hit;
        fn += s.fn;
        const series = c.values.map((value, i) => ({ commit: String(i), value }));
        if (name === 'e-divisive' && detectCreep('m', series, found)) creep++;
      }
      const perK = ((1000 * fp) / (trials * length)).toFixed(2);
      const creepCell = name === 'e-divisive' ? pct(creep, trials) : '';
      console.log(
        `| ${kind} | ${name} | ${pct(correct, correct + fp)} | ${pct(hit, hit + fn)} | ${perK} | ${creepCell} |`,
      );
    }
  }
}

/** Median ms of f over `runs` calls. */
function time(f: () => void, runs: number): number {
  const ms: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    f();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

/** The peer for speed: Q̂ for every split from the full distance matrix, O(n²) per split set. */
function naiveQhat(v: number[]): number {
  const n = v.length;
  let best = -Infinity;
  for (let tau = 2; tau <= n - 2; tau++) {
    let cross = 0;
    let wx = 0;
    let wy = 0;
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        const d = Math.abs(v[i] - v[j]);
        if (j < tau) wx += d;
        else if (i >= tau) wy += d;
        else cross += d;
      }
    const m = tau;
    const k = n - tau;
    best = Math.max(
      best,
      ((m * k) / (m + k)) * ((2 * cross) / (m * k) - wx / ((m * (m - 1)) / 2) - wy / ((k * (k - 1)) / 2)),
    );
  }
  return best;
}

function runTiming(): void {
  console.log(
    '\n| points | Q̂ of every split, ms (ours) | naive O(n²) per split, ms | ratio | eDivisive with 199 permutations, ms |',
  );
  console.log('|---|---|---|---|---|');
  const rnd = mulberry32(seed);
  for (const n of [100, 500, 2000]) {
    const v = Array.from({ length: n }, (_, i) => LEVEL * (1 + 0.01 * rnd()) * (i >= n / 2 ? 1.05 : 1));
    const ours = time(() => qhatValues(v), 21);
    const naive = n <= 500 ? time(() => naiveQhat(v), n <= 100 ? 11 : 3) : NaN;
    const full = time(() => eDivisive(v), 5);
    const ratio = Number.isFinite(naive) ? (ours / naive).toFixed(4) : 'n/a (naive > 1 min)';
    console.log(
      `| ${n} | ${ours.toFixed(3)} | ${Number.isFinite(naive) ? naive.toFixed(1) : 'not run'} | ${ratio} | ${full.toFixed(1)} |`,
    );
  }
}

runCases();
if (!process.argv.includes('--no-timing')) runTiming();
