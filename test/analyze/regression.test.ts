/**
 * The regression rule condition by condition: each case below fails exactly one condition, so a
 * rule that dropped that condition would flag it (these kill the mutants issue 13 lists), plus the
 * zero-baseline rule and its property test.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import fc from 'fast-check';

import { DEFAULT_THRESHOLDS, type ResolvedThresholds } from '../../src/analyze/policy.js';
import { compareMetric, floorFor, isExact, relativeChange } from '../../src/analyze/regression.js';
import { median } from '../../src/analyze/stats.js';

const T: ResolvedThresholds = { ...DEFAULT_THRESHOLDS };
const M = 1e6;
const MiB = 1024 * 1024;
const inuse = (base: number[], cur: number[], t = T, jobs?: number[]) =>
  compareMetric(
    'python.pymem.inuse',
    base.map((x) => x * M),
    cur.map((x) => x * M),
    t,
    { seed: 1, ...(jobs ? { jobs: jobs.map((x) => x * M) } : {}) },
  );
/** The conditions a 'no significant change' reason names as missing. */
const missing = (reason: string) => reason.replace(/^no significant change: /, '').split('; ');

test('every noisy condition is necessary: the rank test alone vetoes', () => {
  const v = inuse([100, 96, 103, 96, 101, 109], [107, 99, 106, 103, 107, 112]);
  assert.equal(v.change, 'unchanged');
  assert.ok(v.p !== undefined && v.p >= 0.05 && v.p < 0.1, String(v.p));
  assert.ok(v.ci && v.ci.low > 0, 'the CI excludes 0');
  assert.ok(v.relative !== undefined && v.relative >= 0.05);
  assert.deepEqual(missing(v.reason), ['p = 0.074 ≥ α 0.05']);
});

test('every noisy condition is necessary: the CI alone vetoes', () => {
  const v = compareMetric(
    'python.pymem.inuse',
    [9616813, 9817013, 10394250, 10028900, 10296964],
    [10264635, 10546878, 11039912, 10735786, 10290671],
    T,
    { seed: 1 },
  );
  assert.equal(v.change, 'unchanged');
  assert.ok(v.p !== undefined && v.p < 0.05);
  assert.ok(v.ci && v.ci.low <= 0);
  assert.deepEqual(missing(v.reason), ['the 90% CI [-0.1%, +10.1%] includes 0']);
});

test('every noisy condition is necessary: the effect size alone vetoes', () => {
  const v = inuse([50, 50.1, 49.9, 50.05, 49.95], [51, 51.1, 50.9, 51.05, 50.95]);
  assert.equal(v.change, 'unchanged');
  assert.ok(v.p !== undefined && v.p < 0.05 && v.ci && v.ci.low > 0);
  assert.deepEqual(missing(v.reason), ['the shift +2.0% is below +5.0%']);
});

test('every noisy condition is necessary: the byte floor alone vetoes', () => {
  const v = inuse([0.1, 0.1005, 0.101, 0.1002, 0.1003], [0.11, 0.111, 0.1105, 0.1102, 0.1104]);
  assert.equal(v.change, 'unchanged');
  assert.deepEqual(missing(v.reason), ['the shift 9.77 KiB is below the 16.00 KiB floor']);
});

test('p exactly α is not significant (p < α, not ≤)', () => {
  const t = { ...T, minRuns: 3, threshold: 0.01 };
  const v = inuse([100, 101, 102], [103, 104, 105], t);
  assert.equal(v.p, 0.05);
  assert.equal(v.change, 'unchanged');
  assert.deepEqual(missing(v.reason), ['p = 0.050 ≥ α 0.05']);
});

test('fewer than minRuns on either side (not both) falls back to threshold-only', () => {
  const few = inuse([100, 101, 102], [110, 111, 112, 113, 114, 115, 116, 117, 118, 119]);
  assert.equal(few.rule, 'threshold-only');
  const fewHead = inuse([110, 111, 112, 113, 114, 115, 116, 117, 118, 119], [100, 101, 102]);
  assert.equal(fewHead.rule, 'threshold-only');
  assert.equal(fewHead.change, 'improvement');
});

test('one outlying baseline run in five does not veto a +7% regression, and is named', () => {
  const v = inuse([100, 100.5, 101, 120, 100.2], [106, 107, 108, 109, 107.5]);
  assert.equal(v.change, 'regression');
  assert.deepEqual(v.setAside, { baseline: [120 * M], current: [] });
  assert.match(v.reason, /1 outlying run\(s\) set aside/);
  // Without the outlier rule the exact U test could not reach p < 0.05 (p = 0.075 at best).
  assert.ok(v.p !== undefined && v.p < 0.01);
});

