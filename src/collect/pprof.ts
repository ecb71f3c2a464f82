/**
 * Go pprof profiles (heap, goroutine): the normalised profile type and the aggregations memgate
 * needs — totals, top-N by function and by file:line, head − base diffs and goroutine counts —
 * computed the way `go tool pprof -top` computes them, so the figures can be checked against it.
 * Decoding is `pprof-decode.ts`.
 */
import { ParseError } from '../errors.js';
import { goSourcePath } from './go-paths.js';

export { parsePprof } from './pprof-decode.js';

export type SampleIndex = 'alloc_objects' | 'alloc_space' | 'inuse_objects' | 'inuse_space';

/** One frame of a call stack; inlined calls are frames of their own. */
export interface PprofFrame {
  function: string;
  file: string;
  line: number;
}

/**
 * A decoded profile, normalised: numbers (not bigint), names resolved, samples stored column-wise
 * because real heap profiles reach millions of samples.
 */
export interface PprofProfile {
  source: string;
  sampleTypes: { type: string; unit: string }[];
  /** The sample type `go tool pprof` shows by default: default_sample_type, else the last one. */
  defaultSampleType: string;
  periodType?: { type: string; unit: string };
  period: number;
  timeNanos: number;
  durationNanos: number;
  /** Frames of each location, innermost (inlined) function first. */
  locations: PprofFrame[][];
  sampleCount: number;
  /** Sample i's values are values[i * sampleTypes.length + t]. */
  values: Float64Array;
  /** Sample i's stack is stacks[stackStart[i] .. stackStart[i + 1]), location indexes, leaf first. */
  stackStart: Uint32Array;
  stacks: Uint32Array;
}

export interface PprofRow {
  function: string;
  file: string;
  line: number;
  flat: number;
  cum: number;
}

/** Sum of every sample, by sample type name, e.g. { inuse_space: 123, … } or { goroutine: 12 }. */
export function profileTotals(p: PprofProfile): Record<string, number> {
  const width = p.sampleTypes.length;
  const totals: Record<string, number> = {};
  p.sampleTypes.forEach((t, i) => {
    let sum = 0;
    for (let s = 0; s < p.sampleCount; s++) sum += p.values[s * width + i];
    totals[t.type] = sum;
  });
  return totals;
}

/**
 * The index of a sample type, by name or position (as `-sample_index` takes either); the profile's
 * default when omitted.
 */
export function sampleTypeIndex(p: PprofProfile, sampleIndex?: string): number {
  const wanted = sampleIndex ?? p.defaultSampleType;
  const byName = p.sampleTypes.findIndex((t) => t.type === wanted);
  if (byName >= 0) return byName;
  if (/^\d+$/.test(wanted) && Number(wanted) < p.sampleTypes.length) return Number(wanted);
  throw new ParseError(
    p.source,
    `no sample index "${wanted}"; this profile has ${p.sampleTypes.map((t) => t.type).join(', ')}`,
  );
}

/**
 * Flat and cum per function and per frame over one or more signed profiles. Frames are interned
 * across profiles so that a diff is one pass with the base negated, as `-diff_base` does.
 */
class Aggregator {
  private readonly frameIds = new Map<string, number>();
  readonly frames: PprofFrame[] = [];
  readonly frameFunc: number[] = [];
  private readonly funcIds = new Map<string, number>();
  readonly funcNames: string[] = [];
  readonly frameFlat: number[] = [];
  readonly frameCum: number[] = [];
  readonly funcFlat: number[] = [];
  readonly funcCum: number[] = [];
  private readonly frameSeen: number[] = [];
  private readonly funcSeen: number[] = [];
  private serial = 0;

  private frameId(raw: PprofFrame): number {
    // Keyed by the build-independent path, so two builds of one program share their sites.
    const f = { ...raw, file: goSourcePath(raw.function, raw.file) };
    const key = `${f.function}\0${f.file}\0${f.line}`;
    let id = this.frameIds.get(key);
    if (id === undefined) {
      id = this.frames.length;
      this.frameIds.set(key, id);
      this.frames.push(f);
      this.frameFlat.push(0);
      this.frameCum.push(0);
      this.frameSeen.push(0);
      // `go tool pprof`'s default granularity merges functions by name alone.
      let fn = this.funcIds.get(f.function);
      if (fn === undefined) {
        fn = this.funcNames.length;
        this.funcIds.set(f.function, fn);
        this.funcNames.push(f.function);
        this.funcFlat.push(0);
        this.funcCum.push(0);
        this.funcSeen.push(0);
      }
      this.frameFunc.push(fn);
    }
    return id;
  }

  add(p: PprofProfile, valueIndex: number, sign: 1 | -1): void {
    const locFrames = p.locations.map((frames) => Int32Array.from(frames, (f) => this.frameId(f)));
    const { values, stackStart, stacks } = p;
    const { frameFunc, frameFlat, frameCum, funcFlat, funcCum, frameSeen, funcSeen } = this;
    const width = p.sampleTypes.length;
    for (let s = 0; s < p.sampleCount; s++) {
      const v = sign * values[s * width + valueIndex];
      if (v === 0) continue;
      const serial = ++this.serial;
      let leaf = true;
      for (let k = stackStart[s]; k < stackStart[s + 1]; k++) {
        const frames = locFrames[stacks[k]];
        for (let j = 0; j < frames.length; j++) {
          const f = frames[j];
          const fn = frameFunc[f];
          if (leaf) {
            frameFlat[f] += v;
            funcFlat[fn] += v;
            leaf = false;
          }
          // Recursion puts a frame or function on a stack more than once; cum counts it once.
          if (frameSeen[f] !== serial) {
            frameSeen[f] = serial;
            frameCum[f] += v;
          }
          if (funcSeen[fn] !== serial) {
            funcSeen[fn] = serial;
            funcCum[fn] += v;
          }
        }
      }
    }
  }

