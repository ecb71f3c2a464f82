/**
 * Leak rules over each run's per-iteration series.
 *
 * trend (gauge series: pymem inuse, rtloader InuseBytes / live allocations, Go heap, goroutines):
 *   drop the warm-up, then a run leaks when either
 *   - the series keeps rising: Mann-Kendall (one-sided) p < alpha and Theil-Sen slope ≥ max(abs
 *     floor, rel floor × median level) on the whole post-warm-up series; each half rising too (its
 *     own Theil-Sen slope ≥ half the floor and its own Mann-Kendall p < alpha); and each third's
 *     Theil-Sen slope ≥ half the floor. The halves clear a cache that fills and then plateaus (its
 *     early rise makes the whole-series trend significant, but the second half is flat); the thirds
 *     clear a slow collection cycle (period 0.6–1.2× the run), whose rising part can fill most of a
 *     run but never all of it (bench/detection/RESULTS.md, "Leaks that breathe");
 *   - or, under a GC sawtooth, the post-GC points rise: the drops are the successive differences
 *     far below the others (modified z-score > 3.5), at least two of them; the points right after
 *     them are the collected level, and their least-squares slope must be ≥ the floor and
 *     significant (z-test, σ from the differences between drops). A sawtooth alone or a cycle
 *     without drops is not a leak.
 * retained (check_run_alloc, only when gc is known to be on): each point is what one check run
 *   kept. A run leaks when the mean kept per check run after warm-up is above the leak floor and at
 *   least two check runs kept something (a check that keeps 12 KiB every 4th run has a median of 0
 *   and is still a leak; a cache filled once is not), or when the trend rule fires on it. With gc
 *   off or unknown, cyclic garbage looks retained: the rule is off, and the reason says how to
 *   turn it on.
 * untracked-frees: rtloader UntrackedFrees > 0 in any run is an accounting bug and always fails.
 * A leak must show in a strict majority of runs.
 *
 * Count metrics (live allocations, goroutines) cannot use byte floors. Their absolute slope floor is
 * 0.5 per iteration (one object every other iteration is a leak worth stopping; integer noise of ±1
 * gives Theil-Sen slopes of 0) unless an override sets leakSlopeAbs for that metric; the relative
 * floor applies unchanged.
 */
import { describeMetric, type MetricInfo } from '../metrics.js';
import type { Known, RunSample } from '../model.js';
import type { LeakVerdict, RunLeakEvidence } from '../model-verdict.js';
import type { ResolvedThresholds } from './policy.js';
import { fmt } from './regression.js';
import { mad, mannKendall, mean, median, normalQuantile, theilSen } from './stats.js';

export const COUNT_LEAK_SLOPE = 0.5;
/** Below this many post-warm-up points neither Mann-Kendall nor a half-series slope means anything. */
export const MIN_TREND_POINTS = 6;
/** A GC drop: a successive difference this far below the others, by the modified z-score. */
export const DROP_Z = 3.5;
/** Check runs that must keep something before a mean retention counts as a leak. */
export const MIN_RETAINING = 2;

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
  /** Which shape leaked: a sustained rise, or rising post-GC points under a sawtooth. */
  shape?: 'rising' | 'post-gc';
  slope: number;
  secondHalfSlope: number;
  p: number;
  floor: number;
  level: number;
  growth: number;
  tooShort: boolean;
  /** The post-GC slope, when the series has GC drops. */
  postGcSlope?: number;
}

function rises(xs: readonly number[], floor: number, alpha: number): boolean {
  return theilSen(xs).slope >= floor && mannKendall(xs, 'greater').p < alpha;
}

/** The sustained-rise conditions on the halves and thirds (the whole series is checked by the caller). */
function sustained(post: readonly number[], floor: number, alpha: number): boolean {
  const h = Math.floor(post.length / 2);
  const k = Math.floor(post.length / 3);
  const thirds = [post.slice(0, k + 1), post.slice(k, 2 * k + 1), post.slice(2 * k)];
  return (
    rises(post.slice(h), floor / 2, alpha) &&
    rises(post.slice(0, h + 1), floor / 2, alpha) &&
    thirds.every((third) => theilSen(third).slope >= floor / 2)
  );
}

