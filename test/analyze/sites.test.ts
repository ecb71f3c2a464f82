/**
 * Growing allocation sites: median bytes held per run on each side (a run the site did not show in
 * held 0 there), the biggest growth first, new sites flagged.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { growingSites } from '../../src/analyze/sites.js';
import type { AllocationSite, CheckReport } from '../../src/model.js';

/** A report with `runs` runs of pymem inuse and the given sites. */
function report(runs: number, sites: AllocationSite[]): CheckReport {
  return {
    check: { name: 'queue_stats', version: '1.0.0' },
    metrics: {
      'python.pymem.inuse': { runs: Array.from({ length: runs }, () => ({ value: 1, series: [] })) },
    },
    sites,
    notes: [],
  };
}

const py = (key: string, bytes: number[], extra: Partial<AllocationSite> = {}): AllocationSite => ({
  runtime: 'python',
  key,
  file: key.split(':')[0],
  bytes,
  ...extra,
});

describe('growing sites', () => {
  it('compares the median per run on each side, biggest growth first, within the top N', () => {
    const base = report(3, [py('a.py:1', [100, 900, 200]), py('b.py:2', [100, 100, 100])]);
    const cur = report(3, [
      py('a.py:1', [300, 250, 5000]),
      py('b.py:2', [600, 700, 650]),
      py('c.py:3', [10, 20, 30]),
    ]);
    const got = growingSites(cur, base, 10);
    assert.deepEqual(
      got.map((d) => [d.key, d.baseline, d.current, d.delta, d.isNew]),
      [
        ['b.py:2', 100, 650, 550, false],
        ['a.py:1', 200, 300, 100, false],
        ['c.py:3', 0, 20, 20, true],
      ],
    );
    assert.deepEqual(
      growingSites(cur, base, 2).map((d) => d.key),
      ['b.py:2', 'a.py:1'],
    );
  });

  it('a site missing from some runs held 0 there', () => {
    // Five runs; the site shows in two of them: median of [4096, 4096, 0, 0, 0] is 0, no growth.
    assert.deepEqual(growingSites(report(5, [py('a.py:1', [4096, 4096])]), undefined, 10), []);
    // In three of five: median 4096.
    assert.equal(growingSites(report(5, [py('a.py:1', [4096, 4096, 4096])]), undefined, 10)[0].current, 4096);
  });

  it('the number of runs also counts sites with more runs than the metrics', () => {
    // Metrics have one run, but one site has four: the other site's single entry is one run in four.
    const cur = report(1, [py('a.py:1', [5, 5, 5, 5]), py('b.py:2', [800])]);
    assert.deepEqual(
      growingSites(cur, undefined, 10).map((d) => [d.key, d.current]),
      [['a.py:1', 5]],
    );
  });

  it('a site that held the same or less is not growing; a site with no entries holds nothing', () => {
    const base = report(1, [py('same.py:1', [500]), py('less.py:2', [500])]);
    const cur = {
      ...report(0, [py('same.py:1', [500]), py('less.py:2', [400]), py('empty.py:3', [])]),
      metrics: {},
    };
    assert.deepEqual(growingSites(cur, base, 10), []);
    // No runs at all (no metrics, no site entries): nothing to take a median of, nothing grew.
    assert.deepEqual(growingSites({ ...report(0, [py('empty.py:3', [])]), metrics: {} }, undefined, 10), []);
  });

  it('without a baseline every site is compared against 0 and none is flagged new', () => {
    const got = growingSites(report(1, [py('a.py:1', [64])]), undefined, 10);
    assert.deepEqual(
      got.map((d) => [d.baseline, d.delta, d.isNew]),
      [[0, 64, false]],
    );
  });

  it('sites are matched by runtime and key: the same key in another runtime is a new site', () => {
    const base = report(1, [{ runtime: 'go', key: 'x:1', file: 'x', bytes: [1000] }]);
    const got = growingSites(report(1, [py('x:1', [800])]), base, 10);
    assert.deepEqual(
      got.map((d) => [d.baseline, d.delta, d.isNew]),
      [[0, 800, true]],
    );
  });

  it('equal growth is ordered by key', () => {
    const got = growingSites(
      report(1, [py('b.py:1', [10]), py('a.py:1', [10]), py('c.py:1', [10])]),
      undefined,
      10,
    );
    assert.deepEqual(
      got.map((d) => d.key),
      ['a.py:1', 'b.py:1', 'c.py:1'],
    );
  });

  it('carries line, function and source when the site has them, and only then', () => {
    const [full] = growingSites(
      report(1, [py('a.py:7', [10], { line: 7, function: 'load', source: 'cache.append(x)' })]),
      undefined,
      10,
    );
    assert.deepEqual(full, {
      runtime: 'python',
      key: 'a.py:7',
      file: 'a.py',
      line: 7,
      function: 'load',
      source: 'cache.append(x)',
      baseline: 0,
      current: 10,
      delta: 10,
      isNew: false,
    });
    const [bare] = growingSites(report(1, [py('a.py:7', [10])]), undefined, 10);
    assert.deepEqual(Object.keys(bare).sort(), [
      'baseline',
      'current',
      'delta',
      'file',
      'isNew',
      'key',
      'runtime',
    ]);
  });

  it('object counts: the change of the median count, against 0 when the baseline did not count', () => {
    const base = report(3, [
      py('a.py:1', [100, 100, 100], { count: [2, 3, 4] }),
      py('b.py:2', [100, 100, 100]),
    ]);
    const cur = report(3, [
      py('a.py:1', [200, 200, 200], { count: [10, 9, 8] }),
      py('b.py:2', [200, 200, 200], { count: [5, 7, 6] }),
      py('new.py:3', [50, 50, 50], { count: [1, 2, 3] }),
    ]);
    const got = growingSites(cur, base, 10);
    assert.deepEqual(
      got.map((d) => [d.key, d.countDelta]),
      [
        ['a.py:1', 6],
        ['b.py:2', 6],
        ['new.py:3', 2],
      ],
    );
  });
});
