/**
 * `datadog-agent check <name> --json` output: a top-level array with one object per check instance
 * (`aggregator`, `inventories`, `runner`). Some Agents print a warning or a `=== JSON ===` line first,
 * and logs may follow, so the JSON value is located by bracket matching rather than assumed to span
 * the whole text. See shared/formats/agent-check-cli.md.
 */
import { ParseError } from '../errors.js';
import { NEGATIVE } from '../text.js';

export const CHECK_RUN_ALLOC = 'datadog.agent.profile.memory.check_run_alloc';

export interface CheckSeries {
  metric: string;
  type: string;
  tags: string[];
  host?: string;
  points: [number, number][];
}

export interface CheckInstanceResult {
  checkName: string;
  checkVersion: string;
  checkId: string;
  totalRuns: number;
  totalErrors: number;
  /** Last line of the traceback (e.g. `Exception: boom`) when the check raised. */
  lastError?: string;
  series: CheckSeries[];
  serviceChecks: { check: string; status: number; message?: string; tags: string[] }[];
  /** check_run_alloc values, one per check run, in order */
  checkRunAlloc: number[];
  /** From the check_run_alloc tags (check_name, check_version, …). */
  tags: Record<string, string>;
}

type Obj = Record<string, unknown>;

export function parseCheckJson(text: string, source: string): CheckInstanceResult[] {
  if (text.trim() === '') throw new ParseError(source, 'empty: expected `datadog-agent check --json` output');
  const raw = locateJson(text, source);
  const instances = Array.isArray(raw) ? raw : [raw];
  if (instances.length === 0) throw new ParseError(source, 'the JSON array is empty: no check instance ran');
  return instances.map((inst, i) => parseInstance(inst, `$[${i}]`, source));
}

/**
 * Find the JSON value: try each line that starts with `[` or `{` (a warning line may itself hold
 * brackets), then the first bracket anywhere. Trailing text after the balanced value is ignored.
 */
