/**
 * The one pprof decoder of every path (the action, `collect`, `pprof top|diff`): a streaming reader
 * of only the fields memgate uses, straight into the column-wise PprofProfile, with no object per
 * sample or per label.
 *
 * Why not pprof-format: it builds an object graph (Sample, Label, Line … objects, bigint for large
 * numbers) and decodes about 12 MB/s here, 5× slower than this reader (bench/pprof.md). pprof-format
 * stays the test oracle: test/collect/pprof-decode.test.ts asserts identical profiles and identical
 * failures on every fixture and on fuzzed bytes.
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

const floats = (n: number) => new Float64Array(n);
const uints = (n: number) => new Uint32Array(n);

/** Protobuf varints over a buffer whose lengths `checkWire` has already proven in bounds. */
class WireReader {
  pos = 0;
  constructor(readonly buf: Buffer) {}

  varint(): number {
    const buf = this.buf;
    let b = buf[this.pos++];
    if (b < 0x80) return b;
    let v = b & 0x7f;
    b = buf[this.pos++];
    v |= (b & 0x7f) << 7;
    if (b < 0x80) return v;
    b = buf[this.pos++];
    v |= (b & 0x7f) << 14;
    if (b < 0x80) return v;
    b = buf[this.pos++];
    v |= (b & 0x7f) << 21;
    if (b < 0x80) return v;
    return this.bigVarint(v);
  }

  /** Five bytes and more: as pprof-format does, through bigint, re-signed as int64. */
  private bigVarint(low: number): number {
    let big = BigInt(low >>> 0);
    let shift = 28n;
    let b: number;
    do {
      b = this.buf[this.pos++];
      big |= BigInt(b & 0x7f) << shift;
      shift += 7n;
    } while (b >= 0x80);
    return Number(BigInt.asIntN(64, big));
  }

  /** Calls `each` for every value of a repeated varint field, packed (wire 2) or not (wire 0). */
  repeated(wire: number, each: (v: number) => void): void {
    if (wire === 0) {
      each(this.varint());
      return;
    }
    const end = this.varint() + this.pos;
    while (this.pos < end) each(this.varint());
  }

  /** Skips one length-delimited field's payload. */
  skipBytes(): void {
    // Not `pos += varint()`: that reads pos before varint() moves it past the length.
    const n = this.varint();
    this.pos += n;
  }
}

interface RawLocation {
  id: number;
  address: number;
  lines: number[]; // function id, line, function id, line, …
}

/** The profile's fields as read off the wire: string indexes, ids, and columns of numbers. */
interface RawProfile {
  strings: string[];
  sampleTypes: [number, number][];
  periodType?: [number, number];
  period: number;
  timeNanos: number;
  durationNanos: number;
  defaultSampleType: number;
  functions: Map<number, [number, number]>; // id → name, filename
  locations: RawLocation[];
  values: Column<Float64Array>;
  valueCounts: Column<Uint32Array>;
  stacks: Column<Uint32Array>;
  stackStart: Column<Uint32Array>;
}

/** Same input contract for every caller: gzip or raw protobuf; ParseError on anything else. */
export function parsePprof(bytes: Uint8Array, source: string, maxInflate?: number): PprofProfile {
  const raw = profileBytes(bytes, source, maxInflate);
  // The wire walk guarantees every length and varint the reader meets is in bounds.
  checkWire(raw, source);
  const fields = readProfile(new WireReader(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength)));
  return resolve(fields, source);
}

function readProfile(r: WireReader): RawProfile {
  const p: RawProfile = {
    strings: [],
    sampleTypes: [],
    period: 0,
    timeNanos: 0,
    durationNanos: 0,
    defaultSampleType: 0,
    functions: new Map(),
    locations: [],
    values: new Column(floats(1024), floats),
    valueCounts: new Column(uints(256), uints),
    stacks: new Column(uints(4096), uints),
    stackStart: new Column(uints(256), uints),
  };
  while (r.pos < r.buf.length) {
    const tag = r.varint();
    if ((tag & 7) === 0) readScalar(p, tag >>> 3, r.varint());
    else {
      const end = r.varint() + r.pos;
      readMessage(p, tag >>> 3, r, end);
      r.pos = end;
    }
  }
  return p;
}

