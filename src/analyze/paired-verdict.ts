/**
 * The verdict of paired A/B mode: a base MemoryReport and a head MemoryReport measured alternately
 * in one job (A B A B …), run i of the base paired with run i of the head. Nothing stored is read.
 *
 * Everything but the noisy metrics goes through the ordinary analysis (`analyze`): exact metrics by
 * the exact rule, leaks, budgets and UntrackedFrees on the head's own runs, fail-on and waivers, the
 * growing sites and the chart against the base. Only the noisy metrics change rule: the pairs go to
 * the Wilcoxon signed-rank test (`comparePaired`), because a job factor or a drift that hits both
 * runs of a pair cancels in their difference, where an unpaired test would count it as a change.
 */
import type { BaselineLookup } from '../baseline/types.js';
import type { CheckKey, CheckReport, MemoryReport } from '../model.js';
import type { MetricVerdict, Verdict } from '../model-verdict.js';
import { describeMetric } from '../metrics.js';
import { formatPercent } from '../units.js';
import { comparePaired } from './paired.js';
import type { Policy, ResolvedThresholds } from './policy.js';
import { compareMetric, floorFor, fmt, isExact, summarize } from './regression.js';
import { analyze, type AnalyzeOptions } from './verdict.js';

/** What the head was paired against. */
export interface PairedBase {
  /** The ref as the user gave it. */
  ref: string;
  /** The commit it resolved to. */
  sha: string;
}

/** The base side's check of the same name and instance (its version may differ: the PR may bump it). */
function baseCheckFor(base: MemoryReport, key: CheckKey): CheckReport | undefined {
  return base.checks.find(
    (c) => c.check.name === key.name && (c.check.instance ?? '') === (key.instance ?? ''),
  );
}

function pairCount(c: CheckReport | undefined): number {
  return c ? Math.max(0, ...Object.values(c.metrics).map((m) => m.runs.length)) : 0;
}

/** The provenance every paired check shows: the base ref, its commit and the pairs behind it. */
export function pairedLookup(base: MemoryReport, key: CheckKey, against: PairedBase): BaselineLookup {
  const found = baseCheckFor(base, key);
  const pairs = pairCount(found);
  const at = `paired A/B in this job against ${against.ref} (${against.sha.slice(0, 12)})`;
  return {
    ...(found ? { baseline: found } : {}),
    provenance: {
      status: 'paired',
      requestedVersion: key.version,
      ...(found ? { version: found.check.version } : {}),
      commit: against.sha,
      commits: [against.sha],
      samples: pairs,
      message: found
        ? `${at}, ${pairs} ${pairs === 1 ? 'pair' : 'pairs'}`
        : `${at}: the check does not exist there`,
    },
  };
}

/**
 * The regression rule of paired mode for one metric. A noisy metric with as many base as head runs,
 * at least `minRuns` of them, is judged on its pairs; anything else keeps the ordinary rule (exact
 * metrics need no test; too few runs is threshold only), so paired mode never judges less strictly.
 */
export const comparePairedMetric: typeof compareMetric = (metric, baseline, current, t, opts = {}) => {
  // No stored jobs in paired mode: the job-level check (jobs.ts) has nothing to hold the head against.
  const ordinary = () => compareMetric(metric, baseline, current, t, { ...opts, jobs: undefined });
  if (!baseline || baseline.length === 0) return ordinary();
  if (baseline.length !== current.length) {
    const mv = ordinary();
    return {
      ...mv,
      reason: `${baseline.length} base and ${current.length} head runs cannot be paired, compared unpaired: ${mv.reason}`,
    };
  }
  const exact = isExact(baseline, t.exactTolerance) && isExact(current, t.exactTolerance);
  if (exact || current.length < t.minRuns) return ordinary();
  const info = describeMetric(metric);
  const floor = floorFor(info.unit, t);
  const pv = comparePaired(baseline, current, { alpha: t.alpha, threshold: t.threshold, floor });
  return {
    metric,
    runtime: info.runtime,
    unit: info.unit,
    kind: 'noisy',
    rule: 'paired',
    change: pv.change,
    status: pv.change === 'regression' ? 'fail' : 'pass',
    baseline: summarize(baseline),
    current: summarize(current),
    delta: pv.shift,
    ...(pv.relative === undefined ? {} : { relative: pv.relative }),
    p: pv.p,
    reason: pairedReason(pv, t, info.unit, floor),
  };
};

function pairedReason(
  pv: ReturnType<typeof comparePaired>,
  t: ResolvedThresholds,
  unit: MetricVerdict['unit'],
  floor: number,
): string {
  const shift = `${fmt(Math.abs(pv.shift), unit)}${pv.relative === undefined ? ' from a base median of 0' : ` (${formatPercent(pv.relative)})`}`;
  const p = `signed-rank p = ${pv.p.toPrecision(2)}`;
  const pct = formatPercent(t.threshold);
  const floorText = `the ${fmt(floor, unit)} floor`;
  if (pv.change !== 'unchanged')
    return `${pv.change === 'regression' ? 'grew' : 'shrank'} by ${shift} over ${pv.pairs} pairs (Hodges-Lehmann of the differences): ${p} < ${t.alpha}, beyond ${pct} and ${floorText}`;
  const missing = [
    !pv.checks.test && `${p} ≥ α ${t.alpha}`,
    !pv.checks.effect && `the shift ${shift} is below ${pct}`,
    !pv.checks.floor && `the shift ${fmt(Math.abs(pv.shift), unit)} is below ${floorText}`,
  ].filter((x): x is string => typeof x === 'string');
  return `no significant change over ${pv.pairs} pairs: ${missing.join('; ')}`;
}

/**
 * The signed-rank test's smallest one-sided p with n pairs is 2^-n: with too few pairs no noisy
 * metric can fail, whatever it does, and the reader must know.
 */
function fewPairsNote(verdict: Verdict): void {
  for (const c of verdict.checks) {
    const paired = c.metrics.filter((m) => m.rule === 'paired');
    const n = Math.min(...paired.map((m) => m.current.samples.length));
    if (paired.length === 0 || 2 ** -n < verdict.settings.alpha) continue;
    const enough = Math.ceil(Math.log2(1 / verdict.settings.alpha) + 1e-9);
    c.notes.push(
      `with ${n} pairs the signed-rank test cannot reach p < ${verdict.settings.alpha}: noisy metrics cannot fail; use repeat ≥ ${enough}`,
    );
  }
}

/** base + head of one paired job → the project's Verdict. Pure. */
export function analyzePaired(
  base: MemoryReport,
  head: MemoryReport,
  against: PairedBase,
  policy: Policy,
  now: Date = new Date(),
  opts: AnalyzeOptions = {},
): Verdict {
  const verdict = analyze(head, (key) => pairedLookup(base, key, against), policy, now, {
    ...opts,
    compareMetric: comparePairedMetric,
  });
  fewPairsNote(verdict);
  return verdict;
}
