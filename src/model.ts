/**
 * MemoryReport: the one document that joins every memory signal of one or more check runs.
 * It is plain JSON (schemaVersion 1), written to disk, uploaded as an artifact, merged across
 * matrix shards and read back by the CLI. Everything downstream (analysis, baselines, reports)
 * reads this shape and nothing else.
 */
import { ParseError } from './errors.js';
import { checkKeyProblems } from './check-name.js';
import { NEGATIVE, stripBom } from './text.js';

export const SCHEMA_VERSION = 1;

export type Runtime = 'python' | 'go' | 'c';
export const RUNTIMES: readonly Runtime[] = ['python', 'c', 'go'];

/** Identity of a check. `version` is `check_version` ("0.0.0" when the check has none). */
export interface CheckKey {
  name: string;
  version: string;
  /** Instance label when a check has several instances; absent for the only one. */
  instance?: string;
}

/** One process run of a check: the per-iteration series and the number the run is compared by. */
export interface RunSample {
  /** The run's aggregate (see `MetricInfo.aggregate`); the regression test compares these. */
  value: number;
  /** One point per check iteration (or per poll, for sampled endpoints), in order. */
  series: number[];
}

export interface MetricSamples {
  runs: RunSample[];
}

/**
 * An allocation site and what it held at the end of each run. `key` is its identity across runs
 * and reports: `file:line` for tracemalloc, `function file:line` for pprof.
 */
export interface AllocationSite {
  runtime: Runtime;
  key: string;
  file: string;
  line?: number;
  function?: string;
  /** The source line, as tracemalloc prints it. PR-controlled text: escape before rendering. */
  source?: string;
  /** Bytes held at the site, one entry per run (0 when the site did not show in that run). */
  bytes: number[];
  /** Objects held at the site, one entry per run, when the format counts them. */
  count?: number[];
}

/** A profiling option as captured: its value, or `unknown` when nothing recorded it. */
export type Known<T> = T | 'unknown';

/**
 * The tracemalloc options a check's runs were captured with (the Agent's `--m-*` flags, or the
 * `init_config` keys of the seed). They decide what `check_run_alloc` means: with gc off, cyclic
 * garbage looks retained; `combine` totals double-count; `frames` and `sort` change the site keys.
 * Runs captured with different options are not compared.
 */
export interface ProfilingOptions {
  frames: Known<number>;
  gc: Known<boolean>;
  combine: Known<boolean>;
  sort: Known<'lineno' | 'filename' | 'traceback'>;
  limit: Known<number>;
  diff: Known<'absolute' | 'positive'>;
  filters: Known<string>;
  unit: Known<string>;
  verbose: Known<boolean>;
}

export const UNKNOWN_PROFILING: ProfilingOptions = {
  frames: 'unknown',
  gc: 'unknown',
  combine: 'unknown',
  sort: 'unknown',
  limit: 'unknown',
  diff: 'unknown',
  filters: 'unknown',
  unit: 'unknown',
  verbose: 'unknown',
};

/**
 * A site that grew inside the runs themselves, found with nothing to compare against: a leak names its
 * `file:line` even on a check's first report, or when the baseline leaked too. `bytes[i]` is run i's
 * figure (0 when the site did not grow in that run):
 * - `rising`: what the site gained from the first to the last snapshot or heap profile after warm-up
 *   (tracemalloc snapshots, the Agent's diff files, or the first and last Go heap profile);
 * - `retained`: what each check run kept at the site (median over the runs after warm-up), only
 *   when the runs were captured with gc on, where nothing is kept by a steady check.
 */
export interface GrowthSite extends AllocationSite {
  how: 'rising' | 'retained';
}

export interface CheckReport {
  check: CheckKey;
  /**
   * The profiling options of this check's runs. Absent (older reports, or no Python profiling) means
   * every option is unknown. Merging runs captured with different values makes that option unknown.
   */
  profiling?: ProfilingOptions;
  /** Keyed by metric id (see `metrics.ts`). */
  metrics: Record<string, MetricSamples>;
  sites: AllocationSite[];
  /** Sites that grew within the runs (see GrowthSite); absent when none did or nothing could tell. */
  growth?: GrowthSite[];
  /** Things the user should know about how this check was measured (e.g. "rtloader tracking is off"). */
  notes: string[];
}

export interface Environment {
  commit?: string;
  ref?: string;
  runner?: string;
  agentVersion?: string;
  /** The pull request the report was measured for; travels with the report to the fork-PR comment workflow. */
  pullRequest?: number;
  /** The options the runs used (check-times, m-gc, …), for reproduction. */
  options: Record<string, string | number | boolean>;
}

