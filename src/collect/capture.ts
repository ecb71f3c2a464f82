/**
 * What one process run of a check left behind (raw text and bytes), and the same capture parsed:
 * every file goes through its parser exactly once here, and a check that raised stops here, before
 * anything is measured. The extractors downstream read only the parsed form.
 */
import { MemgateError } from '../errors.js';
import { parseCheckJson, type CheckInstanceResult } from './check-json.js';
import { parseExpvar, type ExpvarSnapshot } from './expvar.js';
import { parsePprof, profileTotals, type PprofProfile } from './pprof.js';
import type { ProfileDirFiles } from './profile-dir.js';
import { parseTelemetry, type TelemetrySnapshot } from './telemetry.js';
import { parseProfilePrintout, parseTracemallocText, type TracemallocDump } from './tracemalloc.js';

export interface RunCapture {
  /** stdout of `check --json` */
  checkJson?: { text: string; source: string };
  /** tracemalloc files of that run */
  profileDirs?: ProfileDirFiles[];
  /** `check -m` stdout (or a single snapshot file): one snapshot per instance, for this run */
  printouts?: { text: string; source: string }[];
  /** /debug/vars polls, in time order */
  expvar?: { text: string; source: string; at: number }[];
  /** /telemetry polls */
  telemetry?: { text: string; source: string; at: number }[];
  /** first and last heap profile */
  heapProfiles?: { bytes: Uint8Array; source: string }[];
  goroutineProfiles?: { bytes: Uint8Array; source: string }[];
}

/** One `--m-dir` instance directory, parsed. */
export interface ParsedProfileDir {
  check: string;
  /** The directory's base name: the CheckID after `<check>:`, with ':' replaced by '_'. */
  dirName: string;
  snapshots: TracemallocDump[];
  diffs: TracemallocDump[];
}

export interface ParsedCapture {
  /** The `check --json` instances, in the order of the check's configuration. */
  instances: CheckInstanceResult[];
  profileDirs: ParsedProfileDir[];
  /** Per printout, one block per instance in configuration order. */
  printouts: { source: string; blocks: { snapshot: TracemallocDump; diff?: TracemallocDump }[] }[];
  /** Polls sorted by time. */
  expvar: { at: number; snapshot: ExpvarSnapshot }[];
  telemetry: { at: number; snapshot: TelemetrySnapshot }[];
  heaps: PprofProfile[];
  goroutines: PprofProfile[];
}

export function readCapture(run: RunCapture): ParsedCapture {
  const instances = run.checkJson ? parseCheckJson(run.checkJson.text, run.checkJson.source) : [];
  if (run.checkJson) failOnCheckErrors(instances, run.checkJson.source);
  return {
    instances,
    profileDirs: (run.profileDirs ?? []).map(parseProfileDir),
    printouts: (run.printouts ?? []).map((p) => ({
      source: p.source,
      blocks: parseProfilePrintout(p.text, p.source),
    })),
    expvar: byTime(run.expvar).map((p) => ({ at: p.at, snapshot: parseExpvar(p.text, p.source) })),
    telemetry: byTime(run.telemetry).map((p) => ({ at: p.at, snapshot: parseTelemetry(p.text, p.source) })),
    heaps: (run.heapProfiles ?? []).map((h) => parsePprof(h.bytes, h.source)),
    goroutines: (run.goroutineProfiles ?? []).map((g) => parsePprof(g.bytes, g.source)),
  };
}

/**
 * The Agent exits 0 even when the check raised: the failure is only in the JSON. One line with the
 * traceback's last line, never a memory result.
 */
export function failOnCheckErrors(instances: readonly CheckInstanceResult[], source: string): void {
  for (const inst of instances) {
    if (inst.totalErrors > 0 && NO_TRACEMALLOC.test(inst.lastError ?? ''))
      throw new MemgateError(`check ${inst.checkName}: ${PYTHON2_LINE} (${inst.lastError})`, source);
    if (inst.totalErrors > 0)
      throw new MemgateError(
        `check ${inst.checkName} failed in ${inst.totalErrors} of ${inst.totalRuns} check runs: ${inst.lastError ?? 'no traceback'}`,
        source,
      );
  }
}

/** The profiler's import failing: a Python 2 runtime (Agent 6), where tracemalloc does not exist. */
const NO_TRACEMALLOC = /No module named '?tracemalloc'?/;

export const PYTHON2_LINE =
  'this Agent runs its checks on Python 2 (Agent 6), which has no tracemalloc: memory profiling needs Agent 7 (Python 3)';

/** A goroutine profile has a single `goroutine` sample type; anything else is a heap profile. */
export function isGoroutineProfile(p: PprofProfile): boolean {
  return 'goroutine' in profileTotals(p);
}

function parseProfileDir(d: ProfileDirFiles): ParsedProfileDir {
  const dirName = d.instanceDir.split(/[\\/]/).filter(Boolean).pop() ?? d.instanceDir;
  return {
    check: d.check,
    dirName,
    snapshots: d.snapshots.map((f) => parseTracemallocText(f.text, `${d.instanceDir}/snapshots/${f.name}`)),
    // Diffs name the sites that grew between runs (growth-sites.ts); a corrupt one is a broken capture.
    diffs: d.diffs.map((f) => parseTracemallocText(f.text, `${d.instanceDir}/diffs/${f.name}`)),
  };
}

function byTime<T extends { at: number }>(polls: readonly T[] | undefined): T[] {
  return [...(polls ?? [])].sort((a, b) => a.at - b.at);
}
