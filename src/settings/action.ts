/**
 * The action's inputs, validated once at the edge with the shared value parsers. Pure: takes a
 * `getInput` function (core.getInput in the action, a map in tests) and returns typed settings, or
 * throws one MemgateError naming the input and what it accepts. An empty input is "not given".
 */
import { checkNameProblem, nameForMessage } from '../check-name.js';
import { MemgateError } from '../errors.js';
import { readPolicyInputs, type PolicyInputs } from './policy.js';
import { RUN_DEFAULTS, RUN_PARSERS } from './run.js';
import { profilingFromFlags } from '../collect/profiling-options.js';
import { M_OPTIONS, type MOption } from '../run/command.js';
import { bool, duration, integer, oneOf, url, type Parsed } from './values.js';

export const MODES = ['run', 'collect', 'aggregate', 'comment', 'live'] as const;
export const COMMENT_MODES = ['always', 'on-change', 'never'] as const;
export const STORES = ['branch', 'file'] as const;
export const UPDATE_MODES = ['auto', 'true', 'false'] as const;
export const ON_BASELINE_ERROR = ['fail', 'warn'] as const;
export const COMPARE_WITH = ['baseline', 'paired'] as const;

export type Mode = (typeof MODES)[number];

/** The policy file read when present; any other `config` must exist. */
export const DEFAULT_CONFIG_PATH = '.memgate.yml';
export type CommentMode = (typeof COMMENT_MODES)[number];

export interface ActionConfig {
  mode: Mode;
  check?: string;
  command?: string;
  shell: boolean;
  agentBin: string;
  checkVersion?: string;
  repeat: number;
  checkTimes: number;
  timeoutSeconds: number;
  expvarUrl?: string;
  telemetryUrl?: string;
  pprofUrl?: string;
  sampleIntervalMs: number;
  /** `m-gc` (default on: gc.collect() before each snapshot). */
  mGc: boolean;
  /** The other `--m-*` options as given (validated with the Agent's own rules); absent = the Agent's default. */
  mOptions: Partial<Record<MOption, string>>;
  /** `mode: live`: watch the running Agent for this many runs of the check… */
  liveRuns?: number;
  /** …or this many seconds. */
  liveDurationSeconds?: number;
  /** `baseline`: the stored baselines; `paired`: the base ref measured in this job, alternating with the head. */
  compareWith: (typeof COMPARE_WITH)[number];
  /** Paired mode's base; undefined: the pull request's base branch. */
  baseRef?: string;
  /** Paired mode with `check`: the directory of the check code in the repository. */
  checksDir?: string;
  configPath: string;
  /** Only the policy inputs the workflow set; `resolvePolicy` puts them over `.memgate.yml`. */
  policy: PolicyInputs;
  baselineStore: (typeof STORES)[number];
  baselineBranch: string;
  baselinePath: string;
  baselineKeep: number;
  onBaselineError: (typeof ON_BASELINE_ERROR)[number];
  updateBaseline: (typeof UPDATE_MODES)[number];
  comment: CommentMode;
  commentKey: string;
  token: string;
  reportPath: string;
  artifactName: string;
  /** Write the sites' differential flame graph next to the report and upload it (default on). */
  flamegraph: boolean;
}

type GetInput = (name: string) => string;

export function readConfig(getInput: GetInput, defaults: { commentKey: string }): ActionConfig {
  const str = (name: string): string | undefined => getInput(name).trim() || undefined;
  const read = <T>(name: string, parse: (raw: string) => Parsed<T>): T | undefined => {
    const raw = str(name);
    return raw === undefined ? undefined : orFail(name, parse(raw));
  };
  const mode = read('mode', (r) => oneOf(r, MODES)) ?? 'run';
  const { check, command } = readTarget(mode, str('check'), str('command'));
  return {
    mode,
    check,
    command,
    shell: read('shell', bool) ?? false,
    agentBin: str('agent-bin') ?? RUN_DEFAULTS.agentBin,
    checkVersion: str('check-version'),
    repeat: read('repeat', RUN_PARSERS.repeat) ?? RUN_DEFAULTS.repeat,
    checkTimes: read('check-times', RUN_PARSERS['check-times']) ?? RUN_DEFAULTS.checkTimes,
    timeoutSeconds: read('timeout', RUN_PARSERS.timeout) ?? RUN_DEFAULTS.timeoutSeconds,
    expvarUrl: read('expvar-url', url),
    telemetryUrl: read('telemetry-url', url),
    pprofUrl: read('pprof-url', url),
    sampleIntervalMs:
      read('sample-interval', RUN_PARSERS['sample-interval']) ?? RUN_DEFAULTS.sampleIntervalMs,
    ...readProfilingInputs(str, read),
    ...readLiveInputs(mode, read),
    ...readPaired(mode, read('compare-with', (r) => oneOf(r, COMPARE_WITH)) ?? 'baseline', str),
    configPath: str('config') ?? DEFAULT_CONFIG_PATH,
    policy: readPolicyInputs(str, (name, why) => {
      throw inputError(name, why);
    }),
    baselineStore: read('baseline-store', (r) => oneOf(r, STORES)) ?? 'branch',
    baselineBranch: str('baseline-branch') ?? 'memgate-baselines',
    baselinePath: str('baseline-path') ?? '.memgate/baselines',
    baselineKeep: read('baseline-keep', (r) => integer(r, 1)) ?? 30,
    onBaselineError: read('on-baseline-error', (r) => oneOf(r, ON_BASELINE_ERROR)) ?? 'fail',
    updateBaseline: read('update-baseline', (r) => oneOf(r, UPDATE_MODES)) ?? 'auto',
    comment: read('comment', (r) => oneOf(r, COMMENT_MODES)) ?? 'always',
    commentKey: str('comment-key') ?? defaults.commentKey,
    token: getInput('github-token'),
    reportPath: str('report-path') ?? 'memgate-report.json',
    artifactName: str('artifact-name') ?? 'memgate-report',
    flamegraph: read('flamegraph', bool) ?? true,
  };
}