test('job level: a significant +8% inside the spread of stored job medians does not fail', () => {
  const base = [100, 100.4, 99.6, 100.2, 99.8];
  const head = [108, 108.3, 107.7, 108.1, 107.9];
  const noisyJobs = inuse(base, head, T, [100, 104, 96, 102, 98]);
  assert.equal(noisyJobs.change, 'unchanged');
  assert.equal(noisyJobs.jobs?.known, true);
  assert.equal(noisyJobs.jobs?.count, 5);
  assert.deepEqual(missing(noisyJobs.reason).length, 1);
  assert.match(noisyJobs.reason, /within job-to-job noise: .*97\.5% prediction interval .* of 5 stored jobs/);
  const quietJobs = inuse(base, head, T, [100, 100.5, 99.5, 100.2, 99.8]);
  assert.equal(quietJobs.change, 'regression');
  assert.match(quietJobs.reason, /outside job-to-job noise/);
});

test('job level: fewer than 3 jobs widen the margin by an assumed 2% job spread, and say so', () => {
  const base = [100, 100.4, 99.6, 100.2, 99.8];
  const v = inuse(base, [105.5, 105.8, 105.2, 105.6, 105.4], T, [100]);
  assert.equal(v.jobs?.known, false);
  assert.equal(v.change, 'unchanged', '+5.5% is within z · √2 · 2% ≈ 5.6% of one stored job');
  assert.match(v.reason, /between-job noise unknown: 1 stored job\(s\), fewer than 3/);
  assert.equal(inuse(base, [110, 110.4, 109.6, 110.2, 109.8], T, [100]).change, 'regression');
});

test('zero baseline: decided on the absolute change and the floor, said "from 0 B to …"', () => {
  const zeros = [0, 0, 0, 0, 0];
  const exact = compareMetric('c.rtloader.inuse_bytes', zeros, [MiB, MiB, MiB, MiB, MiB], T);
  assert.equal(exact.change, 'regression');
  assert.equal(exact.relative, undefined);
  assert.match(
    exact.reason,
    /grew by 1\.000 MiB \(from 0 B to 1\.000 MiB\), beyond a baseline of 0 \(only the size counts\) and the 1\.00 KiB floor/,
  );
  assert.doesNotMatch(exact.reason, /Infinity|∞|NaN/);
  const head = [1.01, 0.98, 1.03, 0.99, 1.0].map((x) => x * MiB);
  const noisy = compareMetric('c.rtloader.inuse_bytes', zeros, head, T, { seed: 3, jobs: [0] });
  assert.equal(noisy.rule, 'mann-whitney');
  assert.equal(noisy.change, 'regression');
  assert.equal(noisy.relative, undefined);
  assert.equal(noisy.ci, undefined);
  assert.ok(noisy.deltaCi && noisy.deltaCi.low > 0.9 * MiB, JSON.stringify(noisy.deltaCi));
  assert.match(noisy.reason, /from 0 B to 1\.0\d* MiB/);
  // With no relative scale, the CI is printed in bytes and the threshold is not quoted.
  assert.match(
    noisy.reason,
    /90% CI \[[\d.]+ [KM]iB, [\d.]+ MiB\] excludes 0, beyond a baseline of 0 \(only the size counts\)/,
  );
  assert.doesNotMatch(noisy.reason, /Infinity|∞|NaN|n\/a/);
  const tiny = compareMetric('c.rtloader.inuse_bytes', zeros, [512, 512, 512, 512, 512], T);
  assert.equal(tiny.change, 'unchanged', '512 B is within the 1 KiB exact floor');
  assert.equal(relativeChange(5, 0), undefined);
  assert.equal(relativeChange(5, -10), 0.5);
});

test('property: a head shifted beyond max(floor, threshold × level) with no overlap fails', () => {
  const side = fc.array(fc.integer({ min: 0, max: 64 * MiB }), { minLength: 1, maxLength: 12 });
  fc.assert(
    fc.property(
      side,
      fc.array(fc.integer({ min: 0, max: 8 * MiB }), { minLength: 1, maxLength: 12 }),
      fc.integer({ min: 1, max: 4 * MiB }),
      (base, spread, extra) => {
        const level = Math.abs(median(base));
        const exactBoth = base.every((v) => v === base[0]) && spread.every((v) => v === spread[0]);
        const floor = exactBoth ? T.exactFloor : T.floor;
        const shift = Math.max(floor, T.threshold * level) + extra;
        const top = Math.max(...base);
        const head = spread.map((s) => top + shift + s);
        const v = compareMetric('python.pymem.inuse', base, head, T, { resamples: 200, seed: 5 });
        assert.equal(v.change, 'regression', v.reason);
        assert.equal(v.status, 'fail');
        assert.doesNotMatch(v.reason, /Infinity|NaN/);
      },
    ),
    { numRuns: 300, seed: 13 },
  );
});

