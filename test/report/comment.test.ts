/**
 * The sticky comment and the job summary through the real path: Octokit (with retry and
 * throttling) over HTTP to the fake GitHub API on 127.0.0.1.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { upsertComment, type UpsertOptions } from '../../src/github/comment.js';
import { createOctokit, type Octokit } from '../../src/github/octokit.js';
import { MemgateError } from '../../src/errors.js';
import { commentMarker, renderComment } from '../../src/report/markdown.js';
import { writeSummary, writeVerdictSummary } from '../../src/github/summary.js';
import { SUMMARY_MAX_BYTES } from '../../src/report/summary.js';
import { startGitHubApi, type FakeGitHub } from '../support/github-api.js';
import * as fx from './verdicts.js';

const KEY = 'memory/ci';
const TOKEN = 'ghs_test_token';

function body(v = fx.regression(), key = KEY): string {
  return renderComment(v, { key, version: '0.1.0' });
}

describe('sticky comment against the fake GitHub API', () => {
  let gh: FakeGitHub;
  let octokit: Octokit;
  let issue = 100;
  const opts = (over: Partial<UpsertOptions> = {}): UpsertOptions => ({
    owner: gh.owner,
    repo: gh.repo,
    issueNumber: issue,
    key: KEY,
    body: body(),
    mode: 'always',
    passing: false,
    ...over,
  });
  const onIssue = () => [...gh.comments.values()].filter((c) => c.issue === issue);

  before(async () => {
    gh = await startGitHubApi({ token: TOKEN });
    // Throttling spaces writes 3 s apart (GitHub's advice); tests turn that off, retries stay on.
    octokit = createOctokit(TOKEN, { baseUrl: gh.url, retryAfterBaseValue: 1, throttle: false });
  });
  after(async () => {
    await gh.close();
  });

  it('creates the comment, then updates the same one on a second run', async () => {
    issue = 101;
    const first = await upsertComment(octokit, opts());
    assert.equal(first.status, 'created');
    assert.equal(onIssue().length, 1);
    assert.ok(onIssue()[0].body.startsWith(commentMarker(KEY)));

    const second = await upsertComment(octokit, opts({ body: body(fx.leak()) }));
    assert.equal(second.status, 'updated');
    assert.equal(onIssue().length, 1, 'still one comment');
    assert.equal(second.status === 'updated' && second.id, first.status === 'created' && first.id);
    assert.match(onIssue()[0].body, /🩸 3 leaks/);

    const third = await upsertComment(octokit, opts({ body: body(fx.leak()) }));
    assert.equal(third.status, 'unchanged', 'an identical body is not rewritten');
  });

  it('finds its comment past the first page (120 other comments before it)', async () => {
    issue = 102;
    gh.addComment(issue, 'first!', { login: 'octocat', type: 'User' });
    const first = await upsertComment(octokit, opts());
    assert.equal(first.status, 'created');
    for (let i = 0; i < 120; i++)
      gh.addComment(issue, `review comment ${i}`, { login: 'octocat', type: 'User' });
    // Our comment sits on page 1 here; move it past page 1 by re-adding the others first.
    const ours = onIssue().find((c) => c.user.login === 'github-actions[bot]');
    assert.ok(ours);
    gh.comments.delete(ours.id);
    const moved = gh.addComment(issue, ours.body);
    const before = gh.requests.length;
    const again = await upsertComment(octokit, opts({ body: body(fx.leak()) }));
    assert.equal(again.status, 'updated');
    assert.equal(again.status === 'updated' && again.id, moved.id);
    assert.equal(onIssue().filter((c) => c.user.login === 'github-actions[bot]').length, 1);
    const listed = gh.requests
      .slice(before)
      .filter((r) => r.method === 'GET' && /\/issues\/102\/comments/.test(r.path));
    assert.ok(listed.length >= 2, `read ${listed.length} pages`);
  });

  it('ignores a marker comment written by another user', async () => {
    issue = 103;
    const foreign = gh.addComment(issue, `${commentMarker(KEY)}\nI pasted your marker`, {
      login: 'mallory',
      type: 'User',
    });
    const r = await upsertComment(octokit, opts());
    assert.equal(r.status, 'created');
    assert.equal(
      gh.comments.get(foreign.id)?.body,
      `${commentMarker(KEY)}\nI pasted your marker`,
      'untouched',
    );
    assert.equal(onIssue().length, 2);
  });

  it('keeps one comment per key', async () => {
    issue = 104;
    await upsertComment(octokit, opts({ key: 'a', body: body(fx.regression(), 'a') }));
    await upsertComment(octokit, opts({ key: 'b', body: body(fx.regression(), 'b') }));
    await upsertComment(octokit, opts({ key: 'a', body: body(fx.leak(), 'a') }));
    assert.equal(onIssue().length, 2);
  });

  it('on-change: creates nothing while passing, shrinks an existing comment once all clear', async () => {
    issue = 105;
    const none = await upsertComment(
      octokit,
      opts({ mode: 'on-change', passing: true, body: body(fx.allPass()) }),
    );
    assert.equal(none.status, 'skipped');
    assert.equal(onIssue().length, 0);
    await upsertComment(octokit, opts({ mode: 'on-change', passing: false }));
    const cleared = await upsertComment(
      octokit,
      opts({ mode: 'on-change', passing: true, body: body(fx.allPass()), version: '0.1.0' }),
    );
    assert.equal(cleared.status, 'updated');
    assert.equal(onIssue().length, 1);
    assert.match(onIssue()[0].body, /all clear/);
    assert.ok(onIssue()[0].body.length < 500);
  });

  it('retries a 502 and a dropped connection, then succeeds', async () => {
    issue = 106;
    gh.failNext({ method: 'POST', path: /\/issues\/106\/comments/, times: 1 }, 502);
    gh.failNext({ method: 'GET', path: /\/issues\/106\/comments/, times: 1 }, 'drop');
    const r = await upsertComment(octokit, opts());
    assert.equal(r.status, 'created');
    assert.equal(onIssue().length, 1);
  });

  it('a read-only token (fork PR) gives forbidden, never throws, and the summary is still written', async () => {
    issue = 107;
    const dir = mkdtempSync(join(tmpdir(), 'memgate-summary-'));
    const file = join(dir, 'step_summary.md');
    writeFileSync(file, '');
    const saved = process.env.GITHUB_STEP_SUMMARY;
    process.env.GITHUB_STEP_SUMMARY = file;
    gh.setReadOnly(true);
    try {
      const r = await upsertComment(octokit, opts());
      assert.equal(r.status, 'forbidden');
      assert.match(r.status === 'forbidden' ? r.message : '', /read-only/);
      assert.equal(onIssue().length, 0);
      const wrote = await writeVerdictSummary(
        fx.regression(),
        { key: KEY, version: '0.1.0', forkNotice: true },
        () => assert.fail('no warning expected'),
      );
      assert.equal(wrote, true);
      const text = readFileSync(file, 'utf8');
      assert.match(text, /This pull request comes from a fork/);
      assert.match(text, /\| ❌ \| <code>python\.pymem\.inuse<\/code>/);
    } finally {
      gh.setReadOnly(false);
      if (saved === undefined) delete process.env.GITHUB_STEP_SUMMARY;
      else process.env.GITHUB_STEP_SUMMARY = saved;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("conflicts: 'fail-fast' surfaces a 409 at once; the default retries it", async () => {
    const path = /\/issues\/108\/comments/;
    const count = () => gh.requests.filter((r) => r.method === 'POST' && path.test(r.path)).length;
    const strict = createOctokit(TOKEN, {
      baseUrl: gh.url,
      retryAfterBaseValue: 1,
      throttle: false,
      conflicts: 'fail-fast',
    });
    gh.failNext({ method: 'POST', path, times: 1 }, 409);
    await assert.rejects(
      strict.rest.issues.createComment({ owner: gh.owner, repo: gh.repo, issue_number: 108, body: 'x' }),
      { status: 409 },
    );
    assert.equal(count(), 1);
    gh.failNext({ method: 'POST', path, times: 1 }, 409);
    await octokit.rest.issues.createComment({ owner: gh.owner, repo: gh.repo, issue_number: 108, body: 'y' });
    assert.equal(count(), 3, 'retried once after the 409');
  });

  it('other errors become one-line MemgateErrors', async () => {
    const bad = createOctokit('wrong-token', { baseUrl: gh.url, retryAfterBaseValue: 1, throttle: false });
    await assert.rejects(upsertComment(bad, opts({ login: 'github-actions[bot]' })), (err: unknown) => {
      assert.ok(err instanceof MemgateError);
      assert.match(err.line, /^[^/]+\/[^#]+#\d+: PR comment failed: HTTP 401 Bad credentials\b/);
      assert.doesNotMatch(err.line, /\n/);
      return true;
    });
  });
});

describe('job summary', () => {
  it('caps a huge report under 900 KiB of UTF-8', async () => {
    const { renderSummary } = await import('../../src/report/summary.js');
    const many = fx.huge();
    many.checks = [...many.checks, ...many.checks]; // about 1.7 MB untruncated
    const md = renderSummary(many, { key: KEY, version: '0.1.0' });
    const bytes = Buffer.byteLength(md, 'utf8');
    assert.ok(bytes <= SUMMARY_MAX_BYTES, `${bytes} bytes`);
    assert.ok(bytes > 60_000, 'the summary has more room than the comment');
  });

  it('without GITHUB_STEP_SUMMARY it warns and writes nothing', async () => {
    const saved = process.env.GITHUB_STEP_SUMMARY;
    delete process.env.GITHUB_STEP_SUMMARY;
    const warnings: string[] = [];
    try {
      const warn = (m: string) => warnings.push(m);
      assert.equal(await writeVerdictSummary(fx.allPass(), { key: KEY, version: '0.1.0' }, warn), false);
      assert.equal(await writeSummary('# hi', warn), false);
      assert.equal(warnings.length, 2);
    } finally {
      if (saved !== undefined) process.env.GITHUB_STEP_SUMMARY = saved;
    }
  });
});
