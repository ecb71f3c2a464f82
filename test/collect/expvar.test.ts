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
    assert.equal(v.runs, undefined, 'a plain Go service has no runner stats');
  });

  const withRunner = (runner: unknown): string =>
    JSON.stringify({ ...(JSON.parse(sample('go/vars.json')) as object), runner });

  it("reads the Agent's runner stats: TotalRuns per check name and check ID, and the total", () => {
    const v = parseExpvar(
      withRunner({
        Checks: {
          c_leak: {
            'c_leak:5f2c': { CheckName: 'c_leak', CheckID: 'c_leak:5f2c', TotalRuns: 7, TotalErrors: 0 },
          },
          disk: { 'disk:1': { TotalRuns: 2 }, 'disk:2': { TotalRuns: 3, LastError: '' } },
        },
        Errors: 0,
        Runs: 12,
        Running: { 'c_leak:5f2c': '2025-11-27T10:00:00Z' },
        Workers: 4,
      }),
      'v',
    );
    assert.deepEqual(v.runs, {
      total: 12,
      checks: {
        c_leak: { 'c_leak:5f2c': { totalRuns: 7 } },
        disk: { 'disk:1': { totalRuns: 2 }, 'disk:2': { totalRuns: 3 } },
      },
    });
    assert.equal(v.rtloader?.Allocations, 250, 'the other keys are still read');
  });

  it('runner stats before any run: no Runs, and Checks empty, null or absent', () => {
    for (const runner of [
      { Checks: {} },
      { Checks: null, Running: {} },
      { Workers: 4 },
      { Checks: { x: null } },
    ])
      assert.deepEqual(parseExpvar(withRunner(runner), 'v').runs?.total, undefined);
    assert.deepEqual(parseExpvar(withRunner({ Checks: null }), 'v').runs, { checks: {} });
    assert.deepEqual(parseExpvar(withRunner({ Checks: { x: null } }), 'v').runs, { checks: { x: {} } });
  });

  it('a check named __proto__ stays a plain key', () => {
    // A computed key makes an own "__proto__" property, so the JSON text carries it as a name.
    const checks = parseExpvar(withRunner({ Checks: { ['__proto__']: { 'a:1': { TotalRuns: 1 } } } }), 'v')
      .runs?.checks;
    assert.ok(checks && Object.hasOwn(checks, '__proto__'));
    assert.deepEqual(Object.getOwnPropertyDescriptor(checks, '__proto__')?.value, {
      'a:1': { totalRuns: 1 },
    });
    assert.equal(Object.getPrototypeOf(checks), Object.prototype);
  });

  for (const [what, runner, path] of [
    ['runner that is not an object', [1], '$.runner must be an object'],
    ['Runs that is a string', { Runs: '3' }, '$.runner.Runs must be a non-negative number'],
    ['Checks that is an array', { Checks: [] }, '$.runner.Checks must be an object'],
    ['a check entry that is a number', { Checks: { x: 5 } }, '$.runner.Checks["x"] must be an object'],
    [
      'stats without TotalRuns',
      { Checks: { x: { 'x:1': { TotalErrors: 0 } } } },
      '$.runner.Checks["x"]["x:1"].TotalRuns is missing',
    ],
    [
      'a negative TotalRuns',
      { Checks: { x: { 'x:1': { TotalRuns: -1 } } } },
      '$.runner.Checks["x"]["x:1"].TotalRuns must be a non-negative number',
    ],
  ] as const) {
    it(`rejects ${what} with a ParseError naming the path`, () => {
      assert.throws(
        () => parseExpvar(withRunner(runner), 'vars.json'),
        (err: unknown) => err instanceof ParseError && err.where === 'vars.json' && err.message === path,
      );
    });
  }

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
