/**
 * The regression rule at its boundaries: a change exactly at the threshold or the floor, a CI that
 * touches 0, a head median exactly on the job interval, and the mirror image of every rule for
 * improvements. Every input is built so the expected verdict follows by hand: integer samples whose
 * pairwise differences have an exact median, and bootstrap cases argued from the binomial odds of a
 * resampled median (see each test).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { DEFAULT_THRESHOLDS, type ResolvedThresholds } from '../../src/analyze/policy.js';
import { compareMetric, isExact } from '../../src/analyze/regression.js';

const T: ResolvedThresholds = { ...DEFAULT_THRESHOLDS };
const M = 1e6;
const mb = (xs: number[]) => xs.map((x) => x * M);
/** Five runs around 100 MB (±0.1%: not exact, no outlier), all integers. */
const BASE = [99_900_000, 99_950_000, 100_000_000, 100_050_000, 100_100_000];
const shifted = (xs: number[], by: number) => xs.map((x) => x + by);

test('exactness: a spread exactly at the tolerance still counts as exact', () => {
  // spread 1 over a median of 1000 is 0.001 exactly (1 / 1000 is the double nearest 0.001).
  assert.equal(isExact([999.5, 1000, 1000.5], 0.001), true);
  assert.equal(isExact([999.5, 1000, 1000.6], 0.001), false);
});

test('exact rule: a change of exactly the threshold is a regression, 4% is not', () => {
  const at = compareMetric('python.check_run_alloc', mb([100, 100, 100]), mb([105, 105, 105]), T);
  assert.equal(at.rule, 'exact');
  assert.equal(at.relative, 0.05);
  assert.equal(at.change, 'regression');
  assert.match(at.reason, /grew by 4\.768 MiB \(\+5\.0%\), beyond \+5\.0% and the 1\.00 KiB floor/);
  // +4 MB is far above the 1 KiB exact floor, so only the relative threshold keeps it unchanged.
  const below = compareMetric('python.check_run_alloc', mb([100, 100, 100]), mb([104, 104, 104]), T);
  assert.equal(below.change, 'unchanged');
  assert.equal(below.relative, 0.04);
  assert.match(below.reason, /change 3\.815 MiB \(\+4\.0%\) is within \+5\.0% and the 1\.00 KiB floor/);
});

test('exact rule from a zero baseline: exactly the floor is not a regression, one byte more is', () => {
  const zeros = [0, 0, 0];
  const at = compareMetric('python.check_run_alloc', zeros, [1024, 1024, 1024], T);
  assert.equal(at.change, 'unchanged');
  assert.match(at.reason, /within a baseline of 0 \(only the size counts\) and the 1\.00 KiB floor/);
  const above = compareMetric('python.check_run_alloc', zeros, [1025, 1025, 1025], T);
  assert.equal(above.change, 'regression');
  assert.equal(above.status, 'fail');
});

test('count metrics: no byte floor, and changes printed as plain numbers to 2 decimals', () => {
  const exact = compareMetric('go.goroutines', [10, 10, 10], [12.25, 12.25, 12.25], T);
  assert.equal(exact.change, 'regression');
  assert.match(exact.reason, /: grew by 2\.25 \(\+22\.5%\), beyond \+5\.0%$/);
  const noisy = compareMetric('go.goroutines', [10, 11, 12, 13, 14], [20, 21, 22, 23, 24.5], T, { seed: 1 });
  assert.equal(noisy.rule, 'mann-whitney');
  assert.equal(noisy.change, 'regression');
  assert.match(noisy.reason, /^grew by 10 \(\+83\.3%\), .* beyond \+5\.0%$/);
  assert.doesNotMatch(noisy.reason, /floor/);
});

test('an empty baseline is no baseline: the head passes with nothing to compare', () => {
  const v = compareMetric('python.pymem.inuse', [], mb([100, 101, 102, 103, 104]), T);
  assert.equal(v.rule, 'no-baseline');
  assert.equal(v.change, 'no-baseline');
  assert.equal(v.status, 'pass');
});

test('threshold-only names the smaller side: "only 3 run(s) on a side"', () => {
  const v = compareMetric('python.pymem.inuse', mb([100, 101, 102]), mb([120, 121, 122, 123, 124, 125]), T);
  assert.equal(v.rule, 'threshold-only');
  assert.match(v.reason, /^only 3 run\(s\) on a side \(fewer than 4\)/);
});

test('noisy rule: a Hodges-Lehmann shift of exactly the threshold is a regression', () => {
  // Every head run is a baseline run + 5 MB, so the pairwise differences are 5 MB + (b_i − b_j), a
  // set symmetric about 5 MB: the shift is 5 MB = 5.0% of the 100 MB median exactly. No overlap:
  // exact one-sided p = 1 / C(10, 5) = 1/252.
  const v = compareMetric('python.pymem.inuse', BASE, shifted(BASE, 5_000_000), T, { seed: 1 });
  assert.equal(v.relative, 0.05);
  assert.equal(v.p, 1 / 252);
  assert.equal(v.change, 'regression');
  assert.match(v.reason, /^grew by 4\.768 MiB \(\+5\.0%\), .* beyond \+5\.0% and the 16\.00 KiB floor$/);
});

