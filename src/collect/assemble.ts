/**
 * Pure assembly: everything captured from R process runs of a check → one MemoryReport. Each run
 * becomes one RunSample per metric (the per-iteration series plus its aggregate) and one entry in each
 * allocation site's `bytes`; runs are then joined with the model's merge so sites stay aligned with
 * run indexes.
 *
 * Endpoint polls are taken by time, but the leak rules read a series as one point per check
 * iteration. The Agent's `runner` expvar (TotalRuns per check) tells which iteration each poll saw,
 * so polled series keep the last poll of every iteration. Without it they stay per poll, with a note.
 */
import { median } from 'simple-statistics';

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
  type MemoryReport,
} from '../model.js';
import { parseCheckJson, type CheckInstanceResult } from './check-json.js';
import { parseExpvar, type ExpvarSnapshot, type RtloaderCounters } from './expvar.js';
import { parsePprof, profileTotals, topLines, type PprofProfile } from './pprof.js';
import type { ProfileDirFiles } from './profile-dir.js';
import { parseTelemetry } from './telemetry.js';
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

export interface AssembleOptions {
  check?: string;
  checkVersion?: string;
  toolVersion: string;
  environment?: Environment;
  /** Go sites kept from the last heap profile (default 30). */
  goSites?: number;
}

export const RTLOADER_OFF_NOTE =
  'rtloader counters are all 0: memory tracking is off (set DD_MEMTRACK_ENABLED=true / memtrack_enabled: true); C metrics skipped';

/**
 * In the report only, not a warning: `agent check` itself never fills the runner stats (only the
 * running Agent's collector does), so a warning would show on every run with nothing to act on.
 */
export const PER_POLL_NOTE =
  "endpoint series are per poll, not per check run: the Agent's runner expvar was not found";

export const NO_RUN_POLLED_NOTE =
  'no endpoint poll came after a completed check run: endpoint series skipped (lower --sample-interval?)';

const TRACEMALLOC_TOTAL_NOTE =
  'python.check_run_alloc comes from the tracemalloc snapshot totals (rounded as printed), not from check --json';

/** One run's findings for one check, before runs are merged. */
interface RunPart {
  key: CheckKey;
  /** `<check>_<hex>` directory name / CheckID, to pair profile dirs with JSON instances. */
  instanceId?: string;
  /** The check's name as the Agent's runner expvar keys it. */
  runnerName?: string;
  series: Map<string, number[]>;
  snapshots: TracemallocDump[];
  goSites: AllocationSite[];
  notes: string[];
}

export function assembleReport(
  runs: RunCapture[],
  opts: AssembleOptions,
): { report: MemoryReport; warnings: string[] } {
  const report = emptyReport(opts.toolVersion, opts.environment ?? { options: {} });
  const warnings: string[] = [];
  const checks: CheckReport[] = [];
  runs.forEach((run, runIndex) => {
    for (const part of assembleRun(run, opts)) {
      for (const n of part.notes) if (n !== PER_POLL_NOTE && !warnings.includes(n)) warnings.push(n);
      const one = toCheckReport(part);
      const i = checks.findIndex((c) => sameCheck(c.check, one.check));
      if (i >= 0) checks[i] = mergeCheck(checks[i], one);
      else checks.push(runIndex === 0 ? one : padFront(one, runIndex));
    }
  });
  report.checks = checks;
  return { report, warnings };
}

