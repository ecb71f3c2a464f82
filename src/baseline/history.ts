/**
 * The history of a check: one summary point per baseline update, kept in `history/<check>.json`
 * on the data branch (or in the baseline directory) for change points, creep and the dashboard.
 * Pure functions: parse (with migration), serialise, build a point, append, merge.
 *
 * Schema 1, compact: one line per point, so 2,000 points stay small and an append is a one-line diff.
 *   {
 *     "schemaVersion": 1,
 *     "check": "postgres",
 *     "columns": ["commit", "date", "version", "instance", "id"],
 *     "metrics": ["python.check_run_alloc", "python.pymem.inuse"],
 *     "points": [
 *       ["3f2a…", "2026-02-01T10:00:00Z", "1.2.0", "", "uuid:…:0", 51200, 128, 5, 9.1e6, 20480, 5],
 *       …
 *     ]
 *   }
 * Each point is the five `columns`, then for each name in `metrics` three numbers: the median of
 * the runs' values, their spread (median absolute deviation) and the run count; `null` × 3 when that
 * update did not measure the metric. Trailing metrics may be left out. Points are oldest first
 * (by date, stable), the newest `keep` (default 2,000) kept.
 * Schema 0 was the draft layout with one object per point; `parseHistoryDocument` migrates it.
 */
import { MemgateError, ParseError } from '../errors.js';
import type { CheckReport } from '../model.js';
import { mad, median } from '../analyze/stats.js';
import { VERSION } from '../version.js';
import { encodeComponent, HISTORY_DIR, newestByDate, stableJson } from './document.js';

export const HISTORY_SCHEMA_VERSION = 1;
/** Points kept per check: at least 2,000 (about eight years of merges at one a day). */
export const DEFAULT_HISTORY_KEEP = 2000;
const COLUMNS = ['commit', 'date', 'version', 'instance', 'id'] as const;

export interface HistoryMetric {
  median: number;
  /** Median absolute deviation of the runs' values. */
  spread: number;
  runs: number;
}

export interface HistoryPoint {
  commit: string;
  date: string;
  /** check_version measured. */
  version: string;
  /** Instance label; '' for the only instance. */
  instance: string;
  /** The baseline entry id of the same update, so a retried write adds no second point. */
  id: string;
  metrics: Record<string, HistoryMetric>;
}

export interface HistoryDocument {
  schemaVersion: typeof HISTORY_SCHEMA_VERSION;
  check: string;
  points: HistoryPoint[];
}

/** `history/<check_name>.json`, the name URI-encoded like a baseline path. */
export function historyPath(check: string): string {
  return `${HISTORY_DIR}/${encodeComponent(check)}.json`;
}

/** The inverse of `historyPath`; undefined for any other file. */
export function parseHistoryPath(path: string): string | undefined {
  const m = /^history\/([^/]+)\.json$/.exec(path);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return undefined;
  }
}

export function emptyHistory(check: string): HistoryDocument {
  return { schemaVersion: HISTORY_SCHEMA_VERSION, check, points: [] };
}

/** The summary point of one check report: per metric the median, spread and count of its runs. */
export function historyPoint(
  report: CheckReport,
  meta: { commit: string; date: string; id: string },
): HistoryPoint {
  const metrics: Record<string, HistoryMetric> = {};
  for (const [id, m] of Object.entries(report.metrics)) {
    const values = m.runs.map((r) => r.value);
    if (values.length === 0) continue;
    metrics[id] = { median: median(values), spread: mad(values), runs: values.length };
  }
  return {
    commit: meta.commit,
    date: meta.date,
    version: report.check.version,
    instance: report.check.instance ?? '',
    id: meta.id,
    metrics,
  };
}

/**
 * Union of two histories of the same check (a point is the same when its id is): what a writer
 * that lost a race merges into the newer file. Ordered by date (stable), the newest `keep` kept.
 */
export function mergeHistories(
  a: HistoryDocument,
  b: HistoryDocument,
  keep = DEFAULT_HISTORY_KEEP,
): HistoryDocument {
  if (a.check !== b.check)
    throw new MemgateError(`cannot merge the history of ${b.check} into ${a.check}`, 'history');
  return appendPoints(a, b.points, keep);
}

/** Add points (skipping ids already stored), ordered by date (stable), newest `keep` kept. */
export function appendPoints(
  doc: HistoryDocument,
  points: readonly HistoryPoint[],
  keep = DEFAULT_HISTORY_KEEP,
): HistoryDocument {
  const ids = new Set(doc.points.map((p) => p.id));
  const added = points.filter((p) => !ids.has(p.id) && ids.add(p.id));
  const kept = newestByDate([...doc.points, ...added], keep, 'history');
  return { schemaVersion: HISTORY_SCHEMA_VERSION, check: doc.check, points: kept };
}

/** One metric's series, oldest first, for one instance ('' = the only one). */
export function historySeries(
  doc: HistoryDocument,
  metric: string,
  instance = '',
): { points: HistoryPoint[]; values: number[] } {
  const points = doc.points.filter((p) => p.instance === instance && p.metrics[metric] !== undefined);
  return { points, values: points.map((p) => p.metrics[metric].median) };
}

