import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { CHECK_RUN_ALLOC, lastTracebackLine, parseCheckJson } from '../../src/collect/check-json.js';
import { ParseError } from '../../src/errors.js';
import { checkJsonFor, sample } from './samples.js';

const SAMPLE = sample('agent/check-output.json');

function reverseKeys(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(reverseKeys);
  if (x && typeof x === 'object')
    return Object.fromEntries(
      Object.entries(x)
        .reverse()
        .map(([k, v]) => [k, reverseKeys(v)]),
    );
  return x;
}

describe('parseCheckJson', () => {
  it('reads the documented sample: identity, check_run_alloc, series and service checks', () => {
    const [inst, ...rest] = parseCheckJson(SAMPLE, 'check-output.json');
    assert.equal(rest.length, 0);
    assert.equal(inst.checkName, 'mycheck');
    assert.equal(inst.checkVersion, '1.2.3');
    assert.equal(inst.checkId, 'mycheck:5f2c1a9b3e7d4c60');
    assert.equal(inst.totalRuns, 1);
    assert.equal(inst.totalErrors, 0);
    assert.equal(inst.lastError, undefined);
    assert.deepEqual(inst.checkRunAlloc, [334855]);
    assert.deepEqual(inst.tags, { check_name: 'mycheck', check_version: '1.2.3' });
    assert.deepEqual(
      inst.series.map((s) => [s.metric, s.type, s.host, s.points]),
      [
        [CHECK_RUN_ALLOC, 'gauge', 'ci-runner-1', [[1764197346, 334855]]],
        ['mycheck.rows', 'gauge', 'ci-runner-1', [[1764197346, 300]]],
      ],
    );
    assert.deepEqual(inst.serviceChecks, [{ check: 'mycheck.can_connect', status: 0, tags: ['env:ci'] }]);
  });

  it('skips a Windows warning, a `=== JSON ===` line and trailing logs', () => {
    const noisy = `Warning: the check command is deprecated on Windows [use agent.exe]\n=== JSON ===\n${SAMPLE}\n2026-11-26 INFO | done {ok}\n`;
    assert.deepEqual(parseCheckJson(noisy, 'x'), parseCheckJson(SAMPLE, 'x'));
  });

  it('does not depend on key order (older Agents order runner keys differently)', () => {
    const reordered = JSON.stringify(reverseKeys(JSON.parse(SAMPLE)));
    assert.deepEqual(parseCheckJson(reordered, 'x'), parseCheckJson(SAMPLE, 'x'));
  });

  it('orders per-run series of `-t N` by timestamp', () => {
    const doc = JSON.parse(checkJsonFor([100, 200, 300], { version: '2.0.0' })) as {
      aggregator: { metrics: unknown[] };
    }[];
    doc[0].aggregator.metrics.reverse();
    const [inst] = parseCheckJson(JSON.stringify(doc), 'x');
    assert.deepEqual(inst.checkRunAlloc, [100, 200, 300]);
    assert.equal(inst.checkVersion, '2.0.0');
  });

  it('reads a missing version as 0.0.0', () => {
    const [inst] = parseCheckJson(checkJsonFor([5]), 'x');
    assert.equal(inst.checkVersion, '0.0.0');
    assert.equal(inst.tags.check_version, undefined);
  });

  it('exposes the last traceback line of a failing check', () => {
    const doc = JSON.parse(SAMPLE) as { runner: Record<string, unknown> }[];
    doc[0].runner.TotalErrors = 2;
    doc[0].runner.LastError = JSON.stringify([
      {
        message: 'boom',
        traceback:
          'Traceback (most recent call last):\n  File "/opt/checks/mycheck.py", line 9, in check\n    raise ValueError("boom")\nValueError: boom\n',
      },
    ]);
    const [inst] = parseCheckJson(JSON.stringify(doc), 'x');
    assert.equal(inst.totalErrors, 2);
    assert.equal(inst.lastError, 'ValueError: boom');
  });

  it('takes the last line of a plain-text LastError too', () => {
    assert.equal(lastTracebackLine('Traceback…\nKeyError: x\n\n'), 'KeyError: x');
    assert.equal(lastTracebackLine(''), '');
  });

  it('keeps every instance of a multi-instance run', () => {
    const a = JSON.parse(checkJsonFor([1], { id: 'queue_stats:aaaa' })) as unknown[];
    const b = JSON.parse(checkJsonFor([2], { id: 'queue_stats:bbbb' })) as unknown[];
    const res = parseCheckJson(JSON.stringify([...a, ...b]), 'x');
    assert.deepEqual(
      res.map((r) => [r.checkId, r.checkRunAlloc]),
      [
        ['queue_stats:aaaa', [1]],
        ['queue_stats:bbbb', [2]],
      ],
    );
  });

  for (const [what, text] of [
    ['an empty file', ''],
    ['blank text', '  \n\t\n'],
    ['garbage text', 'Error: could not load check mycheck'],
    ['an empty array', '[]'],
    ['an object without runner', '{"aggregator": {}}'],
    ['a JSON number', '[42]'],
    [
      'points that are not pairs',
      JSON.stringify([
        { runner: { CheckName: 'c' }, aggregator: { metrics: [{ metric: 'm', points: [1] }] } },
      ]),
    ],
    ['a non-numeric TotalErrors', JSON.stringify([{ runner: { CheckName: 'c', TotalErrors: 'many' } }])],
    ['truncated JSON', SAMPLE.slice(0, SAMPLE.length / 2)],
  ] as const) {
    it(`rejects ${what} with a ParseError naming the file`, () => {
      assert.throws(
        () => parseCheckJson(text, 'out.json'),
        (err: unknown) =>
          err instanceof ParseError && err.where === 'out.json' && !err.message.includes('\n'),
      );
    });
  }
});
