/**
 * E-Divisive means on series small enough to check by hand: the divergence Q̂ of a split, which
 * split is the candidate, the permutation p and where the search stops. The reference results
 * (MongoDB's implementation) are in test/history/changepoint.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { eDivisive, qhatValues } from '../../src/analyze/changepoint.js';

const full = (n: number, v: number): number[] => new Array<number>(n).fill(v);
const indexes = (points: { index: number }[]): number[] => points.map((p) => p.index);

function near(actual: number, expected: number, what: string): void {
  assert.ok(Math.abs(actual - expected) < 1e-9, `${what}: ${actual} vs ${expected}`);
}

describe('Q̂ of each split', () => {
  it('[2, 0, 9, 6, 8]: 11.2 at τ = 2, 1.6 at τ = 3, −∞ where a side would have fewer than 2 points', () => {
    // τ = 2: X = {2, 0}, Y = {9, 6, 8}: Σ|x − y| = 7+4+6 + 9+6+8 = 40, within X 2, within Y 3+1+2 = 6.
    //   Ê = 2·40/6 − 2/1 − 6/3 = 28/3; Q̂ = (2·3)/(2+3) · 28/3 = 11.2
    // τ = 3: X = {2, 0, 9}, Y = {6, 8}: Σ|x − y| = 4+6 + 6+8 + 3+1 = 28, within X 2+7+9 = 18, within Y 2.
    //   Ê = 2·28/6 − 18/3 − 2/1 = 4/3;  Q̂ = 6/5 · 4/3 = 1.6
    const q = qhatValues([2, 0, 9, 6, 8]);
    assert.equal(q.length, 6);
    near(q[2], 11.2, 'τ = 2');
    near(q[3], 1.6, 'τ = 3');
    for (const tau of [0, 1, 4, 5]) assert.equal(q[tau], -Infinity, `τ = ${tau}`);
  });

  it('[0, 0, 1, 1] splits only in the middle, Q̂ = 2; three points cannot be split', () => {
    // τ = 2: Σ|x − y| = 4, no spread within either side: Ê = 2·4/4 = 2, Q̂ = 4/4 · 2 = 2.
    assert.deepEqual(Array.from(qhatValues([0, 0, 1, 1])), [-Infinity, -Infinity, 2, -Infinity, -Infinity]);
    assert.deepEqual(Array.from(qhatValues([0, 5, 9])), full(4, -Infinity));
    assert.deepEqual(Array.from(qhatValues([0, 0, 0, 9, 9, 9], 3)), [
      ...full(3, -Infinity),
      // τ = 3 (minSize 3): Σ|x − y| = 9·9 = 81: Ê = 2·81/9 = 18, Q̂ = 9/6 · 18 = 27.
      27,
      ...full(3, -Infinity),
    ]);
  });
});

describe('the candidate split and the search', () => {
  // α = 1 accepts every candidate, so these show the order of the splits and where the search ends.
  const ALL = { alpha: 1, permutations: 9 };

  it('of equal Q̂ the earliest split is taken, and the search ends when no segment has 4 points', () => {
    // [0, 0, 1, 1, 0, 0]: τ = 2 and τ = 4 mirror each other (Q̂ = 4/9 both), τ = 3 is below (−2/3).
    const found = eDivisive([0, 0, 1, 1, 0, 0], ALL);
    assert.deepEqual(indexes(found), [2, 4]);
    near(found[0].qhat, 4 / 9, 'first split');
    near(found[1].qhat, 2, 'then [1, 1, 0, 0] in the middle');
  });

  it('of segments with equal Q̂ the earlier segment is split first', () => {
    // After the jump at 4, [0, 0, 1, 1] and [100, 100, 101, 101] both split at their middle, Q̂ = 2.
    const found = eDivisive([0, 0, 1, 1, 100, 100, 101, 101], ALL);
    assert.deepEqual(indexes(found), [4, 2, 6]);
    assert.deepEqual(
      found.slice(1).map((c) => c.qhat),
      [2, 2],
    );
  });

  it('finds every step of a staircase (segments are cut in time order, not as text)', () => {
    const found = eDivisive([...full(8, 0), ...full(8, 5), ...full(8, 10), ...full(8, 15)]);
    assert.deepEqual(
      indexes(found).sort((a, b) => a - b),
      [8, 16, 24],
    );
  });

  it('a segment too short to split takes no part in the later tests: a 3-commit level, then a +10% step', () => {
    const s = [...full(12, 0), ...full(3, 500), ...full(12, 1000), ...full(12, 1100)];
    assert.deepEqual(
      indexes(eDivisive(s)).sort((a, b) => a - b),
      [12, 15, 27],
    );
  });

  it('minSize keeps a split that many points from either end of its segment', () => {
    const early = [...full(3, 0), ...full(17, 9)];
    assert.deepEqual(indexes(eDivisive(early)), [3]);
    assert.deepEqual(indexes(eDivisive(early, { minSize: 5 })), [5]);
  });

  it('maxChangePoints stops the search after that many', () => {
    const s = [...full(15, 50), ...full(15, 100), ...full(15, 150)];
    assert.equal(eDivisive(s).length, 2);
    assert.equal(eDivisive(s, { maxChangePoints: 1 }).length, 1);
    assert.deepEqual(eDivisive(s, { maxChangePoints: 0 }), []);
  });

  it('rejects infinite values as well as NaN', () => {
    assert.throws(() => eDivisive([1, 2, Infinity, 4]), RangeError);
  });
});

describe('the permutation test', () => {
  it('p of [0, 0, 1, 1] is the share of its 6 arrangements that split as well: 2 of 6', () => {
    // Only [0, 0, 1, 1] and [1, 1, 0, 0] reach Q̂ = 2 (the "≥" counts the candidate's own order).
    const [c] = eDivisive([0, 0, 1, 1], { alpha: 1, permutations: 2999 });
    assert.equal(c.index, 2);
    assert.ok(Math.abs(c.probability - 1 / 3) < 0.03, `p ${c.probability}`);
  });

  it('every arrangement of a flat series reaches its Q̂ of 0, so p = R / (R + 1)', () => {
    const [c, ...rest] = eDivisive([5, 5, 5, 5], { alpha: 1, permutations: 9 });
    assert.deepEqual([c.index, c.qhat, c.probability, rest.length], [2, 0, 0.9, 0]);
  });

  it('is not significant at the default α = 0.05', () => {
    assert.deepEqual(eDivisive([0, 0, 1, 1]), []);
  });

  it('accepts a p exactly at α and rejects it just below', () => {
    const opts = { permutations: 5 };
    const [c] = eDivisive([0, 0, 1, 1], { ...opts, alpha: 1 });
    assert.ok(c.probability > 0 && c.probability < 1, `p ${c.probability}`);
    assert.equal(eDivisive([0, 0, 1, 1], { ...opts, alpha: c.probability }).length, 1);
    assert.deepEqual(eDivisive([0, 0, 1, 1], { ...opts, alpha: c.probability - 1e-9 }), []);
  });

  it('defaults to 199 permutations and seed 1234, so p is a count over 200', () => {
    const [c] = eDivisive([0, 0, 1, 1], { alpha: 1 });
    assert.ok(Number.isInteger(Math.round(c.probability * 200 * 1e6) / 1e6), `p ${c.probability}`);
    assert.deepEqual(eDivisive([0, 0, 1, 1], { alpha: 1, permutations: 199, seed: 1234 }), [c]);
    assert.notDeepEqual(eDivisive([0, 0, 1, 1], { alpha: 1, seed: 1 }), [c]);
  });
});
