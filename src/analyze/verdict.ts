/**
 * analyze(): MemoryReport + baselines + policy → Verdict. Pure; the baseline lookup is a function so
 * storage never leaks in here. Every entry keeps its evidence, and the policy's fail-on decides which
 * kinds fail the job (the others are shown as warnings). Waivers turn a failure into a warning while
 * they hold; an expired waiver is named in the notes and no longer protects.
 */
import type { BaselineLookup } from '../baseline/types.js';
import { describeMetric, METRICS } from '../metrics.js';
import {
  checkId,
  UNKNOWN_PROFILING,
  type CheckKey,
  type CheckReport,
  type Known,
  type MemoryReport,
  type RunSample,
} from '../model.js';
import type {
  BudgetVerdict,
  ChartSeries,
  CheckVerdict,
  LeakVerdict,
  MetricVerdict,
  Status,
  Verdict,
  VerdictCounts,
  Waiver,
} from '../model-verdict.js';
import { checkBudgets } from './budget.js';
import { UNKNOWN_JOBS_NOTE } from './jobs.js';
import { detectLeak, untrackedFrees, warmupCount } from './leak.js';
import { notCompared, type NotCompared } from './options.js';
import {
  findWaiver,
  matches,
  thresholdsFor,
  waiverExpired,
  type FailKind,
  type Policy,
  type PolicyWaiver,
} from './policy.js';
import { compareMetric, type CompareOptions } from './regression.js';
import { growingSites } from './sites.js';
import { median } from './stats.js';

const UNTRACKED = 'c.rtloader.untracked_frees';
const ORDER = Object.keys(METRICS);

function metricOrder(a: string, b: string): number {
  const ia = ORDER.indexOf(a);
  const ib = ORDER.indexOf(b);
  return (ia < 0 ? 1e9 : ia) - (ib < 0 ? 1e9 : ib) || a.localeCompare(b);
}

/**
 * A stable 32-bit seed per check and metric, so a verdict is the same every time it is computed:
 * the FNV-1a hash of the text.
 */
export function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** check_run_alloc retains cyclic garbage without gc; the environment says whether gc was on. */
function gcOption(report: MemoryReport): boolean | undefined {
  const o = report.environment.options;
  for (const k of ['m-gc', 'gc', 'mGc', 'profile_memory_gc']) {
    const v = o[k];
    if (v === undefined) continue;
    return !(v === false || v === 0 || v === '0' || v === 'false');
  }
  return undefined;
}

/** The most severe status: fail over warn over pass; nothing to judge passes. */
export function worst(statuses: Status[]): Status {
  if (statuses.includes('fail')) return 'fail';
  return statuses.includes('warn') ? 'warn' : 'pass';
}

interface Judged {
  status: Status;
  waiver?: Waiver;
}

/**
 * Apply fail-on and waivers to one entry that its rule marked 'fail'. `always` entries (untracked
 * frees) fail whatever fail-on says; only a waiver softens them.
 */
export function judge(
  entry: Judged & { metric: string },
  kind: FailKind | 'always',
  check: CheckKey,
  policy: Policy,
  now: Date,
  notes: string[],
): void {
  if (entry.status !== 'fail') return;
  if (kind !== 'always' && !policy.failOn.includes(kind)) entry.status = 'warn';
  const w = findWaiver(policy, check.name, entry.metric);
  if (!w) return;
  const expired = waiverExpired(w, now);
  entry.waiver = { ...w, expired };
  if (expired) {
    const note = expiredNote(w);
    if (!notes.includes(note)) notes.push(note);
  } else {
    // A live waiver softens a failure; an entry fail-on already softened stays a warning.
    entry.status = 'warn';
  }
}

function expiredNote(w: PolicyWaiver): string {
  return `waiver for ${w.check}${w.metric ? ` ${w.metric}` : ''} expired on ${w.expires} ("${w.reason}"): it no longer applies`;
}

/** The run whose aggregate is the median of the runs: the representative one for the chart. */
function medianRun(runs: readonly RunSample[]): RunSample | undefined {
  const withSeries = runs.filter((r) => r.series.length > 0);
  if (withSeries.length === 0) return undefined;
  const m = median(withSeries.map((r) => r.value));
  return withSeries.reduce((best, r) => (Math.abs(r.value - m) < Math.abs(best.value - m) ? r : best));
}

/**
 * Growth of one run's series from its first iteration after warm-up to its last, relative to that
 * first level (absolute when the level is below 1, e.g. a count starting at 0). A warm-up that
 * drops every iteration measures from the first.
 */
