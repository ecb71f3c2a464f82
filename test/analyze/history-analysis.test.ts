/**
 * What a check's history says per metric: the level changes (the levels around each change point,
 * oldest first) and creeping growth, both from the stored points and with a PR's head appended.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { analyzeHistory, headCreep, levelChanges } from '../../src/analyze/history-analysis.js';
import type { HistoryDocument, HistoryPoint } from '../../src/baseline/history.js';
import type { CheckReport } from '../../src/model.js';

const full = (n: number, v: number): number[] => new Array<number>(n).fill(v);
/** Three levels of 15 commits: 50, 100, 150. */
const STEPS = [...full(15, 50), ...full(15, 100), ...full(15, 150)];
/** 20 flat merges, then ten merges of +2% each: +21.9% over the last 10, none past 5%. */
const RAMP = [...full(20, 100), ...Array.from({ length: 10 }, (_, i) => 100 * 1.02 ** (i + 1))];

function point(i: number, metrics: Record<string, number>, instance = ''): HistoryPoint {
  return {
    commit: `c${i}`,
    date: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
    version: `1.${i}.0`,
    instance,
    id: `p${i}${instance}`,
    metrics: Object.fromEntries(
      Object.entries(metrics).map(([m, median]) => [m, { median, spread: 0, runs: 1 }]),
    ),
  };
}

function doc(points: HistoryPoint[]): HistoryDocument {
  return { schemaVersion: 1, check: 'mycheck', points } as HistoryDocument;
}

const series = (values: number[], metric = 'python.a'): HistoryPoint[] =>
  values.map((v, i) => point(i, { [metric]: v }));

describe('level changes', () => {
  it('oldest first, each with the commit it starts at and the median level on either side', () => {
    const pts = series(STEPS);
    const changes = levelChanges(pts, STEPS);
    assert.deepEqual(
      changes.map((c) => [c.index, c.commit, c.version, c.date, c.before, c.after, c.relative]),
      [
        [15, 'c15', '1.15.0', pts[15].date, 50, 100, 1],
        [30, 'c30', '1.30.0', pts[30].date, 100, 150, 0.5],
      ],
    );
    assert.ok(changes.every((c) => c.probability <= 0.05 && c.qhat > 0));
  });

  it('in time order even when the later change was found first', () => {
    const v = [...full(15, 50), ...full(15, 60), ...full(15, 150)];
    const changes = levelChanges(series(v), v);
    assert.deepEqual(
      changes.map((c) => [c.index, c.before, c.after]),
      [
        [15, 50, 60],
        [30, 60, 150],
      ],
    );
    assert.ok(Math.abs(changes[0].relative - 0.2) < 1e-12 && changes[1].relative === 1.5);
  });

  it('a rise from a level of 0 is infinite, a change between two levels of 0 is none', () => {
    const v = [0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 0];
    // α = 1 keeps every split, down to segments of 2: 3 (0 → 1), 5 (1 → 0), 7 (0 → 0), 9 (0 → 0).
    const changes = levelChanges(series(v), v, { alpha: 1, permutations: 9 });
    assert.deepEqual(
      changes.map((c) => [c.index, c.before, c.after, c.relative]),
      [
        [3, 0, 1, Infinity],
        [5, 1, 0, -1],
        [7, 0, 0, 0],
        [9, 0, 0, 0],
      ],
    );
  });
});