function readScalar(p: RawProfile, field: number, v: number): void {
  if (field === 9) p.timeNanos = v;
  else if (field === 10) p.durationNanos = v;
  else if (field === 12) p.period = v;
  else if (field === 14) p.defaultSampleType = v;
}

/** One length-delimited top-level field; mapping (3), comments (13) and unknown fields are unused. */
function readMessage(p: RawProfile, field: number, r: WireReader, end: number): void {
  if (field === 2) readSample(p, r, end);
  else if (field === 4) p.locations.push(readLocation(r, end));
  else if (field === 5) readFunction(p, r, end);
  else if (field === 6) p.strings.push(r.buf.toString('utf8', r.pos, end));
  else if (field === 1) p.sampleTypes.push(readValueType(r, end));
  else if (field === 11) p.periodType = readValueType(r, end);
}

function readValueType(r: WireReader, end: number): [number, number] {
  let type = 0;
  let unit = 0;
  while (r.pos < end) {
    const tag = r.varint();
    if (tag >>> 3 === 1) type = r.varint();
    else if (tag >>> 3 === 2) unit = r.varint();
    else r.varint();
  }
  return [type, unit];
}

/** sample: location_id (1), value (2); labels (3) are skipped. */
function readSample(p: RawProfile, r: WireReader, end: number): void {
  p.stackStart.push(p.stacks.length);
  const before = p.values.length;
  while (r.pos < end) {
    const t = r.varint();
    const f = t >>> 3;
    if (f === 1) r.repeated(t & 7, (v) => p.stacks.push(v));
    else if (f === 2) r.repeated(t & 7, (v) => p.values.push(v));
    else r.skipBytes();
  }
  p.valueCounts.push(p.values.length - before);
}

function readLocation(r: WireReader, end: number): RawLocation {
  const loc: RawLocation = { id: 0, address: 0, lines: [] };
  while (r.pos < end) {
    const t = r.varint();
    const f = t >>> 3;
    if (f === 1) loc.id = r.varint();
    else if (f === 3) loc.address = r.varint();
    else if (f === 4) readLine(r, loc);
    else r.varint();
  }
  return loc;
}

function readLine(r: WireReader, loc: RawLocation): void {
  const lineEnd = r.varint() + r.pos;
  let fn = 0;
  let line = 0;
  while (r.pos < lineEnd) {
    const lt = r.varint();
    if (lt >>> 3 === 1) fn = r.varint();
    else if (lt >>> 3 === 2) line = r.varint();
    else r.varint();
  }
  loc.lines.push(fn, line);
}

function readFunction(p: RawProfile, r: WireReader, end: number): void {
  let id = 0;
  let name = 0;
  let file = 0;
  while (r.pos < end) {
    const f = r.varint() >>> 3;
    const v = r.varint();
    if (f === 1) id = v;
    else if (f === 2) name = v;
    else if (f === 4) file = v;
  }
  p.functions.set(id, [name, file]);
}

type Bad = (what: string) => never;

