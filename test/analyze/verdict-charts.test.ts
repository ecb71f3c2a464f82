/**
 * Which memory series a check's chart draws, and which run stands for each side. The chart goes
 * next to the tables, so it must show what the verdict is about: a leak, else a regression, else
 * the leak-signal gauge that grew most (relative to its level, after warm-up).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { defaultPolicy } from '../../src/analyze/policy.js';
import { analyze } from '../../src/analyze/verdict.js';
import type { BaselineLookup } from '../../src/baseline/types.js';
import type { CheckReport, MemoryReport, RunSample } from '../../src/model.js';
import type { CheckVerdict } from '../../src/model-verdict.js';

const KiB = 1024;
const MiB = 1024 * 1024;

/** A series of `len` iterations at `level` whose last iteration steps to `last` (no trend: not a leak). */
function step(level: number, last: number, len = 20): number[] {
  return [...Array<number>(len - 1).fill(level), last];
}
/** `n` runs with the same series, each aggregated to its largest point. */
function runs(series: number[], n = 5): RunSample[] {
  return Array.from({ length: n }, () => ({ value: Math.max(...series), series: [...series] }));
}

function checkOf(metrics: Record<string, RunSample[]>): CheckReport {
  return {
    check: { name: 'foo', version: '1.0.0' },
    metrics: Object.fromEntries(Object.entries(metrics).map(([id, r]) => [id, { runs: r }])),
    sites: [],
    notes: [],
  };
}

function judged(head: CheckReport, base?: CheckReport): CheckVerdict {
  const report: MemoryReport = {
    schemaVersion: 1,
    tool: { name: 'memgate', version: 't' },
    createdAt: '2025-06-01T00:00:00Z',
    environment: { options: {} },
    checks: [head],
  };
  const lookup: BaselineLookup = base
    ? { baseline: base, provenance: { status: 'exact', requestedVersion: '1.0.0', version: '1.0.0' } }
    : { provenance: { status: 'none', requestedVersion: '1.0.0' } };
  return analyze(report, () => lookup, defaultPolicy(), new Date('2025-06-01')).checks[0];
}
const charted = (c: CheckVerdict) => c.charts.map((ch) => ch.metric);

test('without a finding: the leak-signal gauge with the largest relative growth, not the largest in bytes', () => {
  const c = judged(
    checkOf({
      'python.pymem.inuse': runs(step(100 * MiB, 101 * MiB)), // +1 MiB, +1%
      'c.rtloader.inuse_bytes': runs(step(1 * MiB, 1.1 * MiB)), // +0.1 MiB, +10%
      'go.memstats.heap_inuse': runs(step(200 * MiB, 201 * MiB)), // +1 MiB, +0.5%
      'go.memstats.heap_alloc': runs(step(1 * MiB, 10 * MiB)), // +900%, but not a leak signal
      'python.check_run_alloc': runs(step(1 * KiB, 50 * KiB)), // +4,900%, but retained bytes, not a gauge
    }),
  );
  assert.equal(c.status, 'pass');
  assert.deepEqual(charted(c), ['c.rtloader.inuse_bytes']);
  assert.equal(c.charts[0].unit, 'bytes');
  assert.deepEqual(c.charts[0].current, step(1 * MiB, 1.1 * MiB));
  assert.equal(c.charts[0].baseline, undefined, 'no baseline, no baseline series');
});

test('growth is measured after warm-up, and from a level of 0 in the metric’s own units', () => {
  // pymem jumps during the warm-up (the first 4 of 20 iterations) and is flat after it.
  const warmingUp = [1 * MiB, ...Array<number>(19).fill(100 * MiB)];
  const afterWarmup = judged(
    checkOf({
      'python.pymem.inuse': runs(warmingUp),
      'c.rtloader.inuse_bytes': runs(step(10 * MiB, 10.5 * MiB)), // +5% at the end
    }),
  );
  assert.deepEqual(charted(afterWarmup), ['c.rtloader.inuse_bytes']);
  // Live allocations going 0 → 2 grew by 2 (allocations); pymem going 1 → 1.5 MiB grew by 50%.
  const fromZero = judged(
    checkOf({
      'python.pymem.inuse': runs(step(1 * MiB, 1.5 * MiB)),
      'c.rtloader.live_allocations': runs(step(0, 2)),
    }),
  );
  assert.deepEqual(charted(fromZero), ['c.rtloader.live_allocations']);
});

