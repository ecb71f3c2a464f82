/**
 * Regression and leak rules, with the real check_run_alloc values from the tracemalloc samples
 * (test/fixtures/analyze/check_run_alloc.json) where they fit.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { detectLeak, trendRun, untrackedFrees } from '../../src/analyze/leak.js';
import { DEFAULT_THRESHOLDS, type ResolvedThresholds } from '../../src/analyze/policy.js';
import { compareMetric } from '../../src/analyze/regression.js';
import { mulberry32 } from '../../src/analyze/stats.js';

const REAL = JSON.parse(
  readFileSync(new URL('../fixtures/analyze/check_run_alloc.json', import.meta.url), 'utf8'),
) as Record<string, number[]>;
const T: ResolvedThresholds = { ...DEFAULT_THRESHOLDS };
const run = (series: number[]) => ({ value: Math.max(...series), series });
function noise(seed: number, n: number, level: number, cv: number): number[] {
  const r = mulberry32(seed);
  return Array.from({ length: n }, () => level * (1 + cv * (r() + r() + r() - 1.5)));
}

test('retained rule: a check keeping ~2 KiB per run (real retaining-gc values) is a leak', () => {
  const runs = [1, 2, 3].map(() => run(REAL['retaining-gc']));
  const v = detectLeak('python.check_run_alloc', runs, T, { gc: true });
  assert.ok(v);
  assert.equal(v.rule, 'retained');
  assert.equal(v.leaking, true);
  assert.equal(v.status, 'fail');
  // Mean kept per check run after the warm-up run: (4 × 2035 + 2099) / 5.
  assert.equal(v.perIteration, 2047.8);
  assert.match(v.reason, /keeps 2\.00 KiB on average/);
});

test('retained rule: a steady check (0 after the first run) is not a leak', () => {
  const v = detectLeak(
    'python.check_run_alloc',
    [1, 2, 3].map(() => run(REAL['steady-gc'])),
    T,
    { gc: true },
  );
  assert.ok(v);
  assert.equal(v.leaking, false);
  assert.equal(v.perIteration, 0);
});

test('retained rule: the growing list (real growing-positive values) is a leak', () => {
  const v = detectLeak(
    'python.check_run_alloc',
    [run(REAL['growing-positive']), run(REAL['growing-positive'])],
    T,
    { gc: true },
  );
  assert.ok(v?.leaking);
});

test('retained rule is skipped without gc (cyclic garbage looks retained), and said so', () => {
  const v = detectLeak(
    'python.check_run_alloc',
    [1, 2, 3].map(() => run(REAL['default-gc-off'])),
    T,
    { gc: false },
  );
  assert.ok(v);
  assert.equal(v.leaking, false);
  assert.equal(v.rule, 'trend');
  assert.match(v.reason, /without gc/);
});

test('trend rule: a rising in-use series leaks, a flat or plateauing one does not', () => {
  const level = 8 * 1024 * 1024;
  const rising = (seed: number) => noise(seed, 30, level, 0.005).map((v, i) => v + 0.01 * level * i);
  const flat = (seed: number) => noise(seed, 30, level, 0.005);
  const plateau = (seed: number) =>
    noise(seed, 30, level, 0.005).map((v, i) => v + 0.2 * level * (1 - Math.exp(-i / 3)));
  const verdict = (f: (s: number) => number[]) =>
    detectLeak(
      'python.pymem.inuse',
      [1, 2, 3, 4, 5].map((s) => run(f(s))),
      T,
    );
  const r = verdict(rising);
  assert.equal(r?.leaking, true);
  assert.equal(r?.rule, 'trend');
  assert.ok(r && r.perIteration > 0.008 * level && r.perIteration < 0.012 * level, String(r?.perIteration));
  assert.equal(verdict(flat)?.leaking, false);
  const p = verdict(plateau);
  assert.equal(p?.leaking, false);
  // The plateau's whole-series trend is significant; the second half is what clears it.
  assert.ok(trendRun(plateau(1), { unit: 'bytes' }, T).p < 0.05);
});

test('trend rule needs a majority of runs', () => {
  const level = 1e6;
  const rising = noise(3, 20, level, 0.002).map((v, i) => v + 0.02 * level * i);
  const flat = noise(4, 20, level, 0.002);
  const v = detectLeak('python.pymem.inuse', [run(rising), run(rising), run(flat), run(flat)], T);
  assert.equal(v?.runsLeaking, 2);
  assert.equal(v?.leaking, false);
  assert.match(v?.reason ?? '', /2 of 4 runs only/);
});

test('count metrics use a per-iteration count floor, not 1 KiB', () => {
  const goroutines = Array.from({ length: 20 }, (_, i) => 12 + i);
  const v = detectLeak('go.goroutines', [run(goroutines), run(goroutines), run(goroutines)], T);
  assert.equal(v?.leaking, true);
  const steady = Array.from({ length: 20 }, (_, i) => 12 + (i % 2));
  assert.equal(detectLeak('go.goroutines', [run(steady), run(steady), run(steady)], T)?.leaking, false);
});

test('too few iterations after warm-up: no trend verdict, said so', () => {
  const v = detectLeak('python.pymem.inuse', [run([1, 2, 3, 4]), run([1, 2, 3, 4])], T);
  assert.equal(v?.leaking, false);
  assert.match(v?.reason ?? '', /too few iterations/);
});

test('untracked frees > 0 always fail, with the count', () => {
  const v = untrackedFrees([
    { value: 0, series: [0, 0] },
    { value: 3, series: [0, 3] },
  ]);
  assert.equal(v?.status, 'fail');
  assert.equal(v?.growth, 3);
  assert.match(v?.reason ?? '', /freed 3 pointer/);
  assert.equal(untrackedFrees([{ value: 0, series: [0] }])?.status, 'pass');
});

test('exact rule: real identical check_run_alloc runs; a change beyond threshold and floor regresses', () => {
  const base = REAL['retaining-positive-kib-limit8'].map((v) => v * 10); // ~165 KiB so the 16 KiB floor can pass
  const same = compareMetric('python.check_run_alloc', base, base, T);
  assert.equal(same.kind, 'noisy', 'one 17003 among 16875s is a 0.8% spread: not exact');
  const exactBase = REAL['default-gc-off'].map((v) => v * 20);
  const up = compareMetric(
    'python.check_run_alloc',
    exactBase,
    exactBase.map((v) => v * 1.1),
    T,
  );
  assert.equal(up.kind, 'exact');
  assert.equal(up.rule, 'exact');
  assert.equal(up.change, 'regression');
  assert.equal(up.status, 'fail');
  // Exact metrics have their own 1 KiB floor: +1.5 KB a check run is a regression (issue 12) …
  const step = compareMetric(
    'python.check_run_alloc',
    REAL['default-gc-off'],
    REAL['default-gc-off'].map((v) => v * 1.1),
    T,
  );
  assert.equal(step.change, 'regression', '+1.5 KB is above the 1 KiB exact floor');
  // … and +0.9 KB (6%, beyond the threshold) is within it.
  const small = compareMetric(
    'python.check_run_alloc',
    REAL['default-gc-off'],
    REAL['default-gc-off'].map((v) => v + 900),
    T,
  );
  assert.equal(small.change, 'unchanged', '+900 B is below the 1 KiB exact floor');
  assert.match(small.reason, /within \+5\.0% and the 1\.00 KiB floor/);
  const down = compareMetric(
    'python.check_run_alloc',
    exactBase,
    exactBase.map((v) => v * 0.8),
    T,
  );
  assert.equal(down.change, 'improvement');
  assert.equal(down.status, 'pass');
});

test('noisy rule: all four conditions, with evidence, and improvements mirrored', () => {
  const base = noise(11, 10, 50e6, 0.02);
  const up = compareMetric('python.pymem.inuse', base, noise(12, 10, 55e6, 0.02), T, { seed: 1 });
  assert.equal(up.rule, 'mann-whitney');
  assert.equal(up.change, 'regression');
  assert.ok(up.p !== undefined && up.p < 0.05);
  assert.ok(up.ci && up.ci.low > 0 && up.ci.level === 0.9);
  assert.ok(up.relative !== undefined && up.relative > 0.05);
  const same = compareMetric('python.pymem.inuse', base, noise(13, 10, 50e6, 0.02), T, { seed: 1 });
  assert.equal(same.change, 'unchanged');
  assert.match(same.reason, /no significant change/);
  const small = compareMetric('python.pymem.inuse', base, noise(14, 10, 51e6, 0.002), T, { seed: 1 });
  assert.equal(small.change, 'unchanged', '+2% is significant but below the 5% threshold');
  assert.match(small.reason, /below \+5\.0%/);
  const down = compareMetric('python.pymem.inuse', base, noise(15, 10, 40e6, 0.02), T, { seed: 1 });
  assert.equal(down.change, 'improvement');
});

test('too few runs: threshold only on medians, and the reason says so', () => {
  const v = compareMetric('python.pymem.inuse', [100e6, 101e6, 99e6], [120e6, 118e6, 125e6], T);
  assert.equal(v.rule, 'threshold-only');
  assert.equal(v.change, 'regression');
  assert.match(v.reason, /fewer than 4.*threshold only/);
  assert.equal(v.p, undefined);
});

test('count metrics have no byte floor', () => {
  const v = compareMetric('c.rtloader.live_allocations', [100, 100, 100, 100], [120, 120, 120, 120], T);
  assert.equal(v.change, 'regression');
});

test('no baseline: reported, not failed', () => {
  const v = compareMetric('python.pymem.inuse', undefined, [1, 2, 3], T);
  assert.equal(v.change, 'no-baseline');
  assert.equal(v.status, 'pass');
});
