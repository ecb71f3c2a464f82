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
 * - unknown (< 3): "between-job noise unknown". The sd is assumed: √((ASSUMED_JOB_CV · level)² +
 *   σ_m²), σ_m the noise of one job's median estimated from the baseline runs (see medianNoise),
 *   and z(1 − α/4) replaces t. That widens the margin by about z · √2 · 2% = 6.3% of the level with
 *   one stored job at α = 0.05, on top of the run noise: a change the runs of two jobs cannot tell
 *   from a job shift does not fail the build. */
import { mad, median, normalQuantile, sampleSd, studentTQuantile } from './stats.js';

/** Job-to-job sd (relative to the level) assumed when fewer than MIN_JOBS jobs are stored. */
export const ASSUMED_JOB_CV = 0.02;
/** Job medians needed to estimate their spread. */
export const MIN_JOBS = 3;
/**
 * Each bound of the interval is a one-sided test at α / 4 (a 97.5% two-sided interval at α = 0.05).
 * When jobs vary more than runs, this check alone decides, and its tail is the false-alarm rate:
 * α / 2 measured 2.3–3.0% on AR(1)-correlated runs (bench/detection/RESULTS.md), above the 2% target.
 */
export const JOB_TAIL_DIVISOR = 4;

export interface JobInterval {
  /** True when the spread was measured on ≥ MIN_JOBS jobs; false when it is the assumed one. */
  known: boolean;
  /** Job medians the interval is built from (since the last change of level). */
  jobs: number;
  centre: number;
  sd: number;
  low: number;
  high: number;
  /** One-sided level of each bound (α / 2). */
  alpha: number;
}

/**
 * Lag-1 autocorrelation of runs in the order they ran, pooled over the given sequences (each
 * centred on its own mean), clipped to [0, 0.9]. Runs that drift together (AR(1)) look tight
 * within a job and scatter between jobs; this is how much.
 */
export function lagOneCorrelation(sequences: readonly (readonly number[])[]): number {
  let num = 0;
  let den = 0;
  for (const xs of sequences) {
    if (xs.length < 3) continue;
    const mean = xs.reduce((s, v) => s + v, 0) / xs.length;
    for (let i = 0; i < xs.length; i++) {
      den += (xs[i] - mean) ** 2;
      if (i > 0) num += (xs[i] - mean) * (xs[i - 1] - mean);
    }
  }
  return den > 0 ? Math.min(0.9, Math.max(0, num / den)) : 0;
}

/**
 * sd of one job's median, from its runs: the normal-theory sd of a median (1.2533 · 1.4826 · MAD /
 * √n), inflated by √((1 + ρ) / (1 − ρ)) for runs that are correlated in time (effective sample size
 * of an AR(1) series).
 */
export function medianNoise(values: readonly number[], rho = 0): number {
  if (values.length < 2) return 0;
  return ((1.2533 * 1.4826 * mad(values)) / Math.sqrt(values.length)) * Math.sqrt((1 + rho) / (1 - rho));
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
  if (n < 2) return [...medians];
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
 * Prediction interval for the median of one new job. `jobs` are the stored job medians (oldest
 * first, any length, may be empty); `baseline` the pooled baseline runs (for the unknown case).
 */
export function jobInterval(
  jobs: readonly number[],
  runs: { baseline: readonly number[]; current: readonly number[] },
  t: { alpha: number; threshold: number },
): JobInterval {
  const segment = sinceLevelChange(jobs, t.threshold);
  const k = segment.length;
  const tail = t.alpha / JOB_TAIL_DIVISOR;
  if (k >= MIN_JOBS) {
    const centre = segment.reduce((s, v) => s + v, 0) / k;
    const sd = sampleSd(segment);
    const half = studentTQuantile(1 - tail, k - 1) * sd * Math.sqrt(1 + 1 / k);
    return { known: true, jobs: k, centre, sd, low: centre - half, high: centre + half, alpha: tail };
  }
  const centre = median(runs.baseline);
  const rho = lagOneCorrelation([runs.baseline, runs.current]);
  const sd = Math.sqrt((ASSUMED_JOB_CV * Math.abs(centre)) ** 2 + medianNoise(runs.baseline, rho) ** 2);
  const half = normalQuantile(1 - tail) * sd * Math.sqrt(1 + 1 / Math.max(1, k));
  return { known: false, jobs: k, centre, sd, low: centre - half, high: centre + half, alpha: tail };
}
