import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  appendEntry,
  baselinePath,
  buildIndex,
  emptyBaselineDocument,
  parseBaselineDocument,
  parseBaselinePath,
  selectBaseline,
  serializeBaselineDocument,
} from '../../src/baseline/document.js';
import type { BaselineDocument, BaselineEntry } from '../../src/baseline/types.js';
import { ParseError } from '../../src/errors.js';
import { checkReport } from './helpers.js';

function entry(commit: string, day: number, values: number[], instance?: string): BaselineEntry {
  return {
    commit,
    date: `2026-03-${String(day).padStart(2, '0')}T00:00:00.000Z`,
    report: checkReport('pg', '1.0.0', values, instance),
  };
}

function doc(...entries: BaselineEntry[]): BaselineDocument {
  return { ...emptyBaselineDocument('pg', '1.0.0'), entries };
}

const values = (d: BaselineDocument) =>
  d.entries.map((e) => e.report.metrics['python.check_run_alloc'].runs[0].value);

describe('baseline documents', () => {
  it('round-trip through stable JSON; same document, same bytes', () => {
    const d = doc(entry('a', 1, [1, 2]), entry('b', 2, [3]));
    const text = serializeBaselineDocument(d);
    assert.deepEqual(parseBaselineDocument(text, 'pg/1.0.0.json'), d);
    const reordered = JSON.parse(text) as Record<string, unknown>;
    const shuffled = Object.fromEntries(Object.entries(reordered).reverse());
    assert.equal(serializeBaselineDocument(shuffled as unknown as BaselineDocument), text);
    assert.match(text, /^\{\n {2}"schemaVersion": 1,/);
    assert.match(text, /"series": \[1, 1, 1\]/, 'number arrays on one line');
  });

  it('corrupt text is a ParseError naming the file', () => {
    for (const bad of [
      '{"schemaVersion": 1, "check"',
      '[]',
      '{"check": {}}',
      '{"schemaVersion": 1, "check": {"name": "pg", "version": "1.0.0"}, "entries": [{"commit": 1}]}',
    ]) {
      assert.throws(
        () => parseBaselineDocument(bad, 'branch x: pg/1.0.0.json'),
        (err: unknown) => err instanceof ParseError && err.where === 'branch x: pg/1.0.0.json',
      );
    }
    const wrong = serializeBaselineDocument({
      ...doc(entry('a', 1, [1])),
      check: { name: 'pg', version: '2.0.0' },
    });
    assert.throws(
      () => parseBaselineDocument(wrong, 'f'),
      /entries\[0\]\.report\.check is pg@1\.0\.0, expected pg@2\.0\.0/,
    );
    const badRun = JSON.stringify({
      ...doc(),
      entries: [
        {
          commit: 'a',
          date: 'd',
          report: {
            ...checkReport('pg', '1.0.0', [1]),
            metrics: { m: { runs: [{ value: 'x', series: [] }] } },
          },
        },
      ],
    });
    assert.throws(
      () => parseBaselineDocument(badRun, 'f'),
      /\$\.entries\[0\]\.report\.metrics\.m\.runs\[0\]\.value must be a finite number/,
    );
  });

  it('a newer schema is a clear error; an older one is migrated', () => {
    assert.throws(
      () => parseBaselineDocument(JSON.stringify({ ...doc(), schemaVersion: 2 }), 'f'),
      /written by a newer memgate \(baseline schemaVersion 2; .* reads up to 1\); upgrade memgate/,
    );
    const v0 = {
      schemaVersion: 0,
      name: 'pg',
      version: '1.0.0',
      entries: [{ sha: 'abc', createdAt: '2026-01-01T00:00:00Z', report: checkReport('pg', '1.0.0', [9]) }],
    };
    const migrated = parseBaselineDocument(JSON.stringify(v0), 'f');
    assert.equal(migrated.schemaVersion, 1);
    assert.deepEqual(
      migrated.entries.map((e) => [e.commit, e.date]),
      [['abc', '2026-01-01T00:00:00Z']],
    );
    assert.equal(JSON.parse(serializeBaselineDocument(migrated)).schemaVersion, 1);
  });

  it('appendEntry keeps the newest K in date order and ignores a repeated id', () => {
    let d = doc();
    for (const day of [3, 1, 2, 5, 4]) d = appendEntry(d, entry(`c${day}`, day, [day]), 3);
    assert.deepEqual(values(d), [3, 4, 5]);
    const once = appendEntry(d, { ...entry('x', 6, [6]), id: 'u1' }, 3);
    assert.equal(appendEntry(once, { ...entry('x', 6, [6]), id: 'u1' }, 3), once);
    assert.throws(
      () => appendEntry(d, { ...entry('x', 6, [6]), report: checkReport('other', '1.0.0', [1]) }),
      /does not belong/,
    );
  });

  it('the baseline is the newest entry, pooled with older ones only up to the window', () => {
    const d = doc(entry('old', 1, [1, 1, 1]), entry('mid', 2, [2, 2]), entry('new', 3, [3, 3, 3]));
    const runs = (w: number) =>
      selectBaseline(d, { window: w })?.report.metrics['python.check_run_alloc'].runs.map((r) => r.value);
    assert.deepEqual(runs(3), [3, 3, 3]);
    assert.deepEqual(runs(4), [2, 2, 3, 3, 3], 'older runs first, in time order');
    assert.deepEqual(runs(100), [1, 1, 1, 2, 2, 3, 3, 3]);
    assert.deepEqual(
      selectBaseline(d, { window: 4 })?.used.map((e) => e.commit),
      ['new', 'mid'],
    );
    const pooled = selectBaseline(d, { window: 100 })?.report;
    assert.deepEqual(pooled?.sites[0].bytes, [2, 2, 2, 4, 4, 6, 6, 6], 'site bytes stay aligned with runs');
  });

  it('instances are kept apart', () => {
    const d = doc(entry('a', 1, [1], 'east'), entry('b', 2, [2], 'west'), entry('c', 3, [3]));
    assert.deepEqual(
      selectBaseline(d, { instance: 'east' })?.used.map((e) => e.commit),
      ['a'],
    );
    assert.deepEqual(
      selectBaseline(d)?.used.map((e) => e.commit),
      ['c'],
    );
    assert.equal(selectBaseline(d, { instance: 'north' }), undefined);
  });

  it('paths are encoded so names cannot escape, and decode back', () => {
    for (const [name, version] of [
      ['pg', '1.0.0'],
      ['a/b', '1.0'],
      ['..', '.'],
      ['sp ace', '1.0.0+build/7'],
    ]) {
      const p = baselinePath(name, version);
      assert.equal(p.split('/').length, 2);
      assert.ok(!p.split('/').some((c) => c.startsWith('.')));
      assert.deepEqual(parseBaselinePath(p), { name, version });
    }
    assert.equal(parseBaselinePath('index.json'), undefined);
    assert.equal(parseBaselinePath('pg/1.0.0.json.corrupt'), undefined);
  });

  it('the index lists every check and version, sorted, keeping summaries it did not rewrite', () => {
    const now = new Date('2026-04-01T00:00:00Z');
    const first = buildIndex(
      ['pg/1.10.0.json'],
      new Map([['pg/1.10.0.json', { ...doc(entry('a', 1, [1])), check: { name: 'pg', version: '1.10.0' } }]]),
      undefined,
      now,
    );
    const second = buildIndex(
      ['pg/1.10.0.json', 'index.json'],
      new Map([['pg/1.9.0.json', { ...doc(), check: { name: 'pg', version: '1.9.0' } }]]),
      first,
      now,
    );
    assert.deepEqual(
      second.checks.map((c) => c.versions.map((v) => [v.version, v.entries, v.lastCommit])),
      [
        [
          ['1.9.0', 0, undefined],
          ['1.10.0', 1, 'a'],
        ],
      ],
    );
  });
});
