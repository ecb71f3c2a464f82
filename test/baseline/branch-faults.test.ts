/**
 * The branch store against a misbehaving GitHub (issue 15, rows 1, 2, 4, 15 and the back-off
 * guard): the fake server hangs, resets, cuts answers off, sends HTML 5xx pages and races ref
 * updates; the store must end with a clear error or land every write, never hang or pass blind.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { defaultPolicy } from '../../src/analyze/policy.js';
import { createBranchStore, type BranchStoreOptions } from '../../src/baseline/branch-store.js';
import { BaselineUnavailableError } from '../../src/baseline/unavailable.js';
import { MemgateError } from '../../src/errors.js';
import { judge } from '../../src/app/judge.js';
import { createOctokit } from '../../src/github/octokit.js';
import { startGitHubApi, type Fault, type FakeGitHub } from '../support/github-api.js';
import { checkReport, memoryReport, storedValues } from './helpers.js';

const TOKEN = 'ghs_fault_token';
const FAST = { attempts: 12, baseDelayMs: 2, maxDelayMs: 50 };

function store(gh: FakeGitHub, extra: Partial<BranchStoreOptions> = {}, timeoutMs = 5_000) {
  // The client the action builds: plugin-retry, throttling off (local server), a request deadline.
  const client = createOctokit(TOKEN, {
    baseUrl: gh.url,
    conflicts: 'fail-fast',
    throttle: false,
    retryAfterBaseValue: 1,
    timeoutMs,
  });
  return createBranchStore({ client, owner: gh.owner, repo: gh.repo, retry: FAST, ...extra });
}

const REF_GET = (branch: string) => new RegExp(`/git/ref/heads/${branch}$`);
const REF_PATCH = (branch: string) => new RegExp(`/git/refs/heads/${branch}$`);

async function seed(gh: FakeGitHub, branch: string, name = 'redis', values = [100]): Promise<void> {
  await store(gh, { branch }).update(memoryReport(checkReport(name, '1.0.0', values)), {
    commit: 'a'.repeat(40),
  });
}

describe('branch store under injected GitHub faults', () => {
  let gh: FakeGitHub;
  before(async () => {
    gh = await startGitHubApi({ token: TOKEN });
  });
  after(() => gh.close());

  it('row 1: an API that accepts and never answers ends the read with a clear error, in bounded time', async () => {
    const branch = 'f-hang';
    await seed(gh, branch);
    const drop = gh.inject({ method: 'GET', path: REF_GET(branch), every: 1, fault: { kind: 'hang' } });
    try {
      const s = store(gh, { branch, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 } }, 150);
      const started = Date.now();
      await assert.rejects(
        s.read({ name: 'redis', version: '1.0.0' }),
        (err: unknown) =>
          err instanceof BaselineUnavailableError &&
          /no answer from the GitHub API within 0\.15 s/.test(err.message) &&
          /after 2 attempts/.test(err.message),
      );
      // Two attempts of 150 ms (plugin-retry adds its own 3 retries of each): far from a hang.
      assert.ok(Date.now() - started < 5_000, `took ${Date.now() - started} ms`);
    } finally {
      drop();
    }
  });

  it('row 1: a late answer within the deadline is used', async () => {
    const branch = 'f-delay';
    await seed(gh, branch, 'redis', [7]);
    gh.inject({ method: 'GET', path: REF_GET(branch), fault: { kind: 'delay', ms: 100 } });
    const res = await store(gh, { branch }, 2_000).read({ name: 'redis', version: '1.0.0' });
    assert.equal(res.provenance.status, 'exact');
    assert.deepEqual(
      res.baseline?.metrics['python.check_run_alloc'].runs.map((r) => r.value),
      [7],
    );
  });

  it('row 2: reads retry 500, 502 HTML, resets and cut-off bodies like writes, then find the baseline', async () => {
    const branch = 'f-read-retry';
    await seed(gh, branch, 'redis', [42]);
    const faults: Fault[] = [
      { kind: 'status', status: 500 },
      { kind: 'html', status: 502 },
      { kind: 'reset' },
      { kind: 'truncate' },
    ];
    const queue = [...faults];
    gh.inject({ method: 'GET', path: /\/git\//, times: faults.length, fault: () => queue.shift() as Fault });
    const warnings: string[] = [];
    const res = await store(gh, { branch, warn: (m) => warnings.push(m) }).read({
      name: 'redis',
      version: '1.0.0',
    });
    assert.equal(res.provenance.status, 'exact');
    assert.deepEqual(
      res.baseline?.metrics['python.check_run_alloc'].runs.map((r) => r.value),
      [42],
    );
    assert.deepEqual(warnings, []);
  });

  it('row 2: a cut-off body is a retryable error, never "Cannot read properties of undefined"', async () => {
    const branch = 'f-truncate';
    await seed(gh, branch);
    const drop = gh.inject({ method: 'GET', path: REF_GET(branch), every: 1, fault: { kind: 'truncate' } });
    try {
      await assert.rejects(
        store(gh, { branch, retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 1 } }).read({
          name: 'redis',
          version: '1.0.0',
        }),
        (err: unknown) =>
          err instanceof BaselineUnavailableError &&
          /cut off or malformed \(no object\.sha\)/.test(err.message) &&
          /after 3 attempts/.test(err.message) &&
          !/Cannot read properties/.test(err.message),
      );
    } finally {
      drop();
    }
  });

  for (const [status, words] of [
    [500, /500 Server Error/],
    [401, /401 Bad credentials/],
  ] as const) {
    it(`row 2: a read that keeps failing with ${status} fails the gate, naming the API error; warn opts out`, async () => {
      const branch = `f-read-${status}`;
      await seed(gh, branch);
      const report = memoryReport(checkReport('redis', '1.0.0', [100, 100, 100]));
      const drop = gh.inject({
        method: 'GET',
        path: REF_GET(branch),
        every: 1,
        fault: { kind: 'status', status },
      });
      try {
        const retry = { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 };
        await assert.rejects(
          judge(report, store(gh, { branch, retry }), defaultPolicy()),
          (err: unknown) =>
            err instanceof BaselineUnavailableError &&
            words.test(err.message) &&
            /does not pass/.test(err.message) &&
            err.where === `branch ${branch} of ${gh.owner}/${gh.repo}`,
        );
        const warnings: string[] = [];
        const verdict = await judge(
          report,
          store(gh, { branch, retry, onBaselineError: 'warn' }),
          defaultPolicy(),
          { warn: (m) => warnings.push(m) },
        );
        assert.equal(verdict.checks[0].provenance.status, 'unreadable');
        assert.equal(warnings.length, 1);
        assert.match(warnings[0], words);
      } finally {
        drop();
      }
    });
  }

  it('row 15: a 502 HTML page becomes the status and a one-line summary', async () => {
    const branch = 'f-html';
    await seed(gh, branch);
    const drop = gh.inject({
      method: 'GET',
      path: REF_GET(branch),
      every: 1,
      fault: { kind: 'html', status: 502 },
    });
    try {
      await assert.rejects(
        store(gh, { branch, retry: { attempts: 1 } }).read({ name: 'redis', version: '1.0.0' }),
        (err: unknown) => {
          assert.ok(err instanceof MemgateError);
          assert.match(err.message, /git\/ref\/\{ref\}: 502 HTML error page "Unicorn! · GitHub"/);
          assert.doesNotMatch(err.line, /[<>\n]/);
          assert.ok(err.line.length < 400, err.line);
          return true;
        },
      );
    } finally {
      drop();
    }
  });

  it('row 4: 422 "Reference cannot be updated" is retried like a non-fast-forward', async () => {
    const branch = 'f-422-cannot';
    await seed(gh, branch, 'redis', [1]);
    gh.inject({
      method: 'PATCH',
      path: REF_PATCH(branch),
      times: 2,
      fault: { kind: 'status', status: 422, message: 'Reference cannot be updated' },
    });
    const res = await store(gh, { branch }).update(memoryReport(checkReport('redis', '1.0.0', [2])), {
      commit: 'b'.repeat(40),
    });
    assert.equal(res.attempts, 3);
    assert.deepEqual(storedValues((await gh.branchFiles(branch))['redis/1.0.0.json']), [1, 2]);
  });

  it('row 4: 50 concurrent writers with random 409/422/502 and real races all land, history linear', async () => {
    const branch = 'f-storm';
    let seedRandom = 7;
    const random = () => (seedRandom = (seedRandom * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const kinds: Fault[] = [
      { kind: 'status', status: 409 },
      { kind: 'status', status: 422, message: 'Reference cannot be updated' },
      { kind: 'status', status: 422, message: 'Update is not a fast forward' },
      { kind: 'html', status: 502 },
      { kind: 'race' },
    ];
    const drop = gh.inject({
      method: 'PATCH',
      path: REF_PATCH(branch),
      probability: 0.3,
      random,
      fault: () => kinds[Math.floor(random() * kinds.length)],
    });
    const racesBefore = gh.faultsFired.race ?? 0;
    try {
      await seed(gh, branch, 'storm', [0]);
      const retry = { attempts: 12, baseDelayMs: 20, maxDelayMs: 1_000 };
      await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          store(gh, { branch, retry, keep: 100 }).update(
            memoryReport(checkReport('storm', '1.0.0', [i + 1])),
            {
              commit: String(i).padStart(40, '0'),
            },
          ),
        ),
      );
    } finally {
      drop();
    }
    const values = storedValues((await gh.branchFiles(branch))['storm/1.0.0.json']).sort((a, b) => a - b);
    assert.deepEqual(
      values,
      Array.from({ length: 51 }, (_, i) => i),
      'every writer landed exactly once',
    );
    // Linear: the first-parent chain holds the seed, the 50 writes and each racing commit, nothing else.
    const races = (gh.faultsFired.race ?? 0) - racesBefore;
    assert.equal(gh.branchHistory(branch).length, 51 + races);
    assert.ok(Object.keys(gh.faultsFired).length >= 3, JSON.stringify(gh.faultsFired));
  });

  it('the CAS retry sleeps a jittered, growing back-off between attempts', async () => {
    const branch = 'f-backoff';
    await seed(gh, branch, 'redis', [1]);
    gh.inject({ method: 'PATCH', path: REF_PATCH(branch), times: 3, fault: { kind: 'status', status: 409 } });
    const waits: number[] = [];
    const retry = { attempts: 5, baseDelayMs: 100, maxDelayMs: 10_000 };
    const res = await store(gh, {
      branch,
      retry,
      sleep: async (ms) => {
        waits.push(ms);
      },
    }).update(memoryReport(checkReport('redis', '1.0.0', [2])), { commit: 'c'.repeat(40) });
    assert.equal(res.attempts, 4);
    assert.equal(waits.length, 3, 'one wait before each retry');
    waits.forEach((w, i) => assert.ok(w >= 0 && w <= 100 * 2 ** i, `wait ${i} = ${w}`));
  });
});
