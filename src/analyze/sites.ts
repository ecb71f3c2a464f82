/**
 * Allocation sites that grew against the baseline: median bytes held per run on each side, the
 * biggest growth first. Sites absent from a baseline that exists are flagged new.
 */
import type { AllocationSite, CheckReport, Runtime } from '../model.js';
import type { SiteDelta } from '../model-verdict.js';
import { median } from './stats.js';

function siteId(s: AllocationSite): string {
  return `${s.runtime}\u0000${s.key}`;
}

/** Median over runs; a site missing from a run (shorter array) held 0 there. */
function perRunMedian(values: readonly number[], runs: number): number {
  if (values.length === 0) return 0;
  const padded = [...values];
  while (padded.length < runs) padded.push(0);
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
  const baseSites = new Map(baseline?.sites.map((s) => [siteId(s), s]));
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

/** A growing site and the part of a metric's change it accounts for (0.94 = 94%). */
export interface ExplainingSite {
  site: SiteDelta;
  share: number;
}

/** Which site runtimes can hold a metric's memory: RTLoader's C allocations are made for Python code. */
export const HOLDERS: Record<Runtime, readonly Runtime[]> = {
  python: ['python'],
  c: ['c', 'python'],
  go: ['go'],
};

/**
 * The sites whose growth explains a change of `change` bytes in a metric of `runtime`, for a
 * regression as for a leak: the growing sites of that runtime, biggest first, until together they
 * account for `cover` of the change (default 80%), at most `max`. A change that no site accounts for
 * still gets the sites that grew, with their (small) shares, so the reader sees how little they explain.
 */
export function explainingSites(
  sites: readonly SiteDelta[],
  runtime: Runtime,
  change: number,
  opts: { cover?: number; max?: number } = {},
): ExplainingSite[] {
  if (!(change > 0)) return [];
  const cover = opts.cover ?? 0.8;
  const max = opts.max ?? 3;
  const candidates = sites
    .filter((s) => s.delta > 0 && HOLDERS[runtime].includes(s.runtime))
    .sort((a, b) => b.delta - a.delta || a.key.localeCompare(b.key));
  const out: ExplainingSite[] = [];
  let covered = 0;
  for (const site of candidates) {
    if (out.length >= max || covered >= cover * change) break;
    out.push({ site, share: site.delta / change });
    covered += site.delta;
  }
  return out;
}