function assembleRun(run: RunCapture, opts: AssembleOptions): RunPart[] {
  const parts: RunPart[] = [];
  const newPart = (key: CheckKey, instanceId?: string, runnerName?: string): RunPart => {
    const p: RunPart = {
      key,
      instanceId,
      runnerName,
      series: new Map(),
      snapshots: [],
      goSites: [],
      notes: [],
    };
    parts.push(p);
    return p;
  };

  // 1. Identity and check_run_alloc from `check --json`.
  if (run.checkJson) {
    const instances = parseCheckJson(run.checkJson.text, run.checkJson.source);
    for (const inst of instances) {
      if (inst.totalErrors > 0)
        throw new MemgateError(
          `check ${inst.checkName} failed: ${inst.lastError ?? 'unknown error'}`,
          run.checkJson.source,
        );
    }
    for (const inst of instances) {
      const part = newPart(
        identity(inst, opts, instances.length > 1),
        instanceLabel(inst.checkId),
        inst.checkName || undefined,
      );
      if (inst.checkRunAlloc.length > 0) part.series.set('python.check_run_alloc', inst.checkRunAlloc);
    }
  }

  // 2. tracemalloc: profile directories (one snapshot per iteration) and printouts.
  const dirs = run.profileDirs ?? [];
  for (const d of dirs) {
    const dirName = d.instanceDir.split(/[\\/]/).filter(Boolean).pop() ?? d.instanceDir;
    const label = dirName.startsWith(`${d.check}_`) ? dirName.slice(d.check.length + 1) : dirName;
    let part =
      parts.find((p) => p.instanceId === label) ??
      (parts.length === 1 && dirs.length === 1 ? parts[0] : undefined);
    if (!part) {
      const dirsOfCheck = dirs.filter((x) => x.check === d.check).length;
      part = newPart(
        {
          name: opts.check ?? d.check,
          version: opts.checkVersion ?? '0.0.0',
          ...(dirsOfCheck > 1 ? { instance: label } : {}),
        },
        label,
        d.check,
      );
    }
    for (const f of d.snapshots)
      part.snapshots.push(parseTracemallocText(f.text, `${d.instanceDir}/snapshots/${f.name}`));
    // Diffs carry nothing the snapshots lack, but a corrupt one still means a broken capture.
    for (const f of d.diffs) parseTracemallocText(f.text, `${d.instanceDir}/diffs/${f.name}`);
  }
  for (const p of run.printouts ?? []) {
    const blocks = parseProfilePrintout(p.text, p.source);
    blocks.forEach((b, i) => {
      const part =
        parts[i] ??
        newPart({
          name: requireName(opts, p.source),
          version: opts.checkVersion ?? '0.0.0',
          ...(blocks.length > 1 ? { instance: String(i + 1) } : {}),
        });
      part.snapshots.push(b.snapshot);
    });
  }
  for (const part of parts) {
    if (
      !part.series.has('python.check_run_alloc') &&
      part.snapshots.length > 0 &&
      part.snapshots.every((s) => s.kind === 'snapshot')
    ) {
      part.series.set(
        'python.check_run_alloc',
        part.snapshots.map((s) => s.total),
      );
      part.notes.push(TRACEMALLOC_TOTAL_NOTE);
    }
  }

  // 3. Process-wide signals (expvar, telemetry, pprof) belong to every check of the run.
  // Series from polls (one value per poll) are cut to one point per check iteration per part below.
  const expvarSeries = new Map<string, number[]>();
  const teleSeries = new Map<string, number[]>();
  const profileSeries = new Map<string, number[]>();
  const processNotes: string[] = [];
  const expvarPolls = [...(run.expvar ?? [])].sort((a, b) => a.at - b.at);
  const polls = expvarPolls.map((p) => parseExpvar(p.text, p.source));
  const telePolls = [...(run.telemetry ?? [])].sort((a, b) => a.at - b.at);
  const tele = telePolls.map((p) => parseTelemetry(p.text, p.source));
  let rtloaderSeen = false;
  if (polls.length > 0) {
    const rt = polls.map((p) => p.rtloader);
    if (rt.every((r): r is RtloaderCounters => r !== undefined)) {
      rtloaderSeen = true;
      addRtloader(rt, expvarSeries, processNotes);
    }
    const ms = polls.map((p) => p.memstats);
    if (ms.every((m): m is NonNullable<ExpvarSnapshot['memstats']> => m !== undefined))
      for (const [id, read] of MEMSTATS_SERIES) expvarSeries.set(id, ms.map(read));
  }
  if (tele.length > 0) {
    setIfAll(
      teleSeries,
      'python.pymem.inuse',
      tele.map((t) => t.pymemInuse),
    );
    setIfAll(
      teleSeries,
      'python.pymem.alloc',
      tele.map((t) => t.pymemAlloc),
    );
    if (!rtloaderSeen) {
      const rt = tele.map((t) => t.rtloader);
      if (rt.every((r): r is Partial<RtloaderCounters> => r !== undefined))
        addRtloader(rt, teleSeries, processNotes);
    }
  }
  const heaps = (run.heapProfiles ?? []).map((h) => parsePprof(h.bytes, h.source));
  let goSites: AllocationSite[] = [];
  if (heaps.length > 0) {
    const totals = heaps.map((h) => profileTotals(h));
    setIfAll(
      profileSeries,
      'go.pprof.inuse_space',
      totals.map((t) => t.inuse_space),
    );
    if (heaps.length >= 2) {
      const first = totals[0].alloc_space;
      const last = totals[totals.length - 1].alloc_space;
      if (first !== undefined && last !== undefined) profileSeries.set('go.pprof.alloc_space', [first, last]);
    }
    goSites = goSitesOf(heaps[heaps.length - 1], opts.goSites ?? 30);
  }
  const goroutines = (run.goroutineProfiles ?? []).map((g) => profileTotals(parsePprof(g.bytes, g.source)));
  if (goroutines.length > 0)
    setIfAll(
      profileSeries,
      'go.goroutines',
      goroutines.map((t) => t.goroutine),
    );

  const polled = expvarSeries.size + teleSeries.size > 0;
  if (polled || profileSeries.size > 0 || goSites.length > 0 || processNotes.length > 0) {
    if (parts.length === 0)
      newPart({ name: requireName(opts, 'arguments'), version: opts.checkVersion ?? '0.0.0' });
    const teleToExpvar = pollAtOrBefore(
      expvarPolls.map((p) => p.at),
      telePolls.map((p) => p.at),
    );
    for (const part of parts) {
      part.notes.push(...processNotes);
      if (polled) {
        const name = part.runnerName ?? opts.check ?? part.key.name;
        const runs = runsPerPoll(polls, name, part.key.instance === undefined ? undefined : part.instanceId);
        if (runs) {
          const fromExpvar = lastPollPerRun(runs);
          const fromTele = lastPollPerRun(teleToExpvar.map((i) => (i === undefined ? undefined : runs[i])));
          for (const [id, s] of expvarSeries)
            if (fromExpvar.length > 0)
              part.series.set(
                id,
                fromExpvar.map((i) => s[i]),
              );
          for (const [id, s] of teleSeries)
            if (fromTele.length > 0)
              part.series.set(
                id,
                fromTele.map((i) => s[i]),
              );
          if (
            (expvarSeries.size > 0 && fromExpvar.length === 0) ||
            (teleSeries.size > 0 && fromTele.length === 0)
          )
            part.notes.push(NO_RUN_POLLED_NOTE);
        } else {
          for (const [id, s] of [...expvarSeries, ...teleSeries]) part.series.set(id, s);
          part.notes.push(PER_POLL_NOTE);
        }
      }
      for (const [id, s] of profileSeries) part.series.set(id, s);
      part.goSites.push(...goSites);
    }
  }
  return parts;
}