test('lazy CI: skipped when another condition already fails, computed when all others hold', () => {
  const base = [100, 100.4, 99.6, 100.2, 99.8];
  const small = compareMetric(
    'python.pymem.inuse',
    base.map((x) => x * M),
    base.map((x) => x * 1.01 * M),
    T,
    { lazyCi: true, seed: 1 },
  );
  assert.equal(small.ci, undefined, 'the +1% shift fails the effect size: no bootstrap');
  const big = compareMetric(
    'python.pymem.inuse',
    base.map((x) => x * M),
    base.map((x) => x * 1.2 * M),
    T,
    { lazyCi: true, seed: 1 },
  );
  assert.ok(big.ci && big.ci.low > 0);
  assert.equal(big.change, 'regression');
});

test('exactness: all zeros are exact, a spread around 0 is not; floors per unit and rule', () => {
  assert.equal(isExact([0, 0, 0], 0.001), true);
  assert.equal(isExact([0, 1, 0], 0.001), false);
  assert.equal(isExact([], 0.001), false);
  assert.equal(isExact([1000, 1001], 0.001), true);
  assert.equal(isExact([1000, 1002], 0.001), false);
  assert.equal(floorFor('bytes', T), T.floor);
  assert.equal(floorFor('bytes', T, true), T.exactFloor);
  assert.equal(floorFor('count', T), 0);
  assert.equal(floorFor('count', { ...T, explicit: ['floor'] }), T.floor);
  assert.equal(floorFor('count', { ...T, explicit: ['floor'] }, true), 0, 'exact counts need exactFloor set');
  assert.equal(floorFor('count', { ...T, explicit: ['exactFloor'] }, true), T.exactFloor);
});

test('an exact drop is an improvement; an exact zero change is unchanged, not a regression', () => {
  const down = compareMetric('python.check_run_alloc', [4096, 4096, 4096], [0, 0, 0], T);
  assert.equal(down.change, 'improvement');
  assert.equal(down.status, 'pass');
  assert.match(down.reason, /shrank by 4\.00 KiB/);
  const same = compareMetric('python.check_run_alloc', [0, 0, 0], [0, 0, 0], T);
  assert.equal(same.change, 'unchanged');
  assert.equal(same.delta, 0);
});

test('job level also holds threshold-only comparisons, and improvements against the low bound', () => {
  const few = compareMetric(
    'python.pymem.inuse',
    [100 * M, 101 * M, 99 * M],
    [108 * M, 108 * M, 108 * M],
    T,
    {
      jobs: [100 * M, 104 * M, 96 * M, 102 * M, 98 * M],
    },
  );
  assert.equal(few.rule, 'threshold-only');
  assert.equal(few.change, 'unchanged');
  assert.match(few.reason, /not beyond job-to-job noise/);
  const base = [100, 100.4, 99.6, 100.2, 99.8];
  const down = inuse(base, [90, 90.3, 89.7, 90.1, 89.9], T, [100, 100.5, 99.5, 100.2, 99.8]);
  assert.equal(down.change, 'improvement');
  const downNoisy = inuse(base, [92, 92.3, 91.7, 92.1, 91.9], T, [100, 108, 92, 104, 96]);
  assert.equal(downNoisy.change, 'unchanged');
  assert.ok(downNoisy.jobs && 92 * M > downNoisy.jobs.low);
});

test('outliers set aside on the head side are named, and a clean side sets nothing aside', () => {
  const v = inuse([100, 100.5, 101, 100.2, 99.8], [108, 107, 60, 109, 107.5]);
  assert.equal(v.change, 'regression');
  assert.deepEqual(v.setAside, { baseline: [], current: [60 * M] });
  assert.match(v.reason, /; 1 outlying run\(s\) set aside$/);
  const clean = inuse([100, 100.5, 101, 100.2, 99.8], [108, 107, 108.5, 109, 107.5]);
  assert.equal(clean.setAside, undefined);
  assert.doesNotMatch(clean.reason, /set aside/);
});
