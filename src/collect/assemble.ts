/**
 * Pure assembly: everything captured from R process runs of a check → one MemoryReport. Each capture
 * is parsed once (`capture.ts`); then per run one extractor per signal (the check's instances with
 * their `check_run_alloc` and tracemalloc files, the process-wide endpoint and profile signals) and an
 * alignment step that cuts polled series per check run. Each run becomes one RunSample per metric and
 * one entry in each site's `bytes`; runs are joined with the model's merge, by check key, so repeats
 * of one instance pool into one entry.
 */
import { MemgateError } from '../errors.js';
import { aggregateRun, describeMetric } from '../metrics.js';
import {
  emptyReport,
  mergeCheck,
  sameCheck,
  type AllocationSite,
  type CheckKey,
  type CheckReport,
  type Environment,
  type GrowthSite,
  type MemoryReport,
  type ProfilingOptions,
} from '../model.js';
import { alignPolled, PER_POLL_NOTE } from './align.js';
import { readCapture, type ParsedCapture, type ParsedProfileDir, type RunCapture } from './capture.js';
import type { CheckInstanceResult } from './check-json.js';
import { pythonGrowth } from './growth-sites.js';
import {
  instanceLabels,
  parseCheckId,
  parseInstanceDir,
  withInstance,
  type InstanceSlot,
} from './instances.js';
import { hasProcessSignals, processSignals, type ProcessSignals } from './process-signals.js';
import { inferProfiling, resolveProfiling } from './profiling-options.js';
import { pythonSites } from './python-sites.js';
import type { TracemallocDump } from './tracemalloc.js';

export type { RunCapture } from './capture.js';
export { NO_RUN_POLLED_NOTE, PER_POLL_NOTE } from './align.js';
export { RTLOADER_OFF_NOTE } from './process-signals.js';

export interface AssembleOptions {
  check?: string;
  checkVersion?: string;
  toolVersion: string;
  environment?: Environment;
  /** Go sites kept from the last heap profile (default 30). */
  goSites?: number;
  /**
   * The tracemalloc options the runs were captured with, as far as the caller knows them (`run`
   * built the command line; `collect` takes the Agent's flags). What the files show fills the rest.
   */
  profiling?: Partial<ProfilingOptions>;
}

const TRACEMALLOC_TOTAL_NOTE =
  'python.check_run_alloc comes from the tracemalloc snapshot totals (rounded as printed), not from check --json';

/** One run's findings for one check instance, before runs are merged. */
interface RunPart {
  /** Name and version; the instance label is decided once every instance of the run is known. */
  key: CheckKey;
  slot: InstanceSlot;
  series: Map<string, number[]>;
  snapshots: TracemallocDump[];
  diffs: TracemallocDump[];
  goSites: AllocationSite[];
  goGrowth: GrowthSite[];
  notes: string[];
}

export function assembleReport(
  runs: RunCapture[],
  opts: AssembleOptions,
): { report: MemoryReport; warnings: string[] } {
  return assembleParsed(runs.map(readCapture), opts);
}

/** The same, from captures already parsed (the runner parses each run once, as it ends). */
export function assembleParsed(
  runs: ParsedCapture[],
  opts: AssembleOptions,
): { report: MemoryReport; warnings: string[] } {
  const report = emptyReport(opts.toolVersion, opts.environment ?? { options: {} });
  const warnings: string[] = [];
  const checks: CheckReport[] = [];
  runs.forEach((run, runIndex) => {
    for (const part of assembleRun(run, opts)) {
      for (const n of part.notes) if (n !== PER_POLL_NOTE && !warnings.includes(n)) warnings.push(n);
      const one = toCheckReport(part, opts.profiling);
      const i = checks.findIndex((c) => sameCheck(c.check, one.check));
      if (i >= 0) checks[i] = mergeCheck(checks[i], one);
      else checks.push(runIndex === 0 ? one : padFront(one, runIndex));
    }
  });
  report.checks = checks;
  return { report, warnings };
}

function assembleRun(run: ParsedCapture, opts: AssembleOptions): RunPart[] {
  const parts = instanceParts(run, opts);
  const signals = processSignals(run, opts.goSites ?? 30);
  if (hasProcessSignals(signals) && parts.length === 0)
    parts.push(newPart(requireName(opts, 'arguments'), opts.checkVersion, 1, {}));
  const labels = instanceLabels(parts.map((p) => p.slot));
  parts.forEach((p, i) => {
    p.key = withInstance(p.key, labels[i]);
    // One instance of several: its own runner stats cut the series; else all of the check's.
    if (hasProcessSignals(signals)) addProcessSignals(p, run, signals, opts, labels[i] !== undefined);
  });
  return parts;
}

/** The check's instances: from `check --json`, joined with their `--m-dir` folders and printouts. */
function instanceParts(run: ParsedCapture, opts: AssembleOptions): RunPart[] {
  const parts = run.instances.map((inst, i) => jsonPart(inst, run.instances.slice(0, i), opts));
  run.profileDirs.forEach((d, i) => {
    const part = dirPart(parts, d, run.profileDirs.slice(0, i), run.profileDirs.length, opts);
    part.snapshots.push(...d.snapshots);
    part.diffs.push(...d.diffs);
  });
  for (const p of run.printouts) {
    p.blocks.forEach((b, i) => {
      // The printout lists instances in configuration order.
      const part =
        parts[i] ?? addPart(parts, newPart(requireName(opts, p.source), opts.checkVersion, i + 1, {}));
      part.snapshots.push(b.snapshot);
      if (b.diff) part.diffs.push(b.diff);
    });
  }
  for (const part of parts) {
    if (!part.series.has('python.check_run_alloc') && part.snapshots.length > 0) {
      if (part.snapshots.every((s) => s.kind === 'snapshot')) {
        part.series.set(
          'python.check_run_alloc',
          part.snapshots.map((s) => s.total),
        );
        part.notes.push(TRACEMALLOC_TOTAL_NOTE);
      }
    }
  }
  return parts;
}

