/** Argument parsing shared by the CLI verbs: node:util parseArgs with errors turned into MemgateErrors. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

import { MemgateError } from '../errors.js';

export type Options = NonNullable<ParseArgsConfig['options']>;

export function parse<T extends Options>(argv: string[], options: T, usage: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new MemgateError(`${(err as Error).message}\n${usage}`, 'arguments');
  }
}

/** A numeric option, validated. */
export function intOption(value: string | undefined, name: string, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new MemgateError(`--${name} must be an integer ≥ ${min}, got "${value}"`, 'arguments');
  return n;
}
