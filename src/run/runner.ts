/**
 * Run a check R times (one process each), sample its endpoints while it lives, gather every
 * capture and assemble one MemoryReport. The I/O shell around the pure collectors.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { assembleParsed } from '../collect/assemble.js';
import { PYTHON2_LINE, readCapture, type ParsedCapture, type RunCapture } from '../collect/capture.js';
import { AGENT_DEFAULTS, profilingFromFlags } from '../collect/profiling-options.js';
import { MemgateError } from '../errors.js';
import { EnvironmentError } from '../exit-codes.js';
import type { Environment, MemoryReport, ProfilingOptions } from '../model.js';
import { VERSION } from '../version.js';
import {
  buildAgentCommand,
  dockerCopyArgv,
  dockerRemoveArgv,
  splitCommand,
  type MOption,
  type PlannedCommand,
} from './command.js';
import { runProcess, type ProcessResult } from './process.js';
import { isDir, readProfileDir } from './profile-files.js';
import { Sampler, type SamplerResult } from './sampler.js';
import { trackTempDir } from './signals.js';

export const DEFAULT_EXPVAR_URL = 'http://localhost:5000/debug/vars';

export interface RunOptions {
  /** An Agent check name: the command is built (`<agentBin> check <name> --json -m …`). */
  check?: string;
  /** Or any command (split into argv; through a shell only with `shell`). */
  command?: string;
  shell?: boolean;
  agentBin?: string;
  repeat: number;
  checkTimes: number;
  timeoutMs: number;
  /** undefined = off. */
  expvarUrl?: string;
  telemetryUrl?: string;
  pprofUrl?: string;
  sampleIntervalMs: number;
  mGc?: boolean;
  mOptions?: Partial<Record<MOption, string>>;
  extraArgs?: string[];
  /** Used when the JSON has no check_version tag. */
  checkVersion?: string;
  /** The check's source directory: its `__about__.py` gives the version as a last resort. */
  checkPath?: string;
  /** For `command`: a directory the command writes tracemalloc files to (also given as $MEMGATE_M_DIR). */
  profileDir?: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  environment?: Partial<Environment>;
  /** Progress lines ("run 2 of 5 …"). */
  log?: (line: string) => void;
}

export interface RunOutcome {
  report: MemoryReport;
  warnings: string[];
  captures: RunCapture[];
}

export async function runCheck(opts: RunOptions): Promise<RunOutcome> {
  if (!opts.check === !opts.command) throw new MemgateError('give either a check name or a command', 'run');
  if (opts.repeat < 1 || opts.checkTimes < 1)
    throw new MemgateError('repeat and check-times must be ≥ 1', 'run');
  const captures: RunCapture[] = [];
  const parsed: ParsedCapture[] = [];
  const warnings: string[] = [];
  for (let i = 1; i <= opts.repeat; i++) {
    const label = `run ${i} of ${opts.repeat}`;
    opts.log?.(`${label}…`);
    const one = await runOnce(opts, label);
    captures.push(one.capture);
    parsed.push(one.parsed);
    warnings.push(...one.warnings);
  }
  const { report, warnings: assembled } = assembleParsed(parsed, {
    check: opts.check,
    checkVersion: await resolveVersion(opts, parsed),
    toolVersion: VERSION,
    environment: runEnvironment(opts),
    profiling: declaredProfiling(opts),
  });
  return { report, warnings: [...dedupe(warnings), ...assembled], captures };
}

/** The options the runs used, for reproduction. */
function runEnvironment(opts: RunOptions): Environment {
  return {
    ...opts.environment,
    options: {
      repeat: opts.repeat,
      checkTimes: opts.checkTimes,
      mGc: opts.mGc ?? true,
      ...(opts.command ? { command: opts.command } : {}),
      ...Object.fromEntries(Object.entries(opts.mOptions ?? {}).map(([k, v]) => [`m-${k}`, v ?? ''])),
      ...(opts.environment?.options ?? {}),
    },
  };
}

/**
 * The profiling options of a built Agent command line: every `--m-*` option is known (given, or the
 * Agent's default; gc on unless turned off). A user's own command says nothing: the files speak.
 */
export function declaredProfiling(opts: RunOptions): Partial<ProfilingOptions> {
  if (!opts.check) return {};
  return { ...AGENT_DEFAULTS, gc: opts.mGc ?? true, ...profilingFromFlags(opts.mOptions ?? {}) };
}

