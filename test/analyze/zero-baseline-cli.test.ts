/**
 * Issue 13's zero-baseline case through the bundled CLI (dist/cli.js, as a user runs it): the
 * baseline's c.rtloader.inuse_bytes is 0 B in every run, the head's is about 1 MiB. It fails, and
 * the verdict says "from 0 B to …", never a percentage. dist/ must be rebuilt (`npm run bundle`)
 * after a change in src/.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import type { MemoryReport } from '../../src/model.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const MiB = 1024 * 1024;

function report(values: number[]): MemoryReport {
  return {
    schemaVersion: 1,
    tool: { name: 'memgate', version: 'test' },
    createdAt: '2026-01-01T00:00:00Z',
    environment: { options: {} },
    checks: [
      {
        check: { name: 'rtloader_check', version: '1.0.0' },
        metrics: { 'c.rtloader.inuse_bytes': { runs: values.map((v) => ({ value: v, series: [v, v] })) } },
        sites: [],
        notes: [],
      },
    ],
  };
}

test('baseline 0 B, head about 1 MiB: memgate compare (dist/cli.js) exits 1 and says "from 0 B"', () => {
  const dir = mkdtempSync(join(tmpdir(), 'memgate-zero-'));
  writeFileSync(join(dir, 'base.json'), JSON.stringify(report([0, 0, 0, 0, 0])));
  writeFileSync(
    join(dir, 'head.json'),
    JSON.stringify(report([1.01, 0.98, 1.03, 0.99, 1.0].map((x) => Math.round(x * MiB)))),
  );
  const run = spawnSync(
    process.execPath,
    [CLI, 'compare', '--baseline', join(dir, 'base.json'), '--report', join(dir, 'head.json'), '--json'],
    { encoding: 'utf8' },
  );
  assert.equal(run.status, 1, run.stderr || run.stdout);
  const verdict = JSON.parse(run.stdout) as {
    checks: { metrics: { metric: string; change: string; relative?: number; reason: string }[] }[];
  };
  const m = verdict.checks[0].metrics.find((x) => x.metric === 'c.rtloader.inuse_bytes');
  assert.equal(m?.change, 'regression');
  assert.equal(m?.relative, undefined);
  assert.match(m?.reason ?? '', /from 0 B to 1\.0\d* MiB/);
  assert.doesNotMatch(m?.reason ?? '', /Infinity|∞|n\/a|NaN/);
});