/**
 * For every expvar poll, how many runs of the check (of one instance when `instanceId` is given) had
 * completed: undefined where the poll has no runner stats. Undefined as a whole when no poll lists
 * the check, e.g. a plain Go service, or the runner stats of a process that never ran it.
 */
function runsPerPoll(
  polls: ExpvarSnapshot[],
  name: string,
  instanceId: string | undefined,
): (number | undefined)[] | undefined {
  let listed = false;
  const runs = polls.map((p) => {
    if (!p.runs) return undefined;
    // The Agent adds a check to the map when its first run ends: absent means none done yet.
    if (!Object.hasOwn(p.runs.checks, name)) return 0;
    const mine = Object.entries(p.runs.checks[name]).filter(
      ([id]) => instanceId === undefined || sameInstance(id, instanceId),
    );
    if (mine.length > 0) listed = true;
    return mine.reduce((n, [, s]) => n + s.totalRuns, 0);
  });
  return listed ? runs : undefined;
}

/** A runner check ID matches both instance labels: the CheckID's hash and the --m-dir folder name. */
function sameInstance(checkId: string, label: string): boolean {
  return instanceLabel(checkId) === label || checkId.split(':').slice(1).join('_') === label;
}

/**
 * Indexes of the polls that make the per-iteration series: first the earliest poll taken before any
 * run had finished (the state before the check ran, so a counter's delta includes the first run,
 * which is where a one-off allocation such as a lookup table lands), then the last poll seen while k
 * runs were done, for k = 1, 2, …; runs with no poll are skipped.
 */
