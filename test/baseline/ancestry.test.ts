/**
 * The right baseline for a PR: the entry at the merge-base or its nearest stored ancestor, not the
 * newest. Ancestry from a real local git repository and from the fake GitHub REST server.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { getOctokit } from '@actions/github';

import {
  githubAncestors,
  githubAncestry,
  localAncestry,
  type RestClient,
} from '../../src/baseline/ancestry.js';
import { baselinePath, serializeBaselineDocument } from '../../src/baseline/document.js';
import { entryForAncestry, lookupInSnapshot, type StoreSnapshot } from '../../src/baseline/store.js';
import type { BaselineDocument } from '../../src/baseline/types.js';
import { describeProvenance } from '../../src/baseline/versions.js';
import { startGitHubApi } from '../support/github-api.js';

function gitRepo(): { dir: string; run: (...args: string[]) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'memgate-ancestry-'));
  const run = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@e',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@e',
      },
    }).trim();
  run('init', '-q', '-b', 'main');
  return { dir, run };
}

function commit(repo: ReturnType<typeof gitRepo>, name: string): string {
  writeFileSync(join(repo.dir, name), name);
  repo.run('add', name);
  repo.run('commit', '-q', '-m', name);
  return repo.run('rev-parse', 'HEAD');
}

/** A snapshot with one document whose entries were measured at `commits` (oldest first), value = index. */
function snapshot(commits: string[]): StoreSnapshot {
  const doc: BaselineDocument = {
    schemaVersion: 1,
    check: { name: 'c', version: '1' },
    entries: commits.map((commit, i) => ({
      commit,
      date: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
      report: {
        check: { name: 'c', version: '1' },
        metrics: { 'python.pymem.inuse': { runs: [{ value: 100 + i, series: [] }] } },
        sites: [],
        notes: [],
      },
    })),
  };
  const path = baselinePath('c', '1');
  const text = serializeBaselineDocument(doc);
  return { paths: [path], read: (p) => Promise.resolve(p === path ? text : undefined) };
}

test('local git: main moved past the PR base; the baseline is the stored ancestor of the merge-base', async () => {
  const repo = gitRepo();
  const a = commit(repo, 'a');
  const b = commit(repo, 'b');
  repo.run('checkout', '-q', '-b', 'pr');
  commit(repo, 'pr-change');
  repo.run('checkout', '-q', 'main');
  const c = commit(repo, 'c');
  repo.run('checkout', '-q', 'pr');
  const ancestry = await localAncestry({ cwd: repo.dir, base: 'main' });
  assert.deepEqual(ancestry, [b, a]);
  // Stored: a and c (b was never measured). Newest is c, which the PR does not contain.
  const lookup = await lookupInSnapshot(
    snapshot([a, c]),
    { name: 'c', version: '1' },
    {
      ancestry,
      window: 1,
      now: new Date('2026-02-01'),
      where: 'test',
    },
  );
  assert.equal(lookup.provenance.commit, a);
  assert.deepEqual(lookup.provenance.ancestry, { mergeBase: b, distance: 1 });
  assert.match(
    lookup.provenance.message ?? '',
    /at [0-9a-f]{12} \(1 commit before the merge-base [0-9a-f]{12}\)/,
  );
  assert.equal(lookup.baseline?.metrics['python.pymem.inuse'].runs[0].value, 100);
  assert.deepEqual(
    lookup.jobs?.map((j) => j.commit),
    [a],
    'jobs stop at the chosen entry',
  );
  const newest = await lookupInSnapshot(
    snapshot([a, c]),
    { name: 'c', version: '1' },
    {
      window: 1,
      now: new Date('2026-02-01'),
      where: 'test',
    },
  );
  assert.equal(newest.provenance.commit, c, 'without ancestry: the newest entry');
  await assert.rejects(localAncestry({ cwd: repo.dir, base: 'no-such-branch' }), /git merge-base failed/);
});

test('entry selection: at the base, an ancestor, abbreviated SHAs, none stored', () => {
  const entries = [{ commit: 'aaaa1111' }, { commit: 'bbbb2222' }, { commit: 'cccc3333' }];
  assert.deepEqual(entryForAncestry(entries, ['bbbb2222', 'aaaa1111']), { index: 1, distance: 0 });
  assert.deepEqual(entryForAncestry(entries, ['dddd', 'aaaa']), { index: 0, distance: 1 });
  assert.deepEqual(entryForAncestry(entries, ['eeee']), { index: 2, distance: -1 });
  assert.deepEqual(entryForAncestry(entries, undefined), { index: 2 });
  assert.match(
    describeProvenance({
      status: 'exact',
      requestedVersion: '1',
      version: '1',
      commit: 'cccc3333',
      ancestry: { mergeBase: 'eeee', distance: -1 },
    }),
    /newest stored entry: no entry at the merge-base eeee or its ancestors/,
  );
  assert.match(
    describeProvenance({
      status: 'exact',
      requestedVersion: '1',
      version: '1',
      commit: 'bbbb2222',
      ancestry: { mergeBase: 'bbbb2222', distance: 0 },
    }),
    /at bbbb2222 \(the merge-base\)/,
  );
});

test('GitHub API: merge-base by compare, ancestors by the git data API (fake REST server)', async () => {
  const gh = await startGitHubApi();
  try {
    const a = gh.commitFiles('history', { f: 'a' });
    const b = gh.commitFiles('history', { f: 'b' });
    const c = gh.commitFiles('history', { f: 'c' });
    const octokit = getOctokit('t', { baseUrl: gh.url });
    const repo = { owner: gh.owner, repo: gh.repo };
    assert.deepEqual(await githubAncestors(octokit, repo, c), [c, b, a]);
    assert.deepEqual(await githubAncestors(octokit, repo, c, 2), [c, b]);
    // The fake server has no compare endpoint: answer it here, pass the rest through.
    const client: RestClient = {
      request: (route, params) =>
        route.includes('/compare/')
          ? Promise.resolve({ data: { merge_base_commit: { sha: b } } })
          : octokit.request(route, params),
    };
    assert.deepEqual(await githubAncestry(client, repo, 'main', 'pr'), [b, a]);
    const broken: RestClient = { request: () => Promise.resolve({ data: { merge_base_commit: null } }) };
    await assert.rejects(
      githubAncestry(broken, repo, 'main', 'pr'),
      /no commit for the merge-base of main and pr/,
    );
  } finally {
    await gh.close();
  }
});
