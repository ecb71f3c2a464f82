/**
 * The test oracle for memgate's pprof decoder: pprof-format (the reference protobuf decoding of
 * profile.proto), normalised into the same PprofProfile. Tests assert that `parsePprof` gives the
 * same profile and the same ParseError on every fixture and on fuzzed bytes.
 */
import { Profile } from 'pprof-format';

import { ParseError } from '../../src/errors.js';
import type { PprofFrame, PprofProfile } from '../../src/collect/pprof.js';
import { checkWire, profileBytes } from '../../src/collect/pprof-wire.js';

type Numeric = number | bigint;

/** pprof-format returns bigint from 2^28 up; int64 fields arrive as unsigned, so re-sign them. */
function num(v: Numeric): number {
  return typeof v === 'bigint' ? Number(BigInt.asIntN(64, v)) : v;
}

/** gunzips when bytes start 1f 8b; throws ParseError on empty/truncated gzip/not a profile/text (?debug=1) form */
export function parsePprofOracle(bytes: Uint8Array, source: string): PprofProfile {
  const raw = profileBytes(bytes, source);
  checkWire(raw, source);
  let prof: Profile;
  try {
    prof = Profile.decode(raw);
  } catch (err) {
    throw new ParseError(source, `not a pprof profile: ${(err as Error).message}`);
  }
  return normalise(prof, source);
}

function normalise(prof: Profile, source: string): PprofProfile {
  const strings = prof.stringTable.strings;
  const bad = (what: string): never => {
    throw new ParseError(source, `not a valid pprof profile: ${what}`);
  };
  if (strings.length === 0 || strings[0] !== '') bad('the string table must start with ""');
  const str = (i: Numeric): string => {
    const n = num(i);
    if (!(n >= 0 && n < strings.length)) bad(`string index ${n} is out of range`);
    return strings[n];
  };
  const valueType = (v: { type: Numeric; unit: Numeric }) => ({ type: str(v.type), unit: str(v.unit) });

  const sampleTypes = prof.sampleType.map(valueType);
  if (sampleTypes.length === 0) bad('it has no sample types');
  const defaultName = num(prof.defaultSampleType) ? str(prof.defaultSampleType) : '';
  const defaultSampleType = sampleTypes.some((t) => t.type === defaultName)
    ? defaultName
    : sampleTypes[sampleTypes.length - 1].type;

  const functions = new Map<number, { name: string; file: string }>();
  for (const f of prof.function) functions.set(num(f.id), { name: str(f.name), file: str(f.filename) });

  const locationIndex = new Map<number, number>();
  const locations: PprofFrame[][] = [];
  for (const loc of prof.location) {
    const id = num(loc.id);
    if (id === 0 || locationIndex.has(id)) bad(`location id ${id} is zero or repeated`);
    const frames: PprofFrame[] = loc.line.map((l) => {
      const fn = functions.get(num(l.functionId));
      if (!fn) return bad(`location ${id} names function ${num(l.functionId)}, which does not exist`);
      return { function: fn.name, file: fn.file, line: num(l.line) };
    });
    // An unsymbolised location: pprof shows its address.
    if (frames.length === 0)
      frames.push({ function: `0x${num(loc.address).toString(16)}`, file: '', line: 0 });
    locationIndex.set(id, locations.length);
    locations.push(frames);
  }

  const width = sampleTypes.length;
  const sampleCount = prof.sample.length;
  const values = new Float64Array(sampleCount * width);
  const stackStart = new Uint32Array(sampleCount + 1);
  let stackLength = 0;
  for (const s of prof.sample) stackLength += s.locationId.length;
  const stacks = new Uint32Array(stackLength);
  let k = 0;
  prof.sample.forEach((s, i) => {
    if (s.value.length !== width) bad(`sample ${i} has ${s.value.length} values for ${width} sample types`);
    for (let t = 0; t < width; t++) values[i * width + t] = num(s.value[t]);
    stackStart[i] = k;
    for (const id of s.locationId) {
      const index = locationIndex.get(num(id));
      if (index === undefined) bad(`sample ${i} names location ${num(id)}, which does not exist`);
      stacks[k++] = index as number;
    }
  });
  stackStart[sampleCount] = k;

  return {
    source,
    sampleTypes,
    defaultSampleType,
    periodType: prof.periodType ? valueType(prof.periodType) : undefined,
    period: num(prof.period),
    timeNanos: num(prof.timeNanos),
    durationNanos: num(prof.durationNanos),
    locations,
    sampleCount,
    values,
    stackStart,
    stacks,
  };
}
