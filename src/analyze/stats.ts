/**
 * The statistics memgate decides with. Pure functions over number arrays, no I/O.
 * p-values follow scipy.stats.mannwhitneyu(method='auto') and the classic Mann-Kendall test
 * (Gilbert 1987), so results can be checked against published tables and examples.
 */
import { errorFunction, median as ssMedian, quantileSorted } from 'simple-statistics';

export type Alternative = 'two-sided' | 'greater' | 'less';

/** Median that tolerates an empty input (NaN) and never mutates its argument. */
export function median(values: readonly number[]): number {
  return values.length === 0 ? NaN : ssMedian([...values]);
}

/** Median absolute deviation (unscaled). */
export function mad(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const m = median(values);
  return median(values.map((v) => Math.abs(v - m)));
}

/**
 * Standard normal survival function P(Z > z). Built from simple-statistics' erf (Numerical Recipes
 * erfc, relative error < 1.2e-7) because its cumulativeStdNormalProbability is a 2-digit table.
 * The upper tail is computed as 1 - Phi to keep the same formula on both sides.
 */
export function normalSf(z: number): number {
  return 0.5 * (1 - errorFunction(z / Math.SQRT2));
}

export function normalCdf(z: number): number {
  return 0.5 * (1 + errorFunction(z / Math.SQRT2));
}

/** Average ranks (1-based) with ties sharing their mean rank, plus the tie group sizes. */
export function rank(values: readonly number[]): { ranks: number[]; ties: number[] } {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(values.length);
  const ties: number[] = [];
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k][1]] = r;
    if (j > i) ties.push(j - i + 1);
    i = j + 1;
  }
  return { ranks, ties };
}

/**
 * Null distribution of U for sample sizes (m, n) without ties: the number of arrangements giving
 * each U, i.e. the coefficients of the Gaussian binomial [m+n choose m]_q. Built by multiplying
 * (1 − q^(n+i)) / (1 − q^i) for i = 1..m; every step stays in exact integers (< 2^53 for the sizes
 * `auto` sends here), so the p-values are exact.
 */
function uFrequencies(m: number, n: number): number[] {
  const size = m * n + 1;
  const c = new Array<number>(size).fill(0);
  c[0] = 1;
  for (let i = 1; i <= m; i++) {
    const up = n + i;
    for (let k = size - 1; k >= up; k--) c[k] -= c[k - up];
    for (let k = i; k < size; k++) c[k] += c[k - i];
  }
  return c;
}

export interface MannWhitneyResult {
  /** U of the first sample (as scipy reports it). */
  u: number;
  p: number;
  method: 'exact' | 'asymptotic';
}

/**
 * Mann-Whitney U test of x against y. `greater`: x tends to be larger than y.
 * method 'auto' matches scipy ≥ 1.7: exact when there are no ties and either sample has ≤ 8 values,
 * otherwise the normal approximation with tie correction and a 0.5 continuity correction.
 */
export function mannWhitneyU(
  x: readonly number[],
  y: readonly number[],
  alternative: Alternative = 'two-sided',
  method: 'auto' | 'exact' | 'asymptotic' = 'auto',
): MannWhitneyResult {
  const n1 = x.length;
  const n2 = y.length;
  if (n1 === 0 || n2 === 0) throw new RangeError('mannWhitneyU needs at least one value on each side');
  const { ranks, ties } = rank([...x, ...y]);
  let r1 = 0;
  for (let i = 0; i < n1; i++) r1 += ranks[i];
  const u1 = r1 - (n1 * (n1 + 1)) / 2;
  const u2 = n1 * n2 - u1;
  const useExact = method === 'exact' || (method === 'auto' && ties.length === 0 && Math.min(n1, n2) <= 8);
  if (useExact) {
    const freq = uFrequencies(Math.min(n1, n2), Math.max(n1, n2));
    const total = freq.reduce((s, v) => s + v, 0);
    // P(U >= u), by symmetry of the null distribution equal to P(U <= n1 n2 - u).
    const sf = (u: number): number => {
      let s = 0;
      for (let k = Math.ceil(u - 1e-9); k < freq.length; k++) s += freq[k];
      return s / total;
    };
    const p =
      alternative === 'greater'
        ? sf(u1)
        : alternative === 'less'
          ? sf(u2)
          : Math.min(1, 2 * sf(Math.max(u1, u2)));
    return { u: u1, p, method: 'exact' };
  }
  const n = n1 + n2;
  const tieTerm = ties.reduce((s, t) => s + t * t * t - t, 0);
  const sigma = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
  const mu = (n1 * n2) / 2;
  const u = alternative === 'greater' ? u1 : alternative === 'less' ? u2 : Math.max(u1, u2);
  if (sigma === 0) return { u: u1, p: 1, method: 'asymptotic' };
  const z = (u - mu - 0.5) / sigma;
  const p = alternative === 'two-sided' ? Math.min(1, 2 * normalSf(z)) : normalSf(z);
  return { u: u1, p: Math.max(0, Math.min(1, p)), method: 'asymptotic' };
}

