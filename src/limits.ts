/**
 * The documented limits on what memgate reads and waits for (README, "Failure modes"). Each one
 * turns an input that would exhaust memory or a timer into one line naming the input, exit 2.
 */
import { MemgateError } from './errors.js';

const MiB = 1024 * 1024;

/**
 * Largest input file read whole (check --json, telemetry, tracemalloc, reports, profiles).
 * V8 cannot hold a string over ~512 MiB; real inputs are kilobytes to tens of megabytes.
 */
export const MAX_INPUT_BYTES = 256 * MiB;

/** Largest gzip member memgate inflates by default (`--max-inflate` raises it). */
export const DEFAULT_MAX_INFLATE_BYTES = 512 * MiB;

/** Largest endpoint response (expvar, telemetry, pprof) memgate keeps. */
export const MAX_RESPONSE_BYTES = 64 * MiB;

/** Longest `--timeout`: Node timers hold at most 2^31−1 ms (24.8 days); beyond, they fire at once. */
export const MAX_TIMEOUT_SECONDS = 24 * 24 * 3600;

/** A limit as a user set it: `512 MiB`, `1.5 MiB`, or plain bytes below 1 MiB. */
export function mib(bytes: number): string {
  if (bytes < MiB) return `${bytes} bytes`;
  const m = bytes / MiB;
  return `${Number.isInteger(m) ? m : m.toFixed(1)} MiB`;
}

/** The error for a file over `max` bytes. */
export function tooLarge(path: string, max: number): MemgateError {
  return new MemgateError(`larger than ${mib(max)}; memgate reads inputs of at most ${mib(max)}`, path);
}
