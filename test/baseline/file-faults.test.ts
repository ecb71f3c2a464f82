/**
 * The file store when its directory is wrong or hostile, and when a writer dies mid-write (issue 15,
 * rows 8, 10 and 16, and the SIGKILL probe).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { parseBaselineIndex } from '../../src/baseline/document.js';
import { createFileStore, JOURNAL_FILE } from '../../src/baseline/file-store.js';
import { BaselineUnavailableError } from '../../src/baseline/unavailable.js';
import { MemgateError } from '../../src/errors.js';
import { checkReport, memoryReport, storedValues } from './helpers.js';

const WRITER = fileURLToPath(new URL('./crash-writer.ts', import.meta.url));

function crashWriter(dir: string, check: string, value: number, killAt: string) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>(
    (resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dir, check, String(value), killAt]);
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', (code, signal) => resolve({ code, signal, stderr }));
    },
  );
}

const update = (dir: string, check: string, value: number) =>
  createFileStore({ dir }).update(memoryReport(checkReport(check, '1.0.0', [value])), {
    commit: String(value).padStart(40, '0'),
  });

/** What index.json says about each document: path → entries. */
async function indexEntries(dir: string): Promise<Record<string, number | undefined>> {
  const index = parseBaselineIndex(await readFile(join(dir, 'index.json'), 'utf8'));
  const out: Record<string, number | undefined> = {};
  for (const c of index?.checks ?? []) for (const v of c.versions) out[v.path] = v.entries;
  return out;
}

/** Every file left under dir, relative, sorted. */
async function tree(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile()) out.push(join(e.parentPath ?? e.path, e.name).slice(dir.length + 1));
  return out.sort();
}

describe('file store: wrong, hostile and interrupted', () => {
  let tmp: string;
  before(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'memgate-ff-'));
  });
  after(() => rm(tmp, { recursive: true, force: true }));

  it('row 10: a missing directory is an error, not "no baseline"; an empty one is "no baseline"', async () => {
    const missing = join(tmp, 'no-such-dir');
    await assert.rejects(
      createFileStore({ dir: missing }).read({ name: 'redis', version: '1.0.0' }),
      (err: unknown) =>
        err instanceof BaselineUnavailableError &&
        err.where === missing &&
        /no such directory/.test(err.message),
    );
    await assert.rejects(createFileStore({ dir: missing }).list(), BaselineUnavailableError);
    // warn: a plain MemgateError, which the gate turns into a warning.
    await assert.rejects(
      createFileStore({ dir: missing, onBaselineError: 'warn' }).read({ name: 'redis', version: '1.0.0' }),
      (err: unknown) => err instanceof MemgateError && !(err instanceof BaselineUnavailableError),
    );
    const first = await createFileStore({ dir: missing, missingDir: 'empty' }).read({
      name: 'redis',
      version: '1.0.0',
    });
    assert.equal(first.provenance.status, 'none');
    const empty = join(tmp, 'empty');
    await mkdir(empty);
    const none = await createFileStore({ dir: empty }).read({ name: 'redis', version: '1.0.0' });
    assert.equal(none.provenance.status, 'none');
    assert.equal(none.baseline, undefined);
  });

  it('row 8: a store path that is a file is "not a directory", for reads and writes', async () => {
    const file = join(tmp, 'a-file');
    await writeFile(file, 'x');
    const notDir = (err: unknown) => err instanceof MemgateError && err.line === `${file}: not a directory`;
    await assert.rejects(createFileStore({ dir: file }).read({ name: 'redis', version: '1.0.0' }), notDir);
    await assert.rejects(update(file, 'redis', 1), notDir);
    assert.equal(await readFile(file, 'utf8'), 'x');
  });

  it('row 16: a symlinked check folder is refused, never written or read through', async () => {
    const dir = join(tmp, 'linked');
    const outside = join(tmp, 'outside');
    await mkdir(outside);
    await update(dir, 'other', 1);
    await symlink(outside, join(dir, 'redis'));
    await assert.rejects(update(dir, 'redis', 2), (err: unknown) => {
      assert.ok(err instanceof MemgateError);
      assert.equal(err.where, join(dir, 'redis'));
      assert.match(err.message, /symbolic link/);
      return true;
    });
    assert.deepEqual(await readdir(outside), [], 'nothing written outside the store');
    // A pre-existing document behind the link is not read either.
    await writeFile(join(outside, '1.0.0.json'), 'planted');
    await assert.rejects(createFileStore({ dir }).read({ name: 'redis', version: '1.0.0' }), /symbolic link/);
    // A linked document inside a real check folder is refused the same way.
    await rm(join(dir, 'redis'));
    await mkdir(join(dir, 'redis'));
    await symlink(join(outside, '1.0.0.json'), join(dir, 'redis', '1.0.0.json'));
    await assert.rejects(update(dir, 'redis', 3), /symbolic link/);
    assert.equal(await readFile(join(outside, '1.0.0.json'), 'utf8'), 'planted');
  });

  it('SIGKILL between the documents and the index: readers see the whole write, the next writer finishes it', async () => {
    const dir = join(tmp, 'killed-mid');
    await update(dir, 'apache', 1);
    const crash = await crashWriter(dir, 'nginx', 2, 'index.json');
    assert.equal(crash.signal, 'SIGKILL', crash.stderr);
    // The document landed, the index did not: the journal says what is due.
    assert.ok((await tree(dir)).includes(JOURNAL_FILE));
    assert.deepEqual(
      Object.keys(await indexEntries(dir)),
      ['apache/1.0.0.json'],
      'index.json is the old one',
    );
    // A reader (no lock) reads through the journal: the new index lists nginx.
    const reader = createFileStore({ dir });
    assert.deepEqual(
      (await reader.list()).map((c) => c.name),
      ['apache', 'nginx'],
    );
    assert.equal((await reader.read({ name: 'nginx', version: '1.0.0' })).provenance.status, 'exact');
    // The next writer replays the journal first, then writes its own update.
    await update(dir, 'apache', 3);
    assert.deepEqual(await indexEntries(dir), { 'apache/1.0.0.json': 2, 'nginx/1.0.0.json': 1 });
    assert.deepEqual(storedValues(await readFile(join(dir, 'nginx/1.0.0.json'), 'utf8')), [2]);
    assert.deepEqual(await tree(dir), [
      'apache/1.0.0.json',
      'history/apache.json',
      'history/nginx.json',
      'index.json',
      'nginx/1.0.0.json',
    ]);
  });

  it('SIGKILL before the journal lands: nothing changed, the temp files are swept', async () => {
    const dir = join(tmp, 'killed-early');
    await update(dir, 'apache', 1);
    const before = await readFile(join(dir, 'index.json'), 'utf8');
    const crash = await crashWriter(dir, 'apache', 2, JOURNAL_FILE);
    assert.equal(crash.signal, 'SIGKILL', crash.stderr);
    assert.ok(
      (await tree(dir)).some((f) => f.includes('.tmp-')),
      'staged files were left behind',
    );
    assert.deepEqual(storedValues(await readFile(join(dir, 'apache/1.0.0.json'), 'utf8')), [1]);
    assert.equal(await readFile(join(dir, 'index.json'), 'utf8'), before);
    await update(dir, 'apache', 3);
    assert.deepEqual(storedValues(await readFile(join(dir, 'apache/1.0.0.json'), 'utf8')), [1, 3]);
    assert.deepEqual(await indexEntries(dir), { 'apache/1.0.0.json': 2 });
    assert.deepEqual(await tree(dir), ['apache/1.0.0.json', 'history/apache.json', 'index.json']);
  });
});
