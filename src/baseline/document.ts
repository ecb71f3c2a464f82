/**
 * The stored baseline files, as pure functions: parse (with migration), serialise, append an
 * entry, pick the samples analysis compares with, and the `index.json` summary.
 *
 * Layout of a store (branch or directory):
 *   <check_name>/<check_version>.json   BaselineDocument, the last K entries, oldest first
 *   index.json                          BaselineIndex, the checks and versions, for reports/charts
 * Path components are URI-encoded (see `baselinePath`) so a check name can never escape its folder.
 */
import { MemgateError, ParseError } from '../errors.js';
import { mergeCheck, runCount, validateMemoryReport, type CheckReport } from '../model.js';
import { VERSION } from '../version.js';
import { BASELINE_SCHEMA_VERSION, type BaselineDocument, type BaselineEntry } from './types.js';
import { compareVersions } from './versions.js';

export const INDEX_PATH = 'index.json';
export const DEFAULT_KEEP = 30;
/**
 * Runs the comparison wants at least. The newest entry alone usually has `repeat` (default 5)
 * runs; older entries of the same version are pooled in only when it has fewer, because every
 * older commit mixes in code that is no longer on the branch.
 */
export const DEFAULT_WINDOW = 5;

/* ------------------------------------------------------------------ paths */

/** The folder of the history files (`history.ts`); never a check's folder. */
export const HISTORY_DIR = 'history';

export function encodeComponent(s: string): string {
  if (s === '') throw new MemgateError('a check name or version is empty', 'baseline');
  // encodeURIComponent leaves '.' alone; a leading dot would allow '.', '..' and hidden files.
  return encodeURIComponent(s).replace(/^\./, '%2E');
}

/** `<check_name>/<check_version>.json`, each component URI-encoded. */
export function baselinePath(name: string, version: string): string {
  // A check named "history" escapes its first letter, so `history/` stays the history folder.
  const dir = name === HISTORY_DIR ? `%68${encodeComponent(name.slice(1))}` : encodeComponent(name);
  return `${dir}/${encodeComponent(version)}.json`;
}

/** The inverse of `baselinePath`; undefined for any other file (index.json, README, *.corrupt). */
export function parseBaselinePath(path: string): { name: string; version: string } | undefined {
  const m = /^([^/]+)\/([^/]+)\.json$/.exec(path);
  if (!m || m[1] === HISTORY_DIR) return undefined;
  try {
    return { name: decodeURIComponent(m[1]), version: decodeURIComponent(m[2]) };
  } catch {
    return undefined;
  }
}

/* ------------------------------------------------------------------ parse + migrate */

type Raw = Record<string, unknown>;

function isObject(x: unknown): x is Raw {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * Migrations from schema N to N+1, on the raw JSON. Schema 0 is the pre-release draft layout
 * (`name`/`version` at the top level, entries with `sha` and `createdAt`); keeping its step here
 * exercises the mechanism from the first release on.
 */
const MIGRATIONS: Record<number, (raw: Raw, source: string) => Raw> = {
  0: (raw, source) => {
    if (!Array.isArray(raw.entries)) throw new ParseError(source, '$.entries must be an array');
    return {
      schemaVersion: 1,
      check: { name: raw.name, version: raw.version },
      entries: raw.entries.map((e: unknown) =>
        isObject(e) ? { commit: e.sha, date: e.createdAt, ref: e.ref, report: e.report } : e,
      ),
    };
  },
};

/**
 * Read a baseline file. Throws ParseError naming `source` on anything but a valid document;
 * a newer schema says so ("written by a newer memgate"); an older one is migrated in memory and
 * written back at the current schema by the next update.
 */
export function parseBaselineDocument(text: string, source: string): BaselineDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ParseError(source, `not JSON (${(err as Error).message}); the baseline file is corrupt`);
  }
  if (!isObject(raw)) throw new ParseError(source, '$ must be an object; the baseline file is corrupt');
  let version = raw.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0)
    throw new ParseError(source, '$.schemaVersion is missing or not an integer: not a memgate baseline file');
  if (version > BASELINE_SCHEMA_VERSION) {
    throw new ParseError(
      source,
      `written by a newer memgate (baseline schemaVersion ${version}; this memgate ${VERSION} reads up to ${BASELINE_SCHEMA_VERSION}); upgrade memgate`,
    );
  }
  let doc: Raw = raw;
  while (version < BASELINE_SCHEMA_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) throw new ParseError(source, `baseline schemaVersion ${version} cannot be migrated`);
    doc = step(doc, source);
    version += 1;
  }
  return validateDocument(doc, source);
}

