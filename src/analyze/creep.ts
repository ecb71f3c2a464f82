/**
 * Creeping growth: a metric that rose past the threshold over several merges while no single
 * merge crossed it, so the per-PR gate passed every one of them. Ten +2% merges leave a check 22%
 * heavier and nobody saw it happen.
 *
 * Two windows over the history (oldest first, the current head optionally appended last):
 * - the last `merges` merges;
 * - everything since the latest rise began: the commit before the first of the trailing change
 *   points (E-Divisive, `changepoint.ts`) that each raised the level.
 * A window creeps when all hold:
 * - its rise, last / first − 1, exceeds the threshold;
 * - no single merge explains it: without its biggest step the window still rises past the
 *   threshold (a step is the gate's to catch; one noisy +5.5% merge inside a ramp is not a step);
 * - the rise is a trend, not noise: Mann-Kendall says increasing at p < alpha.
 * The larger of the two rises is reported.
 */
import { escapeText, inlineCode } from '../report/escape.js';
import { mannKendall, median } from './stats.js';

export interface CreepOptions {
  /** Relative rise that counts (default 0.05, the regression threshold). */
  threshold?: number;
  /** Merges the cumulative window spans (default 10). */
  merges?: number;
  /** Mann-Kendall significance (default 0.05). */
  alpha?: number;
}

export interface CreepPoint {
  commit: string;
  value: number;
}

export interface CreepFinding {
  metric: string;
  /** Which window found it. */
  window: 'last-merges' | 'since-change-point';
  /** last / first − 1 over the window. */
  rise: number;
  /** Merges (steps) in the window. */
  merges: number;
  /** The point the rise is measured from. */
  since: CreepPoint;
  /** The latest point. */
  latest: CreepPoint;
  /** Mann-Kendall p of an increasing trend over the window. */
  p: number;
}

function judge(
  points: readonly CreepPoint[],
  metric: string,
  window: CreepFinding['window'],
  o: Required<CreepOptions>,
): CreepFinding | undefined {
  if (points.length < 3) return undefined;
  const first = points[0];
  const latest = points[points.length - 1];
  // Stryker disable next-line EqualityOperator: from a first value of 0 the rise is ±∞ or NaN and the first step ∞, so the checks below reject it anyway
  if (!(first.value > 0)) return undefined;
  const rise = latest.value / first.value - 1;
  if (!(rise > o.threshold)) return undefined;
  let biggest = 0;
  for (let i = 1; i < points.length; i++) {
    const before = points[i - 1].value;
    // Stryker disable next-line EqualityOperator: a step from 0 is ∞ or NaN (or −∞ to a negative value, after which the next step is from a negative), so the window is rejected either way
    biggest = Math.max(biggest, before > 0 ? points[i].value / before - 1 : Infinity);
  }
  // Without its biggest merge the window must still rise past the threshold: a step is the gate's.
  if (!((1 + rise) / (1 + biggest) - 1 > o.threshold)) return undefined;
  const { p } = mannKendall(
    points.map((x) => x.value),
    'greater',
  );
  if (!(p < o.alpha)) return undefined;
  return { metric, window, rise, merges: points.length - 1, since: first, latest, p };
}

/**
 * Where the latest rise began: the first of the trailing change points that each raised the level
 * (E-Divisive cuts a ramp into several upward steps), or -1 when the last change point was a drop.
 */
export function growthStart(values: readonly number[], changePoints: readonly number[]): number {
  // Stryker disable next-line EqualityOperator: a change point at 0 only adds an empty first segment whose median is NaN, which ends the walk where it ends anyway
  const cps = [...new Set(changePoints)].filter((c) => c > 0 && c < values.length).sort((a, b) => a - b);
  const bounds = [0, ...cps, values.length];
  const level = (k: number): number => median(values.slice(bounds[k], bounds[k + 1]));
  let start = -1;
  for (let k = cps.length; k >= 1 && level(k) > level(k - 1); k--) start = bounds[k];
  return start;
}

/**
 * Creep of one metric's series, or undefined. `changePoints` are indexes into `series` (the first
 * point of each new level), e.g. from `eDivisive`.
 */
export function detectCreep(
  metric: string,
  series: readonly CreepPoint[],
  changePoints: readonly number[],
  options: CreepOptions = {},
): CreepFinding | undefined {
  const o = {
    threshold: options.threshold ?? 0.05,
    merges: options.merges ?? 10,
    alpha: options.alpha ?? 0.05,
  };
  if (!Number.isInteger(o.merges) || o.merges < 2)
    throw new RangeError(`merges must be an integer ≥ 2, got ${o.merges}`);
  const start = growthStart(
    series.map((p) => p.value),
    changePoints,
  );
  const found = [
    judge(series.slice(-(o.merges + 1)), metric, 'last-merges', o),
    // Stryker disable next-line ConditionalExpression,EqualityOperator: start is -1 or a change point > 0, and from -1 the window would be the last 2 points, too few to creep
    start > 0 ? judge(series.slice(start - 1), metric, 'since-change-point', o) : undefined,
  ].filter((f): f is CreepFinding => f !== undefined);
  return found.sort((a, b) => b.rise - a.rise)[0];
}

/** The metric as people say it: `python.check_run_alloc` → `check_run_alloc`, `python.pymem.inuse` → `pymem.inuse`. */
export function metricLabel(metric: string): string {
  return metric.replace(/^(?:python|go|c)\./, '');
}

/**
 * The comment's one line, e.g. "check_run_alloc has risen 22% over the last 10 merges (since
 * `abc1234`)". Markdown by default (metric escaped, commit as inline code: both are store text);
 * `text` for a terminal.
 */
export function creepLine(
  f: CreepFinding,
  opts: { check?: string; format?: 'markdown' | 'text' } = {},
): string {
  const md = opts.format !== 'text';
  const pct = Math.round(f.rise * 100);
  const sha = /^[0-9a-f]{7,64}$/i.test(f.since.commit) ? f.since.commit.slice(0, 7) : f.since.commit;
  const code = (t: string): string => (md ? inlineCode(t, 64) : t);
  const who = opts.check === undefined ? '' : `${code(opts.check)}: `;
  const label = md ? escapeText(metricLabel(f.metric)) : metricLabel(f.metric);
  const merges = f.merges === 1 ? 'the last merge' : `the last ${f.merges} merges`;
  return `${who}${label} has risen ${pct}% over ${merges} (since ${code(sha)})`;
}
