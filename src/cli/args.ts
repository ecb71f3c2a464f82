/** Argument parsing shared by the CLI verbs: node:util parseArgs with errors turned into MemgateErrors. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

import { checkNameProblem, nameForMessage } from '../check-name.js';
import { MemgateError } from '../errors.js';
import { closest } from '../settings/suggest.js';
import { integer, url, type Parsed } from '../settings/values.js';

export type Options = NonNullable<ParseArgsConfig['options']>;

/** The policy file and the policy flags (`readPolicyInputs` reads them), for every verb that judges. */
export const POLICY_OPTIONS = {
  config: { type: 'string' },
  threshold: { type: 'string' },
  alpha: { type: 'string' },
  floor: { type: 'string' },
  'leak-threshold': { type: 'string' },
  warmup: { type: 'string' },
  'fail-on': { type: 'string' },
} as const;

export function parse<T extends Options>(argv: string[], options: T, usage: string) {
  try {
    return parseArgs({
      args: joinNegativeValues(argv, options),
      options,
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    const unknown = /^Unknown option '(--?[^']+)'/.exec((err as Error).message)?.[1];
    if (unknown) {
      const near = closest(unknown.replace(/^-+/, ''), Object.keys(options));
      const hint = near ? `: did you mean --${near}?` : '';
      throw new MemgateError(`unknown option ${unknown}${hint}\n${usage}`, 'arguments');
    }
    throw new MemgateError(`${(err as Error).message}\n${usage}`, 'arguments');
  }
}

/**
 * `--top -1` as `--top=-1`: parseArgs takes a value starting with `-` for a missing value ("argument
 * is ambiguous"); a negative number after a string flag is its value, for the flag's own range check.
 */
function joinNegativeValues(argv: string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const name = /^--([^=]+)$/.exec(argv[i])?.[1];
    const next = argv[i + 1];
    if (name && options[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`${argv[i]}=${next}`);
      i += 1;
    } else out.push(argv[i]);
  }
  return out;
}

/** A flag's value was not valid: one line naming the flag and why. */
export function argumentError(name: string, why: string): never {
  throw new MemgateError(`--${name} ${why}`, 'arguments');
}

/** A flag read with one of the shared value parsers (`settings/values.ts`); undefined when not given. */
export function option<T>(
  value: string | undefined,
  name: string,
  parse: (raw: string) => Parsed<T>,
): T | undefined {
  if (value === undefined) return undefined;
  const parsed = parse(value);
  return parsed.ok ? parsed.value : argumentError(name, parsed.why);
}

/** A check name or version flag: one that can become a path in a baseline store (check-name.ts). */
export function nameOption(value: string | undefined, name: string): string | undefined {
  const why = value === undefined ? undefined : checkNameProblem(value);
  return why ? argumentError(name, `${nameForMessage(value as string)} ${why}`) : value;
}

/** A whole-number flag ≥ min. */
export function intOption(value: string | undefined, name: string, fallback: number, min = 1): number {
  return option(value, name, (raw) => integer(raw, min)) ?? fallback;
}

/** An http(s) URL flag. */
export function urlOption(value: string | undefined, name: string): string | undefined {
  return option(value, name, url);
}

/**
 * Refuse positional arguments and read the required string options, in the order asked; a missing
 * one is a one-line error with the usage text.
 */
export function requireOptions<K extends string>(
  positionals: readonly string[],
  values: Partial<Record<K, string | boolean>>,
  required: readonly { name: K; what: string }[],
  usage: string,
): string[] {
  if (positionals.length > 0)
    throw new MemgateError(`unexpected argument "${positionals[0]}"\n${usage}`, 'arguments');
  return required.map(({ name, what }) => {
    const v = values[name];
    if (typeof v !== 'string') throw new MemgateError(`--${name} ${what} is required\n${usage}`, 'arguments');
    return v;
  });
}

/**
 * The Agent's `--m-*` value flags, as `memgate run` passes them on and `memgate collect` records
 * them (`--m-gc` differs: an on/off switch for run, the capture's 0|1 for collect).
 */
export const M_VALUE_FLAGS = {
  'm-frames': { type: 'string' },
  'm-combine': { type: 'string' },
  'm-sort': { type: 'string' },
  'm-limit': { type: 'string' },
  'm-diff': { type: 'string' },
  'm-filters': { type: 'string' },
  'm-unit': { type: 'string' },
  'm-verbose': { type: 'string' },
} as const;
