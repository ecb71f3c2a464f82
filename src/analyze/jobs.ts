/**
 * The job as the unit of replication. Runs of one CI job share a machine, a kernel and its
 * neighbours, so they agree with each other more than with the runs of another job: a rank test
 * over runs treats a job-to-job shift as signal. The stored baseline keeps one entry per job, so
 * the spread of job medians is measurable: a noisy metric is gated only when the head job's median
 * also lies outside a prediction interval of the stored job medians.
 *
 * - known (≥ 3 job medians since the last change of level): centre = their mean, sd = their sample
 *   sd, PI = centre ± t(1 − α/2, k − 1) · sd · √(1 + 1/k) (the textbook prediction interval for
 *   one new draw);
 * - unknown (< 3): "between-job noise unknown". The sd is assumed: √((ASSUMED_JOB_CV · level)² +
 *   σ_m²), σ_m the noise of one job's median estimated from the baseline runs (1.2533 · 1.4826 ·
 *   MAD / √n, the normal-theory sd of a median); z(1 − α/2) replaces t. That widens the margin by
 *   z · √(1 + 1/k) · 2% of the level, e.g. ±5.5% with one stored job at α = 0.05, on top of the
 *   run noise: a change the runs of two jobs cannot tell from a job shift does not fail the build.
 */
import { mad, median, normalQuantile, sampleSd, studentTQuantile } from './stats.js';

/** Job-to-job sd (relative to the level) assumed when fewer than MIN_JOBS jobs are stored. */
export const ASSUMED_JOB_CV = 0.02;
/** Job medians needed to estimate their spread. */
export const MIN_JOBS = 3;

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

/** Normal-theory sd of the median of `values` as an estimate of one job's median noise. */
export function medianNoise(values: readonly number[]): number {
  if (values.length < 2) return 0;
  return (1.2533 * 1.4826 * mad(values)) / Math.sqrt(values.length);
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
  baseline: readonly number[],
  t: { alpha: number; threshold: number },
): JobInterval {
  const segment = sinceLevelChange(jobs, t.threshold);
  const k = segment.length;
  const tail = t.alpha / 2;
  if (k >= MIN_JOBS) {
    const centre = segment.reduce((s, v) => s + v, 0) / k;
    const sd = sampleSd(segment);
    const half = studentTQuantile(1 - tail, k - 1) * sd * Math.sqrt(1 + 1 / k);
    return { known: true, jobs: k, centre, sd, low: centre - half, high: centre + half, alpha: tail };
  }
  const centre = median(baseline);
  const sd = Math.sqrt((ASSUMED_JOB_CV * Math.abs(centre)) ** 2 + medianNoise(baseline) ** 2);
  const half = normalQuantile(1 - tail) * sd * Math.sqrt(1 + 1 / Math.max(1, k));
  return { known: false, jobs: k, centre, sd, low: centre - half, high: centre + half, alpha: tail };
}