/**
 * Under a GC sawtooth: the slope of the points right after each drop, when it is ≥ the floor and
 * significant at alpha; undefined when the series has fewer than two drops.
 */
export function postGcSlope(
  post: readonly number[],
  floor: number,
  alpha: number,
): { slope: number; leaking: boolean } | undefined {
  const d = post.slice(1).map((v, i) => v - post[i]);
  const md = median(d);
  const scale = mad(d);
  if (!(scale > 0)) return undefined;
  const after = d.flatMap((v, i) => ((0.6745 * (md - v)) / scale > DROP_Z ? [i + 1] : []));
  if (after.length < 2) return undefined;
  const between = d.filter((_, i) => !after.includes(i + 1));
  const sigma = (1.4826 * mad(between)) / Math.SQRT2;
  const ys = after.map((i) => post[i]);
  const mx = mean(after);
  const sxx = after.reduce((s, x) => s + (x - mx) ** 2, 0);
  // Least squares: Σ(x − x̄)(y − ȳ) = Σ(x − x̄)·y, because Σ(x − x̄) = 0.
  const slope = after.reduce((s, x, j) => s + (x - mx) * ys[j], 0) / sxx;
  // σ = 0 (the steps between drops all alike) needs no branch: a rising slope gives z = +∞, and a
  // flat (NaN) or falling one never clears a floor ≥ 0 and a quantile ≥ 0 (alpha ≤ 0.5) anyway.
  const z = slope / (sigma / Math.sqrt(sxx));
  return { slope, leaking: slope >= floor && z > normalQuantile(1 - alpha) };
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
  const common = { floor, level, growth };
  if (post.length < MIN_TREND_POINTS)
    return {
      ...common,
      leaking: false,
      slope: theilSen(post).slope || 0,
      secondHalfSlope: 0,
      p: 1,
      tooShort: true,
    };
  const slope = theilSen(post).slope;
  const p = mannKendall(post, 'greater').p;
  const secondHalfSlope = theilSen(post.slice(Math.floor(post.length / 2))).slope;
  const rising = p < t.alpha && slope >= floor && sustained(post, floor, t.alpha);
  const gc = rising ? undefined : postGcSlope(post, floor, t.alpha);
  const leaking = rising || gc?.leaking === true;
  return {
    ...common,
    leaking,
    ...(leaking ? { shape: rising ? 'rising' : 'post-gc' } : {}),
    slope,
    secondHalfSlope,
    p,
    tooShort: false,
    ...(gc ? { postGcSlope: gc.slope } : {}),
  };
}

/** A strict majority of `of` runs (never 0: detectLeak returns early without a series). */
function majority(n: number, of: number): boolean {
  return n > of / 2;
}

export interface LeakOptions {
  /**
   * Whether check_run_alloc was measured with gc: only `true` turns the retained-per-run rule on
   * (without gc, cyclic garbage looks retained; unknown is treated as off).
   */
  gc?: Known<boolean>;
}

/** What one run's check_run_alloc series kept: mean per check run after warm-up, and how many kept. */
function retention(series: readonly number[], warmup: number): { mean: number; retaining: number } {
  const post = series.slice(warmupCount(series.length, warmup));
  const xs = post.length ? post : series;
  return { mean: mean(xs), retaining: xs.filter((v) => v > 0).length };
}

interface RunJudgement {
  evidence: RunLeakEvidence;
  tooShort: boolean;
  keeps: boolean;
  retaining: number;
  shape?: 'rising' | 'post-gc';
}