/** Where one run writes its profile files, and the command that runs it. */
interface RunPlan {
  planned: PlannedCommand;
  /** The `--m-dir` as the command sees it (inside the container for a docker prefix). */
  mDir: string;
  /** Where the files are read from on this machine. */
  localProfile: string;
}

async function runOnce(
  opts: RunOptions,
  label: string,
): Promise<{ capture: RunCapture; parsed: ParsedCapture; warnings: string[] }> {
  const work = await mkdtemp(join(tmpdir(), 'memgate-run-'));
  const untrackWork = trackTempDir(work);
  try {
    const plan = await planRun(opts, work);
    const { stdout, sampled } = await runSampled(opts, plan, label);
    const capture = await gatherCapture(opts, plan, stdout, sampled, label);
    // Every file is parsed once, here; a check that raised stops the run with its traceback line.
    return { capture, parsed: readCheckOutput(capture), warnings: sampled.warnings };
  } finally {
    await rm(work, { recursive: true, force: true });
    untrackWork();
  }
}

async function planRun(opts: RunOptions, work: string): Promise<RunPlan> {
  const localProfile = await writableProfileDir(work);
  if (!opts.check) {
    const command = opts.command as string;
    return {
      planned: { argv: opts.shell ? [command] : splitCommand(command), shell: opts.shell ?? false },
      mDir: opts.profileDir ? resolve(opts.cwd ?? process.cwd(), opts.profileDir) : localProfile,
      localProfile,
    };
  }
  const agent = (mDir: string) =>
    buildAgentCommand({
      agentBin: opts.agentBin ?? 'datadog-agent',
      check: opts.check as string,
      checkTimes: opts.checkTimes,
      mDir,
      mGc: opts.mGc ?? true,
      mOptions: opts.mOptions,
      extraArgs: opts.extraArgs,
    });
  // Inside a container the Agent writes to its own /tmp; the directory is copied out afterwards.
  const inContainer = agent('').container !== undefined;
  const mDir = inContainer ? `/tmp/memgate-${randomBytes(6).toString('hex')}` : localProfile;
  return { planned: agent(mDir), mDir, localProfile };
}

/**
 * The `--m-dir` of one run. The seed runs the Agent as its own user (`sudo -u dd-agent -- …`), so
 * the directory is writable by every user and its parent traversable; nothing else is kept there.
 */
async function writableProfileDir(work: string): Promise<string> {
  const dir = join(work, 'profile');
  await mkdir(dir);
  await chmod(work, 0o711);
  await chmod(dir, 0o777);
  return dir;
}

async function runSampled(
  opts: RunOptions,
  plan: RunPlan,
  label: string,
): Promise<{ stdout: string; sampled: SamplerResult }> {
  const sampler = Sampler.of(opts, label);
  let result: ProcessResult;
  try {
    result = await runProcess({
      argv: plan.planned.argv,
      shell: plan.planned.shell,
      cwd: opts.cwd,
      env: { ...(opts.env ?? process.env), MEMGATE_M_DIR: plan.mDir },
      timeoutMs: opts.timeoutMs,
      label,
      onStart: () => sampler.start(),
    });
  } catch (err) {
    // Stop polling whatever happened, so no timer outlives a failed run.
    await sampler.stop();
    throw opts.check ? agentWithoutProfiler(err, label) : err;
  }
  return { stdout: result.stdout, sampled: await sampler.stop() };
}

async function gatherCapture(
  opts: RunOptions,
  plan: RunPlan,
  stdout: string,
  sampled: SamplerResult,
  label: string,
): Promise<RunCapture> {
  const capture: RunCapture = {};
  if (opts.check || looksLikeJson(stdout)) capture.checkJson = { text: stdout, source: `${label} stdout` };
  else if (/^Top \d+ lines/m.test(stdout)) capture.printouts = [{ text: stdout, source: `${label} stdout` }];
  const profileDir = plan.planned.container ? await copyOutOfContainer(opts, plan, label) : plan.mDir;
  if (await isDir(profileDir)) {
    const dirs = await readProfileDir(profileDir);
    if (dirs.length > 0) capture.profileDirs = dirs;
  }
  if (sampled.expvar.length) capture.expvar = sampled.expvar;
  if (sampled.telemetry.length) capture.telemetry = sampled.telemetry;
  if (sampled.heapProfiles.length) capture.heapProfiles = sampled.heapProfiles;
  // Heap profiles alone are not a measurement of the check.
  const measured = [
    capture.checkJson,
    capture.printouts,
    capture.profileDirs,
    capture.expvar,
    capture.telemetry,
  ];
  if (measured.every((x) => x === undefined))
    throw new EnvironmentError(
      `${label} gave nothing to measure: no check JSON, no tracemalloc files, no endpoint samples`,
      'run',
    );
  return capture;
}

