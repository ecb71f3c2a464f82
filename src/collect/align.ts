/**
 * Endpoint polls are taken by time, but the leak rules read a series as one point per check
 * iteration. The Agent's `runner` expvar (TotalRuns per check instance) tells which iteration each
 * poll saw, so polled series keep the last poll of every iteration. Without it they stay per poll,
 * with a note.
 */
import type { ParsedCapture } from './capture.js';
import type { ExpvarSnapshot } from './expvar.js';
import { sameInstance, type InstanceRef } from './instances.js';
import type { ProcessSignals } from './process-signals.js';

/**
 * In the report only, not a warning: `agent check` itself never fills the runner stats (only the
 * running Agent's collector does), so a warning would show on every run with nothing to act on.
 */
export const PER_POLL_NOTE =
  "endpoint series are per poll, not per check run: the Agent's runner expvar was not found";

export const NO_RUN_POLLED_NOTE =
  'no endpoint poll came after a completed check run: endpoint series skipped (lower --sample-interval?)';

/** Whose runs cut the series: a check as the runner expvar names it, one instance or all of them. */
export interface RunnerTarget {
  check: string;
  instance?: InstanceRef;
}

/** The polled series of one check, one point per check run (or per poll, with a note). */
export function alignPolled(
  run: ParsedCapture,
  signals: ProcessSignals,
  target: RunnerTarget,
): { series: Map<string, number[]>; notes: string[] } {
  const series = new Map<string, number[]>();
  if (signals.expvar.size + signals.telemetry.size === 0) return { series, notes: [] };
  const runs = runsPerPoll(
    run.expvar.map((p) => p.snapshot),
    target,
  );
  if (!runs) {
    for (const [id, s] of [...signals.expvar, ...signals.telemetry]) series.set(id, s);
    return { series, notes: [PER_POLL_NOTE] };
  }
  const teleToExpvar = pollAtOrBefore(
    run.expvar.map((p) => p.at),
    run.telemetry.map((p) => p.at),
  );
  const fromExpvar = lastPollPerRun(runs);
  const fromTele = lastPollPerRun(teleToExpvar.map((i) => (i === undefined ? undefined : runs[i])));
  pick(series, signals.expvar, fromExpvar);
  pick(series, signals.telemetry, fromTele);
  const missed =
    (signals.expvar.size > 0 && fromExpvar.length === 0) ||
    (signals.telemetry.size > 0 && fromTele.length === 0);
  return { series, notes: missed ? [NO_RUN_POLLED_NOTE] : [] };
}

function pick(out: Map<string, number[]>, from: Map<string, number[]>, polls: number[]): void {
  if (polls.length === 0) return;
  for (const [id, s] of from)
    out.set(
      id,
      polls.map((i) => s[i]),
    );
}

/**
 * For every expvar poll, how many runs of the check (of one instance when given) had completed:
 * undefined where the poll has no runner stats. Undefined as a whole when no poll lists the check,
 * e.g. a plain Go service, or the runner stats of a process that never ran it.
 */
export function runsPerPoll(
  polls: readonly ExpvarSnapshot[],
  target: RunnerTarget,
): (number | undefined)[] | undefined {
  let listed = false;
  const runs = polls.map((p) => {
    if (!p.runs) return undefined;
    // The Agent adds a check to the map when its first run ends: absent means none done yet.
    if (!Object.hasOwn(p.runs.checks, target.check)) return 0;
    const mine = Object.entries(p.runs.checks[target.check]).filter(
      ([id]) => target.instance === undefined || sameInstance(id, target.instance),
    );
    if (mine.length > 0) listed = true;
    return mine.reduce((n, [, s]) => n + s.totalRuns, 0);
  });
  return listed ? runs : undefined;
}

/**
 * Indexes of the polls that make the per-iteration series: first the earliest poll taken before any
 * run had finished (the state before the check ran, so a counter's delta includes the first run,
 * which is where a one-off allocation such as a lookup table lands), then the last poll seen while k
 * runs were done, for k = 1, 2, …; runs with no poll are skipped.
 */
export function lastPollPerRun(runs: readonly (number | undefined)[]): number[] {
  const before = runs.findIndex((k) => k === 0);
  const last = new Map<number, number>();
  runs.forEach((k, i) => {
    if (k !== undefined && k >= 1) last.set(k, i);
  });
  const after = [...last.entries()].sort((a, b) => a[0] - b[0]).map(([, i]) => i);
  return before >= 0 && after.length > 0 ? [before, ...after] : after;
}

/** For each time in `at` (ascending), the index of the last time in `base` (ascending) not after it. */
function pollAtOrBefore(base: readonly number[], at: readonly number[]): (number | undefined)[] {
  let j = -1;
  return at.map((t) => {
    while (j + 1 < base.length && base[j + 1] <= t) j++;
    return j < 0 ? undefined : j;
  });
}