function lastPollPerRun(runs: (number | undefined)[]): number[] {
  const before = runs.findIndex((k) => k === 0);
  const last = new Map<number, number>();
  runs.forEach((k, i) => {
    if (k !== undefined && k >= 1) last.set(k, i);
  });
  const after = [...last.entries()].sort((a, b) => a[0] - b[0]).map(([, i]) => i);
  return before >= 0 && after.length > 0 ? [before, ...after] : after;
}

/** For each time in `at` (ascending), the index of the last time in `base` (ascending) not after it. */
function pollAtOrBefore(base: number[], at: number[]): (number | undefined)[] {
  let j = -1;
  return at.map((t) => {
    while (j + 1 < base.length && base[j + 1] <= t) j++;
    return j < 0 ? undefined : j;
  });
}

function identity(inst: CheckInstanceResult, opts: AssembleOptions, several: boolean): CheckKey {
  const key: CheckKey = {
    name: opts.check ?? (inst.tags.check_name || inst.checkName),
    version: opts.checkVersion ?? (inst.tags.check_version || inst.checkVersion || '0.0.0'),
  };
  const label = instanceLabel(inst.checkId);
  if (several && label) key.instance = label;
  return key;
}

/** `mycheck:5f2c…` → `5f2c…`, the part that also names the `--m-dir` instance directory. */
function instanceLabel(checkId: string): string | undefined {
  if (!checkId) return undefined;
  const i = checkId.lastIndexOf(':');
  return i >= 0 ? checkId.slice(i + 1) : checkId;
}

function requireName(opts: AssembleOptions, where: string): string {
  if (opts.check) return opts.check;
  throw new MemgateError('cannot tell which check these measurements belong to: pass --check NAME', where);
}

/** Series read from the rtloader counters (expvar map or telemetry), by metric id. */
const RTLOADER_SERIES: [string, (r: Partial<RtloaderCounters>) => number | undefined][] = [
  ['c.rtloader.inuse_bytes', (r) => r.InuseBytes],
  [
    'c.rtloader.live_allocations',
    (r) => (r.Allocations !== undefined && r.Frees !== undefined ? r.Allocations - r.Frees : undefined),
  ],
  ['c.rtloader.allocated_bytes', (r) => r.AllocatedBytes],
  ['c.rtloader.allocations', (r) => r.Allocations],
  ['c.rtloader.untracked_frees', (r) => r.UntrackedFrees],
];

/** Go memstats series, by metric id. */
const MEMSTATS_SERIES: [string, (m: NonNullable<ExpvarSnapshot['memstats']>) => number][] = [
  ['go.memstats.heap_inuse', (m) => m.HeapInuse],
  ['go.memstats.heap_alloc', (m) => m.HeapAlloc],
  ['go.memstats.sys', (m) => m.Sys],
];

/**
 * The rtloader series of one run's polls, whichever endpoint they came from. All-zero counters mean
 * memtrack is off, not "no allocations": say so and record nothing.
 */
