/**
 * Leak rules over each run's per-iteration series.
 *
 * trend (gauge series: pymem inuse, rtloader InuseBytes / live allocations, Go heap, goroutines):
 *   drop the warm-up, fit Theil-Sen, test with Mann-Kendall (one-sided, increasing). A run leaks when
 *   p < alpha AND slope ≥ max(abs floor, rel floor × median level) AND the second half of the
 *   post-warm-up series still grows: its own Theil-Sen slope is at least half the slope floor and
 *   its own Mann-Kendall test is significant (the slope alone let 8–12% of plateau caches through
 *   at 20 iterations in bench/detection; see RESULTS.md).
 *   The second-half rule is what clears a cache that fills and then plateaus: its early rise makes the
 *   whole-series trend significant, but the second half is flat.
 * retained (check_run_alloc with gc on): each point is what one check run kept. A run leaks when the
 *   median after warm-up exceeds the leak floor (a flat X > 0 is a leak; a steady check gives 0), or
 *   when the trend rule fires on it (a rising retained size).
 * untracked-frees: rtloader UntrackedFrees > 0 in any run is an accounting bug and always fails.
 * A leak must show in a strict majority of runs.
 *
 * Count metrics (live allocations, goroutines) cannot use byte floors. Their absolute slope floor is
 * 0.5 per iteration (one object every other iteration is a leak worth stopping; integer noise of ±1
 * gives Theil-Sen slopes of 0) unless an override sets leakSlopeAbs for that metric; the relative
 * floor applies unchanged.
 */
import { describeMetric, type MetricInfo } from '../metrics.js';
import type { RunSample } from '../model.js';
import type { LeakVerdict, RunLeakEvidence } from '../model-verdict.js';
import type { ResolvedThresholds } from './policy.js';
import { fmt } from './regression.js';
import { mannKendall, median, theilSen } from './stats.js';

export const COUNT_LEAK_SLOPE = 0.5;
/** Below this many post-warm-up points neither Mann-Kendall nor a half-series slope means anything. */
export const MIN_TREND_POINTS = 6;

export function warmupCount(length: number, warmup: number): number {
  return Math.min(length, Math.max(1, Math.floor(length * warmup)));
}

export function slopeFloor(info: Pick<MetricInfo, 'unit'>, t: ResolvedThresholds, level: number): number {
  const abs =
    info.unit === 'bytes' || t.explicit?.includes('leakSlopeAbs') ? t.leakSlopeAbs : COUNT_LEAK_SLOPE;
  return Math.max(abs, t.leakSlopeRel * Math.abs(level));
}

export interface TrendEvidence {
  leaking: boolean;
  slope: number;
  secondHalfSlope: number;
  p: number;
  floor: number;
  level: number;
  growth: number;
  tooShort: boolean;
}

/** The trend rule on one run's series (warm-up not yet dropped). */
export function trendRun(
  series: readonly number[],
  info: Pick<MetricInfo, 'unit'>,
  t: ResolvedThresholds,
): TrendEvidence {
  const post = series.slice(warmupCount(series.length, t.warmup));
  const level = median(post);
  const floor = slopeFloor(info, t, level);
  const growth = post.length ? post[post.length - 1] - post[0] : 0;
  if (post.length < MIN_TREND_POINTS)
    return {
      leaking: false,
      slope: theilSen(post).slope || 0,
      secondHalfSlope: 0,
      p: 1,
      floor,
      level,
      growth,
      tooShort: true,
    };
  const slope = theilSen(post).slope;
  const p = mannKendall(post, 'greater').p;
  const half = post.slice(Math.floor(post.length / 2));
  const secondHalfSlope = theilSen(half).slope;
  const secondHalfP = mannKendall(half, 'greater').p;
  const leaking = p < t.alpha && slope >= floor && secondHalfSlope >= floor / 2 && secondHalfP < t.alpha;
  return { leaking, slope, secondHalfSlope, p, floor, level, growth, tooShort: false };
}

function majority(n: number, of: number): boolean {
  return of > 0 && n > of / 2;
}

export interface LeakOptions {
  /** False when check_run_alloc was measured without gc: cyclic garbage then looks retained, so only the trend rule runs. */
  gc?: boolean;
}