/**
 * The Agent's `--m-*` options (`m-gc`, `m-frames`, …), checked with the Agent's own rules before any
 * run, so a typo fails the step in one line instead of in every run.
 */
function readProfilingInputs(
  str: (name: string) => string | undefined,
  read: <T>(name: string, parse: (raw: string) => Parsed<T>) => T | undefined,
): Pick<ActionConfig, 'mGc' | 'mOptions'> {
  const mOptions: Partial<Record<MOption, string>> = {};
  for (const name of M_OPTIONS) {
    const v = str(`m-${name}`);
    if (v === undefined) continue;
    try {
      profilingFromFlags({ [name]: v });
    } catch (err) {
      throw inputError(`m-${name}`, (err as Error).message.replace(/^--m-\w+ /, ''));
    }
    mOptions[name] = v;
  }
  if (mOptions.combine === '1' && mOptions.sort === 'traceback')
    throw inputError('m-combine', 'cannot be used with `m-sort: traceback` (the Agent refuses it)');
  return { mGc: read('m-gc', bool) ?? true, mOptions };
}

/** `mode: live` stops a watch after `live-runs` runs of the check (default 10) or `live-duration`. */
function readLiveInputs(
  mode: Mode,
  read: <T>(name: string, parse: (raw: string) => Parsed<T>) => T | undefined,
): Pick<ActionConfig, 'liveRuns' | 'liveDurationSeconds'> {
  const liveDurationSeconds = read('live-duration', (r) => duration(r, 1));
  const liveRuns = read('live-runs', (r) => integer(r, 1));
  if (mode !== 'live') return {};
  return { liveRuns: liveRuns ?? (liveDurationSeconds === undefined ? 10 : undefined), liveDurationSeconds };
}

function readTarget(mode: Mode, check: string | undefined, command: string | undefined) {
  if (mode === 'live' && !check)
    throw inputError('check', 'is required in mode "live": the check the running Agent runs on its schedule');
  if ((mode === 'run' || mode === 'collect') && !check && !command) {
    throw inputError(
      'check',
      'is required in mode "run" and "collect": give `check` (an Agent check name) or `command`',
    );
  }
  if (check && command) throw inputError('command', 'cannot be used together with `check`; give one of them');
  if (check && !/^[A-Za-z0-9_.-]+$/.test(check)) {
    throw inputError('check', `must be a check name (letters, digits, _ . -), got ${nameForMessage(check)}`);
  }
  const tooLong = check && checkNameProblem(check);
  if (tooLong) throw inputError('check', `${nameForMessage(check as string)} ${tooLong}`);
  return { check, command };
}

function readPaired(
  mode: Mode,
  compareWith: ActionConfig['compareWith'],
  str: (name: string) => string | undefined,
) {
  if (compareWith === 'paired' && mode !== 'run')
    throw inputError(
      'compare-with',
      `"paired" measures both sides in one job: it needs mode "run", not "${mode}"`,
    );
  return { compareWith, baseRef: str('base-ref'), checksDir: str('checks-dir') };
}

function orFail<T>(name: string, parsed: Parsed<T>): T {
  if (!parsed.ok) throw inputError(name, parsed.why);
  return parsed.value;
}

function inputError(name: string, message: string): MemgateError {
  return new MemgateError(message, `input "${name}"`);
}
