/**
 * The 20-writer race of test/baseline/branch-store.test.ts, checked for the history files: every
 * update's point lands in history/<check>.json in the same commit as its baseline entry, none is
 * lost and none doubled, also when a response is lost after the write landed.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';

import { createBranchStore } from '../../src/baseline/branch-store.js';
import { createFileStore } from '../../src/baseline/file-store.js';
import { parseHistoryDocument } from '../../src/baseline/history.js';
import type { RetryOptions } from '../../src/baseline/store.js';
import { startGitHubApi, type FakeGitHub } from '../support/github-api.js';
import { checkReport, memoryReport } from '../baseline/helpers.js';

const TOKEN = 'ghs_test_token';

function historyValues(files: Record<string, string>, check: string): number[] {
  const doc = parseHistoryDocument(files[`history/${check}.json`], check);
  return doc.points.map((p) => p.metrics['python.check_run_alloc'].median);
}

/** The action's client carries plugin-retry; the store must not let it replay writes. */
function branchStore(gh: FakeGitHub, branch: string, retryOpts: RetryOptions) {
  const client = getOctokit(TOKEN, { baseUrl: gh.url }, retry);
  return createBranchStore({ client, owner: gh.owner, repo: gh.repo, branch, retry: retryOpts });
}

describe('history under concurrent baseline updates', () => {
  let gh: FakeGitHub;
  before(async () => {
    gh = await startGitHubApi({ token: TOKEN });
  });
  after(() => gh.close());

  it('20 concurrent branch-store updates: every point kept once, each in its baseline commit', async () => {
    const branch = 'hist-race';
    const s = branchStore(gh, branch, { attempts: 30, baseDelayMs: 5, maxDelayMs: 800 });
    const names = ['disk', 'disk', 'cpu', 'disk', 'network'];
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        s.update(memoryReport(checkReport(names[i % names.length], '1.0.0', [1000 + i])), {
          commit: i.toString(16).padStart(40, '0'),
          date: new Date(Date.UTC(2026, 2, 1) + i * 60_000).toISOString(),
        }),
      ),
    );
    const files = await gh.branchFiles(branch);
    const expected = (name: string): number[] =>
      Array.from({ length: 20 }, (_, i) => i)
        .filter((i) => names[i % names.length] === name)
        .map((i) => 1000 + i);
    for (const name of ['cpu', 'disk', 'network']) {
      // Points are in date order, which is the order the updates were measured in.
      assert.deepEqual(historyValues(files, name), expected(name), `${name}: no point lost or doubled`);
    }
    assert.equal(
      gh.branchHistory(branch).length,
      20,
      'one commit per update: history rides in the baseline commit',
    );
  });

  it('a lost response after the write landed adds no second point', async () => {
    const branch = 'hist-drop-after';
    const s = branchStore(gh, branch, { attempts: 5, baseDelayMs: 2, maxDelayMs: 20 });
    await s.update(memoryReport(checkReport('kafka', '1.0.0', [1])), { commit: '1'.repeat(40) });
    gh.failNext({ method: 'PATCH', path: new RegExp(`git/refs/heads/${branch}$`) }, 'drop-after');
    await s.update(memoryReport(checkReport('kafka', '1.0.0', [2])), { commit: '2'.repeat(40) });
    assert.deepEqual(historyValues(await gh.branchFiles(branch), 'kafka'), [1, 2]);
  });

  it('20 concurrent file-store updates keep every point too', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'memgate-hist-race-'));
    try {
      const s = createFileStore({ dir });
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          s.update(memoryReport(checkReport('disk', '1.0.0', [i])), {
            commit: i.toString(16).padStart(40, '0'),
            date: new Date(Date.UTC(2026, 2, 1) + i * 60_000).toISOString(),
          }),
        ),
      );
      const text = await readFile(join(dir, 'history', 'disk.json'), 'utf8');
      assert.deepEqual(
        historyValues({ 'history/disk.json': text }, 'disk'),
        Array.from({ length: 20 }, (_, i) => i),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