function runGrowth(series: readonly number[], warmup: number): number {
  const first = series[warmupCount(series.length, warmup)] ?? series[0];
  const last = series[series.length - 1];
  return (last - first) / Math.max(Math.abs(first), 1);
}

/** The leak-signal gauge with the most relative growth across iterations (median over runs). */
function mostGrowing(current: CheckReport, warmup: number): string | undefined {
  let best: { metric: string; growth: number } | undefined;
  for (const [metric, m] of Object.entries(current.metrics)) {
    const info = describeMetric(metric);
    if (!info.leakSignal || info.series !== 'gauge') continue;
    const growths = m.runs.filter((r) => r.series.length > 1).map((r) => runGrowth(r.series, warmup));
    if (growths.length === 0) continue;
    const g = median(growths);
    if (!best || g > best.growth) best = { metric, growth: g };
  }
  return best?.metric;
}

/**
 * The series worth drawing: the one that leaked, else the one that regressed, else the leak-signal
 * gauge with the most relative growth across iterations (median over runs). A chart of a flat
 * bystander next to a leak table would point the reader at the wrong memory space.
 */
function chartFor(
  current: CheckReport,
  baseline: CheckReport | undefined,
  warmup: number,
  decided: { leaks: readonly LeakVerdict[]; metrics: readonly MetricVerdict[] },
): ChartSeries[] {
  const flagged =
    decided.leaks.find((l) => l.leaking && l.rule !== 'untracked-frees')?.metric ??
    decided.metrics.find((m) => m.change === 'regression')?.metric;
  // A flagged metric is always one of the check's own (entries are made from current.metrics).
  const metric = flagged || mostGrowing(current, warmup);
  if (!metric) return [];
  const cur = medianRun(current.metrics[metric].runs);
  if (!cur) return [];
  const base = baseline?.metrics[metric] ? medianRun(baseline.metrics[metric].runs) : undefined;
  const chart: ChartSeries = {
    metric,
    unit: describeMetric(metric).unit,
    current: [...cur.series],
  };
  if (base) chart.baseline = [...base.series];
  return [chart];
}

export interface AnalyzeOptions extends Omit<CompareOptions, 'jobs'> {
  /** The regression rule per metric; paired mode (`paired-verdict.ts`) passes its own. */
  compareMetric?: typeof compareMetric;
}

/**
 * The stored job medians of one metric for the job-level check; a job that did not measure the
 * metric does not count. A lookup without jobs (not read from a store) still has its baseline as
 * one job of unknown spread. Without a baseline the rule never reads them.
 */
function jobMedians(lookup: BaselineLookup, metric: string): number[] {
  return (lookup.jobs ?? []).map((j) => j.medians[metric]).filter((v) => Number.isFinite(v));
}

/** Notes about where the baseline came from. */
function provenanceNotes(lookup: BaselineLookup): string[] {
  const prov = lookup.provenance;
  if (prov.status === 'none')
    return ['no baseline yet: nothing to compare against; this run can become the first'];
  if (prov.status === 'unreadable') return [`baseline unreadable: ${prov.message ?? 'unknown reason'}`];
  if (prov.status === 'fallback')
    return [`baseline from version ${prov.version ?? '?'} (no baseline for ${prov.requestedVersion})`];
  return [];
}

/** The head's gc option: the check's recorded profiling options, else the report's environment. */
function headGc(report: MemoryReport, current: CheckReport): Known<boolean> {
  const recorded = current.profiling?.gc;
  if (recorded !== undefined && recorded !== 'unknown') return recorded;
  return gcOption(report) ?? 'unknown';
}

interface CheckContext {
  report: MemoryReport;
  current: CheckReport;
  lookup: BaselineLookup;
  policy: Policy;
  now: Date;
  opts: AnalyzeOptions;
  skip: NotCompared;
  notes: string[];
  metrics: MetricVerdict[];
  leaks: LeakVerdict[];
}

/** Once per check: why the noisy metrics were judged as they were. */
function ruleNotes(ctx: CheckContext, mv: MetricVerdict, minRuns: number): void {
  const add = (note: string) => {
    if (!ctx.notes.includes(note)) ctx.notes.push(note);
  };
  if (mv.jobs && !mv.jobs.known) add(UNKNOWN_JOBS_NOTE);
  if (mv.rule === 'threshold-only')
    add(
      `fewer than ${minRuns} runs on a side: noisy metrics were compared by threshold only, without a statistical test`,
    );
}

