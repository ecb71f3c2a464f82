import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { eDivisive, qhatValues } from '../../src/analyze/changepoint.js';
import { mulberry32 } from '../../src/analyze/stats.js';

/**
 * Reference results: MongoDB's E-Divisive means implementation, signal-processing-algorithms
 * (https://github.com/mongodb/signal-processing-algorithms), tests/test_detection.py, class
 * TestPostRunCheck. Its tests run with `QHatPermutationsSignificanceTester(pvalue=0.01,
 * permutations=100)` and assert the index and the q̂ of each change point, e.g.:
 *
 *     series = np.full(45, 50, dtype=int); series[2] = 100; series[15:30] = 100; series[32] = 100
 *     ...
 *     kwargs = {"index": 15, "qhat": 544.7415329768271, "probability": 0.0}
 *     kwargs = {"index": 33, "qhat": 226.66666666666674, "probability": 0.0}
 *
 * Same series here, same options, the same change points and q̂ (to 1e-9). The permutation PRNG
 * differs (theirs is Python's `random`), so the p-values are compared only as "below 0.01".
 */
const MONGO = { alpha: 0.01, permutations: 100 };

function full(n: number, v: number): number[] {
  return new Array<number>(n).fill(v);
}

function byIndex(points: { index: number; qhat: number }[]): [number, number][] {
  return [...points].sort((a, b) => a.index - b.index).map((p) => [p.index, p.qhat]);
}

function assertSame(actual: [number, number][], expected: [number, number][]): void {
  assert.deepEqual(
    actual.map(([i]) => i),
    expected.map(([i]) => i),
  );
  actual.forEach(([, q], k) =>
    assert.ok(Math.abs(q - expected[k][1]) < 1e-9, `qhat ${q} vs ${expected[k][1]}`),
  );
}

describe('E-Divisive means against MongoDB signal-processing-algorithms (tests/test_detection.py)', () => {
  it('test_random_ish_data: randint(1,50)×20, randint(60,120)×20, randint(150,250)×20 → 40 then 20', () => {
    // prettier-ignore
    const series = [41, 18, 23, 3, 32, 11, 40, 13, 29, 48, 47, 35, 18, 21, 6, 2, 23, 3, 4, 7,
      120, 103, 102, 81, 71, 62, 115, 61, 108, 63, 70, 98, 65, 96, 64, 74, 70, 113, 90, 114,
      208, 196, 153, 150, 225, 179, 206, 165, 177, 151, 218, 217, 244, 245, 229, 195, 225, 229, 176, 250];
    const points = eDivisive(series, MONGO);
    // Found in this order, as their assertions points[0] and points[1] state.
    assert.deepEqual(
      points.map((p) => p.index),
      [40, 20],
    );
    assertSame(byIndex(points), [
      [20, 893.578947368421],
      [40, 2848.1169590643276],
    ]);
    assert.ok(points.every((p) => p.probability <= 0.01));
  });

  it('test_finds_simple_regression: 50×15 then 100×15 → 15', () => {
    assert.deepEqual(
      eDivisive([...full(15, 50), ...full(15, 100)], MONGO).map((p) => p.index),
      [15],
    );
  });

  it('test_finds_ahead: [50]*14 + [74] + [100]*15 → 15', () => {
    assert.deepEqual(
      eDivisive([...full(14, 50), 74, ...full(15, 100)], MONGO).map((p) => p.index),
      [15],
    );
  });

  it('test_finds_behind: series[14] = 76 → 14', () => {
    const s = [...full(15, 50), ...full(15, 100)];
    s[14] = 76;
    assert.deepEqual(
      eDivisive(s, MONGO).map((p) => p.index),
      [14],
    );
  });

  it('test_finds_simple_regression2: one early outlier → 15 with q̂ 649.9999999999999', () => {
    const s = [...full(15, 50), ...full(15, 100)];
    s[2] = 100;
    assertSame(byIndex(eDivisive(s, MONGO)), [[15, 649.9999999999999]]);
  });

  it('test_regression_and_recovery → 15 (q̂ 544.7415329768271) and 33 (q̂ 226.66666666666674)', () => {
    const s = full(45, 50);
    s[2] = 100;
    for (let i = 15; i < 30; i++) s[i] = 100;
    s[32] = 100;
    assertSame(byIndex(eDivisive(s, MONGO)), [
      [15, 544.7415329768271],
      [33, 226.66666666666674],
    ]);
  });

  it('test_two_regressions → 15 (q̂ 649.9999999999999) and 30 (q̂ 1209.1954022988505)', () => {
    const s = full(45, 50);
    s[2] = 100;
    for (let i = 15; i < 30; i++) s[i] = 100;
    for (let i = 30; i < 45; i++) s[i] = 150;
    assertSame(byIndex(eDivisive(s, MONGO)), [
      [15, 649.9999999999999],
      [30, 1209.1954022988505],
    ]);
  });

  it('test_no_regressions: a flat series has none', () => {
    assert.deepEqual(eDivisive(full(30, 50), MONGO), []);
  });

  // tests/test_e_divisive.py: default_implementation() is pvalue=0.05, permutations=100.
  it('test_default_implementation_sanity: [0]*cp + [1]*cp → [cp] for cp in 4..99', () => {
    for (let cp = 4; cp < 100; cp++) {
      const found = eDivisive([...full(cp, 0), ...full(cp, 1)], { alpha: 0.05, permutations: 100 });
      assert.deepEqual(
        found.map((p) => p.index),
        [cp],
        `cp=${cp}`,
      );
    }
  });

  it('test_absolute_certainty: pvalue 0 still finds [0]*100 + [1]*100 → [100]', () => {
    const found = eDivisive([...full(100, 0), ...full(100, 1)], { alpha: 0, permutations: 100 });
    assert.deepEqual(
      found.map((p) => p.index),
      [100],
    );
    assert.equal(found[0].probability, 0);
  });
});

