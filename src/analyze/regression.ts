/**
 * Regression rule for one metric: current runs against baseline runs.
 * - exact: every side's samples agree within `exactTolerance` → compare medians against
 *   baseline × (1 + threshold) and the exact floor (deterministic counters need no test, and no
 *   16 KiB noise floor);
 * - noisy (mann-whitney): all of one-sided MW p < alpha, bootstrap CI of the change excludes 0,
 *   Hodges-Lehmann shift / baseline median ≥ threshold, |shift| > floor, and the head job's median
 *   outside the prediction interval of the stored job medians (see jobs.ts). Outlying runs (at most
 *   one in five a side) are set aside first (see outliers.ts);
 * - threshold-only: a noisy metric with fewer than `minRuns` on a side, compared on medians (and
 *   the job interval), and the reason says so.
 * No relative rule hides an absolute change: when the baseline median is 0 the relative change is
 * undefined, and the change is decided on its size against the floor, said "from 0 B to 1 MiB".
 * Improvements are the mirror image. Status here is 'fail' for a regression; the verdict decides
 * whether the policy's fail-on keeps it a failure.
 */
import { describeMetric, type MetricUnit } from '../metrics.js';
import type { Change, MetricVerdict, SampleSummary } from '../model-verdict.js';
import { formatBytes, formatPercent } from '../units.js';
import { jobInterval, unknownJobsText, type JobInterval } from './jobs.js';
import { setAsideOutliers } from './outliers.js';
import type { ResolvedThresholds } from './policy.js';
import { bootstrapChange, hodgesLehmann, mad, mannWhitneyU, median } from './stats.js';

export function summarize(samples: readonly number[]): SampleSummary {
  return { samples: [...samples], median: median(samples), mad: mad(samples) };
}

/**
 * True when all samples lie within `tolerance` (relative) of their median. An empty sample is not
 * exact: its median is NaN, so both comparisons below are false.
 */
export function isExact(samples: readonly number[], tolerance: number): boolean {
  const m = median(samples);
  const spread = Math.max(...samples) - Math.min(...samples);
  return m === 0 ? spread === 0 : spread / Math.abs(m) <= tolerance;
}

/**
 * Floor in the metric's unit. Byte floors make no sense for counts (16 KiB of goroutines), so a count
 * metric uses 0 unless an override for it sets a floor explicitly. Exact metrics use `exactFloor`.
 */
export function floorFor(unit: MetricUnit, t: ResolvedThresholds, exact = false): number {
  const key = exact ? 'exactFloor' : 'floor';
  return unit === 'bytes' || t.explicit?.includes(key) ? t[key] : 0;
}

export function fmt(v: number, unit: MetricUnit): string {
  return unit === 'bytes' ? formatBytes(v) : String(Math.round(v * 100) / 100);
}

/** delta / |base|, or undefined when the base is 0 (never ±∞). */
export function relativeChange(delta: number, base: number): number | undefined {
  return base === 0 ? undefined : delta / Math.abs(base);
}

export interface CompareOptions {
  /** Bootstrap resamples (default 2000, see bootstrapChange) and seed (reproducible verdicts). */
  resamples?: number;
  seed?: number;
  /**
   * Skip the bootstrap when the other conditions already fail (the verdict is the same, the CI is
   * then absent). For benchmarks that run the rule thousands of times.
   */
  lazyCi?: boolean;
  /**
   * Medians of the stored baseline jobs (one per entry, oldest first). Absent: the rule judges the
   * runs alone (no job-level check). Present, even empty: the job-level check runs; with fewer than
   * 3 jobs the between-job spread is assumed (jobs.ts).
   */
  jobs?: readonly number[];
}

interface Context {
  metric: string;
  unit: MetricUnit;
  t: ResolvedThresholds;
  base: SampleSummary;
  cur: SampleSummary;
  common: Pick<MetricVerdict, 'metric' | 'runtime' | 'unit' | 'current'>;
  interval?: JobInterval;
}

export function compareMetric(
  metric: string,
  baseline: readonly number[] | undefined,
  current: readonly number[],
  t: ResolvedThresholds,
  opts: CompareOptions = {},
): MetricVerdict {
  const info = describeMetric(metric);
  const cur = summarize(current);
  const exactCur = isExact(current, t.exactTolerance);
  const common = { metric, runtime: info.runtime, unit: info.unit, current: cur };
  if (!baseline || baseline.length === 0) {
    return {
      ...common,
      kind: exactCur ? 'exact' : 'noisy',
      rule: 'no-baseline',
      change: 'no-baseline',
      status: 'pass',
      reason: 'no baseline to compare against',
    };
  }
  const base = summarize(baseline);
  const ctx: Context = { metric, unit: info.unit, t, base, cur, common };
  if (exactCur && isExact(base.samples, t.exactTolerance)) return deterministic(ctx, 'exact');
  ctx.interval = opts.jobs
    ? jobInterval(opts.jobs, { baseline: base.samples, current: cur.samples }, t)
    : undefined;
  const few = base.samples.length < t.minRuns || cur.samples.length < t.minRuns;
  return few ? deterministic(ctx, 'threshold-only') : noisy(ctx, opts);
}

