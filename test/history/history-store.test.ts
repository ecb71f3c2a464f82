import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { createFileStore } from '../../src/baseline/file-store.js';
import { gitSnapshot } from '../../src/baseline/git-store.js';
import { parseHistoryDocument } from '../../src/baseline/history.js';
import { checkReport, memoryReport } from '../baseline/helpers.js';
import { git } from './store-builder.js';

describe('history files in a store', () => {
  let tmp: string;
  before(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'memgate-hstore-'));
  });
  after(() => rm(tmp, { recursive: true, force: true }));

  it('one point per check and instance per update, with the entry id of its baseline entry', async () => {
    const dir = join(tmp, 'ids');
    const s = createFileStore({ dir });
    await s.update(
      memoryReport(checkReport('pg', '1.0.0', [10, 20, 30], 'a'), checkReport('pg', '1.0.0', [5], 'b')),
      { commit: 'c'.repeat(40), date: '2026-03-01T00:00:00Z' },
    );
    const doc = parseHistoryDocument(await readFile(join(dir, 'history', 'pg.json'), 'utf8'), 'h');
    assert.deepEqual(
      doc.points.map((p) => [p.instance, p.metrics['python.check_run_alloc'].median]),
      [
        ['a', 20],
        ['b', 5],
      ],
    );
    const entries = (
      JSON.parse(await readFile(join(dir, 'pg', '1.0.0.json'), 'utf8')) as { entries: { id: string }[] }
    ).entries;
    assert.deepEqual(
      doc.points.map((p) => p.id),
      entries.map((e) => e.id),
    );
  });

  it('a corrupt history file never blocks the baseline: its text is kept as .corrupt and a new history starts', async () => {
    const dir = join(tmp, 'corrupt');
    await mkdir(join(dir, 'history'), { recursive: true });
    await writeFile(join(dir, 'history', 'pg.json'), '{"schemaVersion": 1, "check": "pg", "po');
    const warnings: string[] = [];
    const s = createFileStore({ dir, warn: (m) => warnings.push(m) });
    await s.update(memoryReport(checkReport('pg', '1.0.0', [7])), { commit: 'd'.repeat(40) });
    assert.equal(
      await readFile(join(dir, 'history', 'pg.json.corrupt'), 'utf8'),
      '{"schemaVersion": 1, "check": "pg", "po',
    );
    const doc = parseHistoryDocument(await readFile(join(dir, 'history', 'pg.json'), 'utf8'), 'h');
    assert.equal(doc.points.length, 1);
    assert.match(
      warnings.join('\n'),
      /history\/pg\.json: not JSON.*old text kept as history\/pg\.json\.corrupt/,
    );
    assert.deepEqual(await s.list(), [{ name: 'pg', versions: ['1.0.0'] }], 'history files are not checks');
  });

  it('a history file from a newer memgate is left alone, with a warning', async () => {
    const dir = join(tmp, 'newer');
    await mkdir(join(dir, 'history'), { recursive: true });
    const newer = '{"schemaVersion": 7, "check": "pg", "points": []}';
    await writeFile(join(dir, 'history', 'pg.json'), newer);
    const warnings: string[] = [];
    const s = createFileStore({ dir, warn: (m) => warnings.push(m) });
    await s.update(memoryReport(checkReport('pg', '1.0.0', [7])), { commit: 'e'.repeat(40) });
    assert.equal(await readFile(join(dir, 'history', 'pg.json'), 'utf8'), newer);
    assert.deepEqual((await readdir(join(dir, 'history'))).sort(), ['pg.json']);
    assert.match(warnings.join('\n'), /newer memgate.*no history point added/);
  });

  it('a git: snapshot reads one commit, even when the branch moves on', async () => {
    const repo = join(tmp, 'repo');
    await mkdir(repo, { recursive: true });
    await git(repo, ['init', '-q', '-b', 'data']);
    await git(repo, ['config', 'user.email', 't@example.com']);
    await git(repo, ['config', 'user.name', 'test']);
    await writeFile(join(repo, 'a.json'), '1');
    await git(repo, ['add', '-A']);
    await git(repo, ['commit', '-q', '-m', 'one']);
    const snap = await gitSnapshot(repo, 'data');
    await writeFile(join(repo, 'a.json'), '2');
    await writeFile(join(repo, 'b.json'), '3');
    await git(repo, ['add', '-A']);
    await git(repo, ['commit', '-q', '-m', 'two']);
    assert.deepEqual(snap.paths, ['a.json']);
    assert.equal(await snap.read('a.json'), '1');
    assert.equal(await snap.read('b.json'), undefined);
    assert.equal(await (await gitSnapshot(repo, 'data')).read('b.json'), '3');
    await assert.rejects(gitSnapshot(repo, '--output=x'), /expected a branch or ref name/);
  });
});
