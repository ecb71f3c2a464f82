/**
 * Start one command in its own process group and wait for it, with a timeout that kills the whole
 * group (the Agent, its Python and anything they started), and output caps so a chatty check cannot
 * exhaust memory.
 */
import { spawn, type ChildProcess, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';

import { MemgateError } from '../errors.js';
import { EnvironmentError } from '../exit-codes.js';
import { showCommand } from './command.js';
import { trackGroup } from './signals.js';

export interface ProcessOptions {
  argv: string[];
  /** Run `argv.join(' ')` through /bin/sh: only when the user asked for it (`shell: true`). */
  shell?: boolean;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** Between SIGTERM and SIGKILL (default 2 s). */
  killGraceMs?: number;
  /** Bytes of stdout kept (default 64 MiB); more is an error, since the JSON would be cut. */
  maxStdout?: number;
  /** How messages name this run, e.g. "run 3 of 5". */
  label: string;
  /** Called once the process is started (the sampler starts here). */
  onStart?: (pid: number) => void;
}

export interface ProcessResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  durationMs: number;
}

const STDERR_KEEP = 64 * 1024;
const STDERR_TAIL_LINES = 20;

export function stderrTail(stderr: string, lines = STDERR_TAIL_LINES): string {
  const all = stderr.trimEnd().split(/\r?\n/);
  return all.slice(-lines).join('\n');
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is already gone
  }
}

export function runProcess(opts: ProcessOptions): Promise<ProcessResult> {
  const started = Date.now();
  return new Promise<ProcessResult>((resolve, reject) => {
    const child = spawnGroup(opts);
    const output = captureOutput(child, opts.maxStdout ?? 64 * 1024 * 1024);
    const deadline = armTimeout(child, opts);
    // An interrupted memgate forwards SIGINT/SIGTERM to this group (signals.ts).
    const untrack = child.pid !== undefined ? trackGroup(child.pid) : () => false;
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      untrack();
      deadline.clear();
      fn();
    };
    child.on('spawn', () => {
      if (child.pid !== undefined) opts.onStart?.(child.pid);
    });
    child.on('error', (e: NodeJS.ErrnoException) => finish(() => reject(startError(opts, e))));
    child.on('close', (code, signal) => {
      // Leftovers of the group (e.g. a helper server) go with the run.
      if (child.pid !== undefined) killGroup(child.pid, 'SIGTERM');
      finish(() => {
        const failure = exitError(opts, { code, signal, timedOut: deadline.fired(), output });
        if (failure) reject(failure);
        else
          resolve({
            stdout: output.stdout(),
            stderr: output.stderr(),
            exitCode: 0,
            durationMs: Date.now() - started,
          });
      });
    });
  });
}

/** Its own process group (detached), so a timeout can kill everything the command started. */
function spawnGroup(opts: ProcessOptions): ChildProcessByStdio<null, Readable, Readable> {
  const common = {
    detached: true,
    cwd: opts.cwd,
    env: opts.env,
    stdio: ['ignore', 'pipe', 'pipe'] as ['ignore', 'pipe', 'pipe'],
  };
  return opts.shell
    ? spawn(opts.argv.join(' '), { ...common, shell: true })
    : spawn(opts.argv[0], opts.argv.slice(1), common);
}

interface Output {
  stdout(): string;
  stderr(): string;
  /** Stdout went over the cap: the group was stopped. */
  overflow(): boolean;
  maxStdout: number;
}

/** Stdout kept whole up to the cap (more kills the group); the last 64 KiB of stderr. */
function captureOutput(child: ChildProcessByStdio<null, Readable, Readable>, maxStdout: number): Output {
  const out: Buffer[] = [];
  let outBytes = 0;
  let overflow = false;
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => {
    if (outBytes + chunk.length > maxStdout) {
      if (!overflow && child.pid !== undefined) killGroup(child.pid, 'SIGTERM');
      overflow = true;
      return;
    }
    out.push(chunk);
    outBytes += chunk.length;
  });
  child.stderr.on('data', (chunk: Buffer) => {
    err = (err + chunk.toString('utf8')).slice(-STDERR_KEEP);
  });
  return {
    stdout: () => Buffer.concat(out).toString('utf8'),
    stderr: () => err,
    overflow: () => overflow,
    maxStdout,
  };
}

/** SIGTERM to the group at the timeout, SIGKILL after the grace period. */
function armTimeout(child: ChildProcess, opts: ProcessOptions): { clear(): void; fired(): boolean } {
  let timedOut = false;
  let killTimer: NodeJS.Timeout | undefined;
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid === undefined) return;
    killGroup(child.pid, 'SIGTERM');
    killTimer = setTimeout(() => killGroup(child.pid as number, 'SIGKILL'), opts.killGraceMs ?? 2000);
  }, opts.timeoutMs);
  return {
    clear: () => {
      clearTimeout(timer);
      if (killTimer) clearTimeout(killTimer);
    },
    fired: () => timedOut,
  };
}

function startError(opts: ProcessOptions, e: NodeJS.ErrnoException): MemgateError {
  return new EnvironmentError(
    e.code === 'ENOENT'
      ? `${opts.label}: command not found: ${opts.argv[0]} (is it installed and on PATH?)`
      : `${opts.label}: could not start ${showCommand(opts.argv)}: ${e.message}`,
    'run',
  );
}

/** Why a finished process failed (timeout, too much stdout, non-zero exit), or undefined when it did not. */
function exitError(
  opts: ProcessOptions,
  end: { code: number | null; signal: NodeJS.Signals | null; timedOut: boolean; output: Output },
): MemgateError | undefined {
  const shown = showCommand(opts.argv);
  const tail = stderrTail(end.output.stderr());
  if (end.timedOut)
    return new EnvironmentError(
      `${opts.label} timed out after ${formatSeconds(opts.timeoutMs)}: ${shown}` +
        (tail ? `\n--- stderr (last lines) ---\n${tail}` : ''),
      'run',
    );
  if (end.output.overflow())
    return new EnvironmentError(
      `${opts.label} wrote more than ${end.output.maxStdout} bytes on stdout: ${shown}`,
      'run',
    );
  if (end.code === 0) return undefined;
  const how =
    end.code === null ? `was killed by ${end.signal ?? 'a signal'}` : `exited with code ${end.code}`;
  return new EnvironmentError(
    `${opts.label} ${how}: ${shown}` + (tail ? `\n--- stderr (last lines) ---\n${tail}` : ' (no stderr)'),
    'run',
  );
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${(ms / 1000).toFixed(1)}s`;
}
