import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

import { ParseError } from '../../src/errors.js';
import {
  emptyReport,
  mergeReports,
  parseMemoryReport,
  SCHEMA_VERSION,
  type CheckReport,
  type MemoryReport,
} from '../../src/model.js';
import { VERSION } from '../../src/version.js';

function check(name: string, values: number[], sites: CheckReport['sites'] = []): CheckReport {
  return {
    check: { name, version: '1.0.0' },
    metrics: { 'python.check_run_alloc': { runs: values.map((v) => ({ value: v, series: [v, v] })) } },
    sites,
    notes: [],
  };
}

function report(...checks: CheckReport[]): MemoryReport {
  return { ...emptyReport(VERSION), checks };
}

describe('MemoryReport', () => {
  it('round-trips through JSON and validation', () => {
    const r = report(
      check('a', [1, 2], [{ runtime: 'python', key: 'a.py:3', file: 'a.py', line: 3, bytes: [10, 20] }]),
    );
    assert.deepEqual(parseMemoryReport(JSON.stringify(r), 'r.json'), r);
  });

  it('rejects a newer schema with a clear message', () => {
    const r = { ...report(), schemaVersion: SCHEMA_VERSION + 1 };
    assert.throws(
      () => parseMemoryReport(JSON.stringify(r), 'r.json'),
      (e: unknown) => e instanceof ParseError && /r\.json: \$\.schemaVersion is 2, newer/.test(e.line),
    );
  });

  it('names the first wrong path', () => {
    const r = report(check('a', [1]));
    (r.checks[0].metrics['python.check_run_alloc'].runs[0] as { value: unknown }).value = 'x';
    assert.throws(
      () => parseMemoryReport(JSON.stringify(r), 'r.json'),
      /\$\.checks\[0\]\.metrics\.python\.check_run_alloc\.runs\[0\]\.value must be a finite number/,
    );
  });

  it('rejects text that is not JSON or not a report', () => {
    assert.throws(
      () => parseMemoryReport('{"a"', 'x.json'),
      (e: unknown) => e instanceof ParseError && /^x\.json: not JSON/.test(e.line),
    );
    assert.throws(() => parseMemoryReport('[]', 'x.json'), /\$ must be an object/);
    assert.throws(() => parseMemoryReport('{}', 'x.json'), /not a memgate MemoryReport/);
  });

  it('merges shards: runs append, sites stay aligned by run', () => {
    const a = report(
      check('a', [1, 2], [{ runtime: 'python', key: 'a.py:3', file: 'a.py', line: 3, bytes: [5, 6] }]),
    );
    const b = report(
      check('a', [3], [{ runtime: 'python', key: 'a.py:9', file: 'a.py', line: 9, bytes: [7] }]),
      check('b', [4]),
    );
    const m = mergeReports([a, b]);
    assert.equal(m.checks.length, 2);
    assert.deepEqual(
      m.checks[0].metrics['python.check_run_alloc'].runs.map((r) => r.value),
      [1, 2, 3],
    );
    const sites = Object.fromEntries(m.checks[0].sites.map((s) => [s.key, s.bytes]));
    assert.deepEqual(sites, { 'a.py:3': [5, 6, 0], 'a.py:9': [0, 0, 7] });
  });

  it('keeps VERSION equal to package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    assert.equal(VERSION, pkg.version);
  });
});
