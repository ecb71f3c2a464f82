import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { eDivisive } from '../../src/analyze/changepoint.js';
import { creepLine, detectCreep, growthStart, type CreepPoint } from '../../src/analyze/creep.js';
import { headCreep } from '../../src/analyze/history-analysis.js';
import { mulberry32 } from '../../src/analyze/stats.js';
import { appendPoints, emptyHistory, historyPoint } from '../../src/baseline/history.js';
import { checkReport } from '../baseline/helpers.js';

const M = 'python.check_run_alloc';

function series(values: number[]): CreepPoint[] {
  return values.map((value, i) => ({ commit: (0xabc1234000 + i).toString(16).padEnd(40, '0'), value }));
}

function noisy(n: number, seed: number, level = 100_000, noise = 0.005): number[] {
  const rnd = mulberry32(seed);
  return Array.from({ length: n }, () => level * (1 + (rnd() - 0.5) * 2 * noise));
}

/** 20 flat merges, then ten merges of +2% each (none over the 5% threshold). */
function ramp(seed = 1): number[] {
  const flat = noisy(20, seed);
  const ramped = noisy(10, seed + 1).map((v, i) => v * 1.02 ** (i + 1));
  return [...flat, ...ramped];
}

function cps(values: number[]): number[] {
  return eDivisive(values).map((c) => c.index);
}

describe('creeping growth', () => {
  it('finds the ramp of ten +2% merges: about 22% over the last 10 merges, since the first of them', () => {
    const values = ramp();
    const s = series(values);
    const f = detectCreep(M, s, cps(values));
    assert.ok(f, 'creep found');
    assert.equal(f.window, 'last-merges');
    assert.equal(f.merges, 10);
    assert.equal(f.since.commit, s[19].commit);
    assert.ok(f.rise > 0.18 && f.rise < 0.26, `rise ${f.rise}`);
    assert.equal(
      creepLine(f),
      `check\\_run\\_alloc has risen ${Math.round(f.rise * 100)}% over the last 10 merges (since \`abc1234\`)`,
    );
    assert.equal(
      creepLine(f, { format: 'text', check: 'postgres' }),
      `postgres: check_run_alloc has risen ${Math.round(f.rise * 100)}% over the last 10 merges (since abc1234)`,
    );
  });

  it('leaves a step to the gate: one merge over the threshold is not creep', () => {
    const values = [...noisy(20, 3), ...noisy(10, 4).map((v) => v * 1.25)];
    assert.equal(detectCreep(M, series(values), cps(values)), undefined);
  });

  it('finds nothing in noise, nor in a rise under the threshold', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const values = noisy(40, seed * 7, 100_000, 0.02);
      assert.equal(detectCreep(M, series(values), cps(values)), undefined, `seed ${seed}`);
    }
    const small = [...noisy(20, 5), ...noisy(10, 6).map((v, i) => v * 1.004 ** (i + 1))];
    assert.equal(detectCreep(M, series(small), cps(small)), undefined);
  });

  it('measures growth since the last change point when it spans more than the window', () => {
    // A level, then 16 merges of +1%: the 10-merge window sees ~10.5%, since the merge before the
    // change point ~17%.
    const values = [
      ...noisy(20, 8, 100_000, 0.001),
      ...noisy(16, 9, 100_000, 0.001).map((v, i) => v * 1.01 ** (i + 1)),
    ];
    const f = detectCreep(M, series(values), [20]);
    assert.ok(f);
    assert.equal(f.window, 'since-change-point');
    assert.equal(f.merges, 16);
    assert.equal(f.since.commit, series(values)[19].commit);
  });

  it('follows a ramp that E-Divisive cut into several upward change points back to its start', () => {
    const values = [
      ...noisy(20, 11, 100_000, 0.001),
      ...noisy(10, 12, 100_000, 0.001).map((v, i) => v * 1.02 ** (i + 1)),
      ...noisy(20, 13, 100_000 * 1.02 ** 10, 0.001),
    ];
    assert.equal(growthStart(values, [23, 27, 30]), 23);
    assert.equal(
      growthStart(values, [5, 23]),
      23,
      'an earlier change that did not raise the level stops the walk',
    );
    assert.equal(growthStart([1, 1, 1, 5, 5, 5, 2, 2, 2], [3, 6]), -1, 'the last change was a drop');
    const f = detectCreep(M, series(values), [23, 27, 30]);
    assert.ok(f);
    assert.equal(f.window, 'since-change-point');
    assert.equal(f.since.commit, series(values)[22].commit);
  });

  it('escapes store text in the Markdown line', () => {
    const f = detectCreep('python.<img src=x>', series(ramp(2)), []);
    assert.ok(f);
    const line = creepLine({ ...f, since: { ...f.since, commit: 'x`y' } }, { check: '@team' });
    assert.ok(!line.includes('<img'), line);
    assert.match(line, /&lt;img src=x&gt;/);
    assert.match(line, /``x`y``/);
  });
});

describe('creep at the head of a PR', () => {
  it('appends the head to the branch history: the tenth +2% merge makes the ramp creep, a steady head does not', () => {
    const level = (i: number): number => 50 * 1024 * 1.02 ** Math.max(0, i - 19);
    let doc = emptyHistory('redis');
    for (let i = 0; i < 29; i++)
      doc = appendPoints(doc, [
        historyPoint(checkReport('redis', '1.0.0', [level(i)]), {
          commit: `${i}`.padStart(40, 'a'),
          date: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
          id: `p${i}`,
        }),
      ]);
    const [f, ...rest] = headCreep(doc, checkReport('redis', '1.0.0', [level(29)]), 'f'.repeat(40));
    assert.equal(rest.length, 0);
    assert.ok(f);
    assert.equal(f.latest.commit, 'f'.repeat(40));
    assert.match(
      creepLine(f),
      /^check\\_run\\_alloc has risen 22% over the last 10 merges \(since `a{7}`\)$/,
    );
    const flat = headCreep(
      appendPoints(emptyHistory('redis'), doc.points.slice(0, 19)),
      checkReport('redis', '1.0.0', [level(0)]),
      'f'.repeat(40),
    );
    assert.deepEqual(flat, []);
    assert.deepEqual(
      headCreep(undefined, checkReport('redis', '1.0.0', [1]), 'f'.repeat(40)),
      [],
      'no history yet',
    );
  });
});
