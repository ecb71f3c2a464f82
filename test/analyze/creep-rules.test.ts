/**
 * The rules of creeping growth on windows small enough to check by hand, and the creep line's
 * wording. The realistic ramps (noisy, 30 merges, E-Divisive change points) are in
 * test/history/creep.test.ts.
 *
 * Mann-Kendall here is the normal approximation with continuity correction: for n strictly
 * increasing points S = n(n−1)/2, var = n(n−1)(2n+5)/18, z = (S − 1)/√var, p = 1 − Φ(z):
 * n = 3 → z = 2/√(11/3) = 1.0445, p = 0.148; n = 4 → z = 5/√(26/3) = 1.698, p = 0.0447.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  creepLine,
  detectCreep,
  growthStart,
  metricLabel,
  type CreepFinding,
  type CreepPoint,
} from '../../src/analyze/creep.js';

const M = 'python.check_run_alloc';
const points = (values: number[]): CreepPoint[] => values.map((value, i) => ({ commit: `c${i}`, value }));
/** Two merges of +6% each: a 12.36% rise, 6% without the biggest step. */
const TWO_STEPS = [100, 106, 112.36];

describe('when a window creeps', () => {
  it('a window of two merges can creep when Mann-Kendall allows it (α 0.2 > p 0.148)', () => {
    const f = detectCreep(M, points(TWO_STEPS), [], { merges: 2, alpha: 0.2 });
    assert.ok(f, 'creep found');
    assert.equal(f.window, 'last-merges');
    assert.equal(f.merges, 2);
    assert.deepEqual(f.since, { commit: 'c0', value: 100 });
    assert.deepEqual(f.latest, { commit: 'c2', value: 112.36 });
    assert.ok(Math.abs(f.rise - 0.1236) < 1e-12, `rise ${f.rise}`);
    assert.ok(Math.abs(f.p - 0.148) < 0.001, `p ${f.p}`);
    // The same window at the default α: three points can never reach p < 0.05.
    assert.equal(detectCreep(M, points(TWO_STEPS), [], { merges: 2 }), undefined);
  });

  it('a p exactly at α is not a trend', () => {
    const f = detectCreep(M, points(TWO_STEPS), [], { merges: 2, alpha: 0.2 });
    assert.ok(f);
    assert.equal(detectCreep(M, points(TWO_STEPS), [], { merges: 2, alpha: f.p }), undefined);
  });

  it('four rising points creep at the default α (p 0.0447); one merge or none never does', () => {
    const f = detectCreep(M, points([100, 106, 112, 118]), []);
    assert.ok(f);
    assert.equal(f.merges, 3);
    assert.ok(Math.abs(f.p - 0.0447) < 0.0005, `p ${f.p}`);
    assert.equal(detectCreep(M, points([100, 200]), [], { alpha: 1 }), undefined);
    assert.equal(detectCreep(M, [], [], { alpha: 1 }), undefined);
  });

  it('without its biggest step the window must rise past the threshold, not just reach it', () => {
    // +25% then +25%: a 56.25% rise, exactly 25% without the biggest step.
    const o = { merges: 2, alpha: 0.2, threshold: 0.25 };
    assert.equal(detectCreep(M, points([100, 125, 156.25]), [], o), undefined);
    // Two +26% steps: 26% without either.
    assert.ok(detectCreep(M, points([100, 126, 158.76]), [], o));
  });

  it('a window that starts at 0 has no relative rise', () => {
    assert.equal(detectCreep(M, points([0, 100, 106, 112.36]), [], { alpha: 0.5 }), undefined);
  });

  it('a window through a value at or below 0 has no relative step, so it never creeps', () => {
    // [100, −5, 120, 130, 140] rises 40% with S = 8 (p = 0.043): it would creep but for the dip.
    assert.ok(detectCreep(M, points([100, 110, 120, 130, 140]), []));
    assert.equal(detectCreep(M, points([100, -5, 120, 130, 140]), []), undefined);
    assert.equal(detectCreep(M, points([100, 0, 120, 130, 140]), []), undefined);
  });

  it('merges must be an integer of at least 2', () => {
    assert.throws(
      () => detectCreep(M, points(TWO_STEPS), [], { merges: 1 }),
      /merges must be an integer ≥ 2, got 1/,
    );
    assert.throws(() => detectCreep(M, points(TWO_STEPS), [], { merges: 2.5 }), /got 2\.5/);
  });

  it('reports the larger rise when both windows creep: the last merges over a late change point', () => {
    // Ten +2% merges; a change point at the 6th of them: since it, five merges (+10.4%); over the
    // last 10 merges, +21.9%.
    const values = [
      ...new Array<number>(10).fill(100),
      ...Array.from({ length: 10 }, (_, i) => 100 * 1.02 ** (i + 1)),
    ];
    const late = detectCreep(M, points(values), [15]);
    assert.ok(late);
    assert.equal(late.window, 'last-merges');
    assert.ok(Math.abs(late.rise - (1.02 ** 10 - 1)) < 1e-9, `rise ${late.rise}`);
    // A change point before the ramp and a 3-merge window: the window since the change point
    // (15 merges, the whole ramp) has the larger rise; the last 3 merges alone do not creep.
    const early = detectCreep(M, points(values), [5], { merges: 3 });
    assert.ok(early);
    assert.equal(early.window, 'since-change-point');
    assert.equal(early.merges, 15);
    assert.equal(early.since.commit, 'c4');
  });
});