describe('analyzeHistory', () => {
  const history = doc(
    RAMP.map((v, i) =>
      point(i, { 'python.ramp': v, 'python.flat': 100, ...(i < 3 ? { 'python.short': 1 } : {}) }),
    ),
  );

  it('every metric, sorted, each with its own series; creep only where there is some', () => {
    const all = analyzeHistory(history);
    assert.deepEqual(
      all.map((h) => [h.metric, h.values.length]),
      [
        ['python.flat', 30],
        ['python.ramp', 30],
        ['python.short', 3],
      ],
    );
    const [flat, ramp] = all;
    assert.ok(!('creep' in flat), 'no creep key on a flat metric');
    assert.equal(ramp.creep?.metric, 'python.ramp');
    assert.equal(ramp.creep?.since.commit, 'c19');
    assert.deepEqual(ramp.points[0], history.points[0]);
  });

  it('only the metric asked for; options reach the change points and the creep rule', () => {
    const [ramp, ...rest] = analyzeHistory(history, { metric: 'python.ramp' });
    assert.equal(rest.length, 0);
    assert.equal(ramp.metric, 'python.ramp');
    assert.ok(ramp.changes.length > 0);
    const quiet = analyzeHistory(history, {
      metric: 'python.ramp',
      changePoints: { maxChangePoints: 0 },
      creep: { threshold: 0.5 },
    });
    assert.deepEqual(quiet[0].changes, []);
    assert.equal(quiet[0].creep, undefined);
    assert.deepEqual(analyzeHistory(history, { metric: 'python.none' }), []);
  });

  it('creep is measured from the change points found in the series', () => {
    // 16 merges of +1% after 20 flat ones: E-Divisive cuts the ramp, and the rise since its start
    // (more than 10 merges back) is the larger one.
    const long = [...full(20, 100), ...Array.from({ length: 16 }, (_, i) => 100 * 1.01 ** (i + 1))];
    const [h] = analyzeHistory(doc(series(long)));
    assert.equal(h.creep?.window, 'since-change-point');
    assert.equal(h.creep?.since.commit, `c${h.changes[0].index - 1}`, 'the commit before the first change');
  });

  it('each instance is a series of its own', () => {
    const two = doc([
      ...RAMP.map((v, i) => point(i, { 'python.x': v }, 'a')),
      ...RAMP.map((_, i) => point(i, { 'python.x': 100 }, 'b')),
    ]);
    const [a, b] = analyzeHistory(two);
    assert.deepEqual([a.instance, b.instance], ['a', 'b']);
    assert.ok(a.creep);
    assert.equal(b.creep, undefined);
  });
});

describe('creep at the head of a PR', () => {
  function head(metrics: Record<string, number>, instance?: string): CheckReport {
    return {
      check: instance
        ? { name: 'mycheck', version: '2.0.0', instance }
        : { name: 'mycheck', version: '2.0.0' },
      metrics: Object.fromEntries(
        Object.entries(metrics).map(([m, v]) => [m, { runs: [{ value: v, series: [] }] }]),
      ),
      sites: [],
      notes: [],
    };
  }
  const past = RAMP.slice(0, 29);

  it('the head completes the ramp for every metric it measured, on its own instance only', () => {
    const d = doc([
      ...past.map((v, i) => point(i, { 'python.a': v, 'python.b': v }, 'x')),
      ...past.map((_, i) => point(i, { 'python.a': 100 }, 'y')),
    ]);
    const found = headCreep(d, head({ 'python.a': RAMP[29], 'python.b': RAMP[29] }, 'x'), 'HEAD');
    assert.deepEqual(
      found.map((f) => [f.metric, f.since.commit, f.latest.commit, f.merges]),
      [
        ['python.a', 'c19', 'HEAD', 10],
        ['python.b', 'c19', 'HEAD', 10],
      ],
    );
    assert.deepEqual(headCreep(d, head({ 'python.a': RAMP[29] }, 'y'), 'HEAD'), []);
  });

  it('passes the creep options through, and without a history there is nothing to creep', () => {
    const d = doc(series(past));
    assert.equal(headCreep(d, head({ 'python.a': RAMP[29] }), 'HEAD').length, 1);
    assert.deepEqual(headCreep(d, head({ 'python.a': RAMP[29] }), 'HEAD', { creep: { threshold: 0.5 } }), []);
    assert.deepEqual(headCreep(undefined, head({ 'python.a': RAMP[29] }), 'HEAD'), []);
    // 16 merges of +1%: measured from the change points E-Divisive cuts the ramp into (more than
    // 10 merges back), or over the last 10 merges when change points are turned off.
    const long = [...full(20, 100), ...Array.from({ length: 16 }, (_, i) => 100 * 1.01 ** (i + 1))];
    const d16 = doc(series(long.slice(0, 35)));
    const [since] = headCreep(d16, head({ 'python.a': long[35] }), 'HEAD');
    assert.equal(since.window, 'since-change-point');
    assert.ok(since.merges > 10, `merges ${since.merges}`);
    const [last] = headCreep(d16, head({ 'python.a': long[35] }), 'HEAD', {
      changePoints: { maxChangePoints: 0 },
    });
    assert.equal(last.window, 'last-merges');
  });
});
