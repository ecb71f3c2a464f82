/**
 * The action's inputs, validated once at the edge. Pure: takes a `getInput` function (core.getInput
 * in the action, a map in tests) and returns typed settings, or throws one MemgateError naming the
 * input and what it accepts.
 */
import { FAIL_KINDS, readFailKinds, type FailKind } from './analyze/policy.js';
import { MemgateError } from './errors.js';
import { parseBytes, parseRatio } from './units.js';

export const MODES = ['run', 'collect', 'aggregate', 'comment'] as const;
export const COMMENT_MODES = ['always', 'on-change', 'never'] as const;
export const STORES = ['branch', 'file'] as const;
export const UPDATE_MODES = ['auto', 'true', 'false'] as const;

export type Mode = (typeof MODES)[number];
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
  configPath: string;
  threshold: number;
  alpha: number;
  floor: number;
  leakThreshold: number;
  warmup: number;
  failOn: FailKind[];
  baselineStore: (typeof STORES)[number];
  baselineBranch: string;
  baselinePath: string;
  baselineKeep: number;
  updateBaseline: (typeof UPDATE_MODES)[number];
  comment: CommentMode;
  commentKey: string;
  token: string;
  reportPath: string;
  artifactName: string;
}

type GetInput = (name: string) => string;

export function readConfig(getInput: GetInput, defaults: { commentKey: string }): ActionConfig {
  const str = (name: string): string | undefined => {
    const v = getInput(name).trim();
    return v === '' ? undefined : v;
  };
  const mode = oneOf(getInput, 'mode', MODES, 'run');
  const check = str('check');
  const command = str('command');
  if ((mode === 'run' || mode === 'collect') && !check && !command) {
    throw inputError(
      'check',
      'is required in mode "run" and "collect": give `check` (an Agent check name) or `command`',
    );
  }
  if (check && command) throw inputError('command', 'cannot be used together with `check`; give one of them');
  if (check && !/^[A-Za-z0-9_.-]+$/.test(check)) {
    throw inputError('check', `must be a check name (letters, digits, _ . -), got "${check}"`);
  }
  const threshold = ratio(getInput, 'threshold', 0.05);
  const warmup = ratio(getInput, 'warmup', 0.2);
  if (warmup >= 1) throw inputError('warmup', `must be below 100%, got "${getInput('warmup')}"`);
  const alpha = Number(getInput('alpha') || '0.05');
  if (!(alpha > 0 && alpha < 0.5))
    throw inputError('alpha', `must be a number between 0 and 0.5, got "${getInput('alpha')}"`);
  return {
    mode,
    check,
    command,
    shell: bool(getInput, 'shell', false),
    agentBin: str('agent-bin') ?? 'datadog-agent',
    checkVersion: str('check-version'),
    repeat: int(getInput, 'repeat', 5, 1),
    checkTimes: int(getInput, 'check-times', 20, 1),
    timeoutSeconds: int(getInput, 'timeout', 300, 1),
    expvarUrl: url(getInput, 'expvar-url'),
    telemetryUrl: url(getInput, 'telemetry-url'),
    pprofUrl: url(getInput, 'pprof-url'),
    sampleIntervalMs: int(getInput, 'sample-interval', 250, 10),
    configPath: str('config') ?? '.memgate.yml',
    threshold,
    alpha,
    floor: bytes(getInput, 'floor', 16 * 1024),
    leakThreshold: bytes(getInput, 'leak-threshold', 1024),
    warmup,
    failOn: failOn(getInput),
    baselineStore: oneOf(getInput, 'baseline-store', STORES, 'branch'),
    baselineBranch: str('baseline-branch') ?? 'memgate-baselines',
    baselinePath: str('baseline-path') ?? '.memgate/baselines',
    baselineKeep: int(getInput, 'baseline-keep', 30, 1),
    updateBaseline: oneOf(getInput, 'update-baseline', UPDATE_MODES, 'auto'),
    comment: oneOf(getInput, 'comment', COMMENT_MODES, 'always'),
    commentKey: str('comment-key') ?? defaults.commentKey,
    token: getInput('github-token'),
    reportPath: str('report-path') ?? 'memgate-report.json',
    artifactName: str('artifact-name') ?? 'memgate-report',
  };
}

function inputError(name: string, message: string): MemgateError {
  return new MemgateError(message, `input "${name}"`);
}

function oneOf<T extends string>(getInput: GetInput, name: string, allowed: readonly T[], fallback: T): T {
  const v = getInput(name).trim();
  if (v === '') return fallback;
  if (!(allowed as readonly string[]).includes(v)) {
    throw inputError(name, `must be one of: ${allowed.join(', ')}; got "${v}"`);
  }
  return v as T;
}

function bool(getInput: GetInput, name: string, fallback: boolean): boolean {
  const v = getInput(name).trim().toLowerCase();
  if (v === '') return fallback;
  if (['true', 'yes', '1', 'on'].includes(v)) return true;
  if (['false', 'no', '0', 'off'].includes(v)) return false;
  throw inputError(name, `must be true or false, got "${v}"`);
}

function int(getInput: GetInput, name: string, fallback: number, min: number): number {
  const v = getInput(name).trim();
  if (v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw inputError(name, `must be a whole number ≥ ${min}, got "${v}"`);
  return n;
}

function ratio(getInput: GetInput, name: string, fallback: number): number {
  const v = getInput(name).trim();
  if (v === '') return fallback;
  const r = parseRatio(v);
  if (r === undefined)
    throw inputError(name, `must be a percentage such as "5%" or a ratio such as 0.05, got "${v}"`);
  return r;
}

function bytes(getInput: GetInput, name: string, fallback: number): number {
  const v = getInput(name).trim();
  if (v === '') return fallback;
  const b = parseBytes(v);
  if (b === undefined) throw inputError(name, `must be a size such as 16384, "16KiB" or "1 MiB", got "${v}"`);
  return b;
}

function url(getInput: GetInput, name: string): string | undefined {
  const v = getInput(name).trim();
  if (v === '') return undefined;
  try {
    const u = new URL(v);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http');
  } catch {
    throw inputError(name, `must be an http(s) URL or empty to switch it off, got "${v}"`);
  }
  return v;
}

function failOn(getInput: GetInput): FailKind[] {
  const read = readFailKinds(getInput('fail-on'));
  if ('unknown' in read) {
    throw inputError(
      'fail-on',
      `must be a comma-separated list of: ${FAIL_KINDS.join(', ')}; got "${read.unknown}"`,
    );
  }
  return read.kinds;
}