export interface MemoryReport {
  schemaVersion: typeof SCHEMA_VERSION;
  tool: { name: 'memgate'; version: string };
  createdAt: string;
  environment: Environment;
  checks: CheckReport[];
}

export function checkId(key: CheckKey): string {
  return key.instance ? `${key.name}@${key.version}#${key.instance}` : `${key.name}@${key.version}`;
}

export function sameCheck(a: CheckKey, b: CheckKey): boolean {
  return a.name === b.name && a.version === b.version && (a.instance ?? '') === (b.instance ?? '');
}

export function emptyReport(toolVersion: string, environment: Environment = { options: {} }): MemoryReport {
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'memgate', version: toolVersion },
    createdAt: new Date().toISOString(),
    environment,
    checks: [],
  };
}

/** Number of runs a check carries: the most runs any of its metrics has. */
export function runCount(check: CheckReport): number {
  return Object.values(check.metrics).reduce((n, m) => Math.max(n, m.runs.length), 0);
}

/**
 * Join the runs of two reports of the same check. Runs are appended; a site missing on one side
 * gets zeros for that side's runs, so `bytes[i]` stays aligned with run i.
 */
export function mergeCheck(a: CheckReport, b: CheckReport): CheckReport {
  const metrics: Record<string, MetricSamples> = {};
  for (const id of new Set([...Object.keys(a.metrics), ...Object.keys(b.metrics)])) {
    metrics[id] = { runs: [...(a.metrics[id]?.runs ?? []), ...(b.metrics[id]?.runs ?? [])] };
  }
  const aRuns = siteRuns(a);
  const bRuns = siteRuns(b);
  const merged: CheckReport = {
    check: a.check,
    metrics,
    sites: mergeSites(a.sites, aRuns, b.sites, bRuns),
    notes: [...new Set([...a.notes, ...b.notes])],
  };
  if (a.profiling || b.profiling) merged.profiling = mergeProfiling(a.profiling, b.profiling);
  if (a.growth || b.growth) {
    const growth = mergeSites(a.growth ?? [], aRuns, b.growth ?? [], bRuns);
    if (growth.length > 0) merged.growth = growth;
  }
  return merged;
}

/**
 * Sites of two sides joined by runtime and key: `bytes` (and `count`) of side a's `aRuns` runs, then
 * side b's `bRuns`, with zeros where a side lacks the site, so index i stays run i.
 */
function mergeSites<S extends AllocationSite>(
  a: readonly S[],
  aRuns: number,
  b: readonly S[],
  bRuns: number,
): S[] {
  const sites = new Map<string, S>();
  for (const s of a) sites.set(siteId(s), withRuns(s, pad(s.bytes, aRuns), s.count && pad(s.count, aRuns)));
  for (const s of b) {
    const base = sites.get(siteId(s)) ?? withRuns(s, zeros(aRuns), s.count && zeros(aRuns));
    const count =
      base.count || s.count ? [...(base.count ?? zeros(aRuns)), ...pad(s.count ?? [], bRuns)] : undefined;
    const joined = withRuns(base, [...base.bytes, ...pad(s.bytes, bRuns)], count);
    if (joined.source === undefined && s.source !== undefined) joined.source = s.source;
    sites.set(siteId(s), joined);
  }
  const inB = new Set(b.map(siteId));
  for (const [id, s] of sites) {
    if (!inB.has(id))
      sites.set(id, withRuns(s, [...s.bytes, ...zeros(bRuns)], s.count && [...s.count, ...zeros(bRuns)]));
  }
  return [...sites.values()];
}

/** The site with new per-run figures; `count` only when the format counts objects. */
function withRuns<S extends AllocationSite>(s: S, bytes: number[], count: number[] | undefined): S {
  const { count: _old, ...rest } = s;
  return (count === undefined ? { ...rest, bytes } : { ...rest, bytes, count }) as S;
}

/** Options of two sets of runs: a value both agree on stays; anything else is unknown. */
export function mergeProfiling(a?: ProfilingOptions, b?: ProfilingOptions): ProfilingOptions {
  const x = a ?? UNKNOWN_PROFILING;
  const y = b ?? UNKNOWN_PROFILING;
  const out = { ...UNKNOWN_PROFILING } as Record<keyof ProfilingOptions, unknown>;
  for (const k of Object.keys(UNKNOWN_PROFILING) as (keyof ProfilingOptions)[]) {
    if (x[k] === y[k]) out[k] = x[k];
  }
  return out as unknown as ProfilingOptions;
}