/** The leak verdict of one leak-signal metric, or undefined when it has no series to judge. */
export function detectLeak(
  metric: string,
  runs: readonly RunSample[],
  t: ResolvedThresholds,
  opts: LeakOptions = {},
): LeakVerdict | undefined {
  const info = describeMetric(metric);
  const withSeries = runs.map((r, i) => ({ r, i })).filter(({ r }) => r.series.length > 0);
  if (withSeries.length === 0) return undefined;
  const common = { metric, runtime: info.runtime, unit: info.unit };
  const retainedRule = info.series === 'retained' && opts.gc !== false;

  const evidence: RunLeakEvidence[] = [];
  let retainedHits = 0;
  let tooShort = 0;
  for (const { r, i } of withSeries) {
    const tr = trendRun(r.series, info, t);
    if (tr.tooShort) tooShort++;
    const post = r.series.slice(warmupCount(r.series.length, t.warmup));
    const retained = info.series === 'retained' ? median(post.length ? post : r.series) : undefined;
    const keeps = retainedRule && retained !== undefined && retained > t.leakSlopeAbs;
    if (keeps) retainedHits++;
    evidence.push({
      run: i,
      leaking: keeps || tr.leaking,
      slope: tr.slope,
      p: tr.tooShort ? undefined : tr.p,
      retained,
      growth: tr.growth,
    });
  }
  const runsLeaking = evidence.filter((e) => e.leaking).length;
  const total = evidence.length;
  const leaking = majority(runsLeaking, total);
  const useRetained =
    retainedRule && (majority(retainedHits, total) || (!leaking && info.series === 'retained'));
  const perIteration = useRetained
    ? median(evidence.map((e) => e.retained ?? 0))
    : median(evidence.map((e) => e.slope));
  const growth = median(evidence.map((e) => e.growth));
  const u = (v: number) => fmt(v, info.unit);
  const floorText = `${u(t.leakSlopeAbs)}`;
  let reason: string;
  if (leaking && useRetained) {
    reason = `each check run keeps ${u(perIteration)} (median after warm-up) in ${runsLeaking} of ${total} runs, above the ${floorText} floor`;
  } else if (leaking) {
    reason = `grows ${u(perIteration)} per iteration (Theil-Sen, Mann-Kendall p < ${t.alpha}, second half still growing) in ${runsLeaking} of ${total} runs`;
  } else if (tooShort === total) {
    reason = `too few iterations after warm-up (< ${MIN_TREND_POINTS}) for a trend test${retainedRule ? '; retained size within the floor' : ''}`;
  } else if (runsLeaking > 0) {
    reason = `leak signs in ${runsLeaking} of ${total} runs only (a leak must show in most runs)`;
  } else {
    reason = useRetained
      ? `retained per run ${u(perIteration)} (median), within the ${floorText} floor; no rising trend`
      : `no leak: slope ${u(perIteration)} per iteration, no significant and sustained growth`;
  }
  if (info.series === 'retained' && opts.gc === false)
    reason += ' (measured without gc: retained-per-run rule skipped, cyclic garbage would look retained)';
  return {
    ...common,
    rule: useRetained ? 'retained' : 'trend',
    leaking,
    status: leaking ? 'fail' : 'pass',
    runsLeaking,
    runsTotal: total,
    perIteration,
    growth,
    runs: evidence,
    reason,
  };
}

/** rtloader UntrackedFrees: any run with a value above 0 fails, with the count. */
export function untrackedFrees(runs: readonly RunSample[]): LeakVerdict | undefined {
  if (runs.length === 0) return undefined;
  const info = describeMetric('c.rtloader.untracked_frees');
  const perRun = runs.map((r) => Math.max(r.value, ...r.series, 0));
  const worst = Math.max(...perRun);
  const hit = perRun.filter((v) => v > 0).length;
  return {
    metric: 'c.rtloader.untracked_frees',
    runtime: info.runtime,
    unit: info.unit,
    rule: 'untracked-frees',
    leaking: worst > 0,
    status: worst > 0 ? 'fail' : 'pass',
    runsLeaking: hit,
    runsTotal: runs.length,
    perIteration: 0,
    growth: worst,
    runs: perRun.map((v, i) => ({ run: i, leaking: v > 0, slope: 0, growth: v })),
    reason:
      worst > 0
        ? `rtloader freed ${worst} pointer(s) it never saw allocated (UntrackedFrees, in ${hit} of ${runs.length} runs): an accounting bug in the C/cgo memory tracking`
        : 'no untracked frees',
  };
}
