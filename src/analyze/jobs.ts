/**
 * The job as the unit of replication. Runs of one CI job share a machine, a kernel and its
 * neighbours, so they agree with each other more than with the runs of another job: a rank test
 * over runs treats a job-to-job shift as signal. The stored baseline keeps one entry per job, so
 * the spread of job medians is measurable: a noisy metric is gated only when the head job's median
 * also lies outside a prediction interval of the stored job medians.
 *
 * - known (≥ 3 job medians since the last change of level): centre = their mean, sd = their sample
 *   sd, PI = centre ± t(1 − α/4, k − 1) · sd · √(1 + 1/k) (the textbook prediction interval for
 *   one new draw, each side at α/4: see JOB_TAIL_DIVISOR);
 * - unknown (< 3): "between-job noise unknown". The spread of job medians cannot be measured, so it
 *   is bounded from what one job shows: sd = √((ASSUMED_JOB_CV · level)² + σ_m²), σ_m the sd of a
 *   job's median if its runs drift together (AR(1)) with the correlation they show (at the upper
 *   end of its estimate: see lagOneCorrelation), or ASSUMED_RHO when a job has too few runs to show
 *   it (see medianNoise); never below the sd of two stored job medians. z(1 − α/4) replaces t. The bound scales with the runs' own spread, because runs that
 *   drift together look tight within a job and scatter between jobs. */
import { setAsideOutliers } from './outliers.js';
import { mean, median, normalQuantile, sampleSd, studentTQuantile } from './stats.js';

/** Job-to-job sd (relative to the level) assumed when fewer than MIN_JOBS jobs are stored. */
export const ASSUMED_JOB_CV = 0.02;
/**
 * Lag-1 correlation assumed for the runs of one job when there are too few of them to estimate it
 * (fewer than MIN_RUNS_FOR_RHO): runs on one runner drift together, and 0.8 is the strongest drift
 * bench/detection models. With fewer runs the estimate's bias, about −(1 + 3ρ) / n, hides it.
 */
export const ASSUMED_RHO = 0.8;
/** Runs a job needs before their own lag-1 correlation is trusted over ASSUMED_RHO. */
export const MIN_RUNS_FOR_RHO = 8;
/** Job medians needed to estimate their spread. */
export const MIN_JOBS = 3;
/**
 * Each bound of the interval is a one-sided test at α / 4 (a 97.5% two-sided interval at α = 0.05).
 * When jobs vary more than runs, this check alone decides, and its tail is the false-alarm rate:
 * α / 2 measured 2.3–3.0% on AR(1)-correlated runs (bench/detection/RESULTS.md), above the 2% target.
 */
export const JOB_TAIL_DIVISOR = 4;

interface Interval {
  /** Job medians the interval is built from (since the last change of level). */
  jobs: number;
  centre: number;
  sd: number;
  low: number;
  high: number;
  /** One-sided level of each bound (α / 4). */
  alpha: number;
}
/** The spread measured on ≥ MIN_JOBS stored jobs. */
export interface KnownJobs extends Interval {
  known: true;
}
/** The spread bounded from the runs ("between-job noise unknown"). */
export interface UnknownJobs extends Interval {
  known: false;
  /** The lag-1 correlation of runs within a job the bound assumed. */
  rho: number;
}
export type JobInterval = KnownJobs | UnknownJobs;

/**
 * Lag-1 autocorrelation of runs in the order they ran, pooled over the given sequences (each
 * centred on its own mean), corrected for its small-sample bias (E[r] ≈ ρ − (1 + 3ρ) / n, n the
 * length of the shortest sequence used: Marriott & Pope 1954). `upper` adds one standard error
 * (1 / √pairs, scaled as the correction scales r), so that a few runs that happen to look
 * independent do not narrow the margin. Both are clipped to [0, 0.95]. Runs that drift together
 * (AR(1)) look tight within a job and scatter between jobs; this is how much.
 */
export function lagOneCorrelation(sequences: readonly (readonly number[])[]): {
  estimate: number;
  upper: number;
} {
  let num = 0;
  let den = 0;
  let n = Infinity;
  let pairs = 0;
  for (const xs of sequences) {
    if (xs.length < 4) continue;
    n = Math.min(n, xs.length);
    pairs += xs.length - 1;
    const m = mean(xs);
    for (let i = 0; i < xs.length; i++) {
      den += (xs[i] - m) ** 2;
      if (i > 0) num += (xs[i] - m) * (xs[i - 1] - m);
    }
  }
  if (den === 0) return { estimate: 0, upper: 0 };
  const scale = n / (n - 3);
  const estimate = (num / den + 1 / n) * scale;
  const clip = (r: number) => Math.min(0.95, Math.max(0, r));
  return { estimate: clip(estimate), upper: clip(estimate + scale / Math.sqrt(pairs)) };
}

/**
 * Var(mean of n AR(1) runs) over E[within-job sample variance] / n: how much more a job's mean
 * moves than its runs' spread suggests. 1 for independent runs; about (1 + ρ) / (1 − ρ) for long jobs.
 */
export function driftFactor(n: number, rho: number): number {
  let f = 1;
  for (let lag = 1; lag < n; lag++) f += 2 * (1 - lag / n) * rho ** lag;
  return (f * (n - 1)) / (n - f);
}

/**
 * sd of the median of a job of n runs whose within-job sd is `sd`: the normal-theory sd of a
 * median (1.2533 · sd / √n), times √driftFactor for runs correlated in time.
 */
export function medianNoise(sd: number, n: number, rho = 0): number {
  if (n < 2) return 0;
  return ((1.2533 * sd) / Math.sqrt(n)) * Math.sqrt(driftFactor(n, rho));
}