function direction(up: boolean): 'regression' | 'improvement' {
  return up ? 'regression' : 'improvement';
}

/** "+12.0%", or "from 0 B to 1.00 MiB" when the relative change is undefined. */
function howMuch(delta: number, rel: number | undefined, ctx: Context, from: number, to: number): string {
  const size = fmt(Math.abs(delta), ctx.unit);
  return rel === undefined
    ? `${size} (from ${fmt(from, ctx.unit)} to ${fmt(to, ctx.unit)})`
    : `${size} (${formatPercent(rel)})`;
}

/** The head job's median against the job interval: does it lie beyond, in the change's direction? */
function outsideJobs(ctx: Context, up: boolean): boolean {
  const i = ctx.interval;
  if (!i) return true;
  return up ? ctx.cur.median > i.high : ctx.cur.median < i.low;
}

function jobText(ctx: Context): string {
  const i = ctx.interval;
  if (!i) return '';
  const pi = `[${fmt(i.low, ctx.unit)}, ${fmt(i.high, ctx.unit)}]`;
  const level = `${Number(((1 - 2 * i.alpha) * 100).toFixed(1))}%`;
  return i.known
    ? `the head job's median ${fmt(ctx.cur.median, ctx.unit)} vs the ${level} prediction interval ${pi} of ${i.jobs} stored jobs`
    : `the head job's median ${fmt(ctx.cur.median, ctx.unit)} vs ${pi} (${unknownJobsText(i)})`;
}

function jobEvidence(ctx: Context): Pick<MetricVerdict, 'jobs'> {
  const i = ctx.interval;
  return i ? { jobs: { known: i.known, count: i.jobs, centre: i.centre, low: i.low, high: i.high } } : {};
}

/** Exact metrics and the few-runs fallback: medians against threshold and floor. */
function deterministic(ctx: Context, rule: 'exact' | 'threshold-only'): MetricVerdict {
  const { t, base, cur, unit } = ctx;
  const exact = rule === 'exact';
  const floor = floorFor(unit, t, exact);
  const delta = cur.median - base.median;
  const rel = relativeChange(delta, base.median);
  const big = (rel === undefined || Math.abs(rel) >= t.threshold) && Math.abs(delta) > floor;
  // The direction only matters when the change is big, hence delta ≠ 0.
  const up = delta > 0;
  const jobsOk = outsideJobs(ctx, up);
  const change: Change = big && jobsOk ? direction(up) : 'unchanged';
  // With no relative change (baseline 0) only the floor decides, and the reason says only that.
  const pct = rel === undefined ? 'a baseline of 0 (only the size counts)' : formatPercent(t.threshold);
  const floorText = floor > 0 ? ` and the ${fmt(floor, unit)} floor` : '';
  const lead = exact
    ? `exact metric (all runs agree within ${formatPercent(t.exactTolerance, 1)})`
    : `only ${Math.min(base.samples.length, cur.samples.length)} run(s) on a side (fewer than ${t.minRuns}): no statistical test, threshold only on medians`;
  const size = howMuch(delta, rel, ctx, base.median, cur.median);
  let what: string;
  if (change !== 'unchanged') what = `${up ? 'grew' : 'shrank'} by ${size}, beyond ${pct}${floorText}`;
  else if (!big) what = `change ${size} is within ${pct}${floorText}`;
  else what = `change ${size} is beyond ${pct}${floorText} but not beyond job-to-job noise: ${jobText(ctx)}`;
  return {
    ...ctx.common,
    kind: exact ? 'exact' : 'noisy',
    rule,
    change,
    status: change === 'regression' ? 'fail' : 'pass',
    baseline: base,
    delta,
    ...(rel === undefined ? {} : { relative: rel }),
    ...jobEvidence(ctx),
    reason: `${lead}: ${what}`,
  };
}

interface Conditions {
  test: boolean;
  ci: boolean;
  effect: boolean;
  floor: boolean;
  jobs: boolean;
}

