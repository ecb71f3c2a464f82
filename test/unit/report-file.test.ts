import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { writeReport } from '../../src/app/report-file.js';
import { MemgateError } from '../../src/errors.js';
import { parseMemoryReport } from '../../src/model.js';
import { runCliCaptured } from '../support/cli.js';

const fixture = fileURLToPath(new URL('../fixtures/tracemalloc/steady-gc/', import.meta.url));

describe('the one report writer', () => {
  it('creates the directory, and a path it cannot write is one line naming the path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'memgate-write-'));
    const args = (out: string) => [
      'collect',
      '--check-json',
      join(fixture, 'check.json'),
      '--tracemalloc',
      join(fixture, 'm-dir'),
      '--check',
      'queue_stats',
      '--check-version',
      '1.0.0',
      '--out',
      out,
    ];
    const ok = await runCliCaptured(args('deep/er/report.json'), dir);
    assert.equal(ok.code, 0, ok.stderr);
    const report = parseMemoryReport(await readFile(join(dir, 'deep/er/report.json'), 'utf8'), 'report');
    assert.equal(report.checks[0].check.name, 'queue_stats');

    await writeFile(join(dir, 'a-file'), 'x');
    const bad = await runCliCaptured(args('a-file/report.json'), dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^memgate: a-file\/report\.json: cannot write the report \(.*\)\n$/);

    await assert.rejects(
      writeReport(join(dir, 'a-file', 'r.json'), report, 'r.json'),
      (e: unknown) =>
        e instanceof MemgateError && e.where === 'r.json' && /cannot write the report/.test(e.message),
    );
  });
});
