/**
 * The `BaselineStore` interface the gate uses, and the logic every store shares: version
 * selection, merging new runs into stored documents, provenance, index.json. A concrete store
 * (git branch, local directory) only supplies `StoreBackend`: a consistent snapshot to read, and
 * an atomic "write these files on top of that snapshot" that retries the whole read-modify-write
 * when someone else wrote first.
 */
import { randomUUID } from 'node:crypto';

import { describeError, MemgateError, ParseError } from '../errors.js';
import { runCount, type CheckReport, type MemoryReport } from '../model.js';
import {
  appendEntry,
  baselinePath,
  buildIndex,
  DEFAULT_KEEP,
  DEFAULT_WINDOW,
  emptyBaselineDocument,
  entriesFor,
  hasEntry,
  INDEX_PATH,
  parseBaselineDocument,
  parseBaselineIndex,
  parseBaselinePath,
  selectBaseline,
  serializeBaselineDocument,
  stableJson,
} from './document.js';
import { historyPoint, type HistoryPoint } from './history.js';
import { addHistoryPoints } from './history-store.js';
import type { BaselineDocument, BaselineEntry, BaselineJob, BaselineLookup } from './types.js';
import { foundProvenance, noneProvenance, unreadableProvenance, versionCandidates } from './versions.js';

/** How to pick the baseline entry (see `lookupInSnapshot`). */
export interface LookupOptions {
  /**
   * The PR's base commit and its ancestors, nearest first (src/baseline/ancestry.ts). When given,
   * the baseline is the entry at the nearest of these commits that is stored, not the newest.
   */
  ancestry?: readonly string[];
}

export interface BaselineStore {
  read(
    check: { name: string; version: string; instance?: string },
    lookup?: LookupOptions,
  ): Promise<BaselineLookup>;
  update(
    report: MemoryReport,
    meta: { commit: string; date?: string; ref?: string },
  ): Promise<{ written: string[] }>;
  list(): Promise<{ name: string; versions: string[] }[]>;
}

/** A read-only view of the store at one moment. */
export interface StoreSnapshot {
  /** Every file path in the snapshot, `/`-separated, relative to the store root. */
  paths: readonly string[];
  /** File text, or undefined when absent. */
  read(path: string): Promise<string | undefined>;
}

/** Files to write (path → text) on top of the snapshot they were computed from. */
export type FileChanges = Map<string, string>;

export interface StoreBackend {
  /** How errors name this store, e.g. "branch memgate-baselines of o/r" or a directory. */
  readonly where: string;
  snapshot(): Promise<StoreSnapshot>;
  /**
   * Run `compute` on a fresh snapshot and write its changes atomically on top of exactly that
   * snapshot. If another writer got there first, take a new snapshot and call `compute` again
   * (so nothing is lost), a bounded number of times. An empty change set writes nothing.
   * Errors thrown by `compute` are not retried. Returns how many attempts it took.
   */
  transact(
    compute: (snap: StoreSnapshot) => Promise<{ changes: FileChanges; message: string }>,
  ): Promise<{ attempts: number }>;
}

export interface StoreOptions {
  /** Entries kept per check version (default 30). */
  keep?: number;
  /** Runs the baseline pools at least (default 5, see `selectBaseline`). */
  window?: number;
  /**
   * Replace a corrupt baseline file instead of refusing to write. The corrupt text is kept next to
   * it as `<file>.corrupt` in the same write, so nothing is lost silently. A file written by a
   * newer memgate is never replaced.
   */
  repair?: boolean;
  /** Where warnings go (the action passes core.warning). */
  warn?: (message: string) => void;
  /** Clock, for tests of age. */
  now?: () => Date;
}

export interface UpdateResult {
  written: string[];
  attempts: number;
}

/** The shared half of every store. Subclasses pass their backend. */
export class BackendBaselineStore implements BaselineStore {
  constructor(
    protected readonly backend: StoreBackend,
    protected readonly options: StoreOptions = {},
  ) {}

