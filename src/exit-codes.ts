/**
 * memgate's exit codes (README, "Failure modes"), one meaning each, so CI can tell a failing gate
 * from a broken setup:
 * - 0: the gate passed (or warned);
 * - 1: the gate failed (a regression, leak or budget, by `fail-on`);
 * - 2: usage or input error: a bad flag or input, a file that is missing, corrupt or too large;
 * - 3: internal error, a bug in memgate (please report it);
 * - 4: the check or its environment failed: the check crashed or timed out, the Agent or an
 *   endpoint was unreachable, GitHub could not be read or written, memgate was interrupted.
 * A signal ends memgate with 128 + the signal's number, as a shell reports it.
 */
import { MemgateError } from './errors.js';

export const EXIT = { pass: 0, gateFailed: 1, usage: 2, internal: 3, failed: 4 } as const;

/** The check, the Agent, an endpoint or GitHub failed: not the user's input, not memgate's bug. */
export class EnvironmentError extends MemgateError {
  readonly exitCode: number = EXIT.failed;

  constructor(message: string, where?: string, options?: { cause?: unknown }) {
    super(message, where, options);
    this.name = 'EnvironmentError';
  }
}

/** The exit code for an error that ended a command: its own code, else 2 for a MemgateError, else 3. */
export function exitCodeFor(err: unknown): number {
  if (!(err instanceof MemgateError)) return EXIT.internal;
  const own = (err as { exitCode?: unknown }).exitCode;
  return typeof own === 'number' ? own : EXIT.usage;
}