/** Every (metric, instance) pair that has at least one point, sorted. */
export function historyKeys(doc: HistoryDocument): { metric: string; instance: string }[] {
  const keys = new Map<string, { metric: string; instance: string }>();
  for (const p of doc.points)
    for (const metric of Object.keys(p.metrics))
      keys.set(`${metric}\u0000${p.instance}`, { metric, instance: p.instance });
  return [...keys.values()].sort((x, y) =>
    x.metric === y.metric ? (x.instance < y.instance ? -1 : 1) : x.metric < y.metric ? -1 : 1,
  );
}

/* ------------------------------------------------------------------ serialise */

export function serializeHistory(doc: HistoryDocument): string {
  const metrics = [...new Set(doc.points.flatMap((p) => Object.keys(p.metrics)))].sort();
  const points = doc.points.map((p) => {
    const row: (string | number | null)[] = [p.commit, p.date, p.version, p.instance, p.id];
    for (const id of metrics) {
      const m = p.metrics[id];
      row.push(...(m ? [m.median, m.spread, m.runs] : [null, null, null]));
    }
    while (row.length > COLUMNS.length && row[row.length - 1] === null) row.pop();
    return row;
  });
  return stableJson({
    schemaVersion: HISTORY_SCHEMA_VERSION,
    check: doc.check,
    columns: COLUMNS,
    metrics,
    points,
  });
}

/* ------------------------------------------------------------------ parse + migrate */

type Raw = Record<string, unknown>;

function isObject(x: unknown): x is Raw {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Schema 0 → 1: one object per point (`{commit, date, version, metrics: {id: {median, spread, runs}}}`) → rows. */
function migrate0(raw: Raw, fail: (path: string, msg: string) => never): Raw {
  if (!Array.isArray(raw.points)) fail('$.points', 'must be an array');
  const objects = raw.points as unknown[];
  const metrics = [
    ...new Set(objects.flatMap((p) => (isObject(p) && isObject(p.metrics) ? Object.keys(p.metrics) : []))),
  ].sort();
  const points = objects.map((p, i) => {
    if (!isObject(p) || !isObject(p.metrics)) return fail(`$.points[${i}]`, 'must be an object with metrics');
    const pm = p.metrics;
    const row: unknown[] = [
      p.commit,
      p.date,
      p.version,
      p.instance ?? '',
      p.id ?? `${String(p.commit)}:${i}`,
    ];
    for (const id of metrics) {
      const m = pm[id];
      row.push(...(isObject(m) ? [m.median, m.spread, m.runs] : [null, null, null]));
    }
    return row;
  });
  return { schemaVersion: 1, check: raw.check, columns: COLUMNS, metrics, points };
}

/**
 * Read a history file. Throws ParseError naming `source` on anything but a valid document; a newer
 * schema says so; schema 0 is migrated in memory and written back at schema 1 by the next append.
 */
export function parseHistoryDocument(text: string, source: string): HistoryDocument {
  const fail = (path: string, msg: string): never => {
    throw new ParseError(source, `${path} ${msg}`);
  };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ParseError(source, `not JSON (${(err as Error).message}); the history file is corrupt`);
  }
  if (!isObject(raw)) return fail('$', 'must be an object; the history file is corrupt');
  const version = raw.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0)
    return fail('$.schemaVersion', 'is missing or not an integer: not a memgate history file');
  if (version > HISTORY_SCHEMA_VERSION)
    fail(
      '$.schemaVersion',
      `is ${version}: written by a newer memgate (this memgate ${VERSION} reads history up to ${HISTORY_SCHEMA_VERSION}); upgrade memgate`,
    );
  return validateHistory(version === 0 ? migrate0(raw, fail) : raw, fail);
}

function validateHistory(o: Raw, fail: (path: string, msg: string) => never): HistoryDocument {
  if (typeof o.check !== 'string' || o.check === '') fail('$.check', 'must be a non-empty string');
  const metrics = Array.isArray(o.metrics) ? o.metrics : fail('$.metrics', 'must be an array');
  metrics.forEach((m, i) => typeof m === 'string' || fail(`$.metrics[${i}]`, 'must be a string'));
  const rows = Array.isArray(o.points) ? o.points : fail('$.points', 'must be an array');
  const points = rows.map((row: unknown, i): HistoryPoint => {
    const p = `$.points[${i}]`;
    if (!Array.isArray(row)) return fail(p, 'must be an array');
    COLUMNS.forEach((c, j) => typeof row[j] === 'string' || fail(`${p}[${j}]`, `(${c}) must be a string`));
    if (row.length > COLUMNS.length + 3 * metrics.length) fail(p, 'has more values than metrics');
    const out: Record<string, HistoryMetric> = {};
    (metrics as string[]).forEach((id, k) => {
      const at = COLUMNS.length + 3 * k;
      const [med, spread, runs] = [row[at], row[at + 1], row[at + 2]] as unknown[];
      if ((med ?? null) === null && (spread ?? null) === null && (runs ?? null) === null) return;
      const nums = [med, spread, runs];
      nums.forEach(
        (v, j) =>
          (typeof v === 'number' && Number.isFinite(v)) ||
          fail(`${p}[${at + j}]`, `(${id}) must be a finite number`),
      );
      out[id] = { median: med as number, spread: spread as number, runs: runs as number };
    });
    const [commit, date, version, instance, id] = row as string[];
    return { commit, date, version, instance, id, metrics: out };
  });
  return { schemaVersion: HISTORY_SCHEMA_VERSION, check: o.check as string, points };
}
