/**
 * Reference values. Published ones are quoted with their source; the rest were produced by
 * test/fixtures/analyze/stats-reference.py, an independent brute-force implementation (exact
 * Mann-Whitney by enumerating every split of the pooled ranks; asymptotic and Mann-Kendall by the
 * textbook formulas with math.erfc). The published values agree with that script:
 * - scipy.stats.mannwhitneyu docs (males [19,22,16,29,24] vs females [20,11,17,12]): U1 = 17,
 *   exact two-sided p = 0.1111111111111111, asymptotic p = 0.11134688653314041.
 * - R ?wilcox.test example: wilcox.test(x, y, alternative = "g") → W = 35, p-value = 0.1272.
 * - Holy Cross "A Mann-Kendall Example (By Hand)": S = 54, V = 14·13·33/18 − 2·1·9/18,
 *   Z = 2.9058, one-sided p ≈ .0018.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  bootstrapRelativeChange,
  hodgesLehmann,
  mannKendall,
  mannWhitneyU,
  mulberry32,
  normalSf,
  rank,
  theilSen,
} from '../../src/analyze/stats.js';

function close(actual: number, expected: number, tol: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= tol, `${what}: ${actual} vs ${expected} (tol ${tol})`);
}

const MW_EXACT = [
  { x: [19, 22, 16, 29, 24], y: [20, 11, 17, 12], alt: 'two-sided', u: 17.0, p: 0.1111111111111111 },
  {
    x: [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46],
    y: [1.15, 0.88, 0.9, 0.74, 1.21],
    alt: 'greater',
    u: 35.0,
    p: 0.1272061272061272,
  },
  { x: [3, 4, 5], y: [0, 1, 2], alt: 'greater', u: 9.0, p: 0.05 },
  { x: [3, 4, 5], y: [0, 1, 2], alt: 'less', u: 9.0, p: 1.0 },
  {
    x: [1.1, 2.3, 0.4, 5.6, 3.3, 2.9, 4.4, 0.7],
    y: [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.5],
    alt: 'two-sided',
    u: 17.0,
    p: 0.1303807303807304,
  },
  {
    x: [10.5, 12.25, 9.75],
    y: [
      0.0, 1.1, 2.2, 3.3, 4.4, 5.5, 6.6, 7.7, 8.8, 9.9, 11.0, 12.1, 13.2, 14.3, 15.4, 16.5, 17.6, 18.7, 19.8,
      20.9, 22.0, 23.1, 24.2, 25.3, 26.4, 27.5, 28.6, 29.7, 30.8, 31.9,
    ],
    alt: 'greater',
    u: 31.0,
    p: 0.8092008797653959,
  },
] as const;
const MW_ASYMPTOTIC = [
  { x: [19, 22, 16, 29, 24], y: [20, 11, 17, 12], alt: 'two-sided', u: 17.0, p: 0.11134688653314048 },
  { x: [1, 2, 2, 3, 3, 3, 4], y: [2, 3, 4, 4, 5, 5], alt: 'less', u: 8.5, p: 0.039131214738573124 },
  {
    x: [5, 5, 5, 6, 7, 8, 9, 9, 10, 12],
    y: [1, 2, 3, 5, 5, 6, 6, 7, 8, 8],
    alt: 'greater',
    u: 74.5,
    p: 0.03324962282398415,
  },
  { x: [100, 100, 100], y: [100, 100, 101], alt: 'two-sided', u: 3.0, p: 0.5049850750938458 },
  {
    x: [
      0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0,
      0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 0.0, 1.0,
    ],
    y: [
      1.0, 2.0, 3.0, 4.0, 5.0, 1.0, 2.0, 3.0, 4.0, 5.0, 1.0, 2.0, 3.0, 4.0, 5.0, 1.0, 2.0, 3.0, 4.0, 5.0, 1.0,
      2.0, 3.0, 4.0, 5.0, 1.0, 2.0, 3.0, 4.0, 5.0,
    ],
    alt: 'two-sided',
    u: 423.0,
    p: 0.691488137285128,
  },
  {
    x: [
      0.0, 1.5, 3.0, 4.5, 6.0, 7.5, 9.0, 10.5, 12.0, 0.0, 1.5, 3.0, 4.5, 6.0, 7.5, 9.0, 10.5, 12.0, 0.0, 1.5,
    ],
    y: [
      0.0, 1.0, 2.0, 3.0, 0.0, 1.0, 2.0, 3.0, 0.0, 1.0, 2.0, 3.0, 0.0, 1.0, 2.0, 3.0, 0.0, 1.0, 2.0, 3.0, 0.0,
      1.0, 2.0, 3.0, 0.0,
    ],
    alt: 'greater',
    u: 393.5,
    p: 0.00047942193070995925,
  },
] as const;
const MK = [
  {
    v: [12.9, 14.8, 13.2, 15.7, 13.8, 15.6, 12.9, 11.0, 17.3, 15.9, 19.0, 18.3, 20.1, 21.7],
    s: 54,
    variance: 332.6666666666667,
    z: 2.905836845996537,
    pTwo: 0.003662723762882436,
    pGreater: 0.001831361881441218,
  },
  { v: [1, 3, 2], s: 1, variance: 3.6666666666666665, z: 0.0, pTwo: 1, pGreater: 0.5 },
  {
    v: [5, 5, 6, 6, 6, 7, 4, 8, 8, 9],
    s: 28,
    variance: 119.33333333333333,
    z: 2.4716267006742814,
    pTwo: 0.013449988098315017,
    pGreater: 0.0067249940491575086,
  },
  {
    v: [10, 9, 9, 8, 7, 7, 7, 6, 2, 3, 1, 0],
    s: -60,
    variance: 208.0,
    z: -4.090913947161065,
    pTwo: 4.296765521940474e-5,
    pGreater: 0.9999785161723903,
  },
  {
    v: [
      0.0, 7.0, 3.0, 10.0, 6.0, 2.0, 9.0, 5.0, 1.0, 8.0, 5.0, 1.0, 8.0, 4.0, 11.0, 7.0, 3.0, 10.0, 6.0, 2.0,
      10.0, 6.0, 2.0, 9.0, 5.0, 12.0, 8.0, 4.0, 11.0, 7.0,
    ],
    s: 80,
    variance: 3114.6666666666665,
    z: 1.4155372546062086,
    pTwo: 0.15691103340967102,
    pGreater: 0.07845551670483551,
  },
  { v: [2, 2, 2, 2, 3, 2, 2, 2], s: 1, variance: 21.0, z: 0.0, pTwo: 1, pGreater: 0.5 },
] as const;
const THEIL_SEN = [
  {
    v: [12.9, 14.8, 13.2, 15.7, 13.8, 15.6, 12.9, 11.0, 17.3, 15.9, 19.0, 18.3, 20.1, 21.7],
    slope: 0.566666666666667,
  },
  { v: [1, 3, 2], slope: 0.5 },
  { v: [5, 5, 6, 6, 6, 7, 4, 8, 8, 9], slope: 0.42857142857142855 },
  { v: [10, 9, 9, 8, 7, 7, 7, 6, 2, 3, 1, 0], slope: -0.9 },
  {
    v: [
      0.0, 7.0, 3.0, 10.0, 6.0, 2.0, 9.0, 5.0, 1.0, 8.0, 5.0, 1.0, 8.0, 4.0, 11.0, 7.0, 3.0, 10.0, 6.0, 2.0,
      10.0, 6.0, 2.0, 9.0, 5.0, 12.0, 8.0, 4.0, 11.0, 7.0,
    ],
    slope: 0.09090909090909091,
  },
  { v: [2, 2, 2, 2, 3, 2, 2, 2], slope: 0.0 },
] as const;
const HODGES_LEHMANN = [
  { x: [19, 22, 16, 29, 24], y: [20, 11, 17, 12], shift: 7.0 },
  {
    x: [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46],
    y: [1.15, 0.88, 0.9, 0.74, 1.21],
    shift: 0.30500000000000005,
  },
  { x: [3, 4, 5], y: [0, 1, 2], shift: 3 },
  { x: [3, 4, 5], y: [0, 1, 2], shift: 3 },
  { x: [1.1, 2.3, 0.4, 5.6, 3.3, 2.9, 4.4, 0.7], y: [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.5], shift: -1.8 },
  {
    x: [10.5, 12.25, 9.75],
    y: [
      0.0, 1.1, 2.2, 3.3, 4.4, 5.5, 6.6, 7.7, 8.8, 9.9, 11.0, 12.1, 13.2, 14.3, 15.4, 16.5, 17.6, 18.7, 19.8,
      20.9, 22.0, 23.1, 24.2, 25.3, 26.4, 27.5, 28.6, 29.7, 30.8, 31.9,
    ],
    shift: -5.125000000000001,
  },
  { x: [19, 22, 16, 29, 24], y: [20, 11, 17, 12], shift: 7.0 },
  { x: [1, 2, 2, 3, 3, 3, 4], y: [2, 3, 4, 4, 5, 5], shift: -1.0 },
  { x: [5, 5, 5, 6, 7, 8, 9, 9, 10, 12], y: [1, 2, 3, 5, 5, 6, 6, 7, 8, 8], shift: 2.0 },
  { x: [100, 100, 100], y: [100, 100, 101], shift: 0 },
  {
    x: [
      0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0,
      0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 0.0, 1.0,
    ],
    y: [
      1.0, 2.0, 3.0, 4.0, 5.0, 1.0, 2.0, 3.0, 4.0, 5.0, 1.0, 2.0, 3.0, 4.0, 5.0, 1.0, 2.0, 3.0, 4.0, 5.0, 1.0,
      2.0, 3.0, 4.0, 5.0, 1.0, 2.0, 3.0, 4.0, 5.0,
    ],
    shift: 0.0,
  },
  {
    x: [
      0.0, 1.5, 3.0, 4.5, 6.0, 7.5, 9.0, 10.5, 12.0, 0.0, 1.5, 3.0, 4.5, 6.0, 7.5, 9.0, 10.5, 12.0, 0.0, 1.5,
    ],
    y: [
      0.0, 1.0, 2.0, 3.0, 0.0, 1.0, 2.0, 3.0, 0.0, 1.0, 2.0, 3.0, 0.0, 1.0, 2.0, 3.0, 0.0, 1.0, 2.0, 3.0, 0.0,
      1.0, 2.0, 3.0, 0.0,
    ],
    shift: 4.0,
  },
] as const;

test('published values are quoted correctly in the tables', () => {
  close(MW_EXACT[0].p, 0.1111111111111111, 1e-12, 'scipy exact');
  close(MW_ASYMPTOTIC[0].p, 0.11134688653314041, 1e-12, 'scipy asymptotic');
  assert.equal(Number(MW_EXACT[1].p.toFixed(4)), 0.1272, 'R wilcox.test');
  assert.equal(MK[0].s, 54);
  close(MK[0].z, 2.9058, 5e-5, 'Holy Cross Z');
});

test('Mann-Whitney exact p-values (no ties, a side ≤ 8) match to 1e-6', () => {
  for (const c of MW_EXACT) {
    const r = mannWhitneyU(c.x, c.y, c.alt);
    assert.equal(r.method, 'exact', JSON.stringify(c.x));
    assert.equal(r.u, c.u);
    close(r.p, c.p, 1e-6, `exact ${c.alt} n=${c.x.length},${c.y.length}`);
  }
});

test('Mann-Whitney asymptotic p-values (ties, continuity correction) match to 1e-4', () => {
  for (const c of MW_ASYMPTOTIC) {
    const r = mannWhitneyU(c.x, c.y, c.alt, c === MW_ASYMPTOTIC[0] ? 'asymptotic' : 'auto');
    assert.equal(r.method, 'asymptotic');
    assert.equal(r.u, c.u);
    close(r.p, c.p, 1e-4, `asymptotic ${c.alt} n=${c.x.length},${c.y.length}`);
  }
});

test('Mann-Whitney: one-sided p-values of opposite directions are consistent', () => {
  const x = [5, 7, 9, 11];
  const y = [1, 2, 3, 8];
  const g = mannWhitneyU(x, y, 'greater').p;
  const l = mannWhitneyU(x, y, 'less').p;
  const two = mannWhitneyU(x, y, 'two-sided').p;
  close(two, Math.min(1, 2 * Math.min(g, l)), 1e-12, 'two-sided = 2·min(one-sided)');
  assert.ok(g < l);
});

test('Mann-Kendall S, variance with tie correction and p match to 1e-4', () => {
  for (const c of MK) {
    const two = mannKendall(c.v);
    assert.equal(two.s, c.s);
    close(two.variance, c.variance, 1e-9, 'variance');
    close(two.z, c.z, 1e-9, 'z');
    close(two.p, c.pTwo, 1e-4, `two-sided p n=${c.v.length}`);
    close(mannKendall(c.v, 'greater').p, c.pGreater, 1e-4, `greater p n=${c.v.length}`);
  }
});

test('Theil-Sen slope matches the brute-force median of pairwise slopes', () => {
  for (const c of THEIL_SEN) close(theilSen(c.v).slope, c.slope, 1e-9, `n=${c.v.length}`);
  close(theilSen([0, 10, 20, 1000, 40]).slope, 10, 1e-12, 'robust to one outlier');
});

test('Hodges-Lehmann shift matches the brute-force median of pairwise differences', () => {
  for (const c of HODGES_LEHMANN) close(hodgesLehmann(c.x, c.y), c.shift, 1e-9, JSON.stringify(c.x));
});

test('ranks average ties and report the tie groups', () => {
  assert.deepEqual(rank([10, 20, 20, 30, 10, 20]), { ranks: [1.5, 4, 4, 6, 1.5, 4], ties: [2, 3] });
});

test('normal survival function is accurate to 1e-7 at the usual quantiles', () => {
  close(normalSf(1.6448536269514722), 0.05, 1e-7, 'z_0.95');
  close(normalSf(1.959963984540054), 0.025, 1e-7, 'z_0.975');
  close(normalSf(-1.2815515655446004), 0.9, 1e-7, 'z_0.1');
});

test('bootstrap CI is reproducible with a seed and covers the true change', () => {
  const rnd = mulberry32(7);
  const base = Array.from({ length: 20 }, () => 1000 * Math.exp(0.05 * (rnd() - 0.5)));
  const cur = base.map((v) => v * 1.2);
  const a = bootstrapRelativeChange(base, cur, { seed: 42, resamples: 1000 });
  const b = bootstrapRelativeChange(base, cur, { seed: 42, resamples: 1000 });
  assert.deepEqual(a, b);
  close(a.estimate, 0.2, 1e-9, 'plug-in estimate');
  assert.ok(a.low > 0.1 && a.low <= 0.2 && a.high >= 0.2 && a.high < 0.3, JSON.stringify(a));
  const same = bootstrapRelativeChange(base, base, { seed: 1, resamples: 1000 });
  assert.ok(same.low <= 0 && same.high >= 0, 'no change → CI covers 0');
});
