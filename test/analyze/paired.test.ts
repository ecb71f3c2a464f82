/**
 * The paired test against published values:
 * - scipy.stats.wilcoxon docs (Darwin's maize, differences d below): two-sided statistic 24.0,
 *   p = 0.041259765625; alternative='greater': statistic 96.0, p = 0.0206298828125.
 * - R ?wilcox.test (Hollander & Wolfe, depression scale, x vs y paired, alternative = "greater"):
 *   V = 40, p-value = 0.01953.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { comparePaired, walshMedian, wilcoxonSignedRank } from '../../src/analyze/paired.js';

const MAIZE = [6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75];

test('Wilcoxon signed-rank: scipy documentation example (exact)', () => {
  const two = wilcoxonSignedRank(MAIZE);
  assert.equal(two.w, 24);
  assert.equal(two.p, 0.041259765625);
  assert.equal(two.method, 'exact');
  const greater = wilcoxonSignedRank(MAIZE, 'greater');
  assert.equal(greater.wPlus, 96);
  assert.equal(greater.p, 0.0206298828125);
  // P(W+ ≤ 96) = 1 − P(W+ ≥ 97): the other tail, so nearly 1.
  assert.ok(wilcoxonSignedRank(MAIZE, 'less').p > 0.97);
});

test('Wilcoxon signed-rank: R wilcox.test example, paired, alternative "greater"', () => {
  const x = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3];
  const y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];
  const r = wilcoxonSignedRank(
    x.map((v, i) => v - y[i]),
    'greater',
  );
  assert.equal(r.wPlus, 40);
  assert.ok(Math.abs(r.p - 0.01953) < 5e-5, String(r.p));
});

test('zeros are dropped; ties use the normal approximation', () => {
  assert.equal(wilcoxonSignedRank([0, 0, 0]).p, 1);
  const tied = wilcoxonSignedRank([1, 1, 2, 2, 3, 3, -1], 'greater');
  assert.equal(tied.method, 'asymptotic');
  assert.ok(tied.p < 0.05 && tied.p > 0.01, String(tied.p));
  assert.equal(walshMedian([1, 2, 3]), 2);
});

test('paired verdict: a +10% head in every pair regresses, a job drift shared by the pair does not', () => {
  const drift = [100, 104, 97, 110, 93, 101, 106, 99, 95, 108];
  const up = comparePaired(
    drift,
    drift.map((v) => v * 1.1),
    { alpha: 0.05, threshold: 0.05, floor: 0 },
  );
  assert.equal(up.change, 'regression');
  assert.ok(up.relative !== undefined && up.relative > 0.09);
  const same = comparePaired(
    drift,
    drift.map((v, i) => v * (1 + (i % 2 ? 0.004 : -0.004))),
    {
      alpha: 0.05,
      threshold: 0.05,
      floor: 0,
    },
  );
  assert.equal(same.change, 'unchanged');
  assert.throws(() => comparePaired([1], [1, 2], { alpha: 0.05, threshold: 0.05, floor: 0 }), RangeError);
  const zero = comparePaired([0, 0, 0, 0, 0], [2048, 2048, 2100, 2000, 2048], {
    alpha: 0.05,
    threshold: 0.05,
    floor: 1024,
  });
  assert.equal(zero.change, 'regression');
  assert.equal(zero.relative, undefined);
});
