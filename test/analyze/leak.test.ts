/**
 * The leak rules, condition by condition (each case needs one condition to be judged right, so a
 * rule that dropped or weakened it fails here), and leaks that breathe.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  detectLeak,
  postGcSlope,
  retainedOffNote,
  trendRun,
  untrackedFrees,
} from '../../src/analyze/leak.js';
import { DEFAULT_THRESHOLDS, type ResolvedThresholds } from '../../src/analyze/policy.js';
import { mannKendall, mulberry32 } from '../../src/analyze/stats.js';

const T: ResolvedThresholds = { ...DEFAULT_THRESHOLDS };
const L = 10e6;
const jitter = (seed: number, cv: number) => {
  const r = mulberry32(seed);
  return () => (r() - 0.5) * cv * L;
};

test('plateau: the whole-series trend passes slope and test, the second half clears it', () => {
  const j = jitter(5, 0.002);
  const series = Array.from({ length: 30 }, (_, i) => L + Math.min(i, 15) * 0.01 * L + j());
  const tr = trendRun(series, { unit: 'bytes' }, T);
  assert.ok(tr.slope >= tr.floor, `whole-series slope ${tr.slope} ≥ floor ${tr.floor}`);
  assert.ok(tr.p < T.alpha);
  assert.equal(tr.leaking, false);
});

test('second half growing, but slower than half the slope floor: not a leak', () => {
  const j = jitter(5, 0.0002);
  const series = Array.from(
    { length: 30 },
    (_, i) => L + Math.min(i, 15) * 0.01 * L + Math.max(0, i - 15) * 0.0004 * L + j(),
  );
  const tr = trendRun(series, { unit: 'bytes' }, T);
  assert.ok(tr.slope >= tr.floor && tr.p < T.alpha);
  assert.ok(tr.secondHalfSlope > 0 && tr.secondHalfSlope < tr.floor / 2, String(tr.secondHalfSlope));
  const second = series.slice(Math.floor(series.length * 0.2)).slice(12);
  assert.ok(mannKendall(second, 'greater').p < T.alpha, 'the second half rises significantly');
  assert.equal(tr.leaking, false);
});

test('one untracked free is already an accounting bug', () => {
  const v = untrackedFrees([
    { value: 0, series: [0, 0] },
    { value: 1, series: [0, 1] },
  ]);
  assert.equal(v?.status, 'fail');
  assert.equal(v?.leaking, true);
  assert.equal(v?.runsLeaking, 1);
  assert.deepEqual(
    v?.runs.map((r) => r.leaking),
    [false, true],
  );
  assert.match(v?.reason ?? '', /freed 1 pointer/);
  const none = untrackedFrees([{ value: 0, series: [0, 0] }]);
  assert.equal(none?.leaking, false);
  assert.equal(none?.runsLeaking, 0);
  assert.equal(none?.reason, 'no untracked frees');
  assert.equal(untrackedFrees([]), undefined);
});

test('a steady series leaks in no run', () => {
  const j = jitter(8, 0.01);
  const runs = [0, 1, 2].map(() => {
    const series = Array.from({ length: 20 }, () => L + j());
    return { value: Math.max(...series), series };
  });
  const v = detectLeak('python.pymem.inuse', runs, T);
  assert.equal(v?.leaking, false);
  assert.equal(v?.runsLeaking, 0);
});

const g = (r: () => number) => {
  let u = 0;
  while (u === 0) u = r();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r());
};
const gaugeRuns = (make: (r: () => number, run: number) => number[], seed: number) => {
  const r = mulberry32(seed);
  return [0, 1, 2, 3, 4].map((k) => {
    const series = make(r, k);
    return { value: Math.max(...series), series };
  });
};
/** A GC sawtooth: rises 10% over `period` iterations, then collected back. */
const sawtooth = (i: number, period: number) => 0.1 * ((i % period) / (period - 1));

test('a GC sawtooth is not a leak; a 1%/iteration leak under it is, by its post-GC points', () => {
  const saw = detectLeak(
    'python.pymem.inuse',
    gaugeRuns((r) => Array.from({ length: 20 }, (_, i) => L * (1 + sawtooth(i, 5) + 0.01 * g(r))), 21),
    T,
  );
  assert.equal(saw?.leaking, false);
  const leak = detectLeak(
    'python.pymem.inuse',
    gaugeRuns(
      (r) => Array.from({ length: 20 }, (_, i) => L * (1 + 0.01 * i + sawtooth(i, 5) + 0.01 * g(r))),
      22,
    ),
    T,
  );
  assert.equal(leak?.leaking, true);
  assert.match(leak?.reason ?? '', /level after each GC rises/);
  assert.ok(
    leak && leak.perIteration > 0.007 * L && leak.perIteration < 0.013 * L,
    String(leak?.perIteration),
  );
});

