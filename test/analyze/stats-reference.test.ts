/**
 * More reference values for stats.ts: the distribution functions the job interval and the leak rule
 * use (normal and Student t quantiles, the incomplete beta), the edges of the tests (empty, tied and
 * constant inputs), and the bootstrap on inputs whose resampled medians can be counted by hand.
 * Reference numbers are from scipy 1.17 (`scipy.stats`, `scipy.special`) unless derived in a
 * comment; mulberry32's from an independent Python port of the published algorithm.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  bootstrapChange,
  bootstrapRelativeChange,
  incompleteBeta,
  mad,
  mannKendall,
  mannWhitneyU,
  median,
  mulberry32,
  normalCdf,
  normalQuantile,
  sampleSd,
  studentTCdf,
  studentTQuantile,
  theilSen,
} from '../../src/analyze/stats.js';

function close(actual: number, expected: number, tol: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= tol, `${what}: ${actual} vs ${expected} (tol ${tol})`);
}

test('median and MAD: empty input is NaN, the input is not reordered', () => {
  assert.ok(Number.isNaN(median([])));
  assert.ok(Number.isNaN(mad([])));
  const xs = [5, 1, 4, 2, 3];
  assert.equal(median(xs), 3);
  assert.deepEqual(xs, [5, 1, 4, 2, 3]);
  // deviations from 3: 2, 1, 0, 1, 97 → median 1; one wild value does not move it.
  assert.equal(mad([1, 2, 3, 4, 100]), 1);
});

test('Mann-Whitney: exact up to 8 values a side, asymptotic from 9 a side, exact on request', () => {
  // scipy.stats.mannwhitneyu(a, b, alternative='greater'): auto (9 and 9, no ties) → asymptotic
  // p = 0.09266315209928971; method='exact' → 0.0951254627725216.
  const a = [3.1, 4.7, 5.2, 6.8, 7.3, 8.9, 9.4, 10.6, 11.2];
  const b = [1.2, 2.5, 3.8, 4.1, 5.9, 6.3, 7.7, 8.2, 9.9];
  const auto = mannWhitneyU(a, b, 'greater');
  assert.equal(auto.method, 'asymptotic');
  assert.equal(auto.u, 56);
  close(auto.p, 0.09266315209928971, 1e-6, 'asymptotic 9 vs 9');
  const exact = mannWhitneyU(a, b, 'greater', 'exact');
  assert.equal(exact.method, 'exact');
  close(exact.p, 0.0951254627725216, 1e-9, 'exact 9 vs 9');
  // The other tail uses U2 = 81 − 56 = 25 (scipy 'less': 0.9211478062684612).
  close(mannWhitneyU(a, b, 'less').p, 0.9211478062684612, 1e-6, 'asymptotic less 9 vs 9');
  assert.throws(() => mannWhitneyU([], [1, 2]), RangeError);
  assert.throws(() => mannWhitneyU([1, 2], []), RangeError);
});

test('Mann-Whitney: samples that are evenly matched give p = 1, never more', () => {
  // U1 = U2 = 2 for [1, 4] vs [2, 3]: exact two-sided p = min(1, 2 · P(U ≥ 2)) = 1 (scipy: 1.0).
  const even = mannWhitneyU([1, 4], [2, 3]);
  assert.equal(even.method, 'exact');
  assert.equal(even.p, 1);
  // The same multiset on both sides, with ties: asymptotic, z < 0, capped at 1 (scipy: 1.0).
  const tied = mannWhitneyU([1, 2, 2], [2, 1, 2]);
  assert.equal(tied.method, 'asymptotic');
  assert.equal(tied.p, 1);
  // Every value equal: no spread of ranks at all, nothing to test.
  assert.deepEqual(mannWhitneyU([5, 5], [5, 5, 5], 'greater'), { u: 3, p: 1, method: 'asymptotic' });
});

test('Mann-Kendall: the decreasing alternative, tau, and series too short to test', () => {
  // Holy Cross example (Z = 2.9058): P(Z ≤ z) = scipy.stats.norm.cdf(2.905836845996537).
  const v = [12.9, 14.8, 13.2, 15.7, 13.8, 15.6, 12.9, 11.0, 17.3, 15.9, 19.0, 18.3, 20.1, 21.7];
  const less = mannKendall(v, 'less');
  close(less.p, 0.9981686381185588, 1e-6, 'less p');
  close(less.tau, 54 / 91, 1e-12, 'tau = S / C(14, 2)');
  // No trend: S = (+1) + 0 + (−1) = 0 for [1, 2, 1] (variance 22/9 > 0), so z = 0 without a
  // continuity correction in either direction, and the two-sided p is 1.
  const flat = mannKendall([1, 2, 1]);
  assert.deepEqual({ s: flat.s, z: flat.z, p: flat.p }, { s: 0, z: 0, p: 1 });
  for (const short of [[], [7], [3, 3]]) {
    const r = mannKendall(short, 'greater');
    assert.deepEqual({ z: r.z, p: r.p, tau: r.tau }, { z: 0, p: 1, tau: 0 }, JSON.stringify(short));
  }
});

test('Theil-Sen: intercept, repeated x values, and the degenerate inputs', () => {
  const line = theilSen([2, 5, 8, 11, 14]);
  assert.deepEqual(line, { slope: 3, intercept: 2 });
  // Pairs with the same x carry no slope and are skipped: only (0, 1)→(2, 5) pairs count, slope 2.
  assert.deepEqual(theilSen([1, 1, 5, 5], [0, 0, 2, 2]), { slope: 2, intercept: 1 });
  assert.deepEqual(theilSen([4, 6], [1, 1]), { slope: 0, intercept: 5 });
  assert.deepEqual(theilSen([7]), { slope: 0, intercept: 7 });
  const empty = theilSen([]);
  assert.equal(empty.slope, 0);
  assert.ok(Number.isNaN(empty.intercept));
});

test('mulberry32 reproduces the published generator', () => {
  const r = mulberry32(1);
  assert.deepEqual([r(), r(), r()], [0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
  const d = mulberry32(0x5eed);
  assert.deepEqual([d(), d(), d()], [0.7100320369936526, 0.286336648510769, 0.9519026265479624]);
});

test('bootstrap of constant samples: the CI is the change itself, on either scale', () => {
  const same = (n: number, v: number) => new Array<number>(n).fill(v);
  assert.deepEqual(bootstrapChange(same(5, 100), same(5, 120), { resamples: 50 }), {
    low: 0.2,
    high: 0.2,
    level: 0.9,
    estimate: 0.2,
  });
  const abs = bootstrapChange(same(4, 100), same(4, 120), { resamples: 50, scale: 'absolute', level: 0.8 });
  assert.deepEqual(abs, { low: 20, high: 20, level: 0.8, estimate: 20 });
  // Relative to |baseline|: −100 → −90 is +10%, not −10%.
  assert.equal(bootstrapRelativeChange(same(3, -100), same(3, -90), { resamples: 50 }).estimate, 0.1);
  // From 0 the relative change is ±∞ (0 when both are 0), never NaN.
  assert.equal(bootstrapRelativeChange(same(3, 0), same(3, 5), { resamples: 50 }).estimate, Infinity);
  assert.equal(bootstrapRelativeChange(same(3, 0), same(3, -5), { resamples: 50 }).estimate, -Infinity);
  assert.equal(bootstrapRelativeChange(same(3, 0), same(3, 0), { resamples: 50 }).estimate, 0);
  // The options reach the relative form too.
  assert.equal(bootstrapRelativeChange(same(3, 100), same(3, 110), { level: 0.8 }).level, 0.8);
});

test('bootstrap: the number of resamples is honoured (one resample is a CI of one point)', () => {
  const one = bootstrapChange([1, 2, 3, 4, 5], [6, 7, 8, 9, 10], { resamples: 1, seed: 1 });
  assert.equal(one.low, one.high);
  assert.equal(typeof one.low, 'number');
});

test('bootstrap medians: the middle value of an odd resample, the middle two of an even one', () => {
  // Baseline constant 100, so the change is set by the head's resampled median. At level 0.2 the
  // bounds are the 40% and 60% quantiles of 2000 resamples.
  const base = [100, 100, 100];
  // [110, 120, 130], 3 draws: median 110 needs ≥ 2 draws of 110, P = 7/27 = 0.26; 130 likewise;
  // 120 the other 0.48, so both quantiles are +20%.
  const odd = bootstrapChange(base, [110, 120, 130], { level: 0.2, seed: 9 });
  assert.deepEqual([odd.low, odd.high], [0.2, 0.2]);
  // [110, 110, 120, 120], 4 draws: median 110 when ≥ 3 are 110 (5/16), 115 when 2 are (6/16),
  // 120 otherwise (5/16): the cumulative 0.31 and 0.69 bracket both quantiles, so +15%.
  const even = bootstrapChange(base, [110, 110, 120, 120], { level: 0.2, seed: 9 });
  assert.deepEqual([even.low, even.high], [0.15, 0.15]);
});

test('normal and Student t distribution functions match scipy', () => {
  close(normalCdf(-1), 0.15865525393145707, 1e-7, 'norm.cdf(-1)');
  close(normalQuantile(0.975), 1.959963984540054, 1e-7, 'norm.ppf(0.975)');
  close(normalQuantile(0.9875), 2.241402727604947, 1e-7, 'norm.ppf(0.9875)');
  close(normalQuantile(0.001), -3.090232306167813, 1e-6, 'norm.ppf(0.001)');
  close(studentTCdf(2, 5), 0.9490302605850708, 1e-9, 't.cdf(2, 5)');
  close(studentTCdf(-2, 5), 0.050969739414929174, 1e-9, 't.cdf(-2, 5)');
  close(studentTCdf(0, 3), 0.5, 1e-12, 't.cdf(0, 3)');
  close(studentTQuantile(0.975, 1), 12.706204736174694, 1e-6, 't.ppf(0.975, 1)');
  close(studentTQuantile(0.975, 10), 2.228138851986274, 1e-7, 't.ppf(0.975, 10)');
  close(studentTQuantile(0.9875, 2), 6.205346816570706, 1e-6, 't.ppf(0.9875, 2)');
  close(studentTQuantile(0.025, 10), -2.2281388519862753, 1e-7, 't.ppf(0.025, 10)');
  for (const p of [0, 1, NaN]) {
    assert.throws(() => normalQuantile(p), RangeError);
    assert.throws(() => studentTQuantile(p, 3), RangeError);
  }
  assert.throws(() => studentTQuantile(0.5, 0), RangeError);
});

test('regularised incomplete beta matches scipy.special.betainc on both sides of the switch', () => {
  close(incompleteBeta(0.4, 2, 3), 0.5248, 1e-10, 'betainc(2, 3, 0.4)');
  close(incompleteBeta(0.8, 2, 3), 0.9728, 1e-10, 'betainc(2, 3, 0.8)');
  // a < 0.5 takes ln Γ through the reflection formula.
  close(incompleteBeta(0.3, 0.25, 0.5), 0.5840183497234002, 1e-9, 'betainc(0.25, 0.5, 0.3)');
  close(incompleteBeta(0.9, 0.25, 0.5), 0.8762125439900634, 1e-9, 'betainc(0.25, 0.5, 0.9)');
  assert.equal(incompleteBeta(0, 2, 3), 0);
  assert.equal(incompleteBeta(-0.1, 2, 3), 0);
  assert.equal(incompleteBeta(1, 2, 3), 1);
  assert.equal(incompleteBeta(1.5, 2, 3), 1);
});

test('sample standard deviation uses n − 1, and is 0 below two values', () => {
  // [2, 4, 4, 4, 5, 5, 7, 9]: squared deviations from 5 sum to 32; √(32 / 7) (numpy ddof=1).
  close(sampleSd([2, 4, 4, 4, 5, 5, 7, 9]), 2.138089935299395, 1e-12, 'sd');
  assert.equal(sampleSd([1, 3]), Math.SQRT2);
  assert.equal(sampleSd([42]), 0);
  assert.equal(sampleSd([]), 0);
});
