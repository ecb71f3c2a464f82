/**
 * A streaming reader for pprof profiles that decodes only the fields memgate uses, straight into
 * the column-wise PprofProfile, with no object per sample or per label.
 *
 * Why: pprof-format builds an object graph (Sample, Label, Line … objects, bigint for large
 * numbers) and decodes about 12 MB/s here, which made `memgate pprof diff` on two 10 MB profiles
 * spend 2/3 of its time and 600 MB of memory in decoding (bench/pprof.md). pprof-format stays the
 * reference: test/collect/pprof-fast.test.ts asserts identical results on every fixture.
 */
import { ParseError } from '../errors.js';
import type { PprofFrame, PprofProfile } from './pprof.js';
import { checkWire, profileBytes } from './pprof-wire.js';

/** A Float64Array or Uint32Array that doubles when full. */
class Column<T extends Float64Array | Uint32Array> {
  length = 0;
  constructor(
    public data: T,
    private readonly make: (n: number) => T,
  ) {}
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = this.make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  done(): T {
    return this.data.subarray(0, this.length) as T;
  }
}

interface RawLocation {
  id: number;
  address: number;
  lines: number[]; // function id, line, function id, line, …
}

/** Same input contract as parsePprof, same result, several times faster on large profiles. */
export function parsePprofFast(bytes: Uint8Array, source: string): PprofProfile {
  const raw = profileBytes(bytes, source);
  // The wire walk guarantees every length and varint below is in bounds.
  checkWire(raw, source);
  const buf = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  let pos = 0;

  const varint = (): number => {
    let b = buf[pos++];
    if (b < 0x80) return b;
    let v = b & 0x7f;
    b = buf[pos++];
    v |= (b & 0x7f) << 7;
    if (b < 0x80) return v;
    b = buf[pos++];
    v |= (b & 0x7f) << 14;
    if (b < 0x80) return v;
    b = buf[pos++];
    v |= (b & 0x7f) << 21;
    if (b < 0x80) return v;
    // Five bytes and more: as pprof-format does, through bigint, re-signed as int64.
    let big = BigInt(v >>> 0);
    let shift = 28n;
    do {
      b = buf[pos++];
      big |= BigInt(b & 0x7f) << shift;
      shift += 7n;
    } while (b >= 0x80);
    return Number(BigInt.asIntN(64, big));
  };
  /** Calls `each` for every value of a repeated varint field, packed (wire 2) or not (wire 0). */
  const repeated = (wire: number, each: (v: number) => void): void => {
    if (wire === 0) {
      each(varint());
      return;
    }
    const end = varint() + pos;
    while (pos < end) each(varint());
  };

  const strings: string[] = [];
  const sampleTypes: [number, number][] = [];
  let periodType: [number, number] | undefined;
  let period = 0;
  let timeNanos = 0;
  let durationNanos = 0;
  let defaultSampleType = 0;
  const functions = new Map<number, [number, number]>(); // id → name, filename
  const rawLocations: RawLocation[] = [];
  const values = new Column(new Float64Array(1024), (n) => new Float64Array(n));
  const valueCounts = new Column(new Uint32Array(256), (n) => new Uint32Array(n));
  const stacks = new Column(new Uint32Array(4096), (n) => new Uint32Array(n));
  const stackStart = new Column(new Uint32Array(256), (n) => new Uint32Array(n));
  const pushValue = (v: number) => values.push(v);
  const pushLocation = (v: number) => stacks.push(v);

  const valueType = (end: number): [number, number] => {
    let type = 0;
    let unit = 0;
    while (pos < end) {
      const tag = varint();
      if (tag >>> 3 === 1) type = varint();
      else if (tag >>> 3 === 2) unit = varint();
      else varint();
    }
    return [type, unit];
  };

  while (pos < buf.length) {
    const tag = varint();
    const field = tag >>> 3;
    const wire = tag & 7;
    if (wire === 0) {
      const v = varint();
      if (field === 9) timeNanos = v;
      else if (field === 10) durationNanos = v;
      else if (field === 12) period = v;
      else if (field === 14) defaultSampleType = v;
      continue;
    }
    const len = varint();
    const end = pos + len;
    switch (field) {
      case 2: {
        // sample: location_id (1), value (2), label (3, skipped)
        stackStart.push(stacks.length);
        const before = values.length;
        while (pos < end) {
          const t = varint();
          const f = t >>> 3;
          if (f === 1) repeated(t & 7, pushLocation);
          else if (f === 2) repeated(t & 7, pushValue);
          else {
            // Not `pos += varint()`: that reads pos before varint() moves it past the length.
            const skip = varint();
            pos += skip;
          }
        }
        valueCounts.push(values.length - before);
        break;
      }
      case 4: {
        const loc: RawLocation = { id: 0, address: 0, lines: [] };
        while (pos < end) {
          const t = varint();
          const f = t >>> 3;
          if (f === 1) loc.id = varint();
          else if (f === 3) loc.address = varint();
          else if (f === 4) {
            const lineEnd = varint() + pos;
            let fn = 0;
            let line = 0;
            while (pos < lineEnd) {
              const lt = varint();
              if (lt >>> 3 === 1) fn = varint();
              else if (lt >>> 3 === 2) line = varint();
              else varint();
            }
            loc.lines.push(fn, line);
          } else varint();
        }
        rawLocations.push(loc);
        break;
      }
      case 5: {
        let id = 0;
        let name = 0;
        let file = 0;
        while (pos < end) {
          const t = varint();
          const f = t >>> 3;
          const v = varint();
          if (f === 1) id = v;
          else if (f === 2) name = v;
          else if (f === 4) file = v;
        }
        functions.set(id, [name, file]);
        break;
      }
      case 6:
        strings.push(buf.toString('utf8', pos, end));
        break;
      case 1:
        sampleTypes.push(valueType(end));
        break;
      case 11:
        periodType = valueType(end);
        break;
      case 13: // comments: packed string indexes, unused
        break;
      default: // mapping (3) and anything else: unused
        break;
    }
    pos = end;
  }

  const bad = (what: string): never => {
    throw new ParseError(source, `not a valid pprof profile: ${what}`);
  };
  // A profile with no string_table field at all decodes, in pprof-format (the reference), to the
  // implicit table [""]; agree with it so both readers accept and reject the same bytes.
  if (strings.length === 0) strings.push('');
  if (strings[0] !== '') bad('the string table must start with ""');
  const str = (n: number): string => {
    if (!(n >= 0 && n < strings.length)) bad(`string index ${n} is out of range`);
    return strings[n];
  };
  const types = sampleTypes.map(([type, unit]) => ({ type: str(type), unit: str(unit) }));
  if (types.length === 0) bad('it has no sample types');
  const defaultName = defaultSampleType ? str(defaultSampleType) : '';
  const fnNames = new Map<number, { name: string; file: string }>();
  for (const [id, [name, file]] of functions) fnNames.set(id, { name: str(name), file: str(file) });

  const locations: PprofFrame[][] = [];
  let maxId = 0;
  for (const loc of rawLocations) maxId = Math.max(maxId, loc.id);
  // Go numbers locations 1..n: a dense table is much faster than a Map for millions of lookups.
  const index = maxId <= 4 * rawLocations.length + 1024 ? new Int32Array(maxId + 1).fill(-1) : undefined;
  const sparse = new Map<number, number>();
  for (const loc of rawLocations) {
    const seen = index ? index[loc.id] >= 0 : sparse.has(loc.id);
    if (loc.id === 0 || seen) bad(`location id ${loc.id} is zero or repeated`);
    const frames: PprofFrame[] = [];
    for (let i = 0; i < loc.lines.length; i += 2) {
      const fn = fnNames.get(loc.lines[i]);
      if (!fn) bad(`location ${loc.id} names function ${loc.lines[i]}, which does not exist`);
      else frames.push({ function: fn.name, file: fn.file, line: loc.lines[i + 1] });
    }
    if (frames.length === 0) frames.push({ function: `0x${loc.address.toString(16)}`, file: '', line: 0 });
    if (index) index[loc.id] = locations.length;
    else sparse.set(loc.id, locations.length);
    locations.push(frames);
  }

  const width = types.length;
  const sampleCount = stackStart.length;
  const counts = valueCounts.done();
  stackStart.push(stacks.length);
  const starts = stackStart.done();
  const stack = stacks.done();
  // Sample by sample, values before locations: the order the reference path reports problems in.
  for (let i = 0; i < sampleCount; i++) {
    if (counts[i] !== width) bad(`sample ${i} has ${counts[i]} values for ${width} sample types`);
    for (let k = starts[i]; k < starts[i + 1]; k++) {
      const id = stack[k];
      const at = index ? (id < index.length ? index[id] : -1) : (sparse.get(id) ?? -1);
      if (at < 0) bad(`sample ${i} names location ${id}, which does not exist`);
      stack[k] = at;
    }
  }

  return {
    source,
    sampleTypes: types,
    defaultSampleType: types.some((t) => t.type === defaultName) ? defaultName : types[types.length - 1].type,
    periodType: periodType ? { type: str(periodType[0]), unit: str(periodType[1]) } : undefined,
    period,
    timeNanos,
    durationNanos,
    locations,
    sampleCount,
    values: values.done(),
    stackStart: starts,
    stacks: stack,
  };
}
