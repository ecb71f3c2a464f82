/**
 * Process-wide signals of one run (expvar, telemetry, pprof): they belong to every check the process
 * ran. Polled series hold one value per poll here; `align.ts` cuts them per check run.
 */
import type { AllocationSite, GrowthSite } from '../model.js';
import type { ParsedCapture } from './capture.js';
import type { ExpvarSnapshot, RtloaderCounters } from './expvar.js';
import { goGrowth } from './growth-sites.js';
import { profileTotals, topLines, type PprofProfile } from './pprof.js';

export const RTLOADER_OFF_NOTE =
  'rtloader counters are all 0: memory tracking is off (set DD_MEMTRACK_ENABLED=true / memtrack_enabled: true); C metrics skipped';

export interface ProcessSignals {
  /** One value per expvar poll, by metric id. */
  expvar: Map<string, number[]>;
  /** One value per telemetry poll, by metric id. */
  telemetry: Map<string, number[]>;
  /** From the heap and goroutine profiles: already one value per profile. */
  profiles: Map<string, number[]>;
  goSites: AllocationSite[];
  goGrowth: GrowthSite[];
  notes: string[];
}

export function processSignals(run: ParsedCapture, goSiteCount: number): ProcessSignals {
  const signals: ProcessSignals = {
    expvar: new Map(),
    telemetry: new Map(),
    profiles: new Map(),
    goSites: [],
    goGrowth: goGrowth(run.heaps),
    notes: [],
  };
  const rtloaderSeen = expvarSeries(run, signals);
  telemetrySeries(run, signals, rtloaderSeen);
  profileSeries(run, signals, goSiteCount);
  return signals;
}

export function hasProcessSignals(s: ProcessSignals): boolean {
  return (
    s.expvar.size +
      s.telemetry.size +
      s.profiles.size +
      s.goSites.length +
      s.notes.length +
      s.goGrowth.length >
    0
  );
}

/** The rtloader and Go memstats series of the expvar polls; true when they carried rtloader. */
function expvarSeries(run: ParsedCapture, out: ProcessSignals): boolean {
  const polls = run.expvar.map((p) => p.snapshot);
  if (polls.length === 0) return false;
  const rt = polls.map((p) => p.rtloader);
  const seen = rt.every((r): r is RtloaderCounters => r !== undefined);
  if (seen) addRtloader(rt, out.expvar, out.notes);
  const ms = polls.map((p) => p.memstats);
  if (ms.every((m): m is NonNullable<ExpvarSnapshot['memstats']> => m !== undefined))
    for (const [id, read] of MEMSTATS_SERIES) out.expvar.set(id, ms.map(read));
  return seen;
}

function telemetrySeries(run: ParsedCapture, out: ProcessSignals, rtloaderSeen: boolean): void {
  const tele = run.telemetry.map((p) => p.snapshot);
  if (tele.length === 0) return;
  setIfAll(
    out.telemetry,
    'python.pymem.inuse',
    tele.map((t) => t.pymemInuse),
  );
  setIfAll(
    out.telemetry,
    'python.pymem.alloc',
    tele.map((t) => t.pymemAlloc),
  );
  if (rtloaderSeen) return;
  const rt = tele.map((t) => t.rtloader);
  if (rt.every((r): r is Partial<RtloaderCounters> => r !== undefined))
    addRtloader(rt, out.telemetry, out.notes);
}

function profileSeries(run: ParsedCapture, out: ProcessSignals, goSiteCount: number): void {
  if (run.heaps.length > 0) {
    const totals = run.heaps.map((h) => profileTotals(h));
    setIfAll(
      out.profiles,
      'go.pprof.inuse_space',
      totals.map((t) => t.inuse_space),
    );
    const first = totals[0].alloc_space;
    const last = totals[totals.length - 1].alloc_space;
    if (run.heaps.length >= 2 && first !== undefined && last !== undefined)
      out.profiles.set('go.pprof.alloc_space', [first, last]);
    out.goSites = goSitesOf(run.heaps[run.heaps.length - 1], goSiteCount);
  }
  const goroutines = run.goroutines.map((g) => profileTotals(g));
  if (goroutines.length > 0)
    setIfAll(
      out.profiles,
      'go.goroutines',
      goroutines.map((t) => t.goroutine),
    );
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

/** The last heap profile's top in-use lines, keyed by function and build-independent `file:line`. */
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
