import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { parseExpvar } from '../../src/collect/expvar.js';
import { ParseError } from '../../src/errors.js';
import { sample } from './samples.js';

describe('parseExpvar', () => {
  it('reads the rtloader counters and memstats of the real Go runtime sample', () => {
    const v = parseExpvar(sample('go/vars.json'), 'vars.json');
    assert.deepEqual(v.rtloader, {
      AllocatedBytes: 102400,
      FreedBytes: 102400,
      Allocations: 250,
      Frees: 250,
      InuseBytes: 0,
      UntrackedFrees: 0,
    });
    assert.deepEqual(v.memstats, {
      HeapInuse: 3457024,
      HeapAlloc: 2640096,
      Sys: 19248392,
      NumGC: 12,
      HeapObjects: 1993,
      TotalAlloc: 32465536,
      Mallocs: 17192,
      Frees: 15199,
    });
  });

  it('reads the retaining sample: InuseBytes = AllocatedBytes − FreedBytes', () => {
    const r = parseExpvar(sample('go/vars-retaining.json'), 'vars-retaining.json').rtloader;
    assert.ok(r);
    assert.equal(r.InuseBytes, 750);
    assert.equal(r.AllocatedBytes - r.FreedBytes, r.InuseBytes);
  });

  it('accepts an old Agent without UntrackedFrees, and ignores unknown keys', () => {
    const doc = JSON.parse(sample('go/vars.json')) as Record<string, Record<string, unknown>>;
    delete doc.rtloader.UntrackedFrees;
    const v = parseExpvar(JSON.stringify({ ...doc, aggregator: { Flush: 3 }, forwarder: [1, 2] }), 'v');
    assert.ok(v.rtloader);
    assert.equal('UntrackedFrees' in v.rtloader, false);
    assert.equal(v.rtloader.Allocations, 250);
  });

  it('accepts a document with memstats only (the check command serves no rtloader)', () => {
    const doc = JSON.parse(sample('go/vars.json')) as Record<string, unknown>;
    delete doc.rtloader;
    const v = parseExpvar(JSON.stringify(doc), 'v');
    assert.equal(v.rtloader, undefined);
    assert.equal(v.memstats?.HeapInuse, 3457024);
  });

  const full = sample('go/vars.json');
  for (const [what, text] of [
    ['an empty file', ''],
    ['garbage text', 'hello'],
    ['truncated JSON', full.slice(0, full.length - 40)],
    ['a JSON array', '[1, 2]'],
    ['an object with neither rtloader nor memstats', '{"cmdline": ["x"]}'],
    ['rtloader that is not an object', '{"rtloader": 5}'],
    [
      'a missing counter',
      '{"rtloader": {"AllocatedBytes": 1, "FreedBytes": 0, "Allocations": 1, "Frees": 0}}',
    ],
    [
      'a counter that is a string',
      '{"rtloader": {"AllocatedBytes": "1", "FreedBytes": 0, "Allocations": 1, "Frees": 0, "InuseBytes": 1}}',
    ],
    [
      'a negative counter',
      '{"rtloader": {"AllocatedBytes": -1, "FreedBytes": 0, "Allocations": 1, "Frees": 0, "InuseBytes": 1}}',
    ],
    ['memstats missing HeapInuse', '{"memstats": {"HeapAlloc": 1}}'],
  ] as const) {
    it(`rejects ${what} with a ParseError`, () => {
      assert.throws(
        () => parseExpvar(text, 'vars.json'),
        (err: unknown) => err instanceof ParseError && err.where === 'vars.json',
      );
    });
  }
});