function judgeRun(
  r: RunSample,
  run: number,
  info: MetricInfo,
  t: ResolvedThresholds,
  retainedRule: boolean,
): RunJudgement {
  const tr = trendRun(r.series, info, t);
  // Computed for every series (cheap), shown and used only for check_run_alloc.
  const ret = retention(r.series, t.warmup);
  const keeps = retainedRule && ret.mean > t.leakSlopeAbs && ret.retaining >= MIN_RETAINING;
  return {
    evidence: {
      run,
      leaking: keeps || tr.leaking,
      slope: tr.shape === 'post-gc' ? (tr.postGcSlope ?? tr.slope) : tr.slope,
      p: tr.tooShort ? undefined : tr.p,
      retained: info.series === 'retained' ? ret.mean : undefined,
      growth: tr.growth,
    },
    tooShort: tr.tooShort,
    keeps,
    retaining: ret.retaining,
    shape: tr.shape,
  };
}

/** Why the retained-per-run rule did not run on check_run_alloc, and how to turn it on. */
export function retainedOffNote(gc: Known<boolean> | undefined): string {
  const why = gc === false ? 'measured without gc' : 'gc unknown';
  return `retained-per-run rule off (${why}: cyclic garbage would look retained); capture with --m-gc 1 (Action input m-gc: true) to turn it on`;
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
  const retainedRule = info.series === 'retained' && opts.gc === true;
  const judged = withSeries.map(({ r, i }) => judgeRun(r, i, info, t, retainedRule));
  const evidence = judged.map((j) => j.evidence);
  const total = evidence.length;
  const runsLeaking = evidence.filter((e) => e.leaking).length;
  const leaking = majority(runsLeaking, total);
  const retainedHits = judged.filter((j) => j.keeps).length;
  const useRetained = retainedRule && (majority(retainedHits, total) || !leaking);
  const perIteration = median(evidence.map((e) => (useRetained ? (e.retained ?? 0) : e.slope)));
  const u = (v: number) => fmt(v, info.unit);
  const floorText = u(t.leakSlopeAbs);
  const postGc = judged.filter((j) => j.shape === 'post-gc').length > runsLeaking / 2;
  let reason: string;
  if (leaking && useRetained) {
    const keepers = median(judged.map((j) => j.retaining));
    reason = `each check run keeps ${u(perIteration)} on average after warm-up (memory kept in ${keepers} check runs of a process, median) in ${runsLeaking} of ${total} runs, above the ${floorText} floor`;
  } else if (leaking && postGc) {
    reason = `the level after each GC rises ${u(perIteration)} per iteration (post-GC points under a sawtooth, p < ${t.alpha}) in ${runsLeaking} of ${total} runs`;
  } else if (leaking) {
    reason = `grows ${u(perIteration)} per iteration (Theil-Sen, Mann-Kendall p < ${t.alpha}, still growing through every half and third) in ${runsLeaking} of ${total} runs`;
  } else if (judged.every((j) => j.tooShort)) {
    reason = `too few iterations after warm-up (< ${MIN_TREND_POINTS}) for a trend test${retainedRule ? '; retained size within the floor' : ''}`;
  } else if (runsLeaking > 0) {
    reason = `leak signs in ${runsLeaking} of ${total} runs only (a leak must show in most runs)`;
  } else {
    reason = useRetained
      ? `retained per check run ${u(perIteration)} on average (median over runs), within the ${floorText} floor or in fewer than ${MIN_RETAINING} check runs; no rising trend`
      : `no leak: slope ${u(perIteration)} per iteration, no significant and sustained growth`;
  }
  if (info.series === 'retained' && !retainedRule) reason += `; ${retainedOffNote(opts.gc)}`;
  return {
    metric,
    runtime: info.runtime,
    unit: info.unit,
    rule: useRetained ? 'retained' : 'trend',
    leaking,
    status: leaking ? 'fail' : 'pass',
    runsLeaking,
    runsTotal: total,
    perIteration,
    growth: median(evidence.map((e) => e.growth)),
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