describe('where the latest rise began', () => {
  const stairs = [
    ...new Array<number>(5).fill(1),
    ...new Array<number>(5).fill(2),
    ...new Array<number>(5).fill(3),
  ];

  it('walks back over every change point that raised the level, whatever order they come in', () => {
    assert.equal(growthStart(stairs, [5, 10]), 5);
    assert.equal(growthStart(stairs, [10, 5, 10]), 5, 'sorted as numbers, duplicates dropped');
    assert.equal(growthStart(stairs, [10]), 10);
    assert.equal(growthStart([1, 1, 1, 5, 5, 5], [3]), 3);
    assert.equal(growthStart([1, 5, 5, 5], [1]), 1, 'a change point at index 1 counts');
  });

  it('ignores change points outside the series', () => {
    assert.equal(growthStart(stairs, [5, 10, 15, 40, -3]), 5);
    assert.equal(growthStart(stairs, []), -1);
  });

  it('a change point between equal levels is not a rise: the walk stops there', () => {
    assert.equal(growthStart([1, 1, 1, 1, 1, 1, 5, 5, 5], [3, 6]), 6);
    assert.equal(growthStart([5, 5, 5, 1, 1, 1], [3]), -1);
  });
});

describe('the creep line', () => {
  const f: CreepFinding = {
    metric: 'go.heap_inuse',
    window: 'last-merges',
    rise: 0.064,
    merges: 1,
    // A SHA-256 commit id: 64 hex digits, every end of both ranges.
    since: { commit: '09af'.repeat(16), value: 100 },
    latest: { commit: 'b'.repeat(40), value: 106.4 },
    p: 0.01,
  };
  const text = (g: Partial<CreepFinding>): string => creepLine({ ...f, ...g }, { format: 'text' });

  it('says "the last merge" for one merge and rounds the rise to a whole percent', () => {
    assert.equal(text({}), `heap_inuse has risen 6% over the last merge (since 09af09a)`);
    assert.equal(
      text({ merges: 2, rise: 0.065 }),
      `heap_inuse has risen 7% over the last 2 merges (since 09af09a)`,
    );
  });

  it('shortens a commit id of 7 to 64 hex digits (either case), and nothing else', () => {
    const since = (commit: string): string =>
      text({ since: { commit, value: 1 } }).replace(/.*\(since (.*)\)$/, '$1');
    assert.equal(since('ABCDEF0123'), 'ABCDEF0');
    assert.equal(since('9F0A1B2C3D'), '9F0A1B2');
    assert.equal(since('abcdef1'), 'abcdef1');
    assert.equal(since('a'.repeat(65)), 'a'.repeat(65));
    assert.equal(since('v1.2.3'), 'v1.2.3');
    assert.equal(since('release-abcdef1234'), 'release-abcdef1234');
    assert.equal(since('abcdef1234-dirty'), 'abcdef1234-dirty');
  });

  it('drops only the runtime prefix from the metric', () => {
    assert.equal(metricLabel('python.pymem.inuse'), 'pymem.inuse');
    assert.equal(metricLabel('go.heap_inuse'), 'heap_inuse');
    assert.equal(metricLabel('c.rtloader.allocations'), 'rtloader.allocations');
    assert.equal(metricLabel('cpu.time'), 'cpu.time');
    assert.equal(metricLabel('custom.python.x'), 'custom.python.x');
  });
});
