/**
 * `/debug/vars` (Go expvar JSON). Only `rtloader` (the RTLoader's cgo allocation counters),
 * `memstats` and the collector's `runner` stats are read; the Agent publishes many other keys, which
 * are ignored. See shared/formats/go-pprof-expvar.md.
 */
import { ParseError } from '../errors.js';
import { NEGATIVE, stripBom } from '../text.js';

export interface RtloaderCounters {
  AllocatedBytes: number;
  FreedBytes: number;
  Allocations: number;
  Frees: number;
  InuseBytes: number;
  /** Absent in the oldest Agents. */
  UntrackedFrees?: number;
}

export interface GoMemstats {
  HeapInuse: number;
  HeapAlloc: number;
  Sys: number;
  NumGC: number;
  HeapObjects: number;
  TotalAlloc: number;
  Mallocs: number;
  Frees: number;
}

/**
 * The Agent's `runner` expvar: how many times each check instance has run so far. It tells which
 * check iteration a poll of the other counters belongs to. Absent in plain Go services.
 */
export interface RunnerRuns {
  /** `runner.Runs`: runs of all checks (absent until the first run). */
  total?: number;
  /** check name → check ID → its stats (`runner.Checks`). */
  checks: Record<string, Record<string, { totalRuns: number; checkVersion?: string }>>;
}

export interface ExpvarSnapshot {
  rtloader?: RtloaderCounters;
  memstats?: GoMemstats;
  runs?: RunnerRuns;
}

const RTLOADER_KEYS = ['AllocatedBytes', 'FreedBytes', 'Allocations', 'Frees', 'InuseBytes'] as const;
const MEMSTATS_KEYS = [
  'HeapInuse',
  'HeapAlloc',
  'Sys',
  'NumGC',
  'HeapObjects',
  'TotalAlloc',
  'Mallocs',
  'Frees',
] as const;

export function parseExpvar(text: string, source: string): ExpvarSnapshot {
  if (text.trim() === '') throw new ParseError(source, 'empty: expected /debug/vars JSON');
  let raw: unknown;
  try {
    raw = JSON.parse(stripBom(text));
  } catch (err) {
    throw new ParseError(source, `not JSON (${(err as Error).message})`);
  }
  const doc = object(raw, '$', source);
  const out: ExpvarSnapshot = {};
  if (doc.rtloader !== undefined) {
    const r = object(doc.rtloader, '$.rtloader', source);
    const counters = {} as RtloaderCounters;
    for (const k of RTLOADER_KEYS) counters[k] = counter(r[k], `$.rtloader.${k}`, source);
    if (r.UntrackedFrees !== undefined)
      counters.UntrackedFrees = counter(r.UntrackedFrees, '$.rtloader.UntrackedFrees', source);
    out.rtloader = counters;
  }
  if (doc.memstats !== undefined) {
    const m = object(doc.memstats, '$.memstats', source);
    const stats = {} as GoMemstats;
    for (const k of MEMSTATS_KEYS) stats[k] = counter(m[k], `$.memstats.${k}`, source);
    out.memstats = stats;
  }
  if (doc.runner !== undefined) out.runs = runner(doc.runner, source);
  if (!out.rtloader && !out.memstats)
    throw new ParseError(source, 'neither `rtloader` nor `memstats` is present: not a /debug/vars document');
  return out;
}

function runner(x: unknown, source: string): RunnerRuns {
  const r = object(x, '$.runner', source);
  const out: RunnerRuns = { checks: {} };
  if (r.Runs !== undefined) out.total = counter(r.Runs, '$.runner.Runs', source);
  // Go encodes a nil map as null: the same as no check having run yet.
  if (r.Checks === undefined || r.Checks === null) return out;
  // fromEntries defines own keys, so a check named `__proto__` stays data.
  out.checks = Object.fromEntries(
    Object.entries(object(r.Checks, '$.runner.Checks', source)).map(([name, ids]) => {
      const at = `$.runner.Checks[${JSON.stringify(name)}]`;
      const entries = ids === null ? [] : Object.entries(object(ids, at, source));
      return [
        name,
        Object.fromEntries(
          entries.map(([id, stats]) => {
            const path = `${at}[${JSON.stringify(id)}]`;
            const st = object(stats, path, source);
            const totalRuns = counter(st.TotalRuns, `${path}.TotalRuns`, source);
            // The version the running Agent loaded: a live watch has no `check --json` to read it from.
            return [
              id,
              typeof st.CheckVersion === 'string' && st.CheckVersion
                ? { totalRuns, checkVersion: st.CheckVersion }
                : { totalRuns },
            ];
          }),
        ),
      ];
    }),
  );
  return out;
}

function object(x: unknown, path: string, source: string): Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x))
    throw new ParseError(source, `${path} must be an object`);
  return x as Record<string, unknown>;
}

function counter(x: unknown, path: string, source: string): number {
  if (x === undefined) throw new ParseError(source, `${path} is missing`);
  if (typeof x !== 'number' || !Number.isFinite(x) || x < 0)
    throw new ParseError(source, `${path} ${NEGATIVE}`);
  return x;
}