/**
 * The job medians since the last change of level, oldest first. Walking back from the newest, an
 * older job starts a different level when it and the job before it (or it alone, when it is the
 * oldest) lie beyond max(threshold · |level|, 4 σ) of the newer segment's median on the same side;
 * σ comes from the successive differences of all jobs (median |Δ| / (0.6745 √2)), which a single
 * step in level barely moves. One outlying job does not cut the history.
 */
export function sinceLevelChange(medians: readonly number[], threshold: number): number[] {
  const n = medians.length;
  const diffs = medians.slice(1).map((v, i) => Math.abs(v - medians[i]));
  const sigma = median(diffs) / (0.6745 * Math.SQRT2);
  let start = n - 1;
  while (start > 0) {
    const centre = median(medians.slice(start));
    const band = Math.max(threshold * Math.abs(centre), 4 * sigma);
    const side = (v: number) => (v - centre > band ? 1 : centre - v > band ? -1 : 0);
    const a = side(medians[start - 1]);
    const b = start - 2 >= 0 ? side(medians[start - 2]) : a;
    if (a !== 0 && a === b) break;
    start--;
  }
  return medians.slice(start);
}

/**
 * The runs' sd relative to their level, pooled over both sides (Σ (n − 1) · (sd / |mean|)² over
 * Σ (n − 1)), after setting aside outlier runs as the rank test does. Relative, so that a head
 * shifted by the change being judged does not widen its own margin; the pooled sd rather than a
 * MAD, because five runs give a MAD too noisy to bound anything with.
 */
function relativeSpread(sides: readonly (readonly number[])[], keepAtLeast: number): number {
  let sum = 0;
  let df = 0;
  for (const xs of sides) {
    const kept = setAsideOutliers(xs, keepAtLeast).kept;
    const level = Math.abs(mean(kept));
    if (level === 0) continue;
    sum += (kept.length - 1) * (sampleSd(kept) / level) ** 2;
    df += kept.length - 1;
  }
  return df > 0 ? Math.sqrt(sum / df) : 0;
}

/** The check-level note while the jobs' spread is unknown: what the margin assumes, and the way out. */
export const UNKNOWN_JOBS_NOTE =
  `between-job noise unknown: fewer than ${MIN_JOBS} stored jobs for this baseline; noisy metrics were held ` +
  `to a margin that assumes a ${ASSUMED_JOB_CV * 100}% job-to-job spread and runs that drift together within ` +
  `a job (lag-1 correlation ${ASSUMED_RHO} unless a job has ${MIN_RUNS_FOR_RHO} or more runs to show its own); ` +
  `each merge to the default branch stores one more job, and paired mode needs none`;

/** The parenthesis after an unknown interval: how many jobs, and what it assumed. */
export function unknownJobsText(i: UnknownJobs): string {
  const rho = i.rho.toFixed(2);
  return `between-job noise unknown: ${i.jobs} stored job(s), fewer than ${MIN_JOBS}, so a ${ASSUMED_JOB_CV * 100}% job-to-job spread and runs that drift together (lag-1 correlation ${rho}) are assumed`;
}

/**
 * Prediction interval for the median of one new job. `jobs` are the stored job medians (oldest
 * first, any length, may be empty); `baseline` the pooled baseline runs (for the unknown case).
 */
export function jobInterval(
  jobs: readonly number[],
  runs: { baseline: readonly number[]; current: readonly number[] },
  t: { alpha: number; threshold: number; minRuns: number },
): JobInterval {
  const segment = sinceLevelChange(jobs, t.threshold);
  const k = segment.length;
  const tail = t.alpha / JOB_TAIL_DIVISOR;
  if (k >= MIN_JOBS) {
    const centre = mean(segment);
    const sd = sampleSd(segment);
    const half = studentTQuantile(1 - tail, k - 1) * sd * Math.sqrt(1 + 1 / k);
    return { known: true, jobs: k, centre, sd, low: centre - half, high: centre + half, alpha: tail };
  }
  const centre = k > 0 ? mean(segment) : median(runs.baseline);
  const { sd, rho } = unknownSpread(segment, runs, centre, t.minRuns);
  const half = normalQuantile(1 - tail) * sd * Math.sqrt(1 + 1 / Math.max(1, k));
  return { known: false, jobs: k, centre, sd, low: centre - half, high: centre + half, alpha: tail, rho };
}

/**
 * The bound on a job median's sd while the jobs' own spread is unknown. The runs' correlation is
 * read from the head job and (when it is one job) the baseline's runs, at its upper bound; with
 * fewer than MIN_RUNS_FOR_RHO runs it is ASSUMED_RHO, because so few runs cannot tell 0 from 0.8
 * (the bound's standard error is about 0.9 at 5 runs a job). Both sides' runs set the scale.
 */
function unknownSpread(
  segment: readonly number[],
  runs: { baseline: readonly number[]; current: readonly number[] },
  centre: number,
  keepAtLeast: number,
): { sd: number; rho: number } {
  const sequences = segment.length > 1 ? [runs.current] : [runs.current, runs.baseline];
  const n = runs.current.length;
  const rho = n < MIN_RUNS_FOR_RHO ? ASSUMED_RHO : lagOneCorrelation(sequences).upper;
  const noise = medianNoise(
    relativeSpread([runs.baseline, runs.current], keepAtLeast) * Math.abs(centre),
    n,
    rho,
  );
  const assumed = Math.hypot(ASSUMED_JOB_CV * Math.abs(centre), noise);
  return { sd: Math.max(assumed, sampleSd(segment)), rho };
}
