/**
 * What a check's history says, per metric: the change points (commit, level before and after,
 * relative change, significance) and any creeping growth. Pure: history document in, findings out.
 * `memgate history`, the dashboard and the PR comment's creep line all read this.
 */
import {
  historyKeys,
  historyPoint,
  historySeries,
  type HistoryDocument,
  type HistoryPoint,
} from '../baseline/history.js';
import type { CheckReport } from '../model.js';
import { eDivisive, type ChangePointOptions } from './changepoint.js';
import { detectCreep, type CreepFinding, type CreepOptions } from './creep.js';
import { median } from './stats.js';

export interface LevelChange {
  /** Index in the metric's series of the first point at the new level. */
  index: number;
  commit: string;
  date: string;
  version: string;
  /** Median of the points between the previous change point and this one. */
  before: number;
  /** Median of the points from this one to the next change point. */
  after: number;
  /** after / before − 1 (Infinity from a level of 0). */
  relative: number;
  /** Permutation p-value of the split. */
  probability: number;
  qhat: number;
}

export interface MetricHistory {
  metric: string;
  instance: string;
  points: HistoryPoint[];
  values: number[];
  /** Oldest first. */
  changes: LevelChange[];
  creep?: CreepFinding;
}

/** Change points of a series with the levels around them, oldest first. */
export function levelChanges(
  points: readonly HistoryPoint[],
  values: readonly number[],
  options: ChangePointOptions = {},
): LevelChange[] {
  const found = eDivisive(values, options).sort((a, b) => a.index - b.index);
  const bounds = [0, ...found.map((c) => c.index), values.length];
  return found.map((c, i) => {
    const before = median(values.slice(bounds[i], bounds[i + 1]));
    const after = median(values.slice(bounds[i + 1], bounds[i + 2]));
    const p = points[c.index];
    return {
      index: c.index,
      commit: p.commit,
      date: p.date,
      version: p.version,
      before,
      after,
      relative: before === 0 ? (after === 0 ? 0 : Infinity) : after / before - 1,
      probability: c.probability,
      qhat: c.qhat,
    };
  });
}

/** Every metric (and instance) of a check's history, or only `metric` when given. */
export function analyzeHistory(
  doc: HistoryDocument,
  opts: { metric?: string; changePoints?: ChangePointOptions; creep?: CreepOptions } = {},
): MetricHistory[] {
  return historyKeys(doc)
    .filter((k) => opts.metric === undefined || k.metric === opts.metric)
    .map(({ metric, instance }) => {
      const { points, values } = historySeries(doc, metric, instance);
      const changes = levelChanges(points, values, opts.changePoints);
      const creep = detectCreep(
        metric,
        points.map((p, i) => ({ commit: p.commit, value: values[i] })),
        changes.map((c) => c.index),
        opts.creep,
      );
      return { metric, instance, points, values, changes, ...(creep ? { creep } : {}) };
    });
}

/**
 * Creep as a PR comment sees it: the branch's history with the head's measurement appended as the
 * newest point, per metric the head measured. What the comment prints with `creepLine`, and what
 * `fail-on: creep` gates on.
 */
export function headCreep(
  doc: HistoryDocument | undefined,
  head: CheckReport,
  headCommit: string,
  opts: { changePoints?: ChangePointOptions; creep?: CreepOptions } = {},
): CreepFinding[] {
  const out: CreepFinding[] = [];
  const now = historyPoint(head, { commit: headCommit, date: '', id: '' });
  for (const [metric, m] of Object.entries(now.metrics)) {
    const past = doc ? historySeries(doc, metric, now.instance).points : [];
    const series = [
      ...past.map((p) => ({ commit: p.commit, value: p.metrics[metric].median })),
      { commit: now.commit, value: m.median },
    ];
    const values = series.map((p) => p.value);
    const cps = eDivisive(values, opts.changePoints).map((c) => c.index);
    const finding = detectCreep(metric, series, cps, opts.creep);
    if (finding) out.push(finding);
  }
  return out;
}