  protected now(): Date {
    return this.options.now?.() ?? new Date();
  }

  async read(
    check: { name: string; version: string; instance?: string },
    lookup: LookupOptions = {},
  ): Promise<BaselineLookup> {
    const snap = await this.backend.snapshot();
    return lookupInSnapshot(snap, check, {
      ...lookup,
      window: this.options.window ?? DEFAULT_WINDOW,
      now: this.now(),
      where: this.backend.where,
      warn: this.options.warn,
    });
  }

  async update(
    report: MemoryReport,
    meta: { commit: string; date?: string; ref?: string },
  ): Promise<UpdateResult> {
    if (!meta.commit)
      throw new MemgateError('a baseline update needs the commit SHA it measured', 'baseline');
    if (report.checks.length === 0) return { written: [], attempts: 0 };
    const keep = this.options.keep ?? DEFAULT_KEEP;
    const date = meta.date ?? this.now().toISOString();
    // One id per update call: a retry after a lost response recognises its own entries.
    const id = randomUUID();
    let written: string[] = [];
    const { attempts } = await this.backend.transact(async (snap) => {
      const result = await mergeIntoSnapshot(
        snap,
        report,
        { ...meta, date, id },
        {
          keep,
          repair: this.options.repair ?? false,
          where: this.backend.where,
          warn: this.options.warn,
          now: this.now(),
        },
      );
      written = result.written;
      const names = [...new Set(report.checks.map((c) => `${c.check.name}@${c.check.version}`))];
      return {
        changes: result.changes,
        message: `memgate: baseline for ${names.join(', ')} at ${meta.commit.slice(0, 12)}`,
      };
    });
    return { written, attempts };
  }

  async list(): Promise<{ name: string; versions: string[] }[]> {
    return listSnapshot(await this.backend.snapshot());
  }

  /** A read-only view of the whole store (history files, the dashboard). */
  snapshot(): Promise<StoreSnapshot> {
    return this.backend.snapshot();
  }

  /** Every stored document (of one check, if named), parsed, or why it could not be. For `baseline show`. */
  async documents(name?: string): Promise<StoredDocument[]> {
    const snap = await this.backend.snapshot();
    const out: StoredDocument[] = [];
    for (const c of listSnapshot(snap)) {
      if (name !== undefined && c.name !== name) continue;
      for (const version of c.versions) {
        const path = baselinePath(c.name, version);
        const text = await snap.read(path);
        if (text === undefined) continue;
        try {
          out.push({
            name: c.name,
            version,
            path,
            doc: parseBaselineDocument(text, `${this.backend.where}: ${path}`),
          });
        } catch (err) {
          if (!(err instanceof ParseError)) throw err;
          out.push({ name: c.name, version, path, error: describeError(err) });
        }
      }
    }
    return out;
  }
}

export interface StoredDocument {
  name: string;
  version: string;
  path: string;
  doc?: BaselineDocument;
  error?: string;
}

/* ------------------------------------------------------------------ shared logic */

export function listSnapshot(snap: StoreSnapshot): { name: string; versions: string[] }[] {
  const byName = new Map<string, string[]>();
  for (const p of snap.paths) {
    const key = parseBaselinePath(p);
    if (!key) continue;
    byName.set(key.name, [...(byName.get(key.name) ?? []), key.version]);
  }
  return [...byName.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, versions]) => ({ name, versions: versionCandidatesSorted(versions) }));
}

function versionCandidatesSorted(versions: string[]): string[] {
  // Lowest first: the natural reading order of a list.
  return versionCandidates('\uffff', versions)
    .map((c) => c.version)
    .reverse();
}

/**
 * Find the baseline for one check: exact version, else the highest lower version that has entries
 * for this instance. A file that cannot be read stops the search (falling back past it would
 * silently compare with the wrong base): the lookup says `unreadable`, names the file, and warns.
 * With an ancestry, the entry at the PR's base commit or its nearest stored ancestor is the
 * baseline (main may have moved past the base); without one, or when no ancestor is stored, the
 * newest entry is, and the provenance says so.
 */