/**
 * The capture of a run memgate started: what the check or the Agent wrote. A check that raised, or
 * output that cannot be read, is the check's or its environment's failure here (exit 4), where the
 * same file given to `memgate collect` is bad input (exit 2).
 */
function readCheckOutput(capture: RunCapture): ParsedCapture {
  try {
    return readCapture(capture);
  } catch (err) {
    if (err instanceof MemgateError && !(err instanceof EnvironmentError))
      throw new EnvironmentError(err.message, err.where, { cause: err });
    throw err;
  }
}

/** `docker cp` the run's `--m-dir` out of the container, then remove it there. */
async function copyOutOfContainer(opts: RunOptions, plan: RunPlan, label: string): Promise<string> {
  const container = plan.planned.container as NonNullable<PlannedCommand['container']>;
  const step = async (argv: string[], what: string) =>
    runProcess({
      argv,
      timeoutMs: Math.min(opts.timeoutMs, 120_000),
      label: `${label}: ${what} in container ${container.name}`,
      env: opts.env,
    });
  await rm(plan.localProfile, { recursive: true, force: true });
  try {
    await step(dockerCopyArgv(container, plan.mDir, plan.localProfile), 'copying the profile directory out');
  } finally {
    await step(dockerRemoveArgv(container, plan.mDir), 'removing the profile directory');
  }
  return plan.localProfile;
}

/** How the Agent's command line (cobra) refuses a flag it does not have. */
const UNKNOWN_PROFILING_FLAG = /unknown (?:shorthand )?flag: (?:'m' in -m|--m-[a-z]+|--profile-memory)/;

/** An Agent whose `check` has no `-m` (Agent 6): one line that says so, not the usage text. */
function agentWithoutProfiler(err: unknown, label: string): unknown {
  if (!(err instanceof MemgateError)) return err;
  const flag = UNKNOWN_PROFILING_FLAG.exec(err.message);
  if (!flag) return err;
  return new EnvironmentError(
    `${label}: this Agent's \`check\` has no memory profiling (${flag[0]}): ${PYTHON2_LINE}`,
    'run',
  );
}

function looksLikeJson(text: string): boolean {
  const i = text.search(/[[{]/);
  if (i < 0) return false;
  try {
    JSON.parse(text.slice(i));
    return true;
  } catch {
    return false;
  }
}

/** The check_version tag wins; then the given version; then the check's `__about__.py`. */
async function resolveVersion(opts: RunOptions, runs: ParsedCapture[]): Promise<string | undefined> {
  const tagged = runs.some((r) =>
    r.instances.some((i) => i.tags.check_version && i.tags.check_version !== '0.0.0'),
  );
  if (tagged) return undefined; // assemble reads the tag itself
  if (opts.checkVersion) return opts.checkVersion;
  if (opts.checkPath) return readAboutVersion(resolve(opts.cwd ?? process.cwd(), opts.checkPath));
  return undefined;
}

/** `__version__ = '1.2.3'` from `<dir>/__about__.py` (or `<dir>/datadog_checks/<name>/__about__.py`). */
export async function readAboutVersion(checkPath: string): Promise<string | undefined> {
  const candidates = [join(checkPath, '__about__.py')];
  const name = checkPath.split(/[\\/]/).filter(Boolean).pop();
  if (name) candidates.push(join(checkPath, 'datadog_checks', name, '__about__.py'));
  for (const file of candidates) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      continue;
    }
    const m = /^__version__\s*=\s*['"]([^'"]+)['"]/m.exec(text);
    if (m) return m[1];
    throw new MemgateError('has no `__version__ = "x.y.z"` line', file);
  }
  return undefined;
}

function dedupe(lines: string[]): string[] {
  return [...new Set(lines)];
}
