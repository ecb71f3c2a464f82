/**
 * Profiling options of the two sides: which differ, and what that rules out of the comparison.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { notCompared, optionDifferences } from '../../src/analyze/options.js';
import { UNKNOWN_PROFILING, type ProfilingOptions } from '../../src/model.js';

const ALLOC = 'python.check_run_alloc';
const opts = (o: Partial<ProfilingOptions>): ProfilingOptions => ({ ...UNKNOWN_PROFILING, ...o });

describe('option differences', () => {
  it('lists options known on both sides with different values, spelled as the Agent flag', () => {
    assert.deepEqual(
      optionDifferences(
        opts({ gc: true, frames: 1, unit: 'KiB', sort: 'lineno', verbose: false }),
        opts({ gc: false, frames: 5, unit: 'KiB', sort: 'filename', verbose: 'unknown' }),
      ),
      [
        { option: 'gc', baseline: '1', head: '0' },
        { option: 'frames', baseline: '1', head: '5' },
        { option: 'sort', baseline: 'lineno', head: 'filename' },
      ],
    );
  });

  it('an option unknown on either side, or a side without options, is no difference', () => {
    assert.deepEqual(optionDifferences(opts({ gc: 'unknown' }), opts({ gc: true })), []);
    assert.deepEqual(optionDifferences(opts({ gc: true }), opts({ gc: 'unknown' })), []);
    assert.deepEqual(optionDifferences(undefined, opts({ gc: true })), []);
    assert.deepEqual(optionDifferences(opts({ gc: true }), undefined), []);
  });
});

describe('what the options rule out', () => {
  it('a different gc: check_run_alloc and the sites are not compared, said in one note', () => {
    const nc = notCompared(opts({ gc: true }), opts({ gc: false }));
    assert.deepEqual([...nc.metrics], [ALLOC]);
    assert.deepEqual([...nc.neverGated], []);
    assert.equal(nc.sites, true);
    assert.deepEqual(nc.notes, [`baseline gc=1, head gc=0: ${ALLOC}, allocation sites not compared`]);
  });

  it('a different frames or sort changes only the site keys', () => {
    const nc = notCompared(opts({ frames: 1 }), opts({ frames: 5 }));
    assert.deepEqual([...nc.metrics], []);
    assert.equal(nc.sites, true);
    assert.deepEqual(nc.notes, ['baseline frames=1, head frames=5: allocation sites not compared']);
  });

  it('each option rules out what it changes: the check_run_alloc totals, the site keys, or both', () => {
    const both = `${ALLOC}, allocation sites`;
    const cases: [Partial<ProfilingOptions>, Partial<ProfilingOptions>, string][] = [
      [{ gc: true }, { gc: false }, both],
      [{ combine: false }, { combine: true }, both],
      [{ filters: 'a' }, { filters: 'b' }, both],
      [{ verbose: false }, { verbose: true }, both],
      [{ unit: 'B' }, { unit: 'KiB' }, both],
      [{ frames: 1 }, { frames: 5 }, 'allocation sites'],
      [{ sort: 'lineno' }, { sort: 'filename' }, 'allocation sites'],
      [{ limit: 10 }, { limit: 20 }, 'allocation sites'],
    ];
    for (const [b, h, what] of cases) {
      const nc = notCompared(opts(b), opts(h));
      const option = Object.keys(b)[0];
      assert.ok(
        nc.notes.some((n) => n.startsWith(`baseline ${option}=`) && n.endsWith(`: ${what} not compared`)),
        `${option}: ${nc.notes.join(' | ')}`,
      );
      assert.equal(nc.sites, true, option);
      assert.equal(nc.metrics.has(ALLOC), what === both, option);
      assert.equal(nc.metrics.size, what === both ? 1 : 0, option);
    }
  });

  it('a different diff mode changes nothing that is compared: no note, sites still compared', () => {
    const nc = notCompared(opts({ diff: 'absolute' }), opts({ diff: 'positive' }));
    assert.deepEqual(nc, { metrics: new Set(), neverGated: new Set(), sites: false, notes: [] });
  });

  it('an option that rules out sites keeps them ruled out when a later one does not', () => {
    const nc = notCompared(opts({ limit: 10, diff: 'absolute' }), opts({ limit: 20, diff: 'positive' }));
    assert.equal(nc.sites, true);
    assert.equal(nc.notes.length, 1);
  });

  it('combine on either side: check_run_alloc totals are never gated, even with no baseline', () => {
    for (const [base, head] of [
      [opts({ combine: true }), undefined],
      [undefined, opts({ combine: true })],
      [opts({ combine: false }), opts({ combine: true })],
    ] as const) {
      const nc = notCompared(base, head);
      assert.deepEqual([...nc.neverGated], [ALLOC]);
      assert.ok(nc.metrics.has(ALLOC));
      assert.match(nc.notes[0], /combine=1: the python\.check_run_alloc totals double-count caller frames/);
    }
  });

  it('no options on either side: everything compared', () => {
    assert.deepEqual(notCompared(undefined, undefined), {
      metrics: new Set(),
      neverGated: new Set(),
      sites: false,
      notes: [],
    });
    assert.deepEqual(notCompared(opts({ combine: false }), opts({ combine: false })).notes, []);
  });
});