export async function lookupInSnapshot(
  snap: StoreSnapshot,
  check: { name: string; version: string; instance?: string },
  opts: LookupOptions & { window: number; now: Date; where: string; warn?: (m: string) => void },
): Promise<BaselineLookup> {
  const versions = snap.paths
    .map(parseBaselinePath)
    .filter((k): k is { name: string; version: string } => k !== undefined && k.name === check.name)
    .map((k) => k.version);
  for (const choice of versionCandidates(check.version, versions)) {
    const path = baselinePath(check.name, choice.version);
    const text = await snap.read(path);
    if (text === undefined) continue;
    let doc: BaselineDocument;
    try {
      doc = parseBaselineDocument(text, `${opts.where}: ${path}`);
    } catch (err) {
      if (!(err instanceof ParseError)) throw err;
      const why = describeError(err);
      opts.warn?.(`memgate: ${why}; comparing ${check.name}@${check.version} with no baseline`);
      return { provenance: unreadableProvenance(check.version, choice.version, why) };
    }
    const entries = entriesFor(doc, check.instance);
    if (entries.length === 0) continue;
    const at = entryForAncestry(entries, opts.ancestry);
    const upTo = entries.slice(0, at.index + 1);
    const sel = selectBaseline({ ...doc, entries: upTo }, { window: opts.window, instance: check.instance });
    if (!sel) continue;
    const provenance = foundProvenance(
      choice,
      check.version,
      {
        commits: sel.used.map((e) => e.commit),
        date: sel.used[0].date,
        samples: runCount(sel.report),
        entries: doc.entries.length,
        ...(opts.ancestry?.length
          ? { ancestry: { mergeBase: opts.ancestry[0], distance: at.distance ?? -1 } }
          : {}),
      },
      opts.now,
    );
    return { baseline: sel.report, provenance, jobs: upTo.map(jobOf) };
  }
  return { provenance: noneProvenance(check.version) };
}

/** Two commit ids name the same commit when one is a prefix of the other (abbreviated SHAs). */
function sameCommit(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x.length > 0 && y.length > 0 && (x.startsWith(y) || y.startsWith(x));
}

/**
 * Which stored entry (oldest-first `entries`) is the baseline: the one at the nearest commit of
 * `ancestry` (the PR's base first), with its distance in commits from the base; the newest entry
 * when there is no ancestry (distance undefined) or no ancestor is stored (distance -1).
 * When one commit has several entries (re-runs), the newest of them.
 */
export function entryForAncestry(
  entries: readonly Pick<BaselineEntry, 'commit'>[],
  ancestry: readonly string[] | undefined,
): { index: number; distance?: number } {
  const newest = entries.length - 1;
  if (!ancestry) return { index: newest };
  for (const [distance, commit] of ancestry.entries()) {
    for (let i = newest; i >= 0; i--)
      if (sameCommit(entries[i].commit, commit)) return { index: i, distance };
  }
  return { index: newest, distance: -1 };
}

