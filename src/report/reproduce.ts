/**
 * The "Reproduce locally" line: a command a developer can paste to get the same verdict on their
 * machine. It names every input that changed the result (the Agent command, the `--m-*` profiling
 * options, the endpoints, the thresholds, the policy file) and reads the baselines straight from the
 * data branch (`git:origin/memgate-baselines`), so it needs no API token. Pure: the shells pass
 * their resolved settings in.
 */
import type { Thresholds } from '../analyze/policy.js';

export interface ReproduceInput {
  /** How memgate is invoked (default `memgate`, as the README's Install section installs it). */
  bin?: string;
  /** The Agent check to run; without it, `command`. */
  check?: string;
  command?: string;
  agentBin?: string;
  repeat?: number;
  checkTimes?: number;
  /** The tracemalloc options as flags without `--m-`: `{ gc: true, frames: 10 }`. */
  profiling?: Record<string, string | number | boolean | undefined>;
  /** An endpoint URL, or false when it was turned off. */
  expvarUrl?: string | false;
  telemetryUrl?: string | false;
  pprofUrl?: string;
  /** The thresholds the user set as inputs or flags (they win over the policy file). */
  thresholds?: Partial<Thresholds>;
  failOn?: readonly string[];
  /** The policy file, relative to the repository root, when it exists. */
  config?: string;
  /** The data branch the baselines live on (default `memgate-baselines`). */
  baselineBranch?: string;
  /**
   * Where the baselines are when they are not on a data branch: a directory committed to the
   * repository (the `file` store) or a file. Nothing to fetch then.
   */
  baselinePath?: string;
  /** The git remote to fetch it from (default `origin`). */
  remote?: string;
  /** Where the report is written (default `memgate-report.json`). */
  out?: string;
}

const PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** One POSIX shell word: as is when it is plain, else single-quoted. */
export function shellWord(word: string): string {
  if (word !== '' && PLAIN.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

function flag(name: string, value: string | number | undefined): string[] {
  return value === undefined || value === '' ? [] : [`--${name}`, String(value)];
}

function profilingFlags(p: ReproduceInput['profiling']): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(p ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    if (v === undefined) continue;
    if (k === 'gc') out.push(v === false || v === 'false' || v === 0 ? '--no-m-gc' : '--m-gc');
    else out.push(`--m-${k}`, String(v));
  }
  return out;
}

function endpointFlags(i: ReproduceInput): string[] {
  const out: string[] = [];
  if (i.expvarUrl === false) out.push('--no-expvar');
  else out.push(...flag('expvar-url', i.expvarUrl));
  if (i.telemetryUrl === false) out.push('--no-telemetry');
  else out.push(...flag('telemetry-url', i.telemetryUrl));
  out.push(...flag('pprof-url', i.pprofUrl));
  return out;
}

/** The argv of `memgate run` that measures the same way. */
export function runArgs(i: ReproduceInput): string[] {
  const target =
    i.check !== undefined ? flag('check', i.check) : flag('command', i.command ?? '<your command>');
  return [
    'run',
    ...target,
    ...flag('agent-bin', i.agentBin),
    ...flag('repeat', i.repeat),
    ...flag('check-times', i.checkTimes),
    ...profilingFlags(i.profiling),
    ...endpointFlags(i),
    '--out',
    i.out ?? 'memgate-report.json',
  ];
}

/** A ratio as a flag value: 0.05 → `5%`. */
function percentFlag(r: number | undefined): string | undefined {
  return r === undefined ? undefined : `${Number((r * 100).toPrecision(12))}%`;
}

/** The threshold flags, by the names `memgate compare` takes (bytes as plain numbers). */
function thresholdFlags(t: Partial<Thresholds> | undefined): string[] {
  if (!t) return [];
  return [
    ...flag('threshold', percentFlag(t.threshold)),
    ...flag('alpha', t.alpha),
    ...flag('floor', t.floor),
    ...flag('leak-threshold', t.leakSlopeAbs),
    ...flag('warmup', percentFlag(t.warmup)),
  ];
}

/** The argv of `memgate compare` that judges with the same baselines and policy. */
export function compareArgs(i: ReproduceInput): string[] {
  const baseline = i.baselinePath ?? `git:${i.remote ?? 'origin'}/${i.baselineBranch ?? 'memgate-baselines'}`;
  return [
    'compare',
    '--baseline',
    baseline,
    '--report',
    i.out ?? 'memgate-report.json',
    ...flag('config', i.config),
    ...thresholdFlags(i.thresholds),
    ...flag('fail-on', i.failOn && i.failOn.length > 0 ? i.failOn.join(',') : undefined),
  ];
}

/** `memgate compare …` alone, for a comment rendered from reports that already exist. */
export function compareCommand(i: ReproduceInput): string {
  return `${i.bin ?? 'memgate'} ${compareArgs(i).map(shellWord).join(' ')}`;
}

/** The whole line: fetch the baselines into `<remote>/<branch>` (unless they are a path), measure, compare. */
export function reproduceCommand(i: ReproduceInput): string {
  const bin = i.bin ?? 'memgate';
  const words = (argv: string[]) => argv.map(shellWord).join(' ');
  const remote = i.remote ?? 'origin';
  const branch = i.baselineBranch ?? 'memgate-baselines';
  // An explicit refspec: a single-branch clone (actions/checkout) would not update origin/<branch>.
  const fetch = `git fetch ${shellWord(remote)} ${shellWord(`${branch}:refs/remotes/${remote}/${branch}`)}`;
  const measure = `${bin} ${words(runArgs(i))} && ${bin} ${words(compareArgs(i))}`;
  return i.baselinePath === undefined ? `${fetch} && ${measure}` : measure;
}
