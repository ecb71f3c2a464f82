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
    assert.equal(explainingSites(sites, 'python', 1e9, { max: 2 }).length, 2);
  });
});
