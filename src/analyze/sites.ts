/**
 * Allocation sites that grew against the baseline: median bytes held per run on each side, the
 * biggest growth first. Sites absent from a baseline that exists are flagged new.
 */
import type { AllocationSite, CheckReport } from '../model.js';
import type { SiteDelta } from '../model-verdict.js';
import { median } from './stats.js';

function siteId(s: AllocationSite): string {
  return `${s.runtime}\u0000${s.key}`;
}

/** Median over runs; a site missing from a run (shorter array) held 0 there. */
function perRunMedian(values: readonly number[] | undefined, runs: number): number {
  if (!values || values.length === 0) return 0;
  const padded =
    values.length >= runs ? [...values] : [...values, ...new Array<number>(runs - values.length).fill(0)];
  return median(padded);
}

function runsOf(c: CheckReport): number {
  return Math.max(
    0,
    ...Object.values(c.metrics).map((m) => m.runs.length),
    ...c.sites.map((s) => s.bytes.length),
  );
}

export function growingSites(
  current: CheckReport,
  baseline: CheckReport | undefined,
  top: number,
): SiteDelta[] {
  const curRuns = runsOf(current);
  const baseRuns = baseline ? runsOf(baseline) : 0;
  const baseSites = new Map((baseline?.sites ?? []).map((s) => [siteId(s), s]));
  const out: SiteDelta[] = [];
  for (const s of current.sites) {
    const b = baseSites.get(siteId(s));
    const cur = perRunMedian(s.bytes, curRuns);
    const base = b ? perRunMedian(b.bytes, baseRuns) : 0;
    const delta = cur - base;
    if (delta <= 0) continue;
    const d: SiteDelta = {
      runtime: s.runtime,
      key: s.key,
      file: s.file,
      baseline: base,
      current: cur,
      delta,
      isNew: baseline !== undefined && b === undefined,
    };
    if (s.line !== undefined) d.line = s.line;
    if (s.function !== undefined) d.function = s.function;
    if (s.source !== undefined) d.source = s.source;
    if (s.count)
      d.countDelta = perRunMedian(s.count, curRuns) - (b?.count ? perRunMedian(b.count, baseRuns) : 0);
    out.push(d);
  }
  return out.sort((a, b) => b.delta - a.delta || a.key.localeCompare(b.key)).slice(0, top);
}
