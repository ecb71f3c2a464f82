/**
 * Issue 12, the analysis side: the real tracemalloc captures (test/fixtures/agent-samples/tracemalloc/, copies of shared/formats/samples/)
 * (check_run_alloc of every check run and the options each was captured with) judged through
 * analyze(), each against itself and against the others.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { defaultPolicy } from '../../src/analyze/policy.js';
import { analyze } from '../../src/analyze/verdict.js';
import type { BaselineLookup } from '../../src/baseline/types.js';
import { CHECK_RUN_ALLOC } from '../../src/collect/check-json.js';
import {
  UNKNOWN_PROFILING,
  type CheckReport,
  type MemoryReport,
  type ProfilingOptions,
} from '../../src/model.js';
import type { CheckVerdict } from '../../src/model-verdict.js';

const SAMPLES = new URL('../fixtures/agent-samples/tracemalloc/', import.meta.url);
const ALLOC = 'python.check_run_alloc';

/** The options a capture names (init_config keys profile_memory_<opt>); the rest unknown. */
function profilingOf(options: Record<string, string>): ProfilingOptions {
  const p: ProfilingOptions = { ...UNKNOWN_PROFILING };
  if (options.profile_memory_gc !== undefined) p.gc = options.profile_memory_gc === '1';
  if (options.profile_memory_unit !== undefined) p.unit = options.profile_memory_unit;
  if (options.profile_memory_limit !== undefined) p.limit = Number(options.profile_memory_limit);
  if (options.profile_memory_sort === 'filename') p.sort = 'filename';
  if (options.profile_memory_diff === 'positive') p.diff = 'positive';
  return p;
}

/** One capture as a check report: its check runs are the iterations of one process, repeated `runs` times. */
function capture(name: string, runs = 5, override: Partial<ProfilingOptions> = {}): CheckReport {
  const raw = JSON.parse(readFileSync(new URL(`${name}/metrics.json`, SAMPLES), 'utf8')) as {
    options: Record<string, string>;
    check_runs: Record<string, number>[];
  };
  const series = raw.check_runs.map((r) => r[CHECK_RUN_ALLOC]);
  return {
    check: { name: 'queue_stats', version: '1.0.0' },
    profiling: { ...profilingOf(raw.options), ...override },
    metrics: {
      [ALLOC]: { runs: Array.from({ length: runs }, () => ({ value: series[1], series: [...series] })) },
    },
    sites: [],
    notes: [],
  };
}

function judge(head: CheckReport, base: CheckReport | undefined): CheckVerdict {
  const report: MemoryReport = {
    schemaVersion: 1,
    tool: { name: 'memgate', version: 't' },
    createdAt: '2026-01-01T00:00:00Z',
    environment: { options: {} },
    checks: [head],
  };
  const lookup: BaselineLookup = base
    ? { baseline: base, provenance: { status: 'exact', requestedVersion: '1.0.0', version: '1.0.0' } }
    : { provenance: { status: 'none', requestedVersion: '1.0.0' } };
  return analyze(report, () => lookup, defaultPolicy(), new Date('2026-01-02')).checks[0];
}

test('default capture (gc off, unknown to memgate) passes against itself: retained rule off, said why', () => {
  const c = judge(capture('default'), capture('default'));
  assert.equal(c.status, 'pass');
  const leak = c.leaks.find((l) => l.metric === ALLOC);
  assert.equal(leak?.leaking, false);
  assert.match(
    leak?.reason ?? '',
    /retained-per-run rule off \(gc unknown: .*\); capture with --m-gc 1 \(Action input m-gc: true\) to turn it on/,
  );
  assert.equal(c.metrics.find((m) => m.metric === ALLOC)?.change, 'unchanged');
});

test('steady with gc on (230 B once, then 0) passes against itself', () => {
  const steady = capture('default', 5, { gc: true });
  const zeros = [230, 0, 0, 0, 0, 0];
  steady.metrics[ALLOC].runs = steady.metrics[ALLOC].runs.map(() => ({ value: 0, series: [...zeros] }));
  const c = judge(steady, steady);
  assert.equal(c.status, 'pass');
  assert.equal(c.leaks.find((l) => l.metric === ALLOC)?.rule, 'retained');
});

test('retaining (gc on) and growing (gc on) fail as leaks, against themselves too', () => {
  for (const name of ['retaining-gc', 'growing-positive']) {
    const c = judge(capture(name), capture(name));
    assert.equal(c.status, 'fail', name);
    const leak = c.leaks.find((l) => l.metric === ALLOC);
    assert.equal(leak?.leaking, true, name);
    assert.equal(leak?.rule, 'retained', name);
  }
});

test('an exact check_run_alloc step is a regression with gc off: the 1 KiB exact floor', () => {
  // retaining-positive-kib-limit8 keeps ~2 KiB more per check run than the steady default capture.
  const c = judge(capture('retaining-positive-kib-limit8'), capture('default'));
  const m = c.metrics.find((x) => x.metric === ALLOC);
  assert.equal(m?.rule, 'exact');
  assert.equal(m?.change, 'regression');
  assert.equal(c.status, 'fail');
  // The table's example: flat 19.6 KB to flat 22.9 KB (+16.9%, +3.3 KB a run).
  const flat = (v: number) => {
    const r = capture('default', 5, { gc: false });
    r.metrics[ALLOC].runs = r.metrics[ALLOC].runs.map(() => ({ value: v, series: [v, v, v, v, v, v] }));
    return r;
  };
  const step = judge(flat(22936), flat(19624)).metrics.find((x) => x.metric === ALLOC);
  assert.equal(step?.change, 'regression');
  assert.match(step?.reason ?? '', /grew by 3\.23 KiB \(\+16\.9%\), beyond \+5\.0% and the 1\.00 KiB floor/);
});

test('baseline and head captured with different gc: check_run_alloc not compared, and said so', () => {
  const c = judge(capture('default', 5, { gc: false }), capture('retaining-gc'));
  assert.equal(
    c.metrics.find((m) => m.metric === ALLOC),
    undefined,
  );
  assert.ok(
    c.notes.includes('baseline gc=1, head gc=0: python.check_run_alloc, allocation sites not compared'),
  );
  assert.equal(c.status, 'pass');
});

test('combine totals are never gated', () => {
  const head = capture('retaining-gc', 5, { combine: true });
  const c = judge(head, capture('default'));
  assert.equal(
    c.metrics.find((m) => m.metric === ALLOC),
    undefined,
  );
  assert.equal(
    c.leaks.find((l) => l.metric === ALLOC),
    undefined,
  );
  assert.ok(c.notes.some((n) => /combine=1: .* never gated/.test(n)));
});
