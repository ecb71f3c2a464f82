/**
 * Baselines: what a store keeps per check_name/check_version, and what a lookup returns.
 * Storage details (branch, directory) stay behind `BaselineStore` in `store.ts`.
 */
import type { CheckReport } from '../model.js';

export const BASELINE_SCHEMA_VERSION = 1;

/** One merged commit's measurement of a check. */
export interface BaselineEntry {
  commit: string;
  /** ISO date of the measurement. */
  date: string;
  ref?: string;
  /**
   * Unique id of the update that wrote this entry. A write retried after a lost response finds its
   * own id already stored and does not append the entry twice.
   */
  id?: string;
  report: CheckReport;
}

/** The stored file `<check_name>/<check_version>.json`: the last K entries, oldest first. */
export interface BaselineDocument {
  schemaVersion: typeof BASELINE_SCHEMA_VERSION;
  check: { name: string; version: string };
  entries: BaselineEntry[];
}

/**
 * Where a baseline came from, always shown in the report.
 * - `exact`: same check_version;
 * - `fallback`: the highest lower version that has one;
 * - `none`: no baseline at all (this run becomes the first);
 * - `unreadable`: a stored baseline exists but could not be read (the report says why; nothing is overwritten);
 * - `paired`: nothing stored: the base ref was measured in this job, alternating with the head
 *   (`commit` is the base commit, `samples` the pairs, `message` says so in words).
 */
export interface BaselineProvenance {
  status: 'exact' | 'fallback' | 'none' | 'unreadable' | 'paired';
  requestedVersion: string;
  version?: string;
  commit?: string;
  /** Every commit whose runs were pooled into the baseline, newest first (`commit` is the first). */
  commits?: string[];
  date?: string;
  ageDays?: number;
  /** Runs behind the baseline samples. */
  samples?: number;
  /** Stored entries (commits) for that version. */
  entries?: number;
  /**
   * When the lookup was given the PR's ancestry: the merge-base (the PR's base commit) and how many
   * commits before it the baseline entry is (0: at the base; -1: no ancestor stored, newest used).
   */
  ancestry?: { mergeBase: string; distance: number };
  /** Why a baseline is unreadable, or other detail for the report. */
  message?: string;
}

/**
 * One stored job (entry) summarised for the job-level check: the median of its runs per metric.
 * The job, not the run, is the unit of replication (src/analyze/jobs.ts).
 */
export interface BaselineJob {
  commit: string;
  date: string;
  /** Runs the job measured. */
  runs: number;
  /** Median of the runs' values, per metric id. */
  medians: Record<string, number>;
}

export interface BaselineLookup {
  /** The baseline samples, shaped like the current check's report so analysis can compare like with like. */
  baseline?: CheckReport;
  provenance: BaselineProvenance;
  /**
   * Every stored job of the chosen version and instance up to the baseline's own entry, oldest
   * first (at most the 30 a document keeps). Absent from lookups that do not read a store.
   */
  jobs?: BaselineJob[];
}
