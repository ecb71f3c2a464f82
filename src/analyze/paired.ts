/**
 * Paired A/B mode, the analysis half: base and head measured alternately in the same job (A B A B …,
 * as Datadog's regression detector runs them), so a job factor or a slow drift hits both sides of a
 * pair alike and cancels in the difference. Nothing stored is needed.
 *
 * The test is the Wilcoxon signed-rank test on the per-pair differences head − base, matching
 * scipy.stats.wilcoxon's defaults (zero_method 'wilcox': zero differences dropped; no continuity
 * correction; exact null distribution when there are at most 50 non-zero differences and no ties,
 * else the normal approximation with the tie correction). The estimate is the Hodges-Lehmann
 * one-sample estimate (median of the Walsh averages). A regression needs all of p < α one-sided,
 * shift ≥ threshold × baseline median (or, with a baseline median of 0, only the floor), and
 * |shift| > floor.
 */
import { median, normalSf, rank } from './stats.js';

export interface SignedRankResult {
  /** Sum of the ranks of the positive differences (scipy's statistic for one-sided tests). */
  wPlus: number;
  /** min(W+, W−): scipy's statistic for the two-sided test. */
  w: number;
  p: number;
  /** Non-zero differences the test used. */
  n: number;
  method: 'exact' | 'asymptotic';
}

/** Number of sign assignments giving each W+ for ranks 1..n (no ties); `max` = n(n+1)/2. */
function wPlusCounts(n: number, max: number): number[] {
  const c = new Array<number>(max + 1).fill(0);
  c[0] = 1;
  for (let r = 1; r <= n; r++) for (let s = max; s >= r; s--) c[s] += c[s - r];
  return c;
}

export function wilcoxonSignedRank(
  differences: readonly number[],
  alternative: 'two-sided' | 'greater' | 'less' = 'two-sided',
): SignedRankResult {
  const d = differences.filter((x) => x !== 0);
  // No non-zero difference (n = 0) needs no case of its own: the exact distribution is then
  // W+ = 0 with certainty, so every alternative gives p = 1.
  const n = d.length;
  const { ranks, ties } = rank(d.map(Math.abs));
  // Stryker disable next-line EqualityOperator: zeros were dropped above, so x ≥ 0 and x > 0 agree
  const wPlus = d.reduce((s, x, i) => s + (x > 0 ? ranks[i] : 0), 0);
  const total = (n * (n + 1)) / 2;
  const w = Math.min(wPlus, total - wPlus);
  if (n <= 50 && ties.length === 0) {
    const counts = wPlusCounts(n, total);
    const all = 2 ** n;
    const atLeast = (x: number) => counts.slice(Math.ceil(x - 1e-9)).reduce((s, v) => s + v, 0) / all;
    const atMost = (x: number) => counts.slice(0, Math.floor(x + 1e-9) + 1).reduce((s, v) => s + v, 0) / all;
    const p =
      alternative === 'greater'
        ? atLeast(wPlus)
        : alternative === 'less'
          ? atMost(wPlus)
          : Math.min(1, 2 * Math.min(atLeast(wPlus), atMost(wPlus)));
    return { wPlus, w, p, n, method: 'exact' };
  }
  const mean = total / 2;
  const tieTerm = ties.reduce((s, t) => s + t * t * t - t, 0);
  // The tie-corrected variance is Σ r²/4 over the (mid-)ranks, so sd > 0 whenever n ≥ 1.
  const sd = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieTerm / 48);
  const z = (wPlus - mean) / sd;
  const p =
    alternative === 'greater'
      ? normalSf(z)
      : alternative === 'less'
        ? normalSf(-z)
        : Math.min(1, 2 * normalSf(Math.abs(z)));
  return { wPlus, w, p, n, method: 'asymptotic' };
}

/** One-sample Hodges-Lehmann estimate: the median of the Walsh averages (d_i + d_j) / 2, i ≤ j. */
export function walshMedian(d: readonly number[]): number {
  return median(d.flatMap((x, i) => d.slice(i).map((y) => (x + y) / 2)));
}

export interface PairedVerdict {
  change: 'regression' | 'improvement' | 'unchanged';
  pairs: number;
  /** Hodges-Lehmann shift of head over base, in the metric's unit. */
  shift: number;
  /** shift / |median(base)|; undefined when the base median is 0. */
  relative?: number;
  p: number;
  /** Which conditions held. */
  checks: { test: boolean; effect: boolean; floor: boolean };
}

/** The paired verdict on pairs measured alternately in one job (same length arrays, pair i = base[i], head[i]). */
export function comparePaired(
  base: readonly number[],
  head: readonly number[],
  t: { alpha: number; threshold: number; floor: number },
): PairedVerdict {
  if (base.length !== head.length || base.length === 0)
    throw new RangeError(
      `comparePaired needs as many base as head runs (got ${base.length} and ${head.length})`,
    );
  const d = head.map((h, i) => h - base[i]);
  const shift = walshMedian(d);
  const level = median(base);
  const relative = level === 0 ? undefined : shift / Math.abs(level);
  const up = shift >= 0;
  const p = wilcoxonSignedRank(d, up ? 'greater' : 'less').p;
  const checks = {
    test: p < t.alpha,
    effect: relative === undefined || Math.abs(relative) >= t.threshold,
    floor: Math.abs(shift) > t.floor,
  };
  const all = checks.test && checks.effect && checks.floor;
  return {
    change: all ? (up ? 'regression' : 'improvement') : 'unchanged',
    pairs: d.length,
    shift,
    ...(relative === undefined ? {} : { relative }),
    p,
    checks,
  };
}
