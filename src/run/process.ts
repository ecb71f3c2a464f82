/**
 * Start one command in its own process group and wait for it, with a timeout that kills the whole
 * group (the Agent, its Python and anything they started), and output caps so a chatty check cannot
 * exhaust memory.
 */
import { spawn } from 'node:child_process';

import { MemgateError } from '../errors.js';
import { showCommand } from './command.js';

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
  const shown = showCommand(opts.argv);
  const maxStdout = opts.maxStdout ?? 64 * 1024 * 1024;
  const started = Date.now();
  return new Promise<ProcessResult>((resolve, reject) => {
    const child = opts.shell
      ? spawn(opts.argv.join(' '), {
          shell: true,
          detached: true,
          cwd: opts.cwd,
          env: opts.env,
          stdio: ['ignore', 'pipe', 'pipe'],
        })
      : spawn(opts.argv[0], opts.argv.slice(1), {
          detached: true,
          cwd: opts.cwd,
          env: opts.env,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
    const out: Buffer[] = [];
    let outBytes = 0;
    let overflow = false;
    let err = '';
    let timedOut = false;
    let settled = false;
    let killTimer: NodeJS.Timeout | undefined;

    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) {
        killGroup(child.pid, 'SIGTERM');
        killTimer = setTimeout(() => killGroup(child.pid as number, 'SIGKILL'), opts.killGraceMs ?? 2000);
      }
    }, opts.timeoutMs);

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

    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (killTimer) clearTimeout(killTimer);
      fn();
    };

    child.on('spawn', () => {
      if (child.pid !== undefined) opts.onStart?.(child.pid);
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      finish(() =>
        reject(
          new MemgateError(
            e.code === 'ENOENT'
              ? `${opts.label}: command not found: ${opts.argv[0]} (is it installed and on PATH?)`
              : `${opts.label}: could not start ${shown}: ${e.message}`,
            'run',
          ),
        ),
      );
    });
    child.on('close', (code, signal) => {
      // Leftovers of the group (e.g. a helper server) go with the run.
      if (child.pid !== undefined) killGroup(child.pid, 'SIGTERM');
      finish(() => {
        const durationMs = Date.now() - started;
        const tail = stderrTail(err);
        if (timedOut) {
          reject(
            new MemgateError(
              `${opts.label} timed out after ${formatSeconds(opts.timeoutMs)}: ${shown}` +
                (tail ? `\n--- stderr (last lines) ---\n${tail}` : ''),
              'run',
            ),
          );
        } else if (overflow) {
          reject(
            new MemgateError(`${opts.label} wrote more than ${maxStdout} bytes on stdout: ${shown}`, 'run'),
          );
        } else if (code !== 0) {
          const how = code === null ? `was killed by ${signal ?? 'a signal'}` : `exited with code ${code}`;
          reject(
            new MemgateError(
              `${opts.label} ${how}: ${shown}` +
                (tail ? `\n--- stderr (last lines) ---\n${tail}` : ' (no stderr)'),
              'run',
            ),
          );
        } else {
          resolve({ stdout: Buffer.concat(out).toString('utf8'), stderr: err, exitCode: 0, durationMs });
        }
      });
    });
  });
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${(ms / 1000).toFixed(1)}s`;
}
