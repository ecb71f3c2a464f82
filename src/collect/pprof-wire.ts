/**
 * Input checks of the pprof decoder (and of its pprof-format test oracle): gunzip, the
 * text forms a user may fetch by mistake, and a structural walk of the protobuf wire format.
 *
 * pprof-format is lenient: it reads a length prefix past the end of the buffer as "the rest", and
 * reads a multi-byte tag as a one-byte one. Walking the wire format first, against the schema of
 * profile.proto, turns truncated or foreign bytes into a ParseError instead of half-decoded data.
 */
import { gunzipSync } from 'node:zlib';

import { ParseError } from '../errors.js';
import { DEFAULT_MAX_INFLATE_BYTES, mib } from '../limits.js';

/**
 * Ungzipped profile bytes; gzip (1f 8b) is undone, anything else is taken as raw protobuf. Inflation
 * stops at `maxInflate` bytes: a few MB of gzip can expand to gigabytes (a zip bomb from a hostile
 * endpoint), which would exhaust memory before any check could run.
 */
export function profileBytes(
  bytes: Uint8Array,
  source: string,
  maxInflate = DEFAULT_MAX_INFLATE_BYTES,
): Uint8Array {
  if (bytes.length === 0) throw new ParseError(source, 'empty file, expected a pprof profile');
  let raw = bytes;
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      raw = gunzipSync(bytes, { maxOutputLength: maxInflate });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ERR_BUFFER_TOO_LARGE')
        throw new ParseError(
          source,
          `inflates to more than ${mib(maxInflate)}; not inflated further (raise the limit with --max-inflate if the profile is real)`,
        );
      throw new ParseError(
        source,
        code === 'Z_BUF_ERROR'
          ? 'truncated gzip: the file ends before the compressed profile does'
          : `corrupt gzip: ${(err as Error).message}`,
      );
    }
    if (raw.length === 0) throw new ParseError(source, 'gzip holds no data, expected a pprof profile');
  }
  rejectText(raw, source);
  return raw;
}

function rejectText(raw: Uint8Array, source: string): void {
  const head = Buffer.from(raw.subarray(0, 80)).toString('latin1');
  const kind = /^(\w+) profile: /.exec(head)?.[1];
  if (kind)
    throw new ParseError(
      source,
      `this is the text ${kind} profile (?debug=1); fetch /debug/pprof/${kind} without debug=1`,
    );
  if (/^goroutine \d+ \[/.test(head))
    throw new ParseError(
      source,
      'this is the text goroutine dump (?debug=2); fetch /debug/pprof/goroutine without debug',
    );
  // A protobuf Profile starts with a small tag byte; printable text there is an HTML page, JSON, …
  if (/^[\t\n\r\x20-\x7e]{8}/.test(head)) {
    const start = head.slice(0, 24).replace(/\s+/g, ' ');
    throw new ParseError(source, `not a pprof profile: this is text (starts with "${start}")`);
  }
}

/** Field number → wire types it may use (0 varint, 2 length-delimited) and its sub-message schema. */
interface Schema {
  [field: number]: { wire: 0 | 2 | 'packed'; message?: Schema; name?: string };
}

const VALUE_TYPE: Schema = { 1: { wire: 0 }, 2: { wire: 0 } };
const LABEL: Schema = { 1: { wire: 0 }, 2: { wire: 0 }, 3: { wire: 0 }, 4: { wire: 0 } };
const SAMPLE: Schema = {
  1: { wire: 'packed' },
  2: { wire: 'packed' },
  3: { wire: 2, message: LABEL, name: 'label' },
};
const MAPPING: Schema = Object.fromEntries(
  [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((f) => [f, { wire: 0 as const }]),
);
const LINE: Schema = { 1: { wire: 0 }, 2: { wire: 0 }, 3: { wire: 0 } };
const LOCATION: Schema = {
  1: { wire: 0 },
  2: { wire: 0 },
  3: { wire: 0 },
  4: { wire: 2, message: LINE, name: 'line' },
  5: { wire: 0 },
};
const FUNCTION: Schema = { 1: { wire: 0 }, 2: { wire: 0 }, 3: { wire: 0 }, 4: { wire: 0 }, 5: { wire: 0 } };
const PROFILE: Schema = {
  1: { wire: 2, message: VALUE_TYPE, name: 'sample_type' },
  2: { wire: 2, message: SAMPLE, name: 'sample' },
  3: { wire: 2, message: MAPPING, name: 'mapping' },
  4: { wire: 2, message: LOCATION, name: 'location' },
  5: { wire: 2, message: FUNCTION, name: 'function' },
  6: { wire: 2 },
  7: { wire: 0 },
  8: { wire: 0 },
  9: { wire: 0 },
  10: { wire: 0 },
  11: { wire: 2, message: VALUE_TYPE, name: 'period_type' },
  12: { wire: 0 },
  13: { wire: 'packed' },
  14: { wire: 0 },
  15: { wire: 0 },
};

class WireError extends Error {}

/** End offset of the varint at `pos`, or a WireError when it runs past `end` or past 10 bytes. */
function skipVarint(buf: Uint8Array, pos: number, end: number): number {
  const limit = Math.min(end, pos + 10);
  while (pos < limit) if (buf[pos++] < 0x80) return pos;
  throw new WireError(pos >= end ? 'ends in the middle of a number' : 'has a number longer than 10 bytes');
}

function readLength(buf: Uint8Array, pos: number, end: number): [number, number] {
  let value = 0;
  let mul = 1;
  const next = skipVarint(buf, pos, end);
  for (let i = pos; i < next; i++) {
    value += (buf[i] & 0x7f) * mul;
    mul *= 128;
  }
  return [value, next];
}

function walk(buf: Uint8Array, pos: number, end: number, schema: Schema, what: string): void {
  while (pos < end) {
    const at = pos;
    const [tag, afterTag] = readLength(buf, pos, end);
    // A tag written with padding bytes (e.g. f8 00 for field 15) is legal protobuf that no pprof
    // writer produces, and pprof-format misreads it as another field; reject it rather than decode
    // something different from what the reference decoder sees.
    if (afterTag - at > 1 && buf[afterTag - 1] === 0)
      throw new WireError(`has an over-long field tag at byte ${at}`);
    pos = afterTag;
    const field = Math.floor(tag / 8);
    const wire = tag & 7;
    const spec = schema[field];
    if (!spec) throw new WireError(`has an unknown field ${field} in a ${what} at byte ${at}`);
    if (wire === 0 && (spec.wire === 0 || spec.wire === 'packed')) {
      pos = skipVarint(buf, pos, end);
    } else if (wire === 2 && spec.wire !== 0) {
      const [len, body] = readLength(buf, pos, end);
      if (body + len > end)
        throw new WireError(`ends in the middle of a ${what} field ${field} (byte ${at})`);
      if (spec.message) walk(buf, body, body + len, spec.message, spec.name ?? `${what}.${field}`);
      else if (spec.wire === 'packed') for (let p = body; p < body + len;) p = skipVarint(buf, p, body + len);
      pos = body + len;
    } else {
      throw new WireError(`has wire type ${wire} for ${what} field ${field} at byte ${at}`);
    }
  }
}

/** Throws a ParseError unless `raw` is a well-formed perftools.profiles.Profile message. */
export function checkWire(raw: Uint8Array, source: string): void {
  try {
    walk(raw, 0, raw.length, PROFILE, 'profile');
  } catch (err) {
    if (err instanceof WireError)
      throw new ParseError(source, `not a pprof profile: the protobuf ${err.message}`);
    throw err;
  }
}
