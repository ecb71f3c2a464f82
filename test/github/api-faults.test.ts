/**
 * Every GitHub call memgate makes (here: the sticky comment) against a failing API, through the
 * Octokit the action builds: a hang ends with a deadline error, an HTML 5xx page becomes a status
 * and a one-line summary (issue 15, rows 1 and 15). Plus the fake server's own fault injection.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { MemgateError } from '../../src/errors.js';
import { apiErrorStatus, apiErrorSummary, bodySummary, htmlSummary } from '../../src/github/api-error.js';
import { upsertComment, type UpsertOptions } from '../../src/github/comment.js';
import { createOctokit } from '../../src/github/octokit.js';
import { GITHUB_HTML_ERROR_PAGE, startGitHubApi, type FakeGitHub } from '../support/github-api.js';

const TOKEN = 'ghs_api_faults';

describe('api-error summaries', () => {
  it('an HTML page becomes its title, entities decoded, on one line', () => {
    assert.equal(htmlSummary(GITHUB_HTML_ERROR_PAGE), 'Unicorn! · GitHub');
    assert.equal(
      htmlSummary('<html><body><h1>502 Bad\n  Gateway</h1><script>x()</script></body></html>'),
      '502 Bad Gateway',
    );
    assert.equal(
      bodySummary(`<!DOCTYPE html>\n<html><title>Oops &amp; more</title>`),
      'HTML error page "Oops & more"',
    );
    assert.equal(bodySummary('x'.repeat(1000)).length, 200);
  });

  it('a JSON error keeps GitHub message; no response means no status', () => {
    const withBody = { status: 422, response: { status: 422, data: { message: 'Validation Failed' } } };
    assert.equal(apiErrorStatus(withBody), 422);
    assert.equal(apiErrorSummary(withBody), 'Validation Failed');
    const network = Object.assign(new Error('fetch failed'), { status: 500 });
    assert.equal(apiErrorStatus(network), undefined, "Octokit's 500 for a failed fetch is not an HTTP 500");
    assert.equal(apiErrorSummary(network), 'fetch failed');
  });
});

describe('GitHub calls under injected faults', () => {
  let gh: FakeGitHub;
  let issue = 300;
  const opts = (): UpsertOptions => ({
    owner: gh.owner,
    repo: gh.repo,
    issueNumber: issue,
    key: 'faults',
    body: '<!-- memgate:faults -->\nbody',
    mode: 'always',
    passing: false,
    login: 'github-actions[bot]',
  });
  before(async () => {
    gh = await startGitHubApi({ token: TOKEN });
  });
  after(() => gh.close());

  it('row 1: a comment API that never answers ends with a deadline error, retries included', async () => {
    issue = 301;
    const octokit = createOctokit(TOKEN, {
      baseUrl: gh.url,
      retryAfterBaseValue: 1,
      throttle: false,
      timeoutMs: 200,
    });
    const drop = gh.inject({
      method: 'GET',
      path: /\/issues\/301\/comments/,
      every: 1,
      fault: { kind: 'hang' },
    });
    const started = Date.now();
    try {
      await assert.rejects(upsertComment(octokit, opts()), (err: unknown) => {
        assert.ok(err instanceof MemgateError);
        assert.match(
          err.line,
          /PR comment failed: network error: no answer from the GitHub API within 0\.2 s$/,
        );
        return true;
      });
    } finally {
      drop();
    }
    // plugin-retry tries 4 times (retries: 3), each with its own 200 ms deadline.
    const tried = gh.requests.filter((r) => /\/issues\/301\/comments/.test(r.path)).length;
    assert.equal(tried, 4);
    assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
  });

  it('row 15: a 502 HTML page on the comment write is the status and a one-line summary', async () => {
    issue = 302;
    const octokit = createOctokit(TOKEN, { baseUrl: gh.url, retries: 0, throttle: false });
    gh.inject({ method: 'POST', path: /\/issues\/302\/comments/, fault: { kind: 'html', status: 502 } });
    await assert.rejects(upsertComment(octokit, opts()), (err: unknown) => {
      assert.ok(err instanceof MemgateError);
      assert.match(err.line, /PR comment failed: HTTP 502 HTML error page "Unicorn! · GitHub"$/);
      assert.doesNotMatch(err.line, /[<>\n]|DOCTYPE/);
      return true;
    });
  });

  it('the fake fires rules on the N-th and every K-th matching request only', async () => {
    const octokit = createOctokit(TOKEN, { baseUrl: gh.url, retries: 0, throttle: false });
    const get = () =>
      octokit.rest.repos.get({ owner: gh.owner, repo: gh.repo }).then(
        (r) => r.status,
        (e: { status?: number }) => e.status,
      );
    gh.inject({
      method: 'GET',
      path: /\/repos\/[^/]+\/[^/]+$/,
      nth: 2,
      fault: { kind: 'status', status: 503 },
    });
    assert.deepEqual([await get(), await get(), await get()], [200, 503, 200]);
    const drop = gh.inject({
      path: /\/repos\/[^/]+\/[^/]+$/,
      every: 3,
      fault: { kind: 'status', status: 500 },
    });
    const seen = [];
    for (let i = 0; i < 6; i++) seen.push(await get());
    drop();
    assert.deepEqual(seen, [200, 200, 500, 200, 200, 500]);
    assert.equal(await get(), 200, 'a removed rule no longer fires');
  });
});
