import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { explainingSites } from '../../src/analyze/sites.js';
import type { SiteDelta } from '../../src/model-verdict.js';

function site(key: string, runtime: SiteDelta['runtime'], delta: number): SiteDelta {
  return { runtime, key, file: key, baseline: 0, current: delta, delta, isNew: false };
}

describe('the sites that explain a change', () => {
  const sites = [
    site('a.py:1', 'python', 700),
    site('b.py:2', 'python', 200),
    site('c.py:3', 'python', 50),
    site('shrunk.py:4', 'python', -500),
    site('main.go:9', 'go', 900),
  ];

  it('takes the biggest growing sites of the runtime until they cover 80% of the change', () => {
    const got = explainingSites(sites, 'python', 1000);
    assert.deepEqual(
      got.map((x) => [x.site.key, x.share]),
      [
        ['a.py:1', 0.7],
        ['b.py:2', 0.2],
      ],
    );
  });

  it('a Go regression names Go sites only; RTLoader memory can be held by Python code', () => {
    assert.deepEqual(
      explainingSites(sites, 'go', 1000).map((x) => x.site.key),
      ['main.go:9'],
    );
    assert.equal(explainingSites(sites, 'c', 1000)[0].site.key, 'a.py:1');
  });

  it('no growth, nothing to explain; a cap on how many', () => {
    assert.deepEqual(explainingSites(sites, 'python', 0), []);
    assert.deepEqual(explainingSites(sites, 'python', -10), []);
    assert.deepEqual(explainingSites(sites, 'python', NaN), [], 'a change that could not be measured');
    assert.equal(explainingSites(sites, 'python', 1e9, { max: 2 }).length, 2);
  });

  it('stops as soon as the sites cover the share asked for, exactly at it included', () => {
    // 700 + 200 = 900 of 1125 is exactly 80%: c.py:3 is not needed.
    assert.deepEqual(
      explainingSites(sites, 'python', 1125).map((x) => x.site.key),
      ['a.py:1', 'b.py:2'],
    );
    // a.py:1 alone covers half of 1400.
    assert.deepEqual(
      explainingSites(sites, 'python', 1400, { cover: 0.5 }).map((x) => x.site.key),
      ['a.py:1'],
    );
  });

  it('a change no site accounts for still names every growing site, never a shrunk or flat one', () => {
    const got = explainingSites([...sites, site('flat.py:5', 'python', 0)], 'python', 1e5, { max: 10 });
    assert.deepEqual(
      got.map((x) => [x.site.key, x.share]),
      [
        ['a.py:1', 0.007],
        ['b.py:2', 0.002],
        ['c.py:3', 0.0005],
      ],
    );
  });

  it('sites that grew alike are named in key order', () => {
    const tied = [site('z.py:1', 'python', 100), site('m.py:1', 'python', 100)];
    assert.deepEqual(
      explainingSites(tied, 'python', 1000).map((x) => x.site.key),
      ['m.py:1', 'z.py:1'],
    );
  });
});
