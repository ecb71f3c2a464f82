/**
 * The leak rules, condition by condition (each case needs one condition to be judged right, so a
 * rule that dropped or weakened it fails here), and leaks that breathe.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { detectLeak, trendRun, untrackedFrees } from '../../src/analyze/leak.js';
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
  assert.equal(v?.runsLeaking, 1);
  assert.match(v?.reason ?? '', /freed 1 pointer/);
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
