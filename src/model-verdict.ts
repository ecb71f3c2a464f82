/**
 * Verdict: what the analysis decided, with the evidence for every decision. Produced by
 * `src/analyze/verdict.ts`, read by the renderers in `src/report/` and by the shell's gate.
 */
import type { CreepFinding } from './analyze/creep.js';
import type { BaselineProvenance } from './baseline/types.js';
import type { MetricUnit } from './metrics.js';
import type { AllocationSite, CheckKey, Runtime } from './model.js';

/** pass: nothing to report; warn: shown but does not fail the job; fail: fails the job. */
export type Status = 'pass' | 'warn' | 'fail';

/** Summary of a set of samples, as shown in tables. */
export interface SampleSummary {
  samples: number[];
  median: number;
  /** Median absolute deviation, a spread robust to outliers. */
  mad: number;
}

/**
 * Which rule decided a metric:
 * - `exact`: deterministic metric, compared against baseline × (1 + threshold) and the floor;
 * - `mann-whitney`: noisy metric, rank test + bootstrap CI + Hodges-Lehmann shift + floor;
 * - `threshold-only`: noisy metric with too few runs for a test (said in the report);
 * - `paired`: noisy metric measured in paired A/B mode, Wilcoxon signed-rank on the per-pair
 *   differences + their Hodges-Lehmann shift + floor (`src/analyze/paired-verdict.ts`);
 * - `no-baseline`: nothing to compare against.
 */
export type RegressionRule = 'exact' | 'mann-whitney' | 'threshold-only' | 'paired' | 'no-baseline';

export type Change = 'regression' | 'improvement' | 'unchanged' | 'no-baseline';

export interface MetricVerdict {
  metric: string;
  runtime: Runtime;
  unit: MetricUnit;
  kind: 'exact' | 'noisy';
  rule: RegressionRule;
  change: Change;
  status: Status;
  baseline?: SampleSummary;
  current: SampleSummary;
  /** current − baseline, by the rule's point estimate (Hodges-Lehmann shift for noisy metrics). */
  delta?: number;
  /**
   * delta relative to the baseline median. Absent when the baseline median is 0: the change is
   * then decided on `delta` and the floor, and is said as "from <baseline> to <current>".
   */
  relative?: number;
  /** Confidence interval of the relative change, and its level (e.g. 0.9). */
  ci?: { low: number; high: number; level: number };
  /** Confidence interval of `delta` in the metric's unit, when the relative one is undefined (baseline 0). */
  deltaCi?: { low: number; high: number; level: number };
  /**
   * The job-level check of a noisy metric: the prediction interval of the stored job medians the
   * head job's median was held against. `known` is false when fewer than 3 jobs were stored and the
   * between-job spread was assumed (see src/analyze/jobs.ts).
   */
  jobs?: { known: boolean; count: number; centre: number; low: number; high: number };
  /** Runs set aside as outliers (modified z-score > 3.5, at most one in five runs), per side. */
  setAside?: { baseline: number[]; current: number[] };
  /** One-sided p-value in the direction of the change (Mann-Whitney; signed-rank for `paired`). */
  p?: number;
  /** Plain words: why this status. */
  reason: string;
  waiver?: Waiver;
}

/**
 * Which rule found a leak:
 * - `trend`: in-use series rising across iterations (Theil-Sen + Mann-Kendall + second half still grows);
 * - `retained`: check_run_alloc flat and above the floor (each run keeps memory);
 * - `untracked-frees`: rtloader UntrackedFrees > 0, an accounting bug.
 */
export type LeakRule = 'trend' | 'retained' | 'untracked-frees';

export interface RunLeakEvidence {
  run: number;
  leaking: boolean;
  /** Theil-Sen slope per iteration after warm-up (units of the metric). */
  slope: number;
  /** Mann-Kendall p-value (trend rule). */
  p?: number;
  /** Median retained bytes per iteration after warm-up (retained rule). */
  retained?: number;
  /** Last − first point after warm-up. */
  growth: number;
}

export interface LeakVerdict {
  metric: string;
  runtime: Runtime;
  unit: MetricUnit;
  rule: LeakRule;
  leaking: boolean;
  status: Status;
  runsLeaking: number;
  runsTotal: number;
  /** Median over runs of the per-run slope (trend) or retained bytes per iteration (retained). */
  perIteration: number;
  /** Median over runs of the growth across the measured iterations. */
  growth: number;
  runs: RunLeakEvidence[];
  reason: string;
  waiver?: Waiver;
}

export interface BudgetVerdict {
  metric: string;
  limit: number;
  /** The largest value any run reached. */
  value: number;
  status: Status;
  reason: string;
  waiver?: Waiver;
}

/** An allocation site (where it is, as the report names it) whose held bytes changed against the baseline. */
export interface SiteDelta extends Pick<
  AllocationSite,
  'runtime' | 'key' | 'file' | 'line' | 'function' | 'source'
> {
  /** Median bytes held per run. */
  baseline: number;
  current: number;
  delta: number;
  countDelta?: number;
  /** True when the site did not exist in the baseline. */
  isNew: boolean;
}

/** In-use memory across iterations for the chart: one representative run per side. */
export interface ChartSeries {
  metric: string;
  unit: MetricUnit;
  baseline?: number[];
  current: number[];
}

export interface Waiver {
  check: string;
  metric?: string;
  reason: string;
  expires: string;
  expired: boolean;
}

/** Creeping growth over the branch's history up to this head; fails only with `fail-on: creep`. */
export interface CreepVerdict extends CreepFinding {
  status: Status;
  waiver?: Waiver;
}

export interface CheckVerdict {
  check: CheckKey;
  status: Status;
  provenance: BaselineProvenance;
  metrics: MetricVerdict[];
  leaks: LeakVerdict[];
  budgets: BudgetVerdict[];
  /** Top growing sites first. */
  sites: SiteDelta[];
  charts: ChartSeries[];
  /** Warnings and notes in plain words (e.g. "only 3 runs: threshold only", "rtloader tracking is off"). */
  notes: string[];
  /** Metrics creeping over the store's history (absent when the store keeps no history for the check). */
  creep?: CreepVerdict[];
}

export interface VerdictCounts {
  regressions: number;
  improvements: number;
  leaks: number;
  budgets: number;
  warnings: number;
  unchanged: number;
  /** Metrics found creeping (see `CheckVerdict.creep`). */
  creep?: number;
}

export interface Verdict {
  status: Status;
  counts: VerdictCounts;
  checks: CheckVerdict[];
  /** The settings that decided, for the report footer. */
  settings: { alpha: number; threshold: number; floor: number; confidence: number; failOn: string[] };
}