function validateDocument(o: Raw, source: string): BaselineDocument {
  const fail = (path: string, msg: string): never => {
    throw new ParseError(source, `${path} ${msg}`);
  };
  const str = (x: unknown, path: string): string =>
    typeof x === 'string' ? x : fail(path, 'must be a string');
  const check = isObject(o.check) ? o.check : fail('$.check', 'must be an object');
  const name = str(check.name, '$.check.name');
  const version = str(check.version, '$.check.version');
  const rawEntries = Array.isArray(o.entries) ? o.entries : fail('$.entries', 'must be an array');
  const entries = rawEntries.map((e: unknown, i: number): BaselineEntry => {
    const p = `$.entries[${i}]`;
    const ent = isObject(e) ? e : fail(p, 'must be an object');
    const entry: BaselineEntry = {
      commit: str(ent.commit, `${p}.commit`),
      date: str(ent.date, `${p}.date`),
      report: validateCheckReport(ent.report, `${p}.report`, source),
    };
    if (ent.ref !== undefined && ent.ref !== null) entry.ref = str(ent.ref, `${p}.ref`);
    if (ent.id !== undefined && ent.id !== null) entry.id = str(ent.id, `${p}.id`);
    if (entry.report.check.name !== name || entry.report.check.version !== version)
      fail(
        `${p}.report.check`,
        `is ${entry.report.check.name}@${entry.report.check.version}, expected ${name}@${version}`,
      );
    return entry;
  });
  return { schemaVersion: BASELINE_SCHEMA_VERSION, check: { name, version }, entries };
}

/** Reuse the MemoryReport validator for one CheckReport, with paths rewritten to this file's. */
function validateCheckReport(x: unknown, path: string, source: string): CheckReport {
  const wrapper = { schemaVersion: 1, tool: { version: '' }, createdAt: '', environment: {}, checks: [x] };
  try {
    return validateMemoryReport(wrapper, source).checks[0];
  } catch (err) {
    if (err instanceof ParseError) throw new ParseError(source, err.message.split('$.checks[0]').join(path));
    throw err;
  }
}

/* ------------------------------------------------------------------ serialise */

/**
 * Deterministic, reviewable JSON: keys sorted (schemaVersion first), two-space indent, arrays of
 * numbers/strings on one line so a 20-point series is one line, not twenty. Same document → same
 * bytes → same blob SHA, so an unchanged file never makes a diff.
 */
export function stableJson(value: unknown): string {
  return `${render(value, '')}\n`;
}