  lineRows(): PprofRow[] {
    const rows: PprofRow[] = [];
    this.frames.forEach((f, i) => {
      if (this.frameFlat[i] !== 0 || this.frameCum[i] !== 0)
        rows.push({ ...f, flat: this.frameFlat[i], cum: this.frameCum[i] });
    });
    return rows;
  }

  /** One row per function; its file:line is the frame where most of its memory was attributed. */
  functionRows(): PprofRow[] {
    const best: number[] = new Array<number>(this.funcNames.length).fill(-1);
    const weight = (f: number) => [Math.abs(this.frameFlat[f]), Math.abs(this.frameCum[f])];
    this.frames.forEach((_, f) => {
      const fn = this.frameFunc[f];
      const b = best[fn];
      if (b < 0) {
        best[fn] = f;
        return;
      }
      const [wf, wc] = weight(f);
      const [bf, bc] = weight(b);
      if (wf > bf || (wf === bf && (wc > bc || (wc === bc && this.frames[f].line < this.frames[b].line))))
        best[fn] = f;
    });
    const rows: PprofRow[] = [];
    this.funcNames.forEach((name, fn) => {
      if (this.funcFlat[fn] === 0 && this.funcCum[fn] === 0) return;
      const frame = this.frames[best[fn]];
      rows.push({
        function: name,
        file: frame.file,
        line: frame.line,
        flat: this.funcFlat[fn],
        cum: this.funcCum[fn],
      });
    });
    return rows;
  }
}

/**
 * |flat| descending, then name, then |cum|, as `go tool pprof -top` orders rows: in a diff a shrink
 * that offsets a growth sorts beside it, not after every grower.
 */
function byFlat(a: PprofRow, b: PprofRow): number {
  return (
    Math.abs(b.flat) - Math.abs(a.flat) ||
    (a.function < b.function ? -1 : a.function > b.function ? 1 : 0) ||
    Math.abs(b.cum) - Math.abs(a.cum) ||
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line
  );
}

function finish(rows: PprofRow[], top: number | undefined): PprofRow[] {
  rows.sort(byFlat);
  return top !== undefined && top >= 0 ? rows.slice(0, top) : rows;
}

/** Top functions by flat, like `go tool pprof -top` (inlined functions are functions of their own). */
export function topFunctions(
  p: PprofProfile,
  opts: { sampleIndex?: SampleIndex | string; top?: number },
): PprofRow[] {
  const agg = new Aggregator();
  agg.add(p, sampleTypeIndex(p, opts.sampleIndex), 1);
  return finish(agg.functionRows(), opts.top);
}

/** Top function + file:line frames by flat, like `go tool pprof -top -lines`. */
export function topLines(
  p: PprofProfile,
  opts: { sampleIndex?: SampleIndex | string; top?: number },
): PprofRow[] {
  const agg = new Aggregator();
  agg.add(p, sampleTypeIndex(p, opts.sampleIndex), 1);
  return finish(agg.lineRows(), opts.top);
}

/** The sample type a diff compares: named, else head's default; base must have it too. */
export function diffSampleType(base: PprofProfile, head: PprofProfile, sampleIndex?: string): string {
  return head.sampleTypes[sampleTypeIndex(head, sampleIndex)].type;
}

/** head − base, like `go tool pprof -top -diff_base=base head`, sorted by |flat| descending as it does. */
export function diffProfiles(
  base: PprofProfile,
  head: PprofProfile,
  opts: { sampleIndex?: string; top?: number; granularity?: 'functions' | 'lines' },
): PprofRow[] {
  const type = diffSampleType(base, head, opts.sampleIndex);
  const agg = new Aggregator();
  agg.add(base, sampleTypeIndex(base, type), -1);
  agg.add(head, sampleTypeIndex(head, type), 1);
  return finish(opts.granularity === 'lines' ? agg.lineRows() : agg.functionRows(), opts.top);
}

/** Frames that say where a goroutine waits, not what it is: the runtime, sync and syscalls. */
const PLUMBING = /^(?:runtime|internal|sync|syscall)[./]/;

/**
 * Goroutines grouped by their top function: the innermost frame outside the runtime, sync and
 * syscall plumbing (every parked goroutine's leaf is runtime.gopark, which says nothing), or the leaf
 * when the whole stack is plumbing.
 */
export function goroutinesByFunction(p: PprofProfile): { function: string; count: number }[] {
  const index = p.sampleTypes.findIndex((t) => t.type === 'goroutine');
  const valueIndex = index >= 0 ? index : 0;
  const width = p.sampleTypes.length;
  const counts = new Map<string, number>();
  for (let s = 0; s < p.sampleCount; s++) {
    let name: string | undefined;
    let leaf: string | undefined;
    for (let k = p.stackStart[s]; k < p.stackStart[s + 1] && name === undefined; k++) {
      for (const f of p.locations[p.stacks[k]]) {
        leaf ??= f.function;
        if (!PLUMBING.test(f.function)) {
          name = f.function;
          break;
        }
      }
    }
    const key = name ?? leaf ?? '(no stack)';
    counts.set(key, (counts.get(key) ?? 0) + p.values[s * width + valueIndex]);
  }
  return [...counts]
    .map(([fn, count]) => ({ function: fn, count }))
    .sort((a, b) => b.count - a.count || (a.function < b.function ? -1 : a.function > b.function ? 1 : 0));
}
