/**
 * `/debug/vars` (Go expvar JSON). Only `rtloader` (the RTLoader's cgo allocation counters) and
 * `memstats` are read; the Agent publishes many other keys, which are ignored.
 * See shared/formats/go-pprof-expvar.md.
 */
import { ParseError } from '../errors.js';

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

export interface ExpvarSnapshot {
  rtloader?: RtloaderCounters;
  memstats?: GoMemstats;
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
    raw = JSON.parse(text);
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
  if (!out.rtloader && !out.memstats)
    throw new ParseError(source, 'neither `rtloader` nor `memstats` is present: not a /debug/vars document');
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
    throw new ParseError(source, `${path} must be a non-negative number`);
  return x;
}