function locateJson(text: string, source: string): unknown {
  const starts: number[] = [];
  const lineStart = /^[ \t]*([[{])/gm;
  for (let m = lineStart.exec(text); m; m = lineStart.exec(text)) starts.push(m.index + m[0].length - 1);
  const first = text.search(/[[{]/);
  if (first >= 0 && !starts.includes(first)) starts.push(first);
  if (starts.length === 0)
    throw new ParseError(source, 'no JSON found: expected an array of check instances');
  let firstError = '';
  for (const s of starts.slice(0, 50)) {
    const end = balancedEnd(text, s);
    if (end < 0) {
      firstError ||= 'truncated JSON: the array or object is never closed';
      continue;
    }
    try {
      return JSON.parse(text.slice(s, end + 1)) as unknown;
    } catch (err) {
      firstError ||= `not valid JSON (${(err as Error).message})`;
    }
  }
  throw new ParseError(source, firstError);
}

/** Index of the bracket closing the one at `start`, honouring strings; -1 when never closed. */
function balancedEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function parseInstance(x: unknown, path: string, source: string): CheckInstanceResult {
  const v = new Shape(source);
  const inst = v.object(x, path);
  const runner = v.object(inst.runner, `${path}.runner`);
  const agg =
    inst.aggregator === undefined || inst.aggregator === null
      ? {}
      : v.object(inst.aggregator, `${path}.aggregator`);
  const series = v
    .optArray(agg.metrics, `${path}.aggregator.metrics`)
    .map((s, i) => parseSeries(v, s, `${path}.aggregator.metrics[${i}]`));
  const serviceChecks = v.optArray(agg.service_checks, `${path}.aggregator.service_checks`).map((s, i) => {
    const p = `${path}.aggregator.service_checks[${i}]`;
    const o = v.object(s, p);
    const sc: CheckInstanceResult['serviceChecks'][number] = {
      check: v.string(o.check, `${p}.check`),
      status: v.number(o.status, `${p}.status`),
      tags: v.strings(o.tags, `${p}.tags`),
    };
    if (typeof o.message === 'string' && o.message !== '') sc.message = o.message;
    return sc;
  });

  // The Agent may emit the gauge once per run with one point each; timestamps order the runs and
  // the stable sort keeps emission order inside one second.
  const allocSeries = series.filter((s) => s.metric === CHECK_RUN_ALLOC);
  const points = allocSeries.flatMap((s) => s.points);
  const checkRunAlloc = points
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p[0] - b.p[0] || a.i - b.i)
    .map(({ p }) => p[1]);
  const tags: Record<string, string> = {};
  for (const s of allocSeries) Object.assign(tags, tagMap(s.tags));

  const runnerName = v.optString(runner.CheckName, `${path}.runner.CheckName`);
  const runnerVersion = v.optString(runner.CheckVersion, `${path}.runner.CheckVersion`);
  const checkName = runnerName || tags.check_name || '';
  if (checkName === '') v.fail(`${path}.runner.CheckName`, 'missing: cannot tell which check this is');
  const totalErrors = v.optNumber(runner.TotalErrors, `${path}.runner.TotalErrors`);
  const result: CheckInstanceResult = {
    checkName,
    checkVersion: runnerVersion || tags.check_version || '0.0.0',
    checkId: v.optString(runner.CheckID, `${path}.runner.CheckID`),
    totalRuns: v.optNumber(runner.TotalRuns, `${path}.runner.TotalRuns`),
    totalErrors,
    series,
    serviceChecks,
    checkRunAlloc,
    tags,
  };
  if (totalErrors > 0) {
    const lastError = v.optString(runner.LastError, `${path}.runner.LastError`);
    result.lastError = lastTracebackLine(lastError) || 'the check raised (no traceback recorded)';
  }
  return result;
}

function parseSeries(v: Shape, x: unknown, p: string): CheckSeries {
  const o = v.object(x, p);
  const points = v.array(o.points, `${p}.points`).map((pt, i) => {
    const pair = v.array(pt, `${p}.points[${i}]`);
    if (pair.length < 2) v.fail(`${p}.points[${i}]`, 'must be [timestamp, value]');
    return [v.number(pair[0], `${p}.points[${i}][0]`), v.number(pair[1], `${p}.points[${i}][1]`)] as [
      number,
      number,
    ];
  });
  const metric = v.string(o.metric, `${p}.metric`);
  // check_run_alloc is bytes: negative is corrupt, refused as in every other format.
  if (metric === CHECK_RUN_ALLOC)
    points.forEach(([, value], i) => value < 0 && v.fail(`${p}.points[${i}][1]`, NEGATIVE));
  const s: CheckSeries = {
    metric,
    type: v.optString(o.type, `${p}.type`) || 'gauge',
    tags: v.strings(o.tags, `${p}.tags`),
    points,
  };
  if (typeof o.host === 'string') s.host = o.host;
  return s;
}

/** `check_name:foo` → { check_name: 'foo' }; a tag without a colon maps to ''. */
export function tagMap(tags: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of tags) {
    const i = t.indexOf(':');
    const [k, v] = i < 0 ? [t, ''] : [t.slice(0, i), t.slice(i + 1)];
    // defineProperty: a tag named `__proto__` is data, not a prototype change
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * `runner.LastError` of a Python check is `json.dumps([{message, traceback}])`; the line a user
 * needs is the traceback's last one (`ValueError: boom`). Plain text is tolerated too.
 */
export function lastTracebackLine(lastError: string): string {
  let text = lastError;
  try {
    const parsed: unknown = JSON.parse(lastError);
    const list = Array.isArray(parsed) ? parsed : [parsed];
    const last = list[list.length - 1] as unknown;
    if (typeof last === 'string') text = last;
    else if (typeof last === 'object' && last !== null) {
      const o = last as Obj;
      if (typeof o.traceback === 'string' && o.traceback.trim() !== '') text = o.traceback;
      else if (typeof o.message === 'string') text = o.message;
    }
  } catch {
    // not JSON: use the text as is
  }
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  return lines.filter((l) => l !== '').pop() ?? '';
}

/** Shape checks that fail with the JSON path and what was expected. */
class Shape {
  constructor(private readonly source: string) {}

  fail(path: string, message: string): never {
    throw new ParseError(this.source, `${path} ${message}`);
  }

  object(x: unknown, path: string): Obj {
    if (typeof x !== 'object' || x === null || Array.isArray(x)) this.fail(path, 'must be an object');
    return x as Obj;
  }

  array(x: unknown, path: string): unknown[] {
    if (!Array.isArray(x)) this.fail(path, 'must be an array');
    return x;
  }

  optArray(x: unknown, path: string): unknown[] {
    return x === undefined || x === null ? [] : this.array(x, path);
  }

  string(x: unknown, path: string): string {
    if (typeof x !== 'string') this.fail(path, 'must be a string');
    return x;
  }

  optString(x: unknown, path: string): string {
    return x === undefined || x === null ? '' : this.string(x, path);
  }

  strings(x: unknown, path: string): string[] {
    return this.optArray(x, path).map((t, i) => this.string(t, `${path}[${i}]`));
  }

  number(x: unknown, path: string): number {
    if (typeof x !== 'number' || !Number.isFinite(x)) this.fail(path, 'must be a finite number');
    return x;
  }

  optNumber(x: unknown, path: string): number {
    return x === undefined || x === null ? 0 : this.number(x, path);
  }
}
