/**
 * The tracemalloc options of a capture (shared/formats/python-tracemalloc.md): read from the Agent's
 * own `--m-*` flags where memgate or the user knows them, inferred from what the files show where
 * they say it (unit, sort, limit, diff order), and `unknown` for the rest. gc in particular never
 * shows in the files: unknown gc turns the retained-per-run rule off downstream.
 */
import { MemgateError } from '../errors.js';
import { UNKNOWN_PROFILING, type ProfilingOptions } from '../model.js';
import type { TracemallocDump } from './tracemalloc.js';

export type ProfilingOption = keyof ProfilingOptions;
export const PROFILING_OPTIONS = Object.keys(UNKNOWN_PROFILING) as ProfilingOption[];

/** The Agent's defaults (`datadog-agent check -m`), except gc, which memgate turns on. */
export const AGENT_DEFAULTS: ProfilingOptions = {
  frames: 100,
  gc: false,
  combine: false,
  sort: 'lineno',
  limit: 30,
  diff: 'absolute',
  filters: '',
  unit: 'dynamic',
  verbose: false,
};

/** `kb` and `mb` mean KiB and MiB to the Agent: one spelling per meaning, so captures compare. */
const UNIT_ALIASES: Record<string, string> = { kb: 'kib', mb: 'mib', gb: 'gib', tb: 'tib' };
const UNITS = new Set(['dynamic', 'b', 'kib', 'mib', 'gib', 'tib', 'pib', 'eib', 'zib', 'yib']);

/**
 * Flag values as the Agent takes them (`--m-gc 0|1`, `--m-frames N`, …), validated with the Agent's
 * own messages; options not given are left out.
 */
export function profilingFromFlags(
  flags: Partial<Record<ProfilingOption, string>>,
): Partial<ProfilingOptions> {
  const out: Partial<Record<ProfilingOption, unknown>> = {};
  for (const name of PROFILING_OPTIONS) {
    const raw = flags[name];
    if (raw === undefined || raw === '') continue;
    out[name] = flagValue(name, raw.trim());
  }
  if (out.combine === true && out.sort === 'traceback')
    throw new MemgateError('--m-combine cannot be sorted (--m-sort) by traceback', 'profiling options');
  return out as Partial<ProfilingOptions>;
}

function flagValue(name: ProfilingOption, raw: string): unknown {
  const fail = (why: string): never => {
    throw new MemgateError(`--m-${name} ${why}, got "${raw}"`, 'profiling options');
  };
  switch (name) {
    case 'frames':
    case 'limit':
      return /^\d+$/.test(raw) ? Number(raw) : fail('must be an integer');
    case 'gc':
    case 'combine':
    case 'verbose':
      return raw === '1' || raw === 'true'
        ? true
        : raw === '0' || raw === 'false'
          ? false
          : fail('must be 0 or 1');
    case 'sort':
      return ['lineno', 'filename', 'traceback'].includes(raw)
        ? raw
        : fail('must one of: lineno | filename | traceback');
    case 'diff':
      return raw === 'absolute' || raw === 'positive' ? raw : fail('must one of: absolute | positive');
    case 'unit': {
      const unit = UNIT_ALIASES[raw.toLowerCase()] ?? raw.toLowerCase();
      return UNITS.has(unit) ? unit : fail('must be dynamic or a unit (b, kib, mib, gib, …)');
    }
    case 'filters':
      return raw;
  }
}

/** The value each option is given to the Agent as (`--m-<name> <value>`). */
export function flagText(name: ProfilingOption, value: ProfilingOptions[ProfilingOption]): string {
  return typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
}

/** What the snapshot and diff files themselves show. */
export function inferProfiling(
  snapshots: readonly TracemallocDump[],
  diffs: readonly TracemallocDump[],
): Partial<ProfilingOptions> {
  const all = [...snapshots, ...diffs];
  const out: Partial<ProfilingOptions> = {};
  const sort = inferSort(all);
  if (sort) out.sort = sort;
  // The Agent refuses combine with traceback sorting.
  if (sort === 'traceback') out.combine = false;
  const unit = inferUnit(all);
  if (unit) out.unit = unit;
  const limit = inferLimit(all);
  if (limit !== undefined) out.limit = limit;
  const diff = inferDiff(diffs);
  if (diff) out.diff = diff;
  return out;
}

/** Declared options win; what the files show fills the rest; anything else is unknown. */
export function resolveProfiling(
  declared: Partial<ProfilingOptions>,
  inferred: Partial<ProfilingOptions>,
): ProfilingOptions {
  return { ...UNKNOWN_PROFILING, ...inferred, ...declared };
}

function inferSort(dumps: readonly TracemallocDump[]): ProfilingOptions['sort'] | undefined {
  const rows = dumps.flatMap((d) => d.stats);
  if (rows.length === 0) return undefined;
  if (rows.some((r) => r.trace && r.trace.length > 0)) return 'traceback';
  if (rows.every((r) => r.line === undefined)) return 'filename';
  return rows.every((r) => r.line !== undefined) ? 'lineno' : undefined;
}

const UNIT_SIZE: Record<string, number> = { B: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3, TiB: 1024 ** 4 };

/**
 * `dynamic` prints each amount in the largest unit it reaches, so mixed units mean dynamic. One unit
 * throughout is a fixed unit only when some amount would have printed otherwise (1500 B, 0.05 KiB).
 */
function inferUnit(dumps: readonly TracemallocDump[]): string | undefined {
  const amounts = dumps.flatMap((d) => [
    ...d.stats.map((s) => ({ text: s.sizeText, bytes: s.size })),
    { text: d.totalText, bytes: d.total },
    ...(d.other ? [{ text: d.other.sizeText, bytes: d.other.size }] : []),
  ]);
  const units = new Set(amounts.map((a) => a.text.split(' ').pop() ?? ''));
  if (units.size > 1) return 'dynamic';
  const [unit] = [...units];
  const size = UNIT_SIZE[unit];
  if (size === undefined) return undefined;
  const fixed = amounts.some((a) => (unit === 'B' ? Math.abs(a.bytes) >= 1024 : Math.abs(a.bytes) < size));
  return fixed ? unit.toLowerCase() : undefined;
}

/** `Top N lines` is the limit when it exceeds the rows shown, or when an `other` line shows rows were cut. */
function inferLimit(dumps: readonly TracemallocDump[]): number | undefined {
  const seen = new Set(
    dumps.filter((d) => d.limit > d.stats.length || d.other !== undefined).map((d) => d.limit),
  );
  return seen.size === 1 ? [...seen][0] : undefined;
}

/** `absolute` orders diff rows by |size|, `positive` by signed size: a negative row tells them apart. */
function inferDiff(diffs: readonly TracemallocDump[]): ProfilingOptions['diff'] | undefined {
  let absolute = true;
  let signed = true;
  let negative = false;
  for (const d of diffs) {
    const sizes = d.stats.map((s) => s.size);
    if (sizes.some((v) => v < 0)) negative = true;
    for (let i = 1; i < sizes.length; i++) {
      if (Math.abs(sizes[i]) > Math.abs(sizes[i - 1])) absolute = false;
      if (sizes[i] > sizes[i - 1]) signed = false;
    }
  }
  if (!negative || absolute === signed) return undefined;
  return absolute ? 'absolute' : 'positive';
}