test('runs without a per-iteration series are not charted; ties go to the first gauge listed', () => {
  const c = judged(
    checkOf({
      'python.pymem.inuse': [1, 2, 3].map((i) => ({ value: i * MiB, series: [i * MiB] })),
      'c.rtloader.inuse_bytes': runs(Array<number>(20).fill(8 * MiB)),
      'go.memstats.heap_inuse': runs(Array<number>(20).fill(9 * MiB)),
    }),
  );
  assert.deepEqual(charted(c), ['c.rtloader.inuse_bytes']);
  // Nothing that could be charted: counters and non-leak gauges only.
  const none = judged(
    checkOf({
      'python.pymem.alloc': runs(step(1 * MiB, 2 * MiB)),
      'go.memstats.sys': runs(step(1 * MiB, 2 * MiB)),
    }),
  );
  assert.deepEqual(none.charts, []);
});

test('a leak is charted before a regression, a regression before the most growing gauge', () => {
  const base = checkOf({
    'python.check_run_alloc': runs(Array<number>(10).fill(10 * KiB)),
    'python.pymem.inuse': runs(Array<number>(20).fill(50 * MiB)),
  });
  // check_run_alloc regresses (exact, 10 → 20 KiB); rtloader's in-use bytes (new in the head, so
  // not compared) grow 10% at their last iteration.
  const regressed = judged(
    checkOf({
      'python.check_run_alloc': runs(Array<number>(10).fill(20 * KiB)),
      'python.pymem.inuse': runs(Array<number>(20).fill(50 * MiB)),
      'c.rtloader.inuse_bytes': runs(step(8 * MiB, 8.8 * MiB)),
    }),
    base,
  );
  assert.deepEqual(
    regressed.metrics.map((m) => [m.metric, m.change]),
    [
      ['python.check_run_alloc', 'regression'],
      ['python.pymem.inuse', 'unchanged'],
      ['c.rtloader.inuse_bytes', 'no-baseline'],
    ],
  );
  assert.deepEqual(charted(regressed), ['python.check_run_alloc']);
  assert.deepEqual(regressed.charts[0].baseline, Array<number>(10).fill(10 * KiB));
  // pymem rising 1 MiB an iteration is a leak: charted ahead of the regression.
  const leaking = judged(
    checkOf({
      'python.check_run_alloc': runs(Array<number>(10).fill(20 * KiB)),
      'python.pymem.inuse': runs(Array.from({ length: 20 }, (_, i) => (50 + i) * MiB)),
    }),
    base,
  );
  assert.equal(leaking.leaks.find((l) => l.metric === 'python.pymem.inuse')?.leaking, true);
  assert.deepEqual(charted(leaking), ['python.pymem.inuse']);
});

test('untracked frees are a leak finding but not a series to chart', () => {
  const c = judged(
    checkOf({
      'python.pymem.inuse': runs(Array<number>(20).fill(50 * MiB)),
      'c.rtloader.untracked_frees': runs([0, 2]),
    }),
  );
  assert.equal(c.leaks.find((l) => l.rule === 'untracked-frees')?.leaking, true);
  assert.deepEqual(charted(c), ['python.pymem.inuse']);
});

test('a regressed metric without per-iteration series has no chart', () => {
  const aggregatesOnly = (v: number) => [1, 2, 3, 4, 5].map(() => ({ value: v, series: [] }));
  const c = judged(
    checkOf({ 'python.pymem.alloc': aggregatesOnly(20 * MiB) }),
    checkOf({ 'python.pymem.alloc': aggregatesOnly(10 * MiB) }),
  );
  assert.equal(c.metrics[0].change, 'regression');
  assert.deepEqual(c.charts, []);
});

test('each side is drawn from its run nearest the median of the runs with a series; a tie goes to the earlier run', () => {
  const at = (v: number, series: boolean) => ({
    value: v * MiB,
    series: series ? Array<number>(10).fill(v * MiB) : [],
  });
  // Head: runs at 60..64 MiB, series kept for 60, 61 and 63: their median is 61.
  const head = checkOf({
    'python.pymem.inuse': [at(60, true), at(61, true), at(62, false), at(63, true), at(64, false)],
  });
  // Baseline: runs at 49..53 MiB, series kept for 50 and 52: median 51, as near to either; the earlier wins.
  const base = checkOf({
    'python.pymem.inuse': [at(49, false), at(50, true), at(51, false), at(52, true), at(53, false)],
  });
  const c = judged(head, base);
  assert.equal(c.metrics[0].change, 'regression');
  assert.deepEqual(charted(c), ['python.pymem.inuse']);
  assert.deepEqual(c.charts[0].current, Array<number>(10).fill(61 * MiB));
  assert.deepEqual(c.charts[0].baseline, Array<number>(10).fill(50 * MiB));
});
