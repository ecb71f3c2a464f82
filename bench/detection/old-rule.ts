/**
 * The rules as they were before issue 13, frozen here as the peer the new rules are measured
 * against (bench/detection/RESULTS.md, "old rule" columns). Not used by memgate itself.
 * - regression: the four-condition rule on runs alone (MW p < α, bootstrap CI of the relative
 *   change excludes 0, Hodges-Lehmann shift ≥ threshold, shift > floor), threshold-only on
 *   medians below minRuns, no outlier handling, no job-level check;
 * - leak: Theil-Sen + Mann-Kendall on the post-warm-up series, second half still growing, majority
 *   of runs; retained rule on the median of check_run_alloc.
 */
import type { ResolvedThresholds } from '../../src/analyze/policy.js';
import {
  bootstrapRelativeChange,
  hodgesLehmann,
  mannKendall,
  mannWhitneyU,
  median,
  theilSen,
} from '../../src/analyze/stats.js';

export function oldRegression(
  base: readonly number[],
  cur: readonly number[],
  t: ResolvedThresholds,
): boolean {
  const mb = median(base);
  if (base.length < t.minRuns || cur.length < t.minRuns) {
    const d = median(cur) - mb;
    return mb !== 0 && d / Math.abs(mb) >= t.threshold && d > t.floor;
  }
  const shift = hodgesLehmann(cur, base);
  if (!(mb !== 0 && shift / Math.abs(mb) >= t.threshold && shift > t.floor)) return false;
  if (!(mannWhitneyU(cur, base, 'greater').p < t.alpha)) return false;
  return bootstrapRelativeChange(base, cur, { level: t.confidence, resamples: 1000, seed: 1 }).low > 0;
}

/** One run's old trend rule. */
function oldTrendRun(series: readonly number[], t: ResolvedThresholds): boolean {
  const post = series.slice(Math.min(series.length, Math.max(1, Math.floor(series.length * t.warmup))));
  if (post.length < 6) return false;
  const floor = Math.max(t.leakSlopeAbs, t.leakSlopeRel * Math.abs(median(post)));
  const half = post.slice(Math.floor(post.length / 2));
  return (
    mannKendall(post, 'greater').p < t.alpha &&
    theilSen(post).slope >= floor &&
    theilSen(half).slope >= floor / 2 &&
    mannKendall(half, 'greater').p < t.alpha
  );
}

/** The old leak verdict on gauge runs: a strict majority of runs leak by the trend rule. */
export function oldTrendLeak(runs: readonly (readonly number[])[], t: ResolvedThresholds): boolean {
  return runs.filter((s) => oldTrendRun(s, t)).length > runs.length / 2;
}

/** The old retained rule (gc on): a strict majority of runs with a post-warm-up median above the floor. */
export function oldRetainedLeak(runs: readonly (readonly number[])[], t: ResolvedThresholds): boolean {
  const keeps = runs.filter((s) => {
    const post = s.slice(Math.min(s.length, Math.max(1, Math.floor(s.length * t.warmup))));
    return median(post.length ? post : s) > t.leakSlopeAbs || oldTrendRun(s, t);
  });
  return keeps.length > runs.length / 2;
}