function render(v: unknown, indent: string): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    if (v.every((x) => x === null || typeof x !== 'object'))
      return `[${v.map((x) => JSON.stringify(x) ?? 'null').join(', ')}]`;
    return `[\n${v.map((x) => inner + render(x, inner)).join(',\n')}\n${indent}]`;
  }
  const keys = Object.keys(v)
    .filter((k) => (v as Raw)[k] !== undefined)
    .sort((a, b) => (a === 'schemaVersion' ? -1 : b === 'schemaVersion' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  if (keys.length === 0) return '{}';
  return `{\n${keys.map((k) => `${inner}${JSON.stringify(k)}: ${render((v as Raw)[k], inner)}`).join(',\n')}\n${indent}}`;
}

export function serializeBaselineDocument(doc: BaselineDocument): string {
  return stableJson({ ...doc, schemaVersion: BASELINE_SCHEMA_VERSION });
}

export function emptyBaselineDocument(name: string, version: string): BaselineDocument {
  return { schemaVersion: BASELINE_SCHEMA_VERSION, check: { name, version }, entries: [] };
}

/* ------------------------------------------------------------------ entries */

/**
 * Items in date order (stable for ties; an unparsable date sorts first), the newest `keep` kept.
 * Baseline entries and history points are both kept this way.
 */
export function newestByDate<T extends { date: string }>(
  items: readonly T[],
  keep: number,
  where: string,
): T[] {
  if (!Number.isInteger(keep) || keep < 1)
    throw new MemgateError(`keep must be an integer ≥ 1, got ${keep}`, where);
  const ms = (x: T): number => {
    const t = Date.parse(x.date);
    return Number.isFinite(t) ? t : 0;
  };
  return items
    .map((e, i) => ({ e, i, t: ms(e) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.e)
    .slice(-keep);
}

/**
 * Add one entry and keep the newest `keep`. Entries are ordered by date (stable for ties), not by
 * arrival: two merges whose jobs finish in the other order still end up in commit order when the
 * date is the commit's. An entry whose `id` is already stored is not added again (a retried write
 * whose first attempt did land).
 */
export function appendEntry(
  doc: BaselineDocument,
  entry: BaselineEntry,
  keep = DEFAULT_KEEP,
): BaselineDocument {
  if (entry.report.check.name !== doc.check.name || entry.report.check.version !== doc.check.version) {
    throw new MemgateError(
      `entry for ${entry.report.check.name}@${entry.report.check.version} does not belong in ${doc.check.name}@${doc.check.version}`,
      'baseline',
    );
  }
  if (entry.id !== undefined && doc.entries.some((e) => e.id === entry.id)) return doc;
  const entries = newestByDate([...doc.entries, entry], keep, 'baseline');
  return { ...doc, schemaVersion: BASELINE_SCHEMA_VERSION, entries };
}

export function hasEntry(doc: BaselineDocument, id: string): boolean {
  return doc.entries.some((e) => e.id === id);
}

/* ------------------------------------------------------------------ what analysis compares with */

export interface BaselineSelection {
  report: CheckReport;
  /** Entries pooled, newest first. */
  used: BaselineEntry[];
}

/**
 * Entries for one instance (the documents hold every instance of a check version). An absent
 * instance matches only entries without one.
 */
export function entriesFor(doc: BaselineDocument, instance?: string): BaselineEntry[] {
  return doc.entries.filter((e) => (e.report.check.instance ?? '') === (instance ?? ''));
}

/**
 * The newest entry's runs, pooled with the next older entries of the same version only until at
 * least `window` runs are reached. Undefined when the document has no entry for the instance.
 */
export function selectBaseline(
  doc: BaselineDocument,
  opts: { window?: number; instance?: string } = {},
): BaselineSelection | undefined {
  const window = opts.window ?? DEFAULT_WINDOW;
  const newestFirst = entriesFor(doc, opts.instance).reverse();
  if (newestFirst.length === 0) return undefined;
  const used: BaselineEntry[] = [];
  let runs = 0;
  for (const e of newestFirst) {
    used.push(e);
    runs += runCount(e.report);
    if (runs >= window) break;
  }
  // Oldest first, so runs keep their time order in the pooled report.
  const chronological = [...used].reverse();
  let report: CheckReport = chronological[0].report;
  for (const e of chronological.slice(1)) report = mergeCheck(report, e.report);
  report = { ...report, check: { ...used[0].report.check } };
  return { report, used };
}

/* ------------------------------------------------------------------ index.json */

export interface BaselineIndexVersion {
  version: string;
  path: string;
  entries: number;
  lastCommit?: string;
  lastDate?: string;
}

export interface BaselineIndex {
  schemaVersion: typeof BASELINE_SCHEMA_VERSION;
  updatedAt: string;
  checks: { name: string; versions: BaselineIndexVersion[] }[];
}

/** Summary of one document for the index. */
export function indexVersion(path: string, doc: BaselineDocument): BaselineIndexVersion {
  const last = doc.entries[doc.entries.length - 1];
  return {
    version: doc.check.version,
    path,
    entries: doc.entries.length,
    lastCommit: last?.commit,
    lastDate: last?.date,
  };
}

/** Lenient read of index.json: it is derived data, so a broken one is rebuilt, never fatal. */
export function parseBaselineIndex(text: string): BaselineIndex | undefined {
  try {
    const raw: unknown = JSON.parse(text);
    if (!isObject(raw) || !Array.isArray(raw.checks)) return undefined;
    if (typeof raw.schemaVersion !== 'number' || raw.schemaVersion > BASELINE_SCHEMA_VERSION)
      return undefined;
    return raw as unknown as BaselineIndex;
  } catch {
    return undefined;
  }
}

/**
 * Rebuild the index from the files actually present (`paths`), taking the summaries of the
 * documents just written from `written` and the rest from the previous index when it has them.
 */
export function buildIndex(
  paths: Iterable<string>,
  written: ReadonlyMap<string, BaselineDocument>,
  previous: BaselineIndex | undefined,
  now: Date,
): BaselineIndex {
  const old = new Map<string, BaselineIndexVersion>();
  for (const c of previous?.checks ?? []) {
    for (const v of Array.isArray(c.versions) ? c.versions : [])
      if (isObject(v) && typeof v.path === 'string') old.set(v.path, v);
  }
  const byCheck = new Map<string, BaselineIndexVersion[]>();
  for (const path of new Set([...paths, ...written.keys()])) {
    const key = parseBaselinePath(path);
    if (!key) continue;
    const doc = written.get(path);
    const v = doc ? indexVersion(path, doc) : (old.get(path) ?? { version: key.version, path, entries: 0 });
    const list = byCheck.get(key.name) ?? [];
    list.push({ ...v, version: key.version, path });
    byCheck.set(key.name, list);
  }
  const checks = [...byCheck.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, versions]) => ({
      name,
      versions: versions.sort((a, b) => compareVersions(a.version, b.version)),
    }));
  return { schemaVersion: BASELINE_SCHEMA_VERSION, updatedAt: now.toISOString(), checks };
}