/** Merge reports of several runs or matrix shards into one; checks with the same key are joined. */
export function mergeReports(reports: readonly MemoryReport[]): MemoryReport {
  if (reports.length === 0) throw new Error('mergeReports needs at least one report');
  const checks: CheckReport[] = [];
  for (const r of reports) {
    for (const c of r.checks) {
      const i = checks.findIndex((x) => sameCheck(x.check, c.check));
      if (i < 0) checks.push(c);
      else checks[i] = mergeCheck(checks[i], c);
    }
  }
  const options = Object.assign({}, ...reports.map((r) => r.environment.options));
  return { ...reports[0], environment: { ...reports[0].environment, options }, checks };
}

function siteId(s: AllocationSite): string {
  return `${s.runtime}\u0000${s.key}`;
}

function siteRuns(c: CheckReport): number {
  return Math.max(runCount(c), ...c.sites.map((s) => s.bytes.length), 0);
}

function zeros(n: number): number[] {
  return new Array<number>(n).fill(0);
}

function pad(values: readonly number[], n: number): number[] {
  return values.length >= n ? [...values] : [...values, ...zeros(n - values.length)];
}

/* ---------------------------------------------------------------- validation at the edge */

/**
 * Read a MemoryReport back from JSON text. Throws ParseError naming `source` and the first path
 * that is wrong; never returns a half-valid report.
 */
export function parseMemoryReport(text: string, source: string): MemoryReport {
  let raw: unknown;
  try {
    raw = JSON.parse(stripBom(text));
  } catch (err) {
    throw new ParseError(source, `not JSON (${(err as Error).message})`);
  }
  return validateMemoryReport(raw, source);
}

export function validateMemoryReport(raw: unknown, source: string): MemoryReport {
  const v = new Validator(source);
  const o = v.object(raw, '$');
  if (o.schemaVersion === undefined) v.fail('$.schemaVersion', 'missing: this is not a memgate MemoryReport');
  const version = v.number(o.schemaVersion, '$.schemaVersion');
  if (version > SCHEMA_VERSION) {
    v.fail(
      '$.schemaVersion',
      `is ${version}, newer than this memgate understands (${SCHEMA_VERSION}); upgrade memgate`,
    );
  }
  if (version !== SCHEMA_VERSION) v.fail('$.schemaVersion', `is ${version}; expected ${SCHEMA_VERSION}`);
  const tool = v.object(o.tool, '$.tool');
  const env = v.object(o.environment, '$.environment');
  const options = v.object(env.options ?? {}, '$.environment.options');
  for (const [k, val] of Object.entries(options)) {
    if (!['string', 'number', 'boolean'].includes(typeof val))
      v.fail(`$.environment.options.${k}`, 'must be a string, number or boolean');
  }
  const checks = v.array(o.checks, '$.checks').map((c, i) => v.check(c, `$.checks[${i}]`));
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'memgate', version: v.string(tool.version, '$.tool.version') },
    createdAt: v.string(o.createdAt, '$.createdAt'),
    environment: {
      ...optionalStrings(v, env, '$.environment', ['commit', 'ref', 'runner', 'agentVersion']),
      ...(env.pullRequest !== undefined
        ? { pullRequest: v.number(env.pullRequest, '$.environment.pullRequest') }
        : {}),
      options: options as Environment['options'],
    },
    checks,
  };
}

function optionalStrings(
  v: Validator,
  o: Record<string, unknown>,
  path: string,
  keys: string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) if (o[k] !== undefined && o[k] !== null) out[k] = v.string(o[k], `${path}.${k}`);
  return out;
}

const isInt = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
const isBool = (v: unknown) => typeof v === 'boolean';
const isString = (v: unknown) => typeof v === 'string';

/** What each profiling option may hold besides `unknown`. */
const PROFILING_VALUES: Record<keyof ProfilingOptions, (v: unknown) => boolean> = {
  frames: isInt,
  gc: isBool,
  combine: isBool,
  sort: (v) => v === 'lineno' || v === 'filename' || v === 'traceback',
  limit: isInt,
  diff: (v) => v === 'absolute' || v === 'positive',
  filters: isString,
  unit: isString,
  verbose: isBool,
};

const PROFILING_EXPECTED: Record<keyof ProfilingOptions, string> = {
  frames: 'expected an integer or "unknown"',
  gc: 'expected true, false or "unknown"',
  combine: 'expected true, false or "unknown"',
  sort: 'expected lineno, filename, traceback or "unknown"',
  limit: 'expected an integer or "unknown"',
  diff: 'expected absolute, positive or "unknown"',
  filters: 'expected a string or "unknown"',
  unit: 'expected a string or "unknown"',
  verbose: 'expected true, false or "unknown"',
};

class Validator {
  constructor(private readonly source: string) {}

  fail(path: string, message: string): never {
    throw new ParseError(this.source, `${path} ${message}`);
  }

