/**
 * The Agent's `/telemetry` page: Prometheus text exposition format 0.0.4. memgate reads `pymem__*`
 * and `rtloader__*`; every other family is parsed (so garbage is caught) and kept in `samples`.
 *
 * A small strict parser rather than the installed `parse-prometheus-text-format`: that package
 * silently drops lines it cannot read (garbage text, `x abc`, `x NaN` all come back as `[]` or an
 * empty family), so bad input would pass as "no pymem data" instead of failing with a line number.
 */
import { ParseError } from '../errors.js';
import { NEGATIVE, stripBom } from '../text.js';
import type { RtloaderCounters } from './expvar.js';

export interface TelemetrySnapshot {
  pymemAlloc?: number;
  pymemInuse?: number;
  rtloader?: Partial<RtloaderCounters>;
  samples: { name: string; labels: Record<string, string>; value: number }[];
}

const RTLOADER_FAMILIES: Record<string, keyof RtloaderCounters> = {
  rtloader__allocated_bytes: 'AllocatedBytes',
  rtloader__freed_bytes: 'FreedBytes',
  rtloader__allocations: 'Allocations',
  rtloader__frees: 'Frees',
  rtloader__inuse_bytes: 'InuseBytes',
  rtloader__untracked_frees: 'UntrackedFrees',
};

const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);
const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*/;
const FLOAT = /^(?:[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|[+-]?[Ii]nf(?:inity)?|NaN|nan)$/;

export function parseTelemetry(text: string, source: string): TelemetrySnapshot {
  if (text.trim() === '') throw new ParseError(source, 'empty: expected Prometheus text telemetry');
  const samples: TelemetrySnapshot['samples'] = [];
  const lines = stripBom(text).split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    const fail = (what: string): never => {
      throw new ParseError(source, `line ${i + 1}: ${what}`);
    };
    if (line.trim() === '') continue;
    if (line.startsWith('#')) {
      const m = /^#[ \t]+(HELP|TYPE)[ \t]+(\S+)(?:[ \t]+(.*))?$/.exec(line);
      if (m && !NAME.test(m[2])) fail(`bad metric name in # ${m[1]}`);
      if (m && m[1] === 'TYPE' && !TYPES.has((m[3] ?? '').trim()))
        fail(`unknown metric type "${(m[3] ?? '').trim()}"`);
      continue; // other comments are allowed by the format
    }
    samples.push(parseSample(line.replace(/^[ \t]+/, ''), fail));
  }
  if (samples.length === 0) throw new ParseError(source, 'no samples: not Prometheus telemetry');

  const out: TelemetrySnapshot = { samples };
  // Families may be split by labels in some Agent versions; the parts add up to the process total.
  const sum = (name: string): number | undefined => {
    const parts = samples.filter((s) => s.name === name);
    if (parts.length === 0) return undefined;
    const v = parts.reduce((a, s) => a + s.value, 0);
    if (!Number.isFinite(v)) throw new ParseError(source, `${name} is ${v}, expected a finite number`);
    // Bytes and counts: a negative total is corrupt, refused as in every other format.
    if (v < 0) throw new ParseError(source, `${name} ${NEGATIVE}, got ${v}`);
    return v;
  };
  const alloc = sum('pymem__alloc');
  const inuse = sum('pymem__inuse');
  if (alloc !== undefined) out.pymemAlloc = alloc;
  if (inuse !== undefined) out.pymemInuse = inuse;
  const rtloader: Partial<RtloaderCounters> = {};
  for (const [family, key] of Object.entries(RTLOADER_FAMILIES)) {
    const v = sum(family);
    if (v !== undefined) rtloader[key] = v;
  }
  if (Object.keys(rtloader).length > 0) out.rtloader = rtloader;
  return out;
}

function parseSample(line: string, fail: (what: string) => never): TelemetrySnapshot['samples'][number] {
  const name = NAME.exec(line)?.[0];
  if (!name) return fail(`not a sample: "${clip(line)}"`);
  let rest = line.slice(name.length);
  const labels: Record<string, string> = {};
  if (rest.startsWith('{')) {
    rest = rest.slice(1);
    for (;;) {
      rest = rest.replace(/^[ \t]+/, '');
      if (rest.startsWith('}')) {
        rest = rest.slice(1);
        break;
      }
      const ln = LABEL_NAME.exec(rest)?.[0];
      if (!ln) return fail('bad label name');
      rest = rest.slice(ln.length).replace(/^[ \t]+/, '');
      if (!rest.startsWith('="') && !rest.startsWith('= "')) return fail(`label ${ln} needs ="value"`);
      rest = rest.slice(rest.indexOf('"') + 1);
      let value = '';
      let closed = false;
      while (rest.length > 0) {
        const c = rest[0];
        if (c === '\\') {
          const e = rest[1];
          if (e === 'n') value += '\n';
          else if (e === '\\' || e === '"') value += e;
          else return fail(`bad escape in label ${ln}`);
          rest = rest.slice(2);
        } else if (c === '"') {
          rest = rest.slice(1);
          closed = true;
          break;
        } else {
          value += c;
          rest = rest.slice(1);
        }
      }
      if (!closed) return fail(`unterminated value of label ${ln}`);
      if (Object.prototype.hasOwnProperty.call(labels, ln)) return fail(`label ${ln} given twice`);
      Object.defineProperty(labels, ln, { value, enumerable: true, writable: true, configurable: true });
      rest = rest.replace(/^[ \t]+/, '');
      if (rest.startsWith(',')) rest = rest.slice(1);
      else if (!rest.startsWith('}')) return fail('expected , or } in labels');
    }
  }
  const fields = rest.trim().split(/[ \t]+/);
  if (!/^[ \t]/.test(rest) || fields.length < 1 || fields.length > 2 || fields[0] === '')
    return fail(`expected "<name> <value> [timestamp]": "${clip(line)}"`);
  if (!FLOAT.test(fields[0])) return fail(`bad value "${clip(fields[0])}"`);
  if (fields.length === 2 && !/^-?\d+$/.test(fields[1])) return fail(`bad timestamp "${clip(fields[1])}"`);
  return { name, labels, value: parseFloatValue(fields[0]) };
}

function parseFloatValue(s: string): number {
  const lower = s.toLowerCase();
  if (lower.endsWith('inf') || lower.endsWith('infinity')) return s.startsWith('-') ? -Infinity : Infinity;
  if (lower === 'nan') return NaN;
  return Number(s);
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}
