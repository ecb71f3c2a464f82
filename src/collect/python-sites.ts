/**
 * The Python allocation sites of one run, from its tracemalloc snapshots (one per check iteration).
 */
import { median } from 'simple-statistics';

import type { AllocationSite } from '../model.js';
import type { TracemallocDump, TracemallocStat } from './tracemalloc.js';

/** `file:line`, or the file alone for `sort=filename` rows. */
export function statKey(st: TracemallocStat): string {
  return st.line === undefined ? st.file : `${st.file}:${st.line}`;
}

/**
 * Size (and count) per site key in one snapshot. Rows sharing a key (sort=traceback lists one row
 * per traceback) are summed.
 */
export function sizesByKey(dump: TracemallocDump): Map<string, { size: number; count?: number }> {
  const m = new Map<string, { size: number; count?: number }>();
  for (const st of dump.stats) {
    const key = statKey(st);
    const prev = m.get(key);
    m.set(key, {
      size: (prev?.size ?? 0) + st.size,
      count: st.count === undefined ? prev?.count : (prev?.count ?? 0) + st.count,
    });
  }
  return m;
}

/** A python AllocationSite for `st` with the given bytes (and count), no per-run data yet. */
export function siteOf(st: TracemallocStat, bytes: number[]): AllocationSite {
  const site: AllocationSite = { runtime: 'python', key: statKey(st), file: st.file, bytes };
  if (st.line !== undefined) site.line = st.line;
  if (st.source !== undefined) site.source = st.source;
  return site;
}

/**
 * One python site per `file:line`: bytes for the run = median over the run's snapshots of the site's
 * size (0 in a snapshot that does not list it).
 */
export function pythonSites(snapshots: readonly TracemallocDump[]): AllocationSite[] {
  const snaps = snapshots.filter((s) => s.kind === 'snapshot');
  const perSnap = snaps.map(sizesByKey);
  const first = new Map<string, TracemallocStat>();
  const counted = new Set<string>();
  for (const s of snaps)
    for (const st of s.stats) {
      const key = statKey(st);
      const seen = first.get(key);
      if (!seen || (seen.source === undefined && st.source !== undefined))
        first.set(key, { ...st, source: st.source ?? seen?.source });
      if (st.count !== undefined) counted.add(key);
    }
  const sites = [...first].map(([key, st]) => {
    const site = siteOf(st, [median(perSnap.map((m) => m.get(key)?.size ?? 0))]);
    if (counted.has(key)) site.count = [median(perSnap.map((m) => m.get(key)?.count ?? 0))];
    return site;
  });
  return sites.sort((a, b) => b.bytes[0] - a.bytes[0] || (a.key < b.key ? -1 : 1));
}