function addRtloader(rt: Partial<RtloaderCounters>[], out: Map<string, number[]>, notes: string[]): void {
  if (rt.every((r) => Object.values(r).every((v) => !v))) {
    notes.push(RTLOADER_OFF_NOTE);
    return;
  }
  for (const [id, read] of RTLOADER_SERIES) setIfAll(out, id, rt.map(read));
}

/** A metric is recorded only when every poll of the run has it, so a series never has holes. */
function setIfAll(out: Map<string, number[]>, id: string, values: (number | undefined)[]): void {
  if (values.length > 0 && values.every((v): v is number => v !== undefined)) out.set(id, values);
}

function goSitesOf(profile: PprofProfile, top: number): AllocationSite[] {
  const objects = new Map<string, number>();
  if (profile.sampleTypes.some((t) => t.type === 'inuse_objects'))
    for (const r of topLines(profile, { sampleIndex: 'inuse_objects' }))
      objects.set(`${r.function} ${r.file}:${r.line}`, r.flat);
  return topLines(profile, { sampleIndex: 'inuse_space', top })
    .filter((r) => r.flat !== 0)
    .map((r) => {
      const key = `${r.function} ${r.file}:${r.line}`;
      return {
        runtime: 'go' as const,
        key,
        file: r.file,
        line: r.line,
        function: r.function,
        bytes: [r.flat],
        count: [objects.get(key) ?? 0],
      };
    });
}

function toCheckReport(part: RunPart): CheckReport {
  const metrics: CheckReport['metrics'] = {};
  for (const [id, series] of part.series) {
    metrics[id] = { runs: [{ value: aggregateRun(series, describeMetric(id).aggregate), series }] };
  }
  return {
    check: part.key,
    metrics,
    sites: [...pythonSites(part.snapshots), ...part.goSites],
    notes: [...new Set(part.notes)],
  };
}

/**
 * One python site per `file:line`: bytes for the run = median over the run's snapshots of the site's
 * size (0 in a snapshot that does not list it). Rows sharing a key within one snapshot (sort=traceback
 * lists one row per traceback) are summed first.
 */
function pythonSites(snapshots: TracemallocDump[]): AllocationSite[] {
  const snaps = snapshots.filter((s) => s.kind === 'snapshot');
  const perSnap: Map<string, { size: number; count?: number }>[] = [];
  const info = new Map<string, { file: string; line?: number; source?: string; counted: boolean }>();
  for (const s of snaps) {
    const m = new Map<string, { size: number; count?: number }>();
    for (const st of s.stats) {
      const key = st.line === undefined ? st.file : `${st.file}:${st.line}`;
      const prev = m.get(key);
      m.set(key, {
        size: (prev?.size ?? 0) + st.size,
        count: st.count === undefined ? prev?.count : (prev?.count ?? 0) + st.count,
      });
      const i = info.get(key);
      if (!i)
        info.set(key, { file: st.file, line: st.line, source: st.source, counted: st.count !== undefined });
      else if (i.source === undefined && st.source !== undefined) i.source = st.source;
    }
    perSnap.push(m);
  }
  const sites: AllocationSite[] = [];
  for (const [key, i] of info) {
    const site: AllocationSite = {
      runtime: 'python',
      key,
      file: i.file,
      bytes: [median(perSnap.map((m) => m.get(key)?.size ?? 0))],
    };
    if (i.line !== undefined) site.line = i.line;
    if (i.source !== undefined) site.source = i.source;
    if (i.counted) site.count = [median(perSnap.map((m) => m.get(key)?.count ?? 0))];
    sites.push(site);
  }
  return sites.sort((a, b) => b.bytes[0] - a.bytes[0] || (a.key < b.key ? -1 : 1));
}

/** A check first seen in run k (> 0): its sites get zeros for the runs before, so indexes stay aligned. */
function padFront(c: CheckReport, runs: number): CheckReport {
  const z = new Array<number>(runs).fill(0);
  return {
    ...c,
    sites: c.sites.map((s) => ({ ...s, bytes: [...z, ...s.bytes], count: s.count && [...z, ...s.count] })),
  };
}
