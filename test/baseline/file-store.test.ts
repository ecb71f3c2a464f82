import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { createFileStore, LOCK_FILE, writeFileAtomic } from '../../src/baseline/file-store.js';
import { MemgateError } from '../../src/errors.js';
import { checkReport, memoryReport, storedValues } from './helpers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'src/cli/main.ts');

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('file store', () => {
  let tmp: string;
  before(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'memgate-fs-'));
  });
  after(() => rm(tmp, { recursive: true, force: true }));

  it('writes <dir>/<check>/<version>.json and index.json, and reads them back with fallback', async () => {
    const dir = join(tmp, 'basic');
    const s = createFileStore({ dir });
    await s.update(memoryReport(checkReport('http_check', '2.1.0', [5, 6])), { commit: 'a'.repeat(40) });
    assert.deepEqual((await readdir(dir)).sort(), ['history', 'http_check', 'index.json']);
    assert.deepEqual(await readdir(join(dir, 'http_check')), ['2.1.0.json']);
    const l = await s.read({ name: 'http_check', version: '2.2.0' });
    assert.equal(l.provenance.status, 'fallback');
    assert.equal(l.provenance.version, '2.1.0');
    assert.deepEqual(await s.list(), [{ name: 'http_check', versions: ['2.1.0'] }]);
  });

  it('keeps check names inside the directory', async () => {
    const dir = join(tmp, 'names');
    const s = createFileStore({ dir });
    await s.update(memoryReport(checkReport('../evil', '..', [1])), { commit: 'a'.repeat(40) });
    assert.deepEqual((await readdir(dir)).sort(), ['%2E.%2Fevil', 'history', 'index.json']);
    assert.deepEqual(await s.list(), [{ name: '../evil', versions: ['..'] }]);
    assert.equal((await s.read({ name: '../evil', version: '..' })).provenance.status, 'exact');
  });

  it('30 concurrent updates in one process: all kept (lock), no temp files left', async () => {
    const dir = join(tmp, 'promises');
    const s = createFileStore({ dir, retry: { baseDelayMs: 1, maxDelayMs: 20 } });
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        s.update(memoryReport(checkReport(i % 2 ? 'odd' : 'even', '1.0.0', [i])), {
          commit: String(i).padStart(40, '0'),
        }),
      ),
    );
    const odd = storedValues(await readFile(join(dir, 'odd', '1.0.0.json'), 'utf8'));
    const even = storedValues(await readFile(join(dir, 'even', '1.0.0.json'), 'utf8'));
    assert.deepEqual(
      [...odd, ...even].sort((a, b) => a - b),
      Array.from({ length: 30 }, (_, i) => i),
    );
    for (const d of ['', 'odd', 'even']) {
      assert.ok((await readdir(join(dir, d))).every((f) => !f.includes('.tmp-') && f !== LOCK_FILE));
    }
  });

  it('several processes updating at once: no update lost', async () => {
    const dir = join(tmp, 'procs');
    const reports = await Promise.all(
      Array.from({ length: 4 }, async (_, i) => {
        const p = join(tmp, `proc-report-${i}.json`);
        await writeFile(p, JSON.stringify(memoryReport(checkReport('shared', '1.0.0', [100 + i]))));
        return p;
      }),
    );
    const results = await Promise.all(
      reports.map((r, i) =>
        run(['baseline', 'update', '--store', dir, '--report', r, '--commit', String(i).padStart(40, 'e')]),
      ),
    );
    for (const r of results) assert.equal(r.code, 0, r.stderr);
    const values = storedValues(await readFile(join(dir, 'shared', '1.0.0.json'), 'utf8')).sort(
      (a, b) => a - b,
    );
    assert.deepEqual(values, [100, 101, 102, 103]);
  });

  it('readers never see a half-written file while writers replace it', async () => {
    const path = join(tmp, 'atomic', 'f.json');
    const big = (n: number) => JSON.stringify({ n, pad: 'x'.repeat(200_000) });
    await writeFileAtomic(path, big(0));
    let stop = false;
    let reads = 0;
    const reader = (async () => {
      while (!stop) {
        const text = await readFile(path, 'utf8');
        assert.doesNotThrow(() => JSON.parse(text), 'a complete document every time');
        reads += 1;
      }
    })();
    for (let i = 1; i <= 40; i++) await writeFileAtomic(path, big(i));
    stop = true;
    await reader;
    assert.ok(reads > 0);
    assert.equal((JSON.parse(await readFile(path, 'utf8')) as { n: number }).n, 40);
  });

  it('a lock left by a dead process is taken over; a live one times out with a clear error', async () => {
    const dir = join(tmp, 'locks');
    const s = createFileStore({ dir, lockTimeoutMs: 100, retry: { baseDelayMs: 1, maxDelayMs: 10 } });
    await s.update(memoryReport(checkReport('a', '1.0.0', [1])), { commit: '1'.repeat(40) });
    const { hostname } = await import('node:os');
    // A pid that does not exist (beyond Linux's pid_max).
    await writeFile(
      join(dir, LOCK_FILE),
      JSON.stringify({ pid: 2 ** 22 + 1, host: hostname(), at: new Date().toISOString() }),
    );
    await s.update(memoryReport(checkReport('a', '1.0.0', [2])), { commit: '2'.repeat(40) });
    assert.deepEqual(storedValues(await readFile(join(dir, 'a', '1.0.0.json'), 'utf8')), [1, 2]);

    await writeFile(
      join(dir, LOCK_FILE),
      JSON.stringify({ pid: process.pid, host: hostname(), at: new Date().toISOString() }),
    );
    await assert.rejects(
      s.update(memoryReport(checkReport('a', '1.0.0', [3])), { commit: '3'.repeat(40) }),
      (err: unknown) =>
        err instanceof MemgateError &&
        err.where === join(dir, LOCK_FILE) &&
        /held the baseline lock/.test(err.message),
    );
    await rm(join(dir, LOCK_FILE));
  });

  it('a corrupt file is reported as unreadable and not overwritten', async () => {
    const dir = join(tmp, 'corrupt');
    const s = createFileStore({ dir });
    await s.update(memoryReport(checkReport('c', '1.0.0', [1])), { commit: '1'.repeat(40) });
    await writeFile(join(dir, 'c', '1.0.0.json'), '{ truncated');
    const warnings: string[] = [];
    const w = createFileStore({ dir, warn: (m) => warnings.push(m) });
    assert.equal((await w.read({ name: 'c', version: '1.0.0' })).provenance.status, 'unreadable');
    assert.match(warnings.join('\n'), /c\/1\.0\.0\.json: not JSON/);
    await assert.rejects(
      w.update(memoryReport(checkReport('c', '1.0.0', [2])), { commit: '2'.repeat(40) }),
      /refusing to overwrite/,
    );
    assert.equal(await readFile(join(dir, 'c', '1.0.0.json'), 'utf8'), '{ truncated');
  });
});