test('noisy rule: a shift of exactly the 16 KiB floor is not a regression', () => {
  // ±0.25% around 200 kB, head = baseline + 16384 B: shift 16 KiB exactly (+8.2%), p = 1/252.
  const base = [199_500, 199_750, 200_000, 200_250, 200_500];
  const v = compareMetric('python.pymem.inuse', base, shifted(base, 16384), T, { seed: 1 });
  assert.equal(v.delta, 16384);
  assert.equal(v.change, 'unchanged');
  assert.equal(v.reason, 'no significant change: the shift 16.00 KiB is below the 16.00 KiB floor');
});

test('noisy improvements mirror regressions: "shrank by", and the CI alone can veto', () => {
  const down = compareMetric('python.pymem.inuse', BASE, shifted(BASE, -10_000_000), T, { seed: 1 });
  assert.equal(down.change, 'improvement');
  assert.equal(down.status, 'pass');
  assert.match(down.reason, /^shrank by 9\.537 MiB \(-10\.0%\), Hodges-Lehmann: p = 0\.0040 < 0\.05/);
  // The mirror image (x ↦ 20 MB − x) of the "CI alone vetoes" case in regression.test.ts.
  const veto = compareMetric(
    'python.pymem.inuse',
    [10383187, 10182987, 9605750, 9971100, 9703036],
    [9735365, 9453122, 8960088, 9264214, 9709329],
    T,
    { seed: 1 },
  );
  assert.equal(veto.change, 'unchanged');
  assert.ok(veto.p !== undefined && veto.p < 0.05 && veto.relative !== undefined && veto.relative <= -0.05);
  assert.equal(veto.reason, 'no significant change: the 90% CI [-10.1%, +0.1%] includes 0');
});

test('a CI that touches 0 does not exclude it, in either direction', () => {
  // Head median 107 vs 100 (+7%, p ≈ 0.022). A resampled head median is 100 when ≥ 3 of 5 draws hit
  // its two 100s (P = 0.317), the baseline's when ≥ 3 of 5 hit its three 100s (P = 0.683): the change
  // is exactly 0 about 22% of the time and never below (the head never goes under 100, the baseline
  // never above), so the 5% quantile is 0.
  const lo = [97, 98, 100, 100, 100];
  const hi = [100, 100, 107, 108, 109];
  const up = compareMetric('python.pymem.inuse', mb(lo), mb(hi), T, { seed: 1 });
  assert.equal(up.ci?.low, 0);
  assert.equal(up.change, 'unchanged');
  assert.match(up.reason, /^no significant change: the 90% CI \[0\.0%, \+\d+\.\d%\] includes 0$/);
  const down = compareMetric('python.pymem.inuse', mb(hi), mb(lo), T, { seed: 1 });
  assert.equal(down.ci?.high, 0);
  assert.equal(down.change, 'unchanged');
  assert.match(down.reason, /^no significant change: the 90% CI \[-\d+\.\d%, 0\.0%\] includes 0$/);
});

test('job level: a head median exactly on the job interval is not outside it', () => {
  // Three identical stored job medians: sd 0, so the interval is [100 MB, 100 MB]. Three runs a side
  // (threshold-only), the head exactly at 100 MB, +11% or −9% from its baseline.
  const jobs = mb([100, 100, 100]);
  const head = mb([100, 100, 100]);
  const up = compareMetric('python.pymem.inuse', mb([89, 90, 91]), head, T, { jobs });
  assert.deepEqual(up.jobs, { known: true, count: 3, centre: 100 * M, low: 100 * M, high: 100 * M });
  assert.equal(up.change, 'unchanged');
  assert.match(up.reason, /beyond \+5\.0% and the 16\.00 KiB floor but not beyond job-to-job noise/);
  const down = compareMetric('python.pymem.inuse', mb([109, 110, 111]), head, T, { jobs });
  assert.equal(down.change, 'unchanged');
  assert.match(down.reason, /\(-9\.1%\) is beyond \+5\.0% .* but not beyond job-to-job noise/);
});

test('a zero shift is tested as a possible regression (one-sided "greater")', () => {
  // Hodges-Lehmann shift 0 (the median pairwise difference is 20 − 20). scipy 1.17
  // mannwhitneyu([5,10,20,50,55], [10,20,30,40,50], alternative='greater'): U = 11.5,
  // p = 0.6240851829770754 ('less' would give 0.458).
  const v = compareMetric('python.pymem.inuse', mb([10, 20, 30, 40, 50]), mb([5, 10, 20, 50, 55]), T, {
    seed: 1,
  });
  assert.equal(v.delta, 0);
  assert.ok(v.p !== undefined && Math.abs(v.p - 0.6240851829770754) < 1e-6, String(v.p));
  assert.equal(v.change, 'unchanged');
});
