/**
 * Regression rule for one metric: current runs against baseline runs.
 * - exact: every side's samples agree within `exactTolerance` → compare medians against
 *   baseline × (1 + threshold) and the floor (deterministic counters need no test);
 * - noisy (mann-whitney): all four of one-sided MW p < alpha, bootstrap CI of the relative change
 *   excludes 0, Hodges-Lehmann shift / baseline median ≥ threshold, |shift| > floor;
 * - threshold-only: a noisy metric with fewer than `minRuns` on a side, compared on medians, and
 *   the reason says so.
 * Improvements are the mirror image. Status here is 'fail' for a regression; the verdict decides
 * whether the policy's fail-on keeps it a failure.
 */
import { describeMetric, type MetricUnit } from '../metrics.js';
import type { MetricVerdict, SampleSummary } from '../model-verdict.js';
import type { ResolvedThresholds } from './policy.js';
import { bootstrapRelativeChange, hodgesLehmann, mad, mannWhitneyU, median } from './stats.js';
import { formatBytes, formatPercent } from '../units.js';

export function summarize(samples: readonly number[]): SampleSummary {
  return { samples: [...samples], median: median(samples), mad: mad(samples) };
}

/** True when all samples lie within `tolerance` (relative) of their median. */
export function isExact(samples: readonly number[], tolerance: number): boolean {
  if (samples.length === 0) return false;
  const m = median(samples);
  const spread = Math.max(...samples) - Math.min(...samples);
  return m === 0 ? spread === 0 : spread / Math.abs(m) <= tolerance;
}

/**
 * Floor in the metric's unit. Byte floors make no sense for counts (16 KiB of goroutines), so a count
 * metric uses 0 unless an override for it sets a floor explicitly.
 */
export function floorFor(unit: MetricUnit, t: ResolvedThresholds): number {
  return unit === 'bytes' || t.explicit?.includes('floor') ? t.floor : 0;
}

export function fmt(v: number, unit: MetricUnit): string {
  return unit === 'bytes' ? formatBytes(v) : String(Math.round(v * 100) / 100);
}

function relative(delta: number, base: number): number {
  if (base === 0) return delta === 0 ? 0 : Math.sign(delta) * Infinity;
  return delta / Math.abs(base);
}

export interface CompareOptions {
  /** Bootstrap resamples (default 2000) and seed (reproducible verdicts). */
  resamples?: number;
  seed?: number;
  /**
   * Skip the bootstrap when the other three conditions already fail (the verdict is the same, the
   * CI is then absent). For benchmarks that run the rule thousands of times.
   */
  lazyCi?: boolean;
}

export function compareMetric(
  metric: string,
  baseline: readonly number[] | undefined,
  current: readonly number[],
  t: ResolvedThresholds,
  opts: CompareOptions = {},
): MetricVerdict {
  const info = describeMetric(metric);
  const floor = floorFor(info.unit, t);
  const cur = summarize(current);
  const base = baseline && baseline.length > 0 ? summarize(baseline) : undefined;
  const exactCur = isExact(current, t.exactTolerance);
  const common = { metric, runtime: info.runtime, unit: info.unit, current: cur };
  if (!base) {
    return {
      ...common,
      kind: exactCur ? 'exact' : 'noisy',
      rule: 'no-baseline',
      change: 'no-baseline',
      status: 'pass',
      reason: 'no baseline to compare against',
    };
  }
  const exact = exactCur && isExact(base.samples, t.exactTolerance);
  const few = base.samples.length < t.minRuns || cur.samples.length < t.minRuns;
  const pct = formatPercent(t.threshold);
  const floorText = floor > 0 ? ` and the ${fmt(floor, info.unit)} floor` : '';

  if (exact || few) {
    const delta = cur.median - base.median;
    const rel = relative(delta, base.median);
    const beyond = Math.abs(rel) >= t.threshold && Math.abs(delta) > floor;
    const change = beyond ? (delta > 0 ? 'regression' : 'improvement') : 'unchanged';
    const rule = exact ? 'exact' : 'threshold-only';
    const lead = exact
      ? 'exact metric (all runs agree within ' + formatPercent(t.exactTolerance, 1) + ')'
      : `only ${Math.min(base.samples.length, cur.samples.length)} run(s) on a side (fewer than ${t.minRuns}): no statistical test, threshold only on medians`;
    const what =
      change === 'unchanged'
        ? `change ${fmt(delta, info.unit)} (${formatPercent(rel)}) is within ${pct}${floorText}`
        : `${change === 'regression' ? 'grew' : 'shrank'} by ${fmt(Math.abs(delta), info.unit)} (${formatPercent(rel)}), beyond ${pct}${floorText}`;
    return {
      ...common,
      kind: exact ? 'exact' : 'noisy',
      rule,
      change,
      status: change === 'regression' ? 'fail' : 'pass',
      baseline: base,
      delta,
      relative: rel,
      reason: `${lead}: ${what}`,
    };
  }

  const shift = hodgesLehmann(cur.samples, base.samples);
  const rel = relative(shift, base.median);
  const direction = shift >= 0 ? 1 : -1;
  const p = mannWhitneyU(cur.samples, base.samples, direction > 0 ? 'greater' : 'less').p;
  const test = p < t.alpha;
  const effect = Math.abs(rel) >= t.threshold;
  const overFloor = Math.abs(shift) > floor;
  const ci =
    opts.lazyCi && !(test && effect && overFloor)
      ? undefined
      : bootstrapRelativeChange(base.samples, cur.samples, {
          level: t.confidence,
          resamples: opts.resamples ?? 2000,
          seed: opts.seed,
        });
  const checks = {
    test,
    ci: ci !== undefined && (direction > 0 ? ci.low > 0 : ci.high < 0),
    effect,
    floor: overFloor,
  };
  const all = checks.test && checks.ci && checks.effect && checks.floor;
  const change = all ? (direction > 0 ? 'regression' : 'improvement') : 'unchanged';
  const missing = [
    !checks.test && `p = ${p.toPrecision(2)} ≥ α ${t.alpha}`,
    !checks.ci &&
      ci &&
      `the ${Math.round(t.confidence * 100)}% CI [${formatPercent(ci.low)}, ${formatPercent(ci.high)}] includes 0`,
    !checks.effect && `the shift ${formatPercent(rel)} is below ${pct}`,
    !checks.floor &&
      `the shift ${fmt(Math.abs(shift), info.unit)} is below the ${fmt(floor, info.unit)} floor`,
  ].filter((x): x is string => typeof x === 'string');
  const reason = all
    ? `${change === 'regression' ? 'grew' : 'shrank'} by ${fmt(Math.abs(shift), info.unit)} (${formatPercent(rel)}, Hodges-Lehmann): p = ${p.toPrecision(2)} < ${t.alpha}, ${Math.round(t.confidence * 100)}% CI [${formatPercent(ci?.low ?? NaN)}, ${formatPercent(ci?.high ?? NaN)}] excludes 0, beyond ${pct}${floorText}`
    : `no significant change: ${missing.join('; ')}`;
  return {
    ...common,
    kind: 'noisy',
    rule: 'mann-whitney',
    change,
    status: change === 'regression' ? 'fail' : 'pass',
    baseline: base,
    delta: shift,
    relative: rel,
    ...(ci ? { ci: { low: ci.low, high: ci.high, level: ci.level } } : {}),
    p,
    reason,
  };
}