/** Regression and leak verdicts of one metric, pushed into the context. */
function analyzeMetric(ctx: CheckContext, metric: string): void {
  const { current, policy, now, notes } = ctx;
  const runs = current.metrics[metric].runs;
  if (runs.length === 0 || ctx.skip.neverGated.has(metric)) return;
  const t = thresholdsFor(policy, current.check.name, metric);
  if (metric === UNTRACKED) {
    // Runs is not empty here, and untrackedFrees judges any non-empty runs.
    const u = untrackedFrees(runs)!;
    judge(u, 'always', current.check, policy, now, notes);
    ctx.leaks.push(u);
    return;
  }
  if (!ctx.skip.metrics.has(metric)) {
    const baseRuns = ctx.lookup.baseline?.metrics[metric]?.runs;
    const mv = (ctx.opts.compareMetric ?? compareMetric)(
      metric,
      baseRuns?.map((r) => r.value),
      runs.map((r) => r.value),
      t,
      {
        resamples: ctx.opts.resamples,
        seed: ctx.opts.seed ?? seedOf(`${checkId(current.check)}\u0000${metric}`),
        jobs: jobMedians(ctx.lookup, metric),
      },
    );
    judge(mv, 'regression', current.check, policy, now, notes);
    ctx.metrics.push(mv);
    ruleNotes(ctx, mv, t.minRuns);
  }
  if (describeMetric(metric).leakSignal) {
    const lv = detectLeak(metric, runs, t, { gc: headGc(ctx.report, current) });
    if (lv) {
      judge(lv, 'leak', current.check, policy, now, notes);
      ctx.leaks.push(lv);
    }
  }
}

function analyzeCheck(
  report: MemoryReport,
  current: CheckReport,
  lookup: BaselineLookup,
  policy: Policy,
  now: Date,
  opts: AnalyzeOptions,
): CheckVerdict {
  const base = lookup.baseline;
  const name = current.check.name;
  const skip = notCompared(base ? (base.profiling ?? UNKNOWN_PROFILING) : undefined, current.profiling);
  const notes = [...current.notes, ...provenanceNotes(lookup), ...skip.notes];
  const ctx: CheckContext = {
    report,
    current,
    lookup,
    policy,
    now,
    opts,
    skip,
    notes,
    metrics: [],
    leaks: [],
  };
  for (const metric of Object.keys(current.metrics).sort(metricOrder)) analyzeMetric(ctx, metric);
  const { metrics, leaks } = ctx;
  const budgets: BudgetVerdict[] = checkBudgets(current, policy);
  for (const b of budgets) judge(b, 'budget', current.check, policy, now, notes);
  let expiredWaiver = false;
  for (const w of policy.waivers) {
    if (!matches(w.check, name) || !waiverExpired(w, now)) continue;
    expiredWaiver = true;
    const note = expiredNote(w);
    if (!notes.includes(note)) notes.push(note);
  }
  const t0 = thresholdsFor(policy, name, '');
  const status = worst([
    ...[...metrics, ...leaks, ...budgets].map((e) => e.status),
    expiredWaiver ? 'warn' : 'pass',
  ]);
  return {
    check: current.check,
    status,
    provenance: lookup.provenance,
    metrics,
    leaks,
    budgets,
    sites: skip.sites ? [] : growingSites(current, base, t0.topSites),
    charts: chartFor(current, base, t0.warmup, { leaks, metrics }),
    notes,
  };
}

export function analyze(
  current: MemoryReport,
  baselines: (check: CheckKey) => BaselineLookup,
  policy: Policy,
  now: Date = new Date(),
  opts: AnalyzeOptions = {},
): Verdict {
  const checks = current.checks.map((c) => analyzeCheck(current, c, baselines(c.check), policy, now, opts));
  const counts: VerdictCounts = {
    regressions: 0,
    improvements: 0,
    leaks: 0,
    budgets: 0,
    warnings: 0,
    unchanged: 0,
  };
  for (const c of checks) {
    for (const m of c.metrics) {
      if (m.change === 'regression') counts.regressions++;
      else if (m.change === 'improvement') counts.improvements++;
      else if (m.change === 'unchanged') counts.unchanged++;
    }
    counts.leaks += c.leaks.filter((l) => l.leaking).length;
    counts.budgets += c.budgets.filter((b) => b.value > b.limit).length;
    counts.warnings += [...c.metrics, ...c.leaks, ...c.budgets].filter((e) => e.status === 'warn').length;
  }
  const d = policy.defaults;
  return {
    status: worst(checks.map((c) => c.status)),
    counts,
    checks,
    settings: {
      alpha: d.alpha,
      threshold: d.threshold,
      floor: d.floor,
      confidence: d.confidence,
      failOn: [...policy.failOn],
    },
  };
}
