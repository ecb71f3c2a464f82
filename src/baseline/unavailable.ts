/**
 * A store that could not be read at all (API errors after retries, a missing or unreadable
 * directory) is not "no baseline": a gate that could not look must not say pass. Stores throw
 * `BaselineUnavailableError` for it, and the gate lets it end the step, unless the user chose
 * `on-baseline-error: warn`, in which case the store throws a plain MemgateError that the gate turns
 * into a warning and an "unreadable" provenance.
 */
import { MemgateError } from '../errors.js';
import { EXIT } from '../exit-codes.js';

/** What a store does when it cannot be read. */
export type OnBaselineError = 'fail' | 'warn';

export class BaselineUnavailableError extends MemgateError {
  /** 4 when GitHub or the disk failed; 2 when the user named a store that is not there. */
  readonly exitCode: number;

  constructor(message: string, where: string, options?: { cause?: unknown; exitCode?: number }) {
    super(message, where, options);
    this.name = 'BaselineUnavailableError';
    this.exitCode = options?.exitCode ?? EXIT.failed;
  }
}

/** The error a store throws when reading failed with `why`, by the user's choice. */
export function unavailable(
  why: string,
  where: string,
  mode: OnBaselineError = 'fail',
  options: { cause?: unknown; exitCode?: number } = {},
): MemgateError {
  if (mode === 'warn') return new MemgateError(`cannot read the baselines: ${why}`, where, options);
  return new BaselineUnavailableError(
    `cannot read the baselines: ${why}; a gate that could not look does not pass (set on-baseline-error: warn to compare with no baseline instead)`,
    where,
    options,
  );
}