/** One stored entry as a job: the median of its runs per metric. */
export function jobOf(entry: BaselineEntry): BaselineJob {
  const report: CheckReport = entry.report;
  const medians: Record<string, number> = {};
  for (const [metric, m] of Object.entries(report.metrics)) {
    const values = m.runs.map((r) => r.value).sort((a, b) => a - b);
    const n = values.length;
    if (n > 0) medians[metric] = n % 2 ? values[(n - 1) / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }
  return { commit: entry.commit, date: entry.date, runs: runCount(report), medians };
}

/**
 * Merge a report's checks into the documents of a snapshot: one entry per check version (checks
 * sharing a key, e.g. matrix shards already merged, become one entry), and a new index.json.
 * Returns no changes when every entry is already there (a retry whose first attempt landed).
 */
export async function mergeIntoSnapshot(
  snap: StoreSnapshot,
  report: MemoryReport,
  meta: { commit: string; date: string; ref?: string; id: string },
  opts: { keep: number; repair: boolean; where: string; warn?: (m: string) => void; now: Date },
): Promise<{ changes: FileChanges; written: string[] }> {
  const changes: FileChanges = new Map();
  const docs = new Map<string, BaselineDocument>();
  const targets: string[] = [];
  const points: { check: string; point: HistoryPoint }[] = [];
  let landed = 0;
  for (const c of report.checks) {
    const path = baselinePath(c.check.name, c.check.version);
    // Instances (and repeated keys) append separate entries; the id stays unique per entry.
    const entryId = `${meta.id}:${c.check.instance ?? ''}:${targets.filter((t) => t === path).length}`;
    targets.push(path);
    let doc = docs.get(path);
    if (!doc) {
      const text = await snap.read(path);
      doc =
        text === undefined
          ? emptyBaselineDocument(c.check.name, c.check.version)
          : readForWrite(text, path, changes, opts);
    }
    if (hasEntry(doc, entryId)) {
      landed += 1;
      docs.set(path, doc);
      continue;
    }
    doc = appendEntry(
      doc,
      { commit: meta.commit, date: meta.date, ref: meta.ref, id: entryId, report: c },
      opts.keep,
    );
    points.push({ check: c.check.name, point: historyPoint(c, { ...meta, id: entryId }) });
    docs.set(path, doc);
  }
  const written = [...docs.keys()];
  if (landed === report.checks.length) return { changes: new Map(), written };
  for (const [path, doc] of docs) changes.set(path, serializeBaselineDocument(doc));
  // The history points go in the same write as their baseline entries (see history-store.ts).
  await addHistoryPoints(snap, points, changes, opts);
  const indexText = await snap.read(INDEX_PATH);
  const index = buildIndex(
    snap.paths,
    docs,
    indexText === undefined ? undefined : parseBaselineIndex(indexText),
    opts.now,
  );
  changes.set(INDEX_PATH, stableJson(index));
  return { changes, written: [...written, INDEX_PATH] };
}

function readForWrite(
  text: string,
  path: string,
  changes: FileChanges,
  opts: { repair: boolean; where: string; warn?: (m: string) => void },
): BaselineDocument {
  const source = `${opts.where}: ${path}`;
  try {
    return parseBaselineDocument(text, source);
  } catch (err) {
    if (!(err instanceof ParseError)) throw err;
    const newer = /newer memgate/.test(err.message);
    if (!opts.repair || newer) {
      const hint = newer
        ? 'upgrade memgate'
        : 'fix or delete the file, or run the update with repair enabled';
      throw new MemgateError(`${err.message}; refusing to overwrite it (${hint})`, source);
    }
    const parked = `${path}.corrupt`;
    changes.set(parked, text);
    const key = parseBaselinePath(path);
    opts.warn?.(`memgate: ${describeError(err)}; repairing: old text kept as ${parked}`);
    if (!key) throw new MemgateError('not a baseline path', source);
    return emptyBaselineDocument(key.name, key.version);
  }
}

/* ------------------------------------------------------------------ retry helpers */

export interface RetryOptions {
  /** Attempts before giving up (default 12; N writers racing at once need about N). */
  attempts?: number;
  /** First back-off ceiling in ms (default 200); doubles per attempt, full jitter. */
  baseDelayMs?: number;
  /** Largest back-off ceiling in ms (default 10,000). */
  maxDelayMs?: number;
}

export const DEFAULT_RETRY: Required<RetryOptions> = { attempts: 12, baseDelayMs: 200, maxDelayMs: 10_000 };

/** "Full jitter" exponential back-off: uniform in [0, min(max, base·2^attempt)]. */
export function backoffDelay(attempt: number, opts: Required<RetryOptions>, random = Math.random): number {
  const ceiling = Math.min(opts.maxDelayMs, opts.baseDelayMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