test('a slow collection cycle (period 0.6–1.2× the run, same phase every run) is not a leak', () => {
  for (const [period, phase] of [
    [24, -Math.PI / 2],
    [20, -Math.PI / 2 - 0.6],
    [14, -Math.PI],
  ]) {
    const v = detectLeak(
      'python.pymem.inuse',
      gaugeRuns(
        (r) =>
          Array.from(
            { length: 20 },
            (_, i) => L * (1 + 0.05 * Math.sin((2 * Math.PI * i) / period + phase) + 0.005 * g(r)),
          ),
        30,
      ),
      T,
    );
    assert.equal(v?.leaking, false, `period ${period}: ${v?.reason}`);
  }
});

test('rising over the first two thirds only (a cycle towards its peak) is not sustained growth', () => {
  const j = jitter(3, 0.001);
  const series = Array.from({ length: 30 }, (_, i) => L * (1 + 0.01 * Math.min(i, 21)) + j());
  const tr = trendRun(series, { unit: 'bytes' }, T);
  assert.ok(tr.p < T.alpha && tr.slope >= tr.floor, 'whole-series trend passes');
  assert.equal(tr.leaking, false);
});

test('check_run_alloc keeping 12 KiB every 4th check run is a leak; a cache filled once is not', () => {
  const every4th = Array.from({ length: 20 }, (_, i) => (i % 4 === 3 ? 12 * 1024 : 0));
  const v = detectLeak(
    'python.check_run_alloc',
    [0, 1, 2].map(() => ({ value: 0, series: every4th })),
    T,
    { gc: true },
  );
  assert.equal(v?.leaking, true);
  assert.equal(v?.rule, 'retained');
  assert.equal(v?.perIteration, (4 * 12 * 1024) / 16);
  const once = Array.from({ length: 20 }, (_, i) => (i === 6 ? 64 * 1024 : 0));
  const cache = detectLeak(
    'python.check_run_alloc',
    [0, 1, 2].map(() => ({ value: 0, series: once })),
    T,
    { gc: true },
  );
  assert.equal(cache?.leaking, false, 'one check run kept memory: a cache, not a leak');
  const twice = once.map((v, i) => (i === 15 ? 64 * 1024 : v));
  assert.equal(
    detectLeak(
      'python.check_run_alloc',
      [0, 1, 2].map(() => ({ value: 0, series: twice })),
      T,
      { gc: true },
    )?.leaking,
    true,
    'two check runs keeping 64 KiB each: retention recurs',
  );
});

test('gc off or unknown: the retained rule is off and the reason says how to turn it on', () => {
  const keeps = Array.from({ length: 20 }, () => 3000);
  for (const gc of [false, 'unknown', undefined] as const) {
    const v = detectLeak(
      'python.check_run_alloc',
      [0, 1, 2].map(() => ({ value: 3000, series: keeps })),
      T,
      { gc },
    );
    assert.equal(v?.leaking, false);
    assert.match(v?.reason ?? '', /retained-per-run rule off .*--m-gc 1/);
  }
});

test('post-GC slope: needs two drops; a flat series has none; rising troughs leak, level ones do not', () => {
  const floor = 1000;
  assert.equal(postGcSlope([5, 5, 5, 5, 5, 5, 5, 5], floor, 0.05), undefined, 'no spread at all');
  assert.equal(postGcSlope([0, 10, 20, 30, 0, 10, 20, 30, 40], floor, 0.05), undefined, 'one drop');
  const j = jitter(4, 0.00002);
  const level = Array.from({ length: 16 }, (_, i) => 1e6 + (i % 4) * 1e5 + j());
  const flat = postGcSlope(level, floor, 0.05);
  assert.ok(flat, 'four collections');
  assert.equal(flat.leaking, false);
  assert.ok(Math.abs(flat.slope) < floor);
  const rising = Array.from({ length: 16 }, (_, i) => 1e6 + 2e4 * i + (i % 4) * 1e5 + j());
  const leak = postGcSlope(rising, floor, 0.05);
  assert.equal(leak?.leaking, true);
  assert.ok(leak && Math.abs(leak.slope - 2e4) < 1e3, String(leak?.slope));
  const slow = Array.from({ length: 16 }, (_, i) => 1e6 + 500 * i + (i % 4) * 1e5 + j());
  assert.equal(postGcSlope(slow, floor, 0.05)?.leaking, false, 'rising, but below the floor');
});

test('the off note says why: without gc, or gc unknown', () => {
  assert.match(retainedOffNote(false), /^retained-per-run rule off \(measured without gc:/);
  assert.match(retainedOffNote('unknown'), /^retained-per-run rule off \(gc unknown:/);
  assert.match(retainedOffNote(undefined), /\(gc unknown:/);
});

test('runs without a series give no verdict; the retained rule reports the mean when nothing leaks', () => {
  assert.equal(detectLeak('python.pymem.inuse', [{ value: 1, series: [] }], T), undefined);
  const small = Array.from({ length: 20 }, () => 512);
  const v = detectLeak(
    'python.check_run_alloc',
    [0, 1, 2].map(() => ({ value: 512, series: small })),
    T,
    { gc: true },
  );
  assert.equal(v?.leaking, false);
  assert.equal(v?.rule, 'retained');
  assert.equal(v?.perIteration, 512);
  assert.match(v?.reason ?? '', /retained per check run 512 B on average/);
});