describe('E-Divisive means: properties', () => {
  it('q̂ from the O(n log n) pair sums equals the definition computed pair by pair', () => {
    const rnd = mulberry32(7);
    const s = Array.from({ length: 40 }, (_, i) => Math.round(rnd() * 100) + (i > 25 ? 40 : 0));
    const q = qhatValues(s);
    for (let tau = 2; tau <= s.length - 2; tau++) {
      const x = s.slice(0, tau);
      const y = s.slice(tau);
      let cross = 0;
      let wx = 0;
      let wy = 0;
      for (const a of x) for (const b of y) cross += Math.abs(a - b);
      x.forEach((a, i) => x.slice(i + 1).forEach((b) => (wx += Math.abs(a - b))));
      y.forEach((a, i) => y.slice(i + 1).forEach((b) => (wy += Math.abs(a - b))));
      const m = x.length;
      const k = y.length;
      const e = (2 * cross) / (m * k) - wx / ((m * (m - 1)) / 2) - wy / ((k * (k - 1)) / 2);
      assert.ok(Math.abs(q[tau] - ((m * k) / (m + k)) * e) < 1e-9, `tau=${tau}`);
    }
  });

  it('is deterministic for a seed and finds nothing in 2,000 points of pure noise', () => {
    const rnd = mulberry32(99);
    const noise = Array.from({ length: 2000 }, () => 1_000_000 + rnd() * 10_000);
    assert.deepEqual(eDivisive(noise), []);
    const stepped = noise.map((v, i) => (i >= 1200 ? v + 8_000 : v));
    const a = eDivisive(stepped);
    assert.deepEqual(a, eDivisive(stepped));
    assert.ok(
      a.some((c) => Math.abs(c.index - 1200) <= 1),
      `found ${a.map((c) => c.index).join(',')}`,
    );
  });

  it('rejects non-finite values', () => {
    assert.throws(() => eDivisive([1, 2, NaN, 4]), /finite/);
  });
});
