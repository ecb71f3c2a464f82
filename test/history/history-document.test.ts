import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { baselinePath, parseBaselinePath } from '../../src/baseline/document.js';
import {
  appendPoints,
  DEFAULT_HISTORY_KEEP,
  emptyHistory,
  historyPath,
  historyPoint,
  historySeries,
  mergeHistories,
  parseHistoryDocument,
  parseHistoryPath,
  serializeHistory,
  type HistoryPoint,
} from '../../src/baseline/history.js';
import { ParseError } from '../../src/errors.js';
import { checkReport } from '../baseline/helpers.js';

function point(i: number, value: number, extra: Partial<HistoryPoint> = {}): HistoryPoint {
  return {
    commit: i.toString(16).padStart(40, '0'),
    date: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
    version: '1.0.0',
    instance: '',
    id: `id-${i}`,
    metrics: { 'python.check_run_alloc': { median: value, spread: 1, runs: 5 } },
    ...extra,
  };
}

describe('history document', () => {
  it('summarises a check report: median, MAD and count of the runs per metric', () => {
    const p = historyPoint(checkReport('postgres', '1.2.0', [100, 130, 110, 90, 400]), {
      commit: 'c'.repeat(40),
      date: '2026-02-01T00:00:00Z',
      id: 'u:',
    });
    assert.deepEqual(p.metrics['python.check_run_alloc'], { median: 110, spread: 20, runs: 5 });
    assert.equal(p.version, '1.2.0');
    assert.equal(p.instance, '');
  });

  it('serialises one line per point and reads back the same document', () => {
    let doc = emptyHistory('postgres');
    doc = appendPoints(doc, [point(1, 100), point(2, 105)]);
    doc = appendPoints(doc, [
      point(3, 110, {
        metrics: {
          'python.check_run_alloc': { median: 110, spread: 2, runs: 5 },
          'python.pymem.inuse': { median: 9e6, spread: 1e3, runs: 5 },
        },
      }),
    ]);
    const text = serializeHistory(doc);
    const lines = text.split('\n');
    // schemaVersion, check, columns, metrics, points: [ + 3 rows + ], }
    assert.equal(lines.filter((l) => l.trimStart().startsWith('["')).length, 3, text);
    assert.match(text, /^\{\n {2}"schemaVersion": 1,/);
    const back = parseHistoryDocument(text, 'h.json');
    assert.deepEqual(back, doc);
    // The first two points did not measure pymem: their rows stop after check_run_alloc.
    const raw = JSON.parse(text) as { metrics: string[]; points: unknown[][] };
    assert.deepEqual(raw.metrics, ['python.check_run_alloc', 'python.pymem.inuse']);
    assert.equal(raw.points[0].length, 8);
    assert.equal(raw.points[2].length, 11);
  });

  it('keeps at least 2,000 points, the newest, in date order', () => {
    assert.ok(DEFAULT_HISTORY_KEEP >= 2000);
    const points = Array.from({ length: 2100 }, (_, i) => point(i, i));
    const doc = appendPoints(emptyHistory('c'), [...points].reverse());
    assert.equal(doc.points.length, DEFAULT_HISTORY_KEEP);
    assert.equal(doc.points[0].id, `id-${2100 - DEFAULT_HISTORY_KEEP}`);
    assert.equal(doc.points.at(-1)?.id, 'id-2099');
    const text = serializeHistory(doc);
    assert.ok(text.length < 400_000, `2,000 points take ${text.length} bytes`);
    assert.equal(parseHistoryDocument(text, 'h').points.length, DEFAULT_HISTORY_KEEP);
  });

  it('merges concurrent appends without losing or duplicating a point', () => {
    const base = appendPoints(emptyHistory('c'), [point(1, 1), point(2, 2)]);
    const a = appendPoints(base, [point(4, 4)]);
    const b = appendPoints(base, [point(3, 3)]);
    const merged = mergeHistories(a, b);
    assert.deepEqual(
      merged.points.map((p) => p.id),
      ['id-1', 'id-2', 'id-3', 'id-4'],
    );
    assert.deepEqual(mergeHistories(merged, a), merged, 'merging again changes nothing');
    assert.throws(() => mergeHistories(a, emptyHistory('other')), /cannot merge/);
  });

  it('reads one instance and one metric as a series', () => {
    const doc = appendPoints(emptyHistory('c'), [
      point(1, 10),
      point(2, 20, { instance: 'b' }),
      point(3, 30),
    ]);
    assert.deepEqual(historySeries(doc, 'python.check_run_alloc').values, [10, 30]);
    assert.deepEqual(historySeries(doc, 'python.check_run_alloc', 'b').values, [20]);
  });

  it('migrates the schema 0 draft (one object per point)', () => {
    const v0 = JSON.stringify({
      schemaVersion: 0,
      check: 'redis',
      points: [
        {
          commit: 'a1',
          date: '2026-01-01T00:00:00Z',
          version: '1.0.0',
          metrics: { 'python.check_run_alloc': { median: 7, spread: 0, runs: 3 } },
        },
      ],
    });
    const doc = parseHistoryDocument(v0, 'v0.json');
    assert.equal(doc.schemaVersion, 1);
    assert.deepEqual(doc.points[0].metrics, { 'python.check_run_alloc': { median: 7, spread: 0, runs: 3 } });
    assert.equal(doc.points[0].id, 'a1:0');
    assert.equal(parseHistoryDocument(serializeHistory(doc), 'v1').points[0].commit, 'a1');
  });

  it('refuses bad files with one line that names the file and the place', () => {
    const cases: [string, RegExp][] = [
      ['{', /h\.json: not JSON/],
      ['[]', /h\.json: \$ must be an object/],
      ['{"schemaVersion": 9, "check": "c", "metrics": [], "points": []}', /newer memgate/],
      [
        '{"schemaVersion": 1, "check": "c", "metrics": ["m"], "points": [["a", "d", "v", "", "i", "x", 0, 1]]}',
        /\$\.points\[0\]\[5\] \(m\) must be a finite number/,
      ],
      [
        '{"schemaVersion": 1, "check": "c", "metrics": [], "points": [["a", 1]]}',
        /\$\.points\[0\]\[1\] \(date\) must be a string/,
      ],
    ];
    for (const [text, re] of cases) {
      assert.throws(
        () => parseHistoryDocument(text, 'h.json'),
        (err: unknown) => err instanceof ParseError && re.test(err.line) && !err.line.includes('\n'),
        text,
      );
    }
  });

  it('history/ is its own folder: never read as a check, and a check named "history" stays apart', () => {
    assert.equal(historyPath('a/b'), 'history/a%2Fb.json');
    assert.equal(parseHistoryPath('history/a%2Fb.json'), 'a/b');
    assert.equal(parseBaselinePath('history/postgres.json'), undefined);
    const own = baselinePath('history', '1.0.0');
    assert.notEqual(own.split('/')[0], 'history');
    assert.deepEqual(parseBaselinePath(own), { name: 'history', version: '1.0.0' });
  });
});
