/**
 * Every threshold a user can set, with its one parser and its one valid range. `.memgate.yml`, the
 * action's inputs and the CLI's flags all read thresholds through this table, so `alpha: 0.7` is
 * rejected with the same reason wherever it is written.
 */
import type { Thresholds } from '../analyze/policy.js';
import { bytes, integer, ratio, type Parsed, type Raw } from './values.js';

export interface ThresholdSetting {
  field: keyof Thresholds;
  parse(raw: Raw): Parsed<number>;
}

const probability = (max: number) => (raw: Raw) => ratio(raw, { min: 0, max, open: true });

const SETTINGS: Record<string, ThresholdSetting> = {
  // The rank and trend tests are one-sided at alpha; above 0.5 "significant" means nothing.
  alpha: { field: 'alpha', parse: probability(0.5) },
  threshold: { field: 'threshold', parse: (raw) => ratio(raw) },
  floor: { field: 'floor', parse: bytes },
  // The floor of exact metrics (check_run_alloc): no run noise to guard against, so 1 KiB.
  'exact-floor': { field: 'exactFloor', parse: bytes },
  confidence: { field: 'confidence', parse: probability(1) },
  'leak-threshold': { field: 'leakSlopeAbs', parse: bytes },
  'leak-slope-rel': { field: 'leakSlopeRel', parse: (raw) => ratio(raw) },
  // At least one iteration is always dropped; dropping all of them leaves nothing to judge.
  warmup: { field: 'warmup', parse: (raw) => ratio(raw, { min: 0, max: 1 }) },
  'min-runs': { field: 'minRuns', parse: (raw) => integer(raw, 1) },
  'exact-tolerance': { field: 'exactTolerance', parse: (raw) => ratio(raw) },
  'top-sites': { field: 'topSites', parse: (raw) => integer(raw, 0) },
};

/** The names `.memgate.yml` also accepts for the same settings (older spellings). */
const ALIASES: Record<string, string> = {
  'leak-slope-abs': 'leak-threshold',
  leakSlopeAbs: 'leak-threshold',
  leakSlopeRel: 'leak-slope-rel',
  minRuns: 'min-runs',
  exactTolerance: 'exact-tolerance',
  exactFloor: 'exact-floor',
  topSites: 'top-sites',
};

export const THRESHOLD_NAMES: readonly string[] = [...Object.keys(SETTINGS), ...Object.keys(ALIASES)];

/** The setting a name (or alias) stands for, if any. */
export function thresholdSetting(name: string): ThresholdSetting | undefined {
  return SETTINGS[ALIASES[name] ?? name];
}

/** The thresholds the action and the CLI both take as inputs / flags, by the same names. */
export const THRESHOLD_INPUTS = ['threshold', 'alpha', 'floor', 'leak-threshold', 'warmup'] as const;
