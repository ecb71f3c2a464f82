import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';

import { createBranchStore, type BranchStoreOptions } from '../../src/baseline/branch-store.js';
import { baselinePath, serializeBaselineDocument } from '../../src/baseline/document.js';
import { MemgateError } from '../../src/errors.js';
import { startGitHubApi, type FakeGitHub } from '../support/github-api.js';
import { checkReport, memoryReport, storedValues } from './helpers.js';

const TOKEN = 'ghs_test_token';
const FAST = { attempts: 12, baseDelayMs: 2, maxDelayMs: 200 };

function store(gh: FakeGitHub, extra: Partial<BranchStoreOptions> = {}) {
  // The action's client carries plugin-retry; the store must not let it replay writes.
  const client = getOctokit(TOKEN, { baseUrl: gh.url }, retry);
  return createBranchStore({ client, owner: gh.owner, repo: gh.repo, retry: FAST, ...extra });
}

describe('branch store against the fake GitHub API', () => {
  let gh: FakeGitHub;
  before(async () => {
    gh = await startGitHubApi({ token: TOKEN });
  });
  after(() => gh.close());

  it('creates the data branch with a root commit and reads back exact baselines', async () => {
    const branch = 'bl-create';
    const s = store(gh, { branch });
    assert.equal((await s.read({ name: 'postgres', version: '1.0.0' })).provenance.status, 'none');
    const res = await s.update(memoryReport(checkReport('postgres', '1.0.0', [100, 110, 120])), {
      commit: 'a'.repeat(40),
      date: '2026-02-01T00:00:00Z',
    });
    assert.deepEqual(res.written, ['postgres/1.0.0.json', 'index.json']);
    const history = gh.branchHistory(branch);
    assert.equal(history.length, 1, 'one commit');
    const files = await gh.branchFiles(branch);
    assert.deepEqual(Object.keys(files).sort(), [
      'history/postgres.json',
      'index.json',
      'postgres/1.0.0.json',
    ]);
    assert.equal(files['README.md'], undefined, 'the data branch shares nothing with the code branch');
    const index = JSON.parse(files['index.json']) as {
      checks: { name: string; versions: { version: string; entries: number }[] }[];
    };
    assert.deepEqual(
      index.checks.map((c) => [c.name, c.versions.map((v) => [v.version, v.entries])]),
      [['postgres', [['1.0.0', 1]]]],
    );

    const lookup = await s.read({ name: 'postgres', version: '1.0.0' });
    assert.equal(lookup.provenance.status, 'exact');
    assert.equal(lookup.provenance.commit, 'a'.repeat(40));
    assert.equal(lookup.provenance.samples, 3);
    assert.deepEqual(
      lookup.baseline?.metrics['python.check_run_alloc'].runs.map((r) => r.value),
      [100, 110, 120],
    );
  });

  it('falls back to the highest lower version and says so', async () => {
    const branch = 'bl-fallback';
    const s = store(gh, { branch });
    for (const [v, value] of [
      ['1.2.0', 12],
      ['1.10.0', 110],
      ['0.9.0', 9],
      ['2.0.0', 200],
    ] as const) {
      await s.update(memoryReport(checkReport('redis', v, [value])), { commit: `c${v}`.padEnd(40, '0') });
    }
    const l = await s.read({ name: 'redis', version: '1.11.0' });
    assert.equal(l.provenance.status, 'fallback');
    assert.equal(l.provenance.version, '1.10.0', 'semver order, not string order');
    assert.match(
      l.provenance.message ?? '',
      /compared with 1\.10\.0's baseline \(no baseline for 1\.11\.0 yet\)/,
    );
    assert.deepEqual(
      l.baseline?.metrics['python.check_run_alloc'].runs.map((r) => r.value),
      [110],
    );
    assert.equal((await s.read({ name: 'redis', version: '0.1.0' })).provenance.status, 'none');
    assert.deepEqual(await s.list(), [{ name: 'redis', versions: ['0.9.0', '1.2.0', '1.10.0', '2.0.0'] }]);
  });

  it('20 concurrent updates of the same and different checks: all 20 runs kept, history linear', async () => {
    const branch = 'bl-race';
    // With 20 writers starting at once, roughly one wins per round, so the last needs ~10-11
    // attempts (measured: max 10-11 over 8 rounds); the bound here leaves room for a slow machine.
    const s = store(gh, { branch, retry: { attempts: 30, baseDelayMs: 5, maxDelayMs: 800 } });
    const names = ['disk', 'disk', 'cpu', 'disk', 'network'];
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        s.update(memoryReport(checkReport(names[i % names.length], '1.0.0', [1000 + i])), {
          commit: i.toString(16).padStart(40, '0'),
        }),
      ),
    );
    const files = await gh.branchFiles(branch);
    const stored = Object.entries(files)
      .filter(([p]) => p.endsWith('.json') && p !== 'index.json' && !p.startsWith('history/'))
      .flatMap(([, text]) => storedValues(text))
      .sort((a, b) => a - b);
    assert.deepEqual(
      stored,
      Array.from({ length: 20 }, (_, i) => 1000 + i),
      'no run lost, none duplicated',
    );
    const history = gh.branchHistory(branch);
    assert.equal(history.length, 20, 'one commit per update');
    // Linear: every commit but the root has exactly one parent, and the chain covers all commits.
    const commits = gh.requests.filter((r) => r.method === 'POST' && /git\/commits$/.test(r.path));
    assert.ok(commits.length >= 20);
    const index = JSON.parse(files['index.json']) as {
      checks: { name: string; versions: { entries: number }[] }[];
    };
    assert.deepEqual(
      index.checks.map((c) => [c.name, c.versions[0].entries]),
      [
        ['cpu', 4],
        ['disk', 12],
        ['network', 4],
      ],
    );
    const attempts = results.map((r) => (r as { attempts: number }).attempts);
    assert.ok(
      attempts.some((a) => a > 1),
      'the race really happened (some writers had to retry)',
    );
  });

  it('a matrix aggregate of several checks makes one commit', async () => {
    const branch = 'bl-matrix';
    const s = store(gh, { branch });
    await s.update(
      memoryReport(
        checkReport('a', '1.0.0', [1]),
        checkReport('b', '2.0.0', [2]),
        checkReport('c', '3.0.0', [3]),
      ),
      { commit: 'f'.repeat(40) },
    );
    assert.equal(gh.branchHistory(branch).length, 1);
    assert.deepEqual(Object.keys(await gh.branchFiles(branch)).sort(), [
      'a/1.0.0.json',
      'b/2.0.0.json',
      'c/3.0.0.json',
      'history/a.json',
      'history/b.json',
      'history/c.json',
      'index.json',
    ]);
  });

  it('a dropped ref update is retried without corruption', async () => {
    const branch = 'bl-drop';
    const s = store(gh, { branch });
    await s.update(memoryReport(checkReport('mysql', '1.0.0', [1])), { commit: '1'.repeat(40) });
    gh.failNext({ method: 'PATCH', path: new RegExp(`git/refs/heads/${branch}$`) }, 'drop');
    await s.update(memoryReport(checkReport('mysql', '1.0.0', [2])), { commit: '2'.repeat(40) });
    const files = await gh.branchFiles(branch);
    assert.deepEqual(storedValues(files['mysql/1.0.0.json']), [1, 2]);
    assert.equal(gh.branchHistory(branch).length, 2);
  });

  it('a lost response of a write that landed is not written twice', async () => {
    const branch = 'bl-drop-after';
    const s = store(gh, { branch });
    await s.update(memoryReport(checkReport('kafka', '1.0.0', [1])), { commit: '1'.repeat(40) });
    gh.failNext({ method: 'PATCH', path: new RegExp(`git/refs/heads/${branch}$`) }, 'drop-after');
    await s.update(memoryReport(checkReport('kafka', '1.0.0', [2])), { commit: '2'.repeat(40) });
    assert.deepEqual(storedValues((await gh.branchFiles(branch))['kafka/1.0.0.json']), [1, 2]);
    assert.equal(gh.branchHistory(branch).length, 2);
  });

  it('a 500 then success: the write goes through once', async () => {
    const branch = 'bl-500';
    const s = store(gh, { branch });
    await s.update(memoryReport(checkReport('nginx', '1.0.0', [1])), { commit: '1'.repeat(40) });
    gh.failNext({ method: 'POST', path: /git\/trees$/ }, 500);
    gh.failNext({ method: 'PATCH', path: new RegExp(`git/refs/heads/${branch}$`) }, 502);
    const before = gh.requests.length;
    const res = await s.update(memoryReport(checkReport('nginx', '1.0.0', [2])), { commit: '2'.repeat(40) });
    // Each failed request is resent as it was; the cycle itself ran once.
    assert.equal((res as { attempts: number }).attempts, 1);
    const sent = (m: string, re: RegExp) =>
      gh.requests.slice(before).filter((r) => r.method === m && re.test(r.path)).length;
    assert.equal(sent('POST', /git\/trees$/), 2);
    assert.equal(sent('PATCH', /git\/refs\//), 2);
    assert.equal(sent('GET', /git\/ref\//), 1, 'no new snapshot was needed');
    assert.deepEqual(storedValues((await gh.branchFiles(branch))['nginx/1.0.0.json']), [1, 2]);
    assert.equal(gh.branchHistory(branch).length, 2);
  });

  it('plugin-retry never replays a 409 underneath the store', async () => {
    const branch = 'bl-409';
    const s = store(gh, { branch });
    await s.update(memoryReport(checkReport('ntp', '1.0.0', [1])), { commit: '1'.repeat(40) });
    const before = gh.requests.length;
    gh.failNext({ method: 'PATCH', path: new RegExp(`git/refs/heads/${branch}$`) }, 409);
    await s.update(memoryReport(checkReport('ntp', '1.0.0', [2])), { commit: '2'.repeat(40) });
    const patches = gh.requests.slice(before).filter((r) => r.method === 'PATCH');
    // One failed PATCH, then one after the store re-read the head; plugin-retry would add more.
    assert.equal(patches.length, 2);
    const gets = gh.requests.slice(before).filter((r) => r.method === 'GET' && /git\/ref\//.test(r.path));
    assert.equal(gets.length, 2, 'the store re-read the ref before retrying');
  });

  it('gives up after the bounded attempts with a clear error, writing nothing', async () => {
    const branch = 'bl-giveup';
    const s = store(gh, { branch, retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 } });
    await s.update(memoryReport(checkReport('x', '1.0.0', [1])), { commit: '1'.repeat(40) });
    gh.failNext({ method: 'PATCH', path: new RegExp(`git/refs/heads/${branch}$`), times: 3 }, 409);
    await assert.rejects(
      s.update(memoryReport(checkReport('x', '1.0.0', [2])), { commit: '2'.repeat(40) }),
      (err: unknown) =>
        err instanceof MemgateError &&
        /gave up after 3 attempts \(last: PATCH .*409/.test(err.message) &&
        err.where === `branch ${branch} of ${gh.owner}/${gh.repo}`,
    );
    assert.deepEqual(storedValues((await gh.branchFiles(branch))['x/1.0.0.json']), [1]);
    // A 422 that is not about a race (a malformed request) is not retried.
    const before = gh.requests.length;
    gh.failNext({ method: 'POST', path: /git\/commits$/ }, 422);
    await assert.rejects(
      s.update(memoryReport(checkReport('x', '1.0.0', [3])), { commit: '3'.repeat(40) }),
      /422 Validation Failed/,
    );
    assert.equal(gh.requests.slice(before).filter((r) => /git\/commits$/.test(r.path)).length, 1);
  });

  it('a corrupt file: read warns and says unreadable, update refuses, repair keeps the old text', async () => {
    const branch = 'bl-corrupt';
    const path = baselinePath('apache', '1.0.0');
    gh.commitFiles(branch, { [path]: '{"schemaVersion": 1, "check": {"name": "apache", "ver' });
    const warnings: string[] = [];
    const s = store(gh, { branch, warn: (m) => warnings.push(m) });
    const lookup = await s.read({ name: 'apache', version: '1.0.0' });
    assert.equal(lookup.provenance.status, 'unreadable');
    assert.equal(lookup.baseline, undefined);
    assert.match(lookup.provenance.message ?? '', /apache\/1\.0\.0\.json.*not JSON/);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /apache\/1\.0\.0\.json/);
    // A corrupt exact version is not skipped in favour of an older one.
    gh.commitFiles(branch, {
      [baselinePath('apache', '0.9.0')]: serializeBaselineDocument({
        schemaVersion: 1,
        check: { name: 'apache', version: '0.9.0' },
        entries: [
          {
            commit: 'e'.repeat(40),
            date: '2026-01-01T00:00:00Z',
            report: checkReport('apache', '0.9.0', [5]),
          },
        ],
      }),
    });
    assert.equal((await s.read({ name: 'apache', version: '1.0.0' })).provenance.status, 'unreadable');

    const head = gh.branchHistory(branch)[0];
    await assert.rejects(
      s.update(memoryReport(checkReport('apache', '1.0.0', [7])), { commit: '7'.repeat(40) }),
      (err: unknown) =>
        err instanceof MemgateError &&
        /apache\/1\.0\.0\.json/.test(err.line) &&
        /refusing to overwrite/.test(err.message),
    );
    assert.equal(gh.branchHistory(branch)[0], head, 'nothing written');

    const repair = store(gh, { branch, repair: true, warn: (m) => warnings.push(m) });
    await repair.update(memoryReport(checkReport('apache', '1.0.0', [7])), { commit: '7'.repeat(40) });
    const files = await gh.branchFiles(branch);
    assert.deepEqual(storedValues(files[path]), [7]);
    assert.match(files[`${path}.corrupt`], /"ver$/);
  });

  it('a baseline written by a newer memgate is never overwritten, even with repair', async () => {
    const branch = 'bl-newer';
    const path = baselinePath('envoy', '1.0.0');
    gh.commitFiles(branch, {
      [path]: JSON.stringify({ schemaVersion: 99, check: { name: 'envoy', version: '1.0.0' }, entries: [] }),
    });
    const s = store(gh, { branch, repair: true });
    const l = await s.read({ name: 'envoy', version: '1.0.0' });
    assert.equal(l.provenance.status, 'unreadable');
    assert.match(l.provenance.message ?? '', /written by a newer memgate/);
    await assert.rejects(
      s.update(memoryReport(checkReport('envoy', '1.0.0', [1])), { commit: '1'.repeat(40) }),
      /newer memgate.*upgrade memgate/,
    );
  });

  it('an older schema on the branch is migrated by the next write', async () => {
    const branch = 'bl-migrate';
    const path = baselinePath('etcd', '3.0.0');
    const old = {
      schemaVersion: 0,
      name: 'etcd',
      version: '3.0.0',
      entries: [
        {
          sha: 'b'.repeat(40),
          createdAt: '2026-01-05T00:00:00Z',
          report: checkReport('etcd', '3.0.0', [40]),
        },
      ],
    };
    gh.commitFiles(branch, { [path]: JSON.stringify(old) });
    const s = store(gh, { branch });
    const l = await s.read({ name: 'etcd', version: '3.0.0' });
    assert.equal(l.provenance.status, 'exact');
    assert.equal(l.provenance.commit, 'b'.repeat(40));
    await s.update(memoryReport(checkReport('etcd', '3.0.0', [41])), {
      commit: 'c'.repeat(40),
      date: '2026-01-06T00:00:00Z',
    });
    const doc = JSON.parse((await gh.branchFiles(branch))[path]) as {
      schemaVersion: number;
      entries: { commit: string }[];
    };
    assert.equal(doc.schemaVersion, 1);
    assert.deepEqual(
      doc.entries.map((e) => e.commit),
      ['b'.repeat(40), 'c'.repeat(40)],
    );
  });

  it('reads files over 1 MB through the blobs API', async () => {
    const branch = 'bl-big';
    const big = checkReport('big', '1.0.0', [1]);
    big.notes = ['x'.repeat(1_200_000)];
    const s = store(gh, { branch });
    await s.update(memoryReport(big), { commit: '1'.repeat(40) });
    const l = await s.read({ name: 'big', version: '1.0.0' });
    assert.equal(l.provenance.status, 'exact');
    assert.equal(l.baseline?.notes[0].length, 1_200_000);
  });

  it('a read-only token (fork PR) gets a clear error and nothing is written', async () => {
    const ro = await startGitHubApi({ token: TOKEN, readOnly: true });
    try {
      const s = store(ro, { branch: 'bl-ro' });
      await assert.rejects(
        s.update(memoryReport(checkReport('x', '1.0.0', [1])), { commit: '1'.repeat(40) }),
        (err: unknown) =>
          err instanceof MemgateError &&
          /cannot write.*Resource not accessible by integration/.test(err.message),
      );
      // The blobs of one attempt go out together; after their 403 nothing else is tried.
      assert.equal(ro.requests.filter((r) => /git\/ref\//.test(r.path)).length, 1, 'no second attempt');
      assert.ok(ro.requests.every((r) => r.method === 'GET' || /git\/blobs$/.test(r.path)));
    } finally {
      await ro.close();
    }
  });
});
