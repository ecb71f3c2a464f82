/**
 * Which stored check_version a run is compared with, and how the report words it.
 *
 * A check that bumps its version has no baseline yet for the new one; comparing with the highest
 * lower version is better than nothing, as long as the report says so (CodSpeed's silent wrong base
 * is what we avoid). Never a higher version: that is code from the future of this branch.
 */
import semver from 'semver';

import type { BaselineProvenance } from './types.js';

const DAY_MS = 24 * 60 * 60 * 1000;

function parsed(v: string): semver.SemVer | null {
  return semver.parse(v, { loose: true });
}

/**
 * Order two check versions: semver when both parse (so 1.10.0 > 1.9.0), plain string order
 * otherwise. Mixed sets are ordered best-effort; check versions are semver in practice.
 */
export function compareVersions(a: string, b: string): number {
  const pa = parsed(a);
  const pb = parsed(b);
  if (pa && pb) {
    const c = semver.compare(pa, pb);
    if (c !== 0) return c;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface VersionChoice {
  version: string;
  status: 'exact' | 'fallback';
}

/**
 * Candidates to try, best first: the exact version, then every lower version from the highest
 * down. A caller walks the list because a version file may hold no entry for the wanted instance.
 */
export function versionCandidates(requested: string, available: readonly string[]): VersionChoice[] {
  const out: VersionChoice[] = [];
  if (available.includes(requested)) out.push({ version: requested, status: 'exact' });
  const lower = [...new Set(available)]
    .filter((v) => v !== requested && compareVersions(v, requested) < 0)
    .sort((a, b) => compareVersions(b, a));
  for (const v of lower) out.push({ version: v, status: 'fallback' });
  return out;
}

/** The exact version if stored, else the highest stored version below it, else undefined. */
export function pickVersion(requested: string, available: readonly string[]): VersionChoice | undefined {
  return versionCandidates(requested, available)[0];
}

/** Whole days between an ISO date and `now` (never negative; undefined when the date does not parse). */
export function ageDays(date: string | undefined, now: Date): number | undefined {
  if (date === undefined) return undefined;
  const t = Date.parse(date);
  if (!Number.isFinite(t)) return undefined;
  return Math.max(0, Math.floor((now.getTime() - t) / DAY_MS));
}

/** Provenance of a found baseline. */
export function foundProvenance(
  choice: VersionChoice,
  requestedVersion: string,
  found: {
    commits: string[];
    date: string;
    samples: number;
    entries: number;
    ancestry?: { mergeBase: string; distance: number };
  },
  now: Date,
): BaselineProvenance {
  const p: BaselineProvenance = {
    status: choice.status,
    requestedVersion,
    version: choice.version,
    commit: found.commits[0],
    commits: found.commits,
    date: found.date,
    ageDays: ageDays(found.date, now),
    samples: found.samples,
    entries: found.entries,
    ...(found.ancestry ? { ancestry: found.ancestry } : {}),
  };
  p.message = describeProvenance(p);
  return p;
}

export function noneProvenance(requestedVersion: string): BaselineProvenance {
  const p: BaselineProvenance = { status: 'none', requestedVersion };
  p.message = describeProvenance(p);
  return p;
}

export function unreadableProvenance(
  requestedVersion: string,
  version: string,
  why: string,
): BaselineProvenance {
  return { status: 'unreadable', requestedVersion, version, message: why };
}

/** One sentence for the report: where the baseline came from. */
export function describeProvenance(p: BaselineProvenance): string {
  switch (p.status) {
    case 'none':
      return `no baseline: this run becomes the first for ${p.requestedVersion}`;
    case 'paired':
      return p.message ?? 'paired A/B in this job';
    case 'unreadable':
      return `baseline for ${p.version ?? p.requestedVersion} is unreadable (${p.message ?? 'unknown reason'}); compared with no baseline`;
    case 'exact':
    case 'fallback': {
      const what =
        p.status === 'exact'
          ? `compared with ${p.version}'s baseline`
          : `compared with ${p.version}'s baseline (no baseline for ${p.requestedVersion} yet)`;
      const commit = p.commit ? ` at ${p.commit.slice(0, 12)}` : '';
      const more = p.commits && p.commits.length > 1 ? ` and ${p.commits.length - 1} earlier commit(s)` : '';
      const age = p.ageDays === undefined ? '' : `, ${p.ageDays} day${p.ageDays === 1 ? '' : 's'} old`;
      const runs = p.samples === undefined ? '' : `, ${p.samples} run${p.samples === 1 ? '' : 's'}`;
      return `${what}${commit}${ancestryText(p)}${more}${age}${runs}`;
    }
  }
}

/** Where the baseline entry sits relative to the PR's merge-base. */
function ancestryText(p: BaselineProvenance): string {
  const a = p.ancestry;
  if (!a) return '';
  const base = a.mergeBase.slice(0, 12);
  if (a.distance === 0) return ` (the merge-base)`;
  if (a.distance > 0)
    return ` (${a.distance} commit${a.distance === 1 ? '' : 's'} before the merge-base ${base})`;
  return ` (newest stored entry: no entry at the merge-base ${base} or its ancestors)`;
}
