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

/** Median absolute deviation (unscaled); NaN for an empty input, as its median is. */
export function mad(values: readonly number[]): number {
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
  // A variance of 0 means every value is tied (the tie term equals the total), so S = 0 and z = 0.
  const z = s > 0 ? (s - 1) / Math.sqrt(variance) : s < 0 ? (s + 1) / Math.sqrt(variance) : 0;
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
 * Percentile bootstrap CI of the change of medians: relative, (med(current) − med(baseline)) /
 * |med(baseline)|, or absolute, med(current) − med(baseline) (the only one defined when the
 * baseline median is 0). Each side is resampled independently; the seed makes the interval
 * reproducible run to run.
 */
export function bootstrapChange(
  baseline: readonly number[],
  current: readonly number[],
  opts: { level?: number; resamples?: number; seed?: number; scale?: 'relative' | 'absolute' } = {},
): BootstrapCI {
  const level = opts.level ?? 0.9;
  const resamples = opts.resamples ?? 2000;
  const rnd = mulberry32(opts.seed ?? 0x5eed);
  const change =
    opts.scale === 'absolute'
      ? (b: number, c: number) => c - b
      : (b: number, c: number) => (b === 0 ? (c === 0 ? 0 : Math.sign(c) * Infinity) : (c - b) / Math.abs(b));
  const estimate = change(median(baseline), median(current));
  const stats: number[] = [];
  const bufB = new Array<number>(baseline.length);
  const bufC = new Array<number>(current.length);
  for (let i = 0; i < resamples; i++) {
    const b = resampleMedian(baseline, rnd, bufB);
    stats.push(change(b, resampleMedian(current, rnd, bufC)));
  }
  stats.sort((a, b) => a - b);
  const tail = (1 - level) / 2;
  return { low: quantileSorted(stats, tail), high: quantileSorted(stats, 1 - tail), level, estimate };
}

/** The relative-change CI (see `bootstrapChange`). */
export function bootstrapRelativeChange(
  baseline: readonly number[],
  current: readonly number[],
  opts: { level?: number; resamples?: number; seed?: number } = {},
): BootstrapCI {
  return bootstrapChange(baseline, current, { ...opts, scale: 'relative' });
}

/** Find x in [lo, hi] with f(x) = target for an increasing f (bisection to double precision). */
function invert(f: (x: number) => number, target: number, lo: number, hi: number): number {
  for (let i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, Math.abs(lo)); i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Standard normal quantile: z with P(Z ≤ z) = p. */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile needs 0 < p < 1, got ${p}`);
  return invert(normalCdf, p, -40, 40);
}

/**
 * Continued fraction of the regularised incomplete beta function (Numerical Recipes, betacf,
 * modified Lentz). Converges for x < (a + 1) / (a + b + 2); the caller uses the symmetry otherwise.
 */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  d = 1 / (Math.abs(d) < tiny ? tiny : d);
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    for (const num of [
      (m * (b - m) * x) / ((a + m2 - 1) * (a + m2)),
      (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1)),
    ]) {
      d = 1 + num * d;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = 1 + num / c;
      if (Math.abs(c) < tiny) c = tiny;
      h *= d * c;
    }
    if (Math.abs(d * c - 1) < 1e-15) break;
  }
  return h;
}

/** ln Γ(x) for x > 0 (Lanczos, g = 7, 9 terms; ~15 significant digits). */
function logGamma(x: number): number {
  const g = [
    0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406,
    12.507343278686905, -0.13857109526572012, 9.984369578019572e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const y = x - 1;
  let a = g[0];
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += g[i] / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularised incomplete beta I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2)
    ? (front * betaFraction(a, b, x)) / a
    : 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/** Student t CDF with `df` degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** Student t quantile: t with P(T ≤ t) = p, for `df` degrees of freedom. */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`studentTQuantile needs 0 < p < 1, got ${p}`);
  if (!(df > 0)) throw new RangeError(`studentTQuantile needs df > 0, got ${df}`);
  return invert((t) => studentTCdf(t, df), p, -1e4, 1e4);
}

/** Sample standard deviation (n − 1); 0 for fewer than two values. */
/** Arithmetic mean; NaN for no values. */
export function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

export function sampleSd(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return 0;
  const m = mean(values);
  return Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / (n - 1));
}