/** Hodges-Lehmann estimate of the shift x − y: the median of all pairwise differences. */
export function hodgesLehmann(x: readonly number[], y: readonly number[]): number {
  const d: number[] = [];
  for (const a of x) for (const b of y) d.push(a - b);
  return median(d);
}

/** Theil-Sen slope of ys against xs (default xs = 0, 1, 2, …): the median of pairwise slopes. */
export function theilSen(
  ys: readonly number[],
  xs?: readonly number[],
): { slope: number; intercept: number } {
  const x = xs ?? ys.map((_, i) => i);
  const slopes: number[] = [];
  for (let i = 0; i < ys.length; i++)
    for (let j = i + 1; j < ys.length; j++) if (x[j] !== x[i]) slopes.push((ys[j] - ys[i]) / (x[j] - x[i]));
  if (slopes.length === 0) return { slope: 0, intercept: ys.length ? median(ys) : NaN };
  const slope = median(slopes);
  return { slope, intercept: median(ys.map((v, i) => v - slope * x[i])) };
}

export interface MannKendallResult {
  s: number;
  variance: number;
  z: number;
  /** p for the requested alternative ('greater' = increasing trend). */
  p: number;
  /** Kendall's tau-a = S / (n(n−1)/2). */
  tau: number;
}

/**
 * Mann-Kendall trend test (Gilbert 1987, §16.4): S = Σ sign(x_j − x_i), variance with the tie
 * correction Σ t(t−1)(2t+5), Z with the ±1 continuity correction, normal p-value.
 */
export function mannKendall(
  values: readonly number[],
  alternative: Alternative = 'two-sided',
): MannKendallResult {
  const n = values.length;
  let s = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) s += Math.sign(values[j] - values[i]);
  const { ties } = rank(values);
  const tieTerm = ties.reduce((acc, t) => acc + t * (t - 1) * (2 * t + 5), 0);
  const variance = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
  const z =
    variance <= 0 ? 0 : s > 0 ? (s - 1) / Math.sqrt(variance) : s < 0 ? (s + 1) / Math.sqrt(variance) : 0;
  const p =
    variance <= 0
      ? 1
      : alternative === 'greater'
        ? normalSf(z)
        : alternative === 'less'
          ? normalCdf(z)
          : Math.min(1, 2 * normalSf(Math.abs(z)));
  const pairs = (n * (n - 1)) / 2;
  return { s, variance, z, p, tau: pairs > 0 ? s / pairs : 0 };
}

/** mulberry32: a tiny seeded PRNG (32-bit state), plenty for resampling and benchmarks. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function resampleMedian(values: readonly number[], rnd: () => number, buf: number[]): number {
  const n = values.length;
  for (let i = 0; i < n; i++) buf[i] = values[Math.floor(rnd() * n)];
  buf.sort((a, b) => a - b);
  return n % 2 ? buf[(n - 1) / 2] : (buf[n / 2 - 1] + buf[n / 2]) / 2;
}

export interface BootstrapCI {
  low: number;
  high: number;
  level: number;
  /** The plug-in estimate on the original samples. */
  estimate: number;
}

/**
 * Percentile bootstrap CI of the relative change of medians, (med(current) − med(baseline)) / med(baseline).
 * Each side is resampled independently; the seed makes the interval reproducible run to run.
 */
export function bootstrapRelativeChange(
  baseline: readonly number[],
  current: readonly number[],
  opts: { level?: number; resamples?: number; seed?: number } = {},
): BootstrapCI {
  const level = opts.level ?? 0.9;
  const resamples = opts.resamples ?? 2000;
  const rnd = mulberry32(opts.seed ?? 0x5eed);
  const mb = median(baseline);
  const estimate = (median(current) - mb) / Math.abs(mb);
  const stats: number[] = [];
  const bufB = new Array<number>(baseline.length);
  const bufC = new Array<number>(current.length);
  for (let i = 0; i < resamples; i++) {
    const b = resampleMedian(baseline, rnd, bufB);
    const c = resampleMedian(current, rnd, bufC);
    const r = b === 0 ? (c === 0 ? 0 : Math.sign(c) * Infinity) : (c - b) / Math.abs(b);
    stats.push(r);
  }
  stats.sort((a, b) => a - b);
  const tail = (1 - level) / 2;
  return { low: quantileSorted(stats, tail), high: quantileSorted(stats, 1 - tail), level, estimate };
}