function newPart(
  check: string,
  version: string | undefined,
  position: number,
  ref: InstanceSlot['ref'],
): RunPart {
  return {
    key: { name: check, version: version ?? '0.0.0' },
    slot: { check, position, ref },
    series: new Map(),
    snapshots: [],
    diffs: [],
    goSites: [],
    goGrowth: [],
    notes: [],
  };
}

function addPart(parts: RunPart[], part: RunPart): RunPart {
  parts.push(part);
  return part;
}

function jsonPart(inst: CheckInstanceResult, before: CheckInstanceResult[], opts: AssembleOptions): RunPart {
  const position = before.filter((b) => b.checkName === inst.checkName).length + 1;
  const part = newPart(inst.checkName, undefined, position, parseCheckId(inst.checkId));
  part.key = {
    name: opts.check ?? (inst.tags.check_name || inst.checkName),
    version: opts.checkVersion ?? (inst.tags.check_version || inst.checkVersion || '0.0.0'),
  };
  if (inst.checkRunAlloc.length > 0) part.series.set('python.check_run_alloc', inst.checkRunAlloc);
  return part;
}

/**
 * The instance an `--m-dir` folder belongs to: the `--json` entry with the same CheckID hash (same
 * process), else the same instance name, else the only one. A folder with no entry gets its own,
 * named as the folder says, versioned as the check's other entries are.
 */
function dirPart(
  parts: RunPart[],
  d: ParsedProfileDir,
  before: ParsedProfileDir[],
  dirCount: number,
  opts: AssembleOptions,
): RunPart {
  const ref = parseInstanceDir(d.dirName);
  const ofCheck = parts.filter((p) => p.slot.check === d.check);
  const found =
    ofCheck.find((p) => p.slot.ref.hex !== undefined && p.slot.ref.hex === ref.hex) ??
    ofCheck.find((p) => ref.name !== undefined && p.slot.ref.name?.replace(/:/g, '_') === ref.name) ??
    (parts.length === 1 && dirCount === 1 ? parts[0] : undefined);
  if (found) return found;
  const position = before.filter((b) => b.check === d.check).length + 1;
  const version = opts.checkVersion ?? ofCheck[0]?.key.version;
  const part = newPart(d.check, version, position, ref);
  part.key.name = opts.check ?? d.check;
  return addPart(parts, part);
}

function addProcessSignals(
  part: RunPart,
  run: ParsedCapture,
  signals: ProcessSignals,
  opts: AssembleOptions,
  several: boolean,
): void {
  part.notes.push(...signals.notes);
  const polled = alignPolled(run, signals, {
    check: part.slot.check || opts.check || part.key.name,
    instance: several ? part.slot.ref : undefined,
  });
  for (const [id, s] of polled.series) part.series.set(id, s);
  part.notes.push(...polled.notes);
  for (const [id, s] of signals.profiles) part.series.set(id, s);
  part.goSites.push(...signals.goSites);
  part.goGrowth.push(...signals.goGrowth);
}

function requireName(opts: AssembleOptions, where: string): string {
  if (opts.check) return opts.check;
  throw new MemgateError('cannot tell which check these measurements belong to: pass --check NAME', where);
}

function toCheckReport(part: RunPart, declared: Partial<ProfilingOptions> = {}): CheckReport {
  const metrics: CheckReport['metrics'] = {};
  for (const [id, series] of part.series) {
    metrics[id] = { runs: [{ value: aggregateRun(series, describeMetric(id).aggregate), series }] };
  }
  const profiled = part.snapshots.length > 0 || part.series.has('python.check_run_alloc');
  const profiling =
    profiled || Object.keys(declared).length > 0
      ? resolveProfiling(declared, inferProfiling(part.snapshots, part.diffs))
      : undefined;
  const growth = [...pythonGrowth(part.snapshots, part.diffs, profiling?.gc ?? 'unknown'), ...part.goGrowth];
  const report: CheckReport = {
    check: part.key,
    metrics,
    sites: [...pythonSites(part.snapshots), ...part.goSites],
    notes: [...new Set(part.notes)],
  };
  if (profiling) report.profiling = profiling;
  if (growth.length > 0) report.growth = growth;
  return report;
}

/** A check first seen in run k (> 0): its sites get zeros for the runs before, so indexes stay aligned. */
function padFront(c: CheckReport, runs: number): CheckReport {
  const z = new Array<number>(runs).fill(0);
  const pad = <S extends AllocationSite>(s: S): S => ({
    ...s,
    bytes: [...z, ...s.bytes],
    count: s.count && [...z, ...s.count],
  });
  return { ...c, sites: c.sites.map(pad), ...(c.growth ? { growth: c.growth.map(pad) } : {}) };
}
