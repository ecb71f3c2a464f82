/**
 * Sites that grow within one run, named with nothing to compare against (issue 12 item 6): a leak
 * points at its `file:line` on a check's first report too, or when the baseline already leaked.
 *
 * Python: each tracemalloc snapshot holds only what its check run allocated and still held at the end
 * (shared/formats/python-tracemalloc.md). So a site whose figure rises from the first snapshot after
 * warm-up to the last is growing (`rising`); with gc on, a site that keeps bytes in most runs after
 * warm-up holds on to them every run (`retained`): a steady check keeps nothing once gc is on. With gc
 * off or unknown, cyclic garbage looks kept too, so only `rising` is named. A printout holds one
 * snapshot per instance, so there its diff (the Agent's own comparison with the run before) speaks.
 *
 * Go: what the last heap profile holds beyond the first one, per function and `file:line`.
 */
import { median } from 'simple-statistics';

import type { GrowthSite, Known } from '../model.js';
import { diffProfiles, type PprofProfile } from './pprof.js';
import { siteOf, sizesByKey, statKey } from './python-sites.js';
import type { TracemallocDump, TracemallocStat } from './tracemalloc.js';

/** Sites named per run. */
export const GROWTH_TOP = 20;

/** Snapshots dropped as warm-up: the first 20%, at least one, when three or more remain after. */
export function afterWarmup<T>(series: readonly T[]): T[] {
  const drop = Math.max(1, Math.floor(series.length * 0.2));
  return series.length - drop >= 2 ? series.slice(drop) : [...series];
}

export function pythonGrowth(
  snapshots: readonly TracemallocDump[],
  diffs: readonly TracemallocDump[],
  gc: Known<boolean>,
): GrowthSite[] {
  const snaps = afterWarmup(snapshots.filter((s) => s.kind === 'snapshot'));
  const found = new Map<string, GrowthSite>();
  const sized = snaps.map(sizesByKey);
  const stats = new Map<string, TracemallocStat>();
  for (const s of snaps) for (const st of s.stats) if (!stats.has(statKey(st))) stats.set(statKey(st), st);
  for (const [key, st] of stats) {
    const series = sized.map((m) => m.get(key)?.size ?? 0);
    const rise = rising(series);
    if (rise > 0) found.set(key, { ...siteOf(st, [rise]), how: 'rising' });
    else if (gc === true && series.length >= 2) {
      const kept = median(series);
      const present = series.filter((v) => v > 0).length;
      if (kept > 0 && present * 2 > series.length) found.set(key, { ...siteOf(st, [kept]), how: 'retained' });
    }
  }
  if (snaps.length < 2) for (const g of diffGrowth(diffs)) if (!found.has(g.key)) found.set(g.key, g);
  return top([...found.values()]);
}

/**
 * What a series gained from its first to its last point, when it mostly rose on the way (more
 * rising steps than falling ones); else 0. A site that jumps once and settles is not growing.
 */
export function rising(series: readonly number[]): number {
  if (series.length < 2) return 0;
  let up = 0;
  let down = 0;
  for (let i = 1; i < series.length; i++) {
    if (series[i] > series[i - 1]) up++;
    else if (series[i] < series[i - 1]) down++;
  }
  const gain = series[series.length - 1] - series[0];
  return gain > 0 && up > down ? gain : 0;
}

/** Rows of the newest diff that grew. */
function diffGrowth(diffs: readonly TracemallocDump[]): GrowthSite[] {
  const last = diffs.filter((d) => d.kind === 'diff').pop();
  if (!last) return [];
  const grown = new Map<string, GrowthSite>();
  for (const st of last.stats) {
    if (st.size <= 0) continue;
    const prev = grown.get(statKey(st));
    grown.set(statKey(st), { ...siteOf(st, [(prev?.bytes[0] ?? 0) + st.size]), how: 'rising' });
  }
  return [...grown.values()];
}

/** In-use bytes the last heap profile holds beyond the first, per function and build-independent line. */
export function goGrowth(heaps: readonly PprofProfile[]): GrowthSite[] {
  if (heaps.length < 2) return [];
  const rows = diffProfiles(heaps[0], heaps[heaps.length - 1], {
    sampleIndex: 'inuse_space',
    granularity: 'lines',
  });
  return top(
    rows
      .filter((r) => r.flat > 0)
      // The aggregation already keys frames by their build-independent path (go-paths.ts).
      .map((r) => ({
        runtime: 'go' as const,
        key: `${r.function} ${r.file}:${r.line}`,
        file: r.file,
        line: r.line,
        function: r.function,
        bytes: [r.flat],
        how: 'rising' as const,
      })),
  );
}

/** Rising sites first (what a leak adds run after run), then retained ones; largest first. */
function top(sites: GrowthSite[]): GrowthSite[] {
  const rank = (g: GrowthSite) => (g.how === 'rising' ? 0 : 1);
  return sites
    .sort((a, b) => rank(a) - rank(b) || b.bytes[0] - a.bytes[0] || (a.key < b.key ? -1 : 1))
    .slice(0, GROWTH_TOP);
}
