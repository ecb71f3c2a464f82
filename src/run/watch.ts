/**
 * Live mode: sample a running Agent that runs the check on its own schedule (`agent run`, or the
 * Agent in a container), for a duration or for N runs of the named check. `datadog-agent check` is a
 * separate process, so the counters a running Agent serves belong to its own scheduled runs: this
 * is the only way to read them. The series are cut per check run from the `runner` expvar's
 * TotalRuns for that check (collect/align.ts), and judged by the same rules as a CLI run.
 *
 * What a live Agent serves: the RTLoader C counters (with memtrack on), pymem (telemetry) and Go
 * memstats and heap profiles. Its `check_run_alloc` and tracemalloc files go to Datadog, not to
 * its endpoints, so a watch measures neither.
 */
import { assembleReport, type RunCapture } from '../collect/assemble.js';
import { parseExpvar, type ExpvarSnapshot } from '../collect/expvar.js';
import { MemgateError } from '../errors.js';
import type { Environment, MemoryReport } from '../model.js';
import { VERSION } from '../version.js';
import { Sampler, type SamplerResult } from './sampler.js';

export const LIVE_NOTE =
  'live mode: a running Agent sends check_run_alloc and tracemalloc sites to Datadog, not to its endpoints; measured: rtloader (C), pymem and Go signals';

export interface WatchOptions {
  /** The check as the running Agent's runner names it (configured in that Agent's conf.d). */
  check: string;
  expvarUrl: string;
  telemetryUrl?: string;
  pprofUrl?: string;
  /** Stop a window after this long… */
  durationMs?: number;
  /** …or once the check has run this many more times, whichever comes first. */
  runs?: number;
  /** Windows in a row, each one run of the report (default 1). */
  repeat?: number;
  sampleIntervalMs: number;
  /** Give up on a window that has not seen its runs by then. */
  timeoutMs: number;
  checkVersion?: string;
  environment?: Partial<Environment>;
  log?: (line: string) => void;
}

export interface WatchOutcome {
  report: MemoryReport;
  warnings: string[];
  captures: RunCapture[];
}

export async function watchAgent(opts: WatchOptions): Promise<WatchOutcome> {
  if (opts.durationMs === undefined && opts.runs === undefined)
    throw new MemgateError('give a duration or a number of check runs to watch', 'watch');
  const repeat = opts.repeat ?? 1;
  const captures: RunCapture[] = [];
  const warnings: string[] = [];
  for (let i = 1; i <= repeat; i++) {
    const label = `watch ${i} of ${repeat}`;
    opts.log?.(`${label}: sampling ${opts.expvarUrl} for ${describeStop(opts)} of ${opts.check}…`);
    const sampled = await watchWindow(opts, label);
    warnings.push(...sampled.warnings);
    captures.push(toCapture(sampled));
  }
  const { report, warnings: assembled } = assembleReport(captures, {
    check: opts.check,
    checkVersion: opts.checkVersion ?? versionFromRunner(captures, opts.check),
    toolVersion: VERSION,
    environment: {
      ...opts.environment,
      options: {
        mode: 'live',
        repeat,
        ...(opts.runs ? { runs: opts.runs } : {}),
        ...(opts.environment?.options ?? {}),
      },
    },
  });
  for (const c of report.checks) c.notes = [LIVE_NOTE, ...c.notes];
  return { report, warnings: [...new Set([...warnings, ...assembled])], captures };
}

function describeStop(opts: WatchOptions): string {
  const parts = [];
  if (opts.runs !== undefined) parts.push(`${opts.runs} runs`);
  if (opts.durationMs !== undefined) parts.push(`${opts.durationMs / 1000}s`);
  return parts.join(' or ');
}

/** Sample until the window's duration is over or the check has run `runs` more times. */
async function watchWindow(opts: WatchOptions, label: string): Promise<SamplerResult> {
  const sampler = Sampler.of(opts, label);
  const started = Date.now();
  const limit = Math.min(opts.durationMs ?? Infinity, opts.timeoutMs);
  sampler.start();
  let first: number | undefined;
  let done = false;
  while (!done && Date.now() - started < limit) {
    await sleep(opts.sampleIntervalMs);
    const runs = runsOf(sampler.latestExpvar()?.text, opts.check);
    if (runs !== undefined) first ??= runs;
    done = opts.runs !== undefined && runs !== undefined && first !== undefined && runs - first >= opts.runs;
  }
  const sampled = await sampler.stop();
  checkWindow(opts, label, sampled, done);
  return sampled;
}

/** A window that saw no run of the check measured nothing about it: say why, in one line. */
function checkWindow(opts: WatchOptions, label: string, sampled: SamplerResult, done: boolean): void {
  if (sampled.expvar.length === 0)
    throw new MemgateError(
      `${label}: no answer from ${opts.expvarUrl}: is the Agent running and its expvar server reachable?`,
      'watch',
    );
  const polls = sampled.expvar.map((p) => parseExpvar(p.text, p.source));
  const seen = polls.map((p) => totalRuns(p, opts.check)).filter((n): n is number => n !== undefined);
  if (seen.length === 0 || seen[seen.length - 1] === seen[0])
    throw new MemgateError(
      `${label}: the Agent at ${opts.expvarUrl} did not run ${opts.check} while watched (is conf.d/${opts.check}.d/conf.yaml mounted, and the interval shorter than the watch?)`,
      'watch',
    );
  if (opts.runs !== undefined && !done && opts.durationMs === undefined)
    sampled.warnings.push(
      `${label}: timed out after ${seen[seen.length - 1] - seen[0]} of ${opts.runs} runs of ${opts.check}`,
    );
}

function runsOf(text: string | undefined, check: string): number | undefined {
  if (text === undefined) return undefined;
  try {
    return totalRuns(parseExpvar(text, 'expvar'), check);
  } catch {
    return undefined; // a bad poll is reported when the window is assembled
  }
}

/** TotalRuns of every instance of the check, or undefined when the runner does not list it. */
function totalRuns(snapshot: ExpvarSnapshot, check: string): number | undefined {
  const instances = snapshot.runs?.checks[check];
  if (!instances) return undefined;
  return Object.values(instances).reduce((n, s) => n + s.totalRuns, 0);
}

function versionFromRunner(captures: RunCapture[], check: string): string | undefined {
  for (const c of captures)
    for (const p of [...(c.expvar ?? [])].reverse()) {
      const instances = parseExpvar(p.text, p.source).runs?.checks[check] ?? {};
      const version = Object.values(instances).find((s) => s.checkVersion)?.checkVersion;
      if (version) return version;
    }
  return undefined;
}

function toCapture(s: SamplerResult): RunCapture {
  const capture: RunCapture = { expvar: s.expvar };
  if (s.telemetry.length) capture.telemetry = s.telemetry;
  if (s.heapProfiles.length) capture.heapProfiles = s.heapProfiles;
  return capture;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