/** Noisy metrics with enough runs: rank test, bootstrap CI, effect size, floor and job interval. */
function noisy(ctx: Context, opts: CompareOptions): MetricVerdict {
  const { t, unit } = ctx;
  const b = setAsideOutliers(ctx.base.samples, t.minRuns);
  const c = setAsideOutliers(ctx.cur.samples, t.minRuns);
  const floor = floorFor(unit, t);
  const baseMedian = median(b.kept);
  const shift = hodgesLehmann(c.kept, b.kept);
  const rel = relativeChange(shift, baseMedian);
  const up = shift >= 0;
  const p = mannWhitneyU(c.kept, b.kept, up ? 'greater' : 'less').p;
  const pre = {
    test: p < t.alpha,
    effect: rel === undefined || Math.abs(rel) >= t.threshold,
    floor: Math.abs(shift) > floor,
    jobs: outsideJobs(ctx, up),
  };
  const scale = rel === undefined ? 'absolute' : 'relative';
  const ci =
    opts.lazyCi && !(pre.test && pre.effect && pre.floor && pre.jobs)
      ? undefined
      : bootstrapChange(b.kept, c.kept, {
          level: t.confidence,
          resamples: opts.resamples,
          seed: opts.seed,
          scale,
        });
  const checks: Conditions = { ...pre, ci: ci !== undefined && (up ? ci.low > 0 : ci.high < 0) };
  const all = checks.test && checks.ci && checks.effect && checks.floor && checks.jobs;
  const change: Change = all ? direction(up) : 'unchanged';
  const ciOut = ci && { low: ci.low, high: ci.high, level: ci.level };
  const setAside =
    b.setAside.length + c.setAside.length > 0
      ? { setAside: { baseline: b.setAside, current: c.setAside } }
      : {};
  return {
    ...ctx.common,
    kind: 'noisy',
    rule: 'mann-whitney',
    change,
    status: change === 'regression' ? 'fail' : 'pass',
    baseline: ctx.base,
    delta: shift,
    ...(rel === undefined ? {} : { relative: rel }),
    ...(ciOut ? (rel === undefined ? { deltaCi: ciOut } : { ci: ciOut }) : {}),
    ...jobEvidence(ctx),
    ...setAside,
    p,
    reason: noisyReason(ctx, {
      up,
      shift,
      rel,
      p,
      ci,
      checks,
      all,
      baseMedian,
      floor,
      aside: b.setAside.length + c.setAside.length,
    }),
  };
}

function noisyReason(
  ctx: Context,
  r: {
    up: boolean;
    shift: number;
    rel: number | undefined;
    p: number;
    ci: { low: number; high: number } | undefined;
    checks: Conditions;
    all: boolean;
    baseMedian: number;
    floor: number;
    aside: number;
  },
): string {
  const { t, unit } = ctx;
  const pct = r.rel === undefined ? 'a baseline of 0 (only the size counts)' : formatPercent(t.threshold);
  const level = `${Math.round(t.confidence * 100)}%`;
  const show = (v: number) => (r.rel === undefined ? fmt(v, unit) : formatPercent(v));
  const ciText = r.ci ? `${level} CI [${show(r.ci.low)}, ${show(r.ci.high)}]` : '';
  const floorText = r.floor > 0 ? ` and the ${fmt(r.floor, unit)} floor` : '';
  const aside = r.aside > 0 ? `; ${r.aside} outlying run(s) set aside` : '';
  const size = howMuch(r.shift, r.rel, ctx, r.baseMedian, r.baseMedian + r.shift);
  if (r.all) {
    const jobs = ctx.interval ? `, outside job-to-job noise (${jobText(ctx)})` : '';
    return `${r.up ? 'grew' : 'shrank'} by ${size}, Hodges-Lehmann: p = ${r.p.toPrecision(2)} < ${t.alpha}, ${ciText} excludes 0, beyond ${pct}${floorText}${jobs}${aside}`;
  }
  const missing = [
    !r.checks.test && `p = ${r.p.toPrecision(2)} ≥ α ${t.alpha}`,
    !r.checks.ci && r.ci && `the ${ciText} includes 0`,
    !r.checks.effect && r.rel !== undefined && `the shift ${formatPercent(r.rel)} is below ${pct}`,
    !r.checks.floor && `the shift ${fmt(Math.abs(r.shift), unit)} is below the ${fmt(r.floor, unit)} floor`,
    !r.checks.jobs && `within job-to-job noise: ${jobText(ctx)}`,
  ].filter((x): x is string => typeof x === 'string');
  return `no significant change: ${missing.join('; ')}${aside}`;
}
