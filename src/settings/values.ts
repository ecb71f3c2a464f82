/**
 * The one set of value parsers behind every way a user sets memgate: `action.yml` inputs, CLI flags
 * and `.memgate.yml`. Each returns the value or a reason; the edge that called it wraps the reason
 * in its own error (naming the input, the flag or the file path), so the same text is accepted, and
 * rejected with the same reason, whichever way it came in.
 */
import { parseBytes, parseRatio } from '../units.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; why: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (why: string): Parsed<never> => ({ ok: false, why });

export type Raw = string | number;

/** A ratio such as `5%` or `0.05`, within [min, max) or (min, max) when `open`. */
export function ratio(raw: Raw, range: Range = {}): Parsed<number> {
  const v = parseRatio(raw);
  if (v === undefined)
    return bad(`must be a percentage such as "5%" or a ratio such as 0.05, got "${String(raw)}"`);
  // `threshold: 5` meant 5%, not +500%: a bare ratio above 1 is refused rather than guessed.
  const checked = inRange(v, raw, range);
  const text = String(raw).trim();
  if (v <= 1 || text.endsWith('%')) return checked;
  return bad(`${checked.ok ? `is ${text}` : checked.why}: did you mean ${text}%?`);
}

/** A size such as `16384`, `16KiB` or `1 MiB` (KB and MB mean KiB and MiB). */
export function bytes(raw: Raw): Parsed<number> {
  const v = parseBytes(raw);
  return v === undefined
    ? bad(`must be a size such as 16384, "16KiB" or "1 MiB", got "${String(raw)}"`)
    : ok(v);
}

/** A whole number ≥ min. */
export function integer(raw: Raw, min = 0): Parsed<number> {
  const text = String(raw).trim();
  const n = /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
  return Number.isInteger(n) && n >= min ? ok(n) : bad(`must be a whole number ≥ ${min}, got "${text}"`);
}

const SECONDS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600 };

/** A duration in seconds: `300`, `300s`, `5m` or `1h`; at least `min` and at most `max` seconds. */
export function duration(raw: Raw, min = 1, max = Infinity): Parsed<number> {
  const m = /^\s*(\d+)\s*([smh]?)\s*$/.exec(String(raw));
  const v = m ? Number(m[1]) * SECONDS[m[2]] : Number.NaN;
  if (v > max)
    return bad(
      `must be at most ${max} s (${Math.floor(max / 86400)} days), the longest memgate can wait; got "${String(raw)}"`,
    );
  return v >= min
    ? ok(v)
    : bad(`must be a duration in seconds ≥ ${min} such as 300, "300s" or "5m", got "${String(raw)}"`);
}

/** An http(s) URL. */
export function url(raw: Raw): Parsed<string> {
  const text = String(raw).trim();
  try {
    const u = new URL(text);
    if (u.protocol === 'http:' || u.protocol === 'https:') return ok(text);
  } catch {
    // falls through to the one message below
  }
  return bad(`must be an http(s) URL, got "${text}"`);
}

/** A list as users write it: `a, b`, `a b`, or a YAML list. */
export function list(raw: Raw | readonly Raw[]): string[] {
  const words = Array.isArray(raw) ? raw.map(String) : String(raw).split(/[\s,]+/);
  return words.map((s) => s.trim()).filter(Boolean);
}

/** true/false, yes/no, on/off, 1/0. */
export function bool(raw: Raw): Parsed<boolean> {
  const v = String(raw).trim().toLowerCase();
  if (['true', 'yes', '1', 'on'].includes(v)) return ok(true);
  if (['false', 'no', '0', 'off'].includes(v)) return ok(false);
  return bad(`must be true or false, got "${v}"`);
}

/** One of a fixed set of words. */
export function oneOf<T extends string>(raw: Raw, allowed: readonly T[]): Parsed<T> {
  const v = String(raw).trim();
  return (allowed as readonly string[]).includes(v)
    ? ok(v as T)
    : bad(`must be one of: ${allowed.join(', ')}; got "${v}"`);
}

export interface Range {
  min?: number;
  max?: number;
  /** Both ends excluded (a probability); otherwise min is included and max excluded. */
  open?: boolean;
}

function inRange(v: number, raw: Raw, { min = 0, max = Infinity, open = false }: Range): Parsed<number> {
  const low = open ? v > min : v >= min;
  if (low && v < max) return ok(v);
  const lowText = open ? `above ${min}` : `at least ${min}`;
  const text = max === Infinity ? lowText : `${lowText} and below ${max}`;
  return bad(`must be ${text}, got "${String(raw)}"`);
}
