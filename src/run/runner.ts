/**
 * Run a check R times (one process each), sample its endpoints while it lives, gather every
 * capture and assemble one MemoryReport. The I/O shell around the pure collectors.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { assembleReport, type RunCapture } from '../collect/assemble.js';
import { parseCheckJson, lastTracebackLine } from '../collect/check-json.js';
import { readProfileDir } from './profile-files.js';
import { MemgateError } from '../errors.js';
import type { Environment, MemoryReport } from '../model.js';
import { VERSION } from '../version.js';
import {
  buildAgentCommand,
  dockerCopyArgv,
  splitCommand,
  type MOption,
  type PlannedCommand,
} from './command.js';
import { runProcess, type ProcessResult } from './process.js';
import { Sampler } from './sampler.js';

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
  const warnings: string[] = [];
  for (let i = 1; i <= opts.repeat; i++) {
    const label = `run ${i} of ${opts.repeat}`;
    opts.log?.(`${label}…`);
    const { capture, warnings: w } = await runOnce(opts, label);
    captures.push(capture);
    warnings.push(...w);
  }
  const checkVersion = await resolveVersion(opts, captures);
  const environment: Environment = {
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
  const { report, warnings: assembled } = assembleReport(captures, {
    check: opts.check,
    checkVersion,
    toolVersion: VERSION,
    environment,
  });
  return { report, warnings: [...dedupe(warnings), ...assembled], captures };
}

async function runOnce(
  opts: RunOptions,
  label: string,
): Promise<{ capture: RunCapture; warnings: string[] }> {
  const work = await mkdtemp(join(tmpdir(), 'memgate-run-'));
  try {
    const localProfile = join(work, 'profile');
    let planned: PlannedCommand;
    let mDir = localProfile;
    if (opts.check) {
      const probe = buildAgentCommand({
        agentBin: opts.agentBin ?? 'datadog-agent',
        check: opts.check,
        checkTimes: 1,
        mDir: '',
        mGc: true,
      });
      // Inside a container the Agent writes to its own /tmp; we copy the directory out afterwards.
      if (probe.container) mDir = `/tmp/memgate-${randomBytes(6).toString('hex')}`;
      planned = buildAgentCommand({
        agentBin: opts.agentBin ?? 'datadog-agent',
        check: opts.check,
        checkTimes: opts.checkTimes,
        mDir,
        mGc: opts.mGc ?? true,
        mOptions: opts.mOptions,
        extraArgs: opts.extraArgs,
      });
    } else {
      const command = opts.command as string;
      planned = { argv: opts.shell ? [command] : splitCommand(command), shell: opts.shell ?? false };
      mDir = opts.profileDir ? resolve(opts.cwd ?? process.cwd(), opts.profileDir) : localProfile;
    }

    const sampler = new Sampler({
      expvarUrl: opts.expvarUrl,
      telemetryUrl: opts.telemetryUrl,
      pprofUrl: opts.pprofUrl,
      intervalMs: opts.sampleIntervalMs,
      label,
    });
    let result: ProcessResult;
    try {
      result = await runProcess({
        argv: planned.argv,
        shell: planned.shell,
        cwd: opts.cwd,
        env: { ...(opts.env ?? process.env), MEMGATE_M_DIR: mDir },
        timeoutMs: opts.timeoutMs,
        label,
        onStart: () => sampler.start(),
      });
    } catch (err) {
      // Stop polling whatever happened, so no timer outlives a failed run.
      await sampler.stop();
      throw err;
    }
    const sampled = await sampler.stop();

    const capture: RunCapture = {};
    const text = result.stdout;
    if (opts.check || looksLikeJson(text)) capture.checkJson = { text, source: `${label} stdout` };
    else if (/^Top \d+ lines/m.test(text)) capture.printouts = [{ text, source: `${label} stdout` }];
    if (capture.checkJson) failOnCheckError(capture.checkJson.text, label);

    if (planned.container) {
      await runProcess({
        argv: dockerCopyArgv(planned.container, mDir, localProfile),
        timeoutMs: Math.min(opts.timeoutMs, 120_000),
        label: `${label}: copying the profile directory out of container ${planned.container.name}`,
        env: opts.env,
      });
      mDir = localProfile;
    }
    if (await isDir(mDir)) {
      const dirs = await readProfileDir(mDir);
      if (dirs.length > 0) capture.profileDirs = dirs;
    }
    if (sampled.expvar.length) capture.expvar = sampled.expvar;
    if (sampled.telemetry.length) capture.telemetry = sampled.telemetry;
    if (sampled.heapProfiles.length) capture.heapProfiles = sampled.heapProfiles;
    if (
      !capture.checkJson &&
      !capture.profileDirs &&
      !capture.printouts &&
      !capture.expvar &&
      !capture.telemetry
    ) {
      throw new MemgateError(
        `${label} gave nothing to measure: no check JSON, no tracemalloc files, no endpoint samples`,
        'run',
      );
    }
    return { capture, warnings: sampled.warnings };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
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

/** The Agent exits 0 even when the check raised: the failure is only in the JSON. */
function failOnCheckError(text: string, label: string): void {
  for (const inst of parseCheckJson(text, `${label} stdout`)) {
    if (inst.totalErrors > 0) {
      const last = inst.lastError ? lastTracebackLine(inst.lastError) : 'no traceback';
      throw new MemgateError(
        `${label}: check ${inst.checkName} failed in ${inst.totalErrors} of ${inst.totalRuns} check runs: ${last}`,
        'run',
      );
    }
  }
}

/** The check_version tag wins; then the given version; then the check's `__about__.py`. */
async function resolveVersion(opts: RunOptions, captures: RunCapture[]): Promise<string | undefined> {
  for (const c of captures) {
    if (!c.checkJson) continue;
    for (const inst of parseCheckJson(c.checkJson.text, c.checkJson.source)) {
      const tagged = inst.tags.check_version;
      if (tagged && tagged !== '0.0.0') return undefined; // assemble reads the tag itself
    }
  }
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

async function isDir(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

function dedupe(lines: string[]): string[] {
  return [...new Set(lines)];
}
