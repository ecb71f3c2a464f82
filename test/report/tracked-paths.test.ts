import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { trackedPaths } from '../../src/github/tracked-paths.js';
import { siteUrl } from '../../src/report/links.js';

describe('tracked paths of the workspace', () => {
  it('lists the files git tracks, which the site links resolve against', async () => {
    const ws = await mkdtemp(join(tmpdir(), 'memgate-paths-'));
    await mkdir(join(ws, 'queue_stats'));
    await writeFile(join(ws, 'queue_stats', 'check.py'), 'x = 1\n');
    await writeFile(join(ws, 'untracked.py'), 'y = 2\n');
    execFileSync('git', ['init', '-q'], { cwd: ws });
    execFileSync('git', ['add', 'queue_stats/check.py'], { cwd: ws });
    const paths = await trackedPaths(ws);
    assert.deepEqual([...(paths ?? [])], ['queue_stats/check.py']);
    const links = { repo: 'o/r', headSha: 'a'.repeat(40), workspacePaths: paths };
    assert.equal(
      siteUrl(links, `${ws}/queue_stats/check.py`, 3),
      `https://github.com/o/r/blob/${'a'.repeat(40)}/queue_stats/check.py#L3`,
    );
    assert.equal(siteUrl(links, `${ws}/untracked.py`, 1), undefined);
  });

  it('outside a repository there are no paths, and no error', async () => {
    assert.equal(await trackedPaths(await mkdtemp(join(tmpdir(), 'memgate-nogit-'))), undefined);
  });
});
