/**
 * Setting aside a run far outside the others (modified z-score of Iglewicz and Hoaglin,
 * |0.6745 (x − median) / MAD| > 5), at most one in every five runs and never below keepAtLeast.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { OUTLIER_Z, setAsideOutliers } from '../../src/analyze/outliers.js';

describe('setting aside outlier runs', () => {
  it('one run of five far above the others is set aside, the rest kept in order', () => {
    // median 100, |deviations| 1, 1, 0, 0, 400 → MAD 1; z of 500 = 0.6745 × 400 = 269.8.
    assert.deepEqual(setAsideOutliers([101, 99, 500, 100, 100], 4), {
      kept: [101, 99, 100, 100],
      setAside: [500],
    });
  });

  it('a run far below the others is set aside too (the score is two-sided)', () => {
    assert.deepEqual(setAsideOutliers([101, 99, 100, 100, 2], 4).setAside, [2]);
  });

  it('the cut-off is strict: a run exactly at z = 5 is kept, one just past it is set aside', () => {
    assert.equal(OUTLIER_Z, 5);
    // Ten runs: median 0, |deviations| six of 1349, three of 0 and the candidate → MAD 1349,
    // so a run at ±10000 scores 0.6745 × 10000 / 1349 = 5 exactly.
    const base = [-1349, -1349, -1349, 0, 0, 0, 1349, 1349, 1349];
    assert.deepEqual(setAsideOutliers([...base, 10000], 8).setAside, []);
    assert.deepEqual(setAsideOutliers([...base, -10000], 8).setAside, []);
    assert.deepEqual(setAsideOutliers([...base, 10001], 8).setAside, [10001]);
  });

  it('at most one run in five: with three outliers in ten runs, the two worst go, worst first', () => {
    const values = [100, 101, 99, 100, 101, 99, 100, 300, 900, 500];
    const got = setAsideOutliers(values, 2);
    assert.deepEqual(got.setAside, [900, 500]);
    assert.deepEqual(got.kept, [100, 101, 99, 100, 101, 99, 100, 300]);
  });

  it('fewer than five runs: nothing can be set aside', () => {
    assert.deepEqual(setAsideOutliers([100, 101, 99, 900], 1), { kept: [100, 101, 99, 900], setAside: [] });
  });

  it('never below keepAtLeast: five runs that must all be kept keep the outlier', () => {
    assert.deepEqual(setAsideOutliers([101, 99, 500, 100, 100], 5), {
      kept: [101, 99, 500, 100, 100],
      setAside: [],
    });
    // Ten runs, keepAtLeast 9: only one may go although two are outliers.
    const ten = [100, 101, 99, 100, 101, 99, 100, 100, 900, 500];
    assert.deepEqual(setAsideOutliers(ten, 9).setAside, [900]);
    // keepAtLeast above the number of runs: nothing goes (never a negative allowance), even with
    // three outliers among ten runs.
    const three = [100, 101, 99, 100, 101, 99, 100, 300, 900, 500];
    assert.deepEqual(setAsideOutliers(three, 11), { kept: three, setAside: [] });
  });

  it('no spread (most runs identical, MAD 0): no score to judge by, nothing set aside', () => {
    assert.deepEqual(setAsideOutliers([100, 100, 100, 100, 500], 4), {
      kept: [100, 100, 100, 100, 500],
      setAside: [],
    });
  });
});