/** Names resolved, locations indexed, samples checked: the normalised profile. */
function resolve(p: RawProfile, source: string): PprofProfile {
  const bad: Bad = (what) => {
    throw new ParseError(source, `not a valid pprof profile: ${what}`);
  };
  // A profile with no string_table field at all decodes, in pprof-format (the oracle), to the
  // implicit table [""]; agree with it so both readers accept and reject the same bytes.
  if (p.strings.length === 0) p.strings.push('');
  if (p.strings[0] !== '') bad('the string table must start with ""');
  const str = (n: number): string => {
    if (!(n >= 0 && n < p.strings.length)) bad(`string index ${n} is out of range`);
    return p.strings[n];
  };
  const types = p.sampleTypes.map(([type, unit]) => ({ type: str(type), unit: str(unit) }));
  if (types.length === 0) bad('it has no sample types');
  const defaultName = p.defaultSampleType ? str(p.defaultSampleType) : '';
  const fnNames = new Map<number, { name: string; file: string }>();
  for (const [id, [name, file]] of p.functions) fnNames.set(id, { name: str(name), file: str(file) });
  const { locations, indexOf } = resolveLocations(p.locations, fnNames, bad);
  const samples = resolveSamples(p, types.length, indexOf, bad);
  return {
    source,
    sampleTypes: types,
    defaultSampleType: types.some((t) => t.type === defaultName) ? defaultName : types[types.length - 1].type,
    periodType: p.periodType ? { type: str(p.periodType[0]), unit: str(p.periodType[1]) } : undefined,
    period: p.period,
    timeNanos: p.timeNanos,
    durationNanos: p.durationNanos,
    locations,
    ...samples,
  };
}

/** Frames per location, and the lookup from a location id to its index (-1 when absent). */
function resolveLocations(
  raw: RawLocation[],
  fnNames: Map<number, { name: string; file: string }>,
  bad: Bad,
): { locations: PprofFrame[][]; indexOf: (id: number) => number } {
  let maxId = 0;
  for (const loc of raw) maxId = Math.max(maxId, loc.id);
  // Go numbers locations 1..n: a dense table is much faster than a Map for millions of lookups.
  const dense = maxId <= 4 * raw.length + 1024 ? new Int32Array(maxId + 1).fill(-1) : undefined;
  const sparse = new Map<number, number>();
  const locations: PprofFrame[][] = [];
  for (const loc of raw) {
    const seen = dense ? dense[loc.id] >= 0 : sparse.has(loc.id);
    if (loc.id === 0 || seen) bad(`location id ${loc.id} is zero or repeated`);
    const frames: PprofFrame[] = [];
    for (let i = 0; i < loc.lines.length; i += 2) {
      const fn = fnNames.get(loc.lines[i]);
      if (!fn) bad(`location ${loc.id} names function ${loc.lines[i]}, which does not exist`);
      else frames.push({ function: fn.name, file: fn.file, line: loc.lines[i + 1] });
    }
    // An unsymbolised location: pprof shows its address.
    if (frames.length === 0) frames.push({ function: `0x${loc.address.toString(16)}`, file: '', line: 0 });
    if (dense) dense[loc.id] = locations.length;
    else sparse.set(loc.id, locations.length);
    locations.push(frames);
  }
  const indexOf = dense
    ? (id: number) => (id < dense.length ? dense[id] : -1)
    : (id: number) => sparse.get(id) ?? -1;
  return { locations, indexOf };
}

/** Checks each sample's width and rewrites its location ids as location indexes, in place. */
function resolveSamples(
  p: RawProfile,
  width: number,
  indexOf: (id: number) => number,
  bad: Bad,
): Pick<PprofProfile, 'sampleCount' | 'values' | 'stackStart' | 'stacks'> {
  const sampleCount = p.stackStart.length;
  const counts = p.valueCounts.done();
  p.stackStart.push(p.stacks.length);
  const starts = p.stackStart.done();
  const stack = p.stacks.done();
  // Sample by sample, values before locations: the order the oracle reports problems in.
  for (let i = 0; i < sampleCount; i++) {
    if (counts[i] !== width) bad(`sample ${i} has ${counts[i]} values for ${width} sample types`);
    for (let k = starts[i]; k < starts[i + 1]; k++) {
      const at = indexOf(stack[k]);
      if (at < 0) bad(`sample ${i} names location ${stack[k]}, which does not exist`);
      stack[k] = at;
    }
  }
  return { sampleCount, values: p.values.done(), stackStart: starts, stacks: stack };
}