  object(x: unknown, path: string): Record<string, unknown> {
    if (typeof x !== 'object' || x === null || Array.isArray(x)) this.fail(path, 'must be an object');
    return x as Record<string, unknown>;
  }

  array(x: unknown, path: string): unknown[] {
    if (!Array.isArray(x)) this.fail(path, 'must be an array');
    return x;
  }

  string(x: unknown, path: string): string {
    if (typeof x !== 'string') this.fail(path, 'must be a string');
    return x;
  }

  number(x: unknown, path: string): number {
    if (typeof x !== 'number' || !Number.isFinite(x)) this.fail(path, 'must be a finite number');
    return x;
  }

  /** A metric value: every metric is bytes or a count (metrics.ts), never negative. */
  amount(x: unknown, path: string): number {
    const n = this.number(x, path);
    if (n < 0) this.fail(path, NEGATIVE);
    return n;
  }

  numbers(x: unknown, path: string): number[] {
    return this.array(x, path).map((n, i) => this.number(n, `${path}[${i}]`));
  }

  check(x: unknown, path: string): CheckReport {
    const c = this.object(x, path);
    const key = this.object(c.check, `${path}.check`);
    const check: CheckKey = {
      name: this.string(key.name, `${path}.check.name`),
      version: this.string(key.version, `${path}.check.version`),
    };
    if (key.instance !== undefined) check.instance = this.string(key.instance, `${path}.check.instance`);
    // Names become store paths: one that cannot be one is refused here, where the file is named.
    const problems = checkKeyProblems(check);
    if (problems.length > 0) this.fail(`${path}.check`, problems.join('; '));
    const metrics: Record<string, MetricSamples> = {};
    for (const [id, m] of Object.entries(this.object(c.metrics, `${path}.metrics`))) {
      const mp = `${path}.metrics.${id}`;
      const runs = this.array(this.object(m, mp).runs, `${mp}.runs`).map((r, i) => {
        const run = this.object(r, `${mp}.runs[${i}]`);
        return {
          value: this.amount(run.value, `${mp}.runs[${i}].value`),
          series: this.array(run.series, `${mp}.runs[${i}].series`).map((n, j) =>
            this.amount(n, `${mp}.runs[${i}].series[${j}]`),
          ),
        };
      });
      metrics[id] = { runs };
    }
    const sites = this.array(c.sites ?? [], `${path}.sites`).map((s, i) =>
      this.site(s, `${path}.sites[${i}]`),
    );
    const notes = this.array(c.notes ?? [], `${path}.notes`).map((n, i) =>
      this.string(n, `${path}.notes[${i}]`),
    );
    const out: CheckReport = { check, metrics, sites, notes };
    if (c.profiling !== undefined) out.profiling = this.profiling(c.profiling, `${path}.profiling`);
    if (c.growth !== undefined)
      out.growth = this.array(c.growth, `${path}.growth`).map((g, i) => {
        const gp = `${path}.growth[${i}]`;
        const how = this.object(g, gp).how;
        if (how !== 'rising' && how !== 'retained') this.fail(`${gp}.how`, 'must be rising or retained');
        return { ...this.site(g, gp), how };
      });
    return out;
  }

  /** Every option present, each its value (of the right type) or `unknown`. */
  profiling(x: unknown, path: string): ProfilingOptions {
    const o = this.object(x, path);
    const out = { ...UNKNOWN_PROFILING } as Record<keyof ProfilingOptions, unknown>;
    for (const [k, ok] of Object.entries(PROFILING_VALUES) as [
      keyof ProfilingOptions,
      (v: unknown) => boolean,
    ][]) {
      const v = o[k];
      if (v !== 'unknown' && !ok(v))
        this.fail(`${path}.${k}`, `is ${JSON.stringify(v) ?? 'missing'}: ${PROFILING_EXPECTED[k]}`);
      out[k] = v;
    }
    return out as unknown as ProfilingOptions;
  }

  site(x: unknown, path: string): AllocationSite {
    const s = this.object(x, path);
    if (!(RUNTIMES as unknown[]).includes(s.runtime))
      this.fail(`${path}.runtime`, `must be one of ${RUNTIMES.join(', ')}`);
    const site: AllocationSite = {
      runtime: s.runtime as Runtime,
      key: this.string(s.key, `${path}.key`),
      file: this.string(s.file, `${path}.file`),
      bytes: this.numbers(s.bytes, `${path}.bytes`),
    };
    if (s.line !== undefined) site.line = this.number(s.line, `${path}.line`);
    if (s.function !== undefined) site.function = this.string(s.function, `${path}.function`);
    if (s.source !== undefined) site.source = this.string(s.source, `${path}.source`);
    if (s.count !== undefined) site.count = this.numbers(s.count, `${path}.count`);
    return site;
  }
}
