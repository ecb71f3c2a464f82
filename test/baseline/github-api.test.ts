import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { getOctokit } from '@actions/github';

import { startGitHubApi, type FakeGitHub } from '../support/github-api.js';

const TOKEN = 'ghs_fake';

function status(err: unknown): number | undefined {
  return (err as { status?: number }).status;
}

function message(err: unknown): string {
  return ((err as { response?: { data?: { message?: string } } }).response?.data?.message ?? '') as string;
}

describe('fake GitHub API', () => {
  let gh: FakeGitHub;
  let octokit: ReturnType<typeof getOctokit>;
  const repo = () => ({ owner: gh.owner, repo: gh.repo });
  before(async () => {
    gh = await startGitHubApi({ token: TOKEN, perPage: 5 });
    octokit = getOctokit(TOKEN, { baseUrl: gh.url });
  });
  after(() => gh.close());

  it('serves the repository with its default branch and rate-limit headers', async () => {
    const res = await octokit.rest.repos.get(repo());
    assert.equal(res.data.default_branch, 'main');
    assert.equal(res.headers['x-ratelimit-limit'], '5000');
    assert.ok(Number(res.headers['x-ratelimit-remaining']) < 5000);
  });

  it('git data: blobs, trees with base_tree, commits, refs with GitHub semantics', async () => {
    await assert.rejects(octokit.rest.git.getRef({ ...repo(), ref: 'heads/nope' }), (e) => status(e) === 404);
    const main = await octokit.rest.git.getRef({ ...repo(), ref: 'heads/main' });
    const head = await octokit.rest.git.getCommit({ ...repo(), commit_sha: main.data.object.sha });
    const blob = await octokit.rest.git.createBlob({ ...repo(), content: 'hello\n', encoding: 'utf-8' });
    assert.equal(blob.data.sha, 'ce013625030ba8dba906f756967f9e9ca394464a', "git's own blob hash");
    const tree = await octokit.rest.git.createTree({
      ...repo(),
      base_tree: head.data.tree.sha,
      tree: [{ path: 'dir/hello.txt', mode: '100644', type: 'blob', sha: blob.data.sha }],
    });
    const listed = await octokit.rest.git.getTree({ ...repo(), tree_sha: tree.data.sha, recursive: '1' });
    assert.deepEqual(listed.data.tree.map((e) => e.path).sort(), ['README.md', 'dir', 'dir/hello.txt']);
    const commit = await octokit.rest.git.createCommit({
      ...repo(),
      message: 'add',
      tree: tree.data.sha,
      parents: [main.data.object.sha],
    });
    await assert.rejects(
      octokit.rest.git.createRef({ ...repo(), ref: 'refs/heads/main', sha: commit.data.sha }),
      (e) => status(e) === 422 && message(e) === 'Reference already exists',
    );
    await octokit.rest.git.createRef({ ...repo(), ref: 'refs/heads/side', sha: commit.data.sha });
    // A sibling commit on the old head is not a fast-forward of `side`.
    const sibling = await octokit.rest.git.createCommit({
      ...repo(),
      message: 'other',
      tree: head.data.tree.sha,
      parents: [main.data.object.sha],
    });
    await assert.rejects(
      octokit.rest.git.updateRef({ ...repo(), ref: 'heads/side', sha: sibling.data.sha, force: false }),
      (e) => status(e) === 422 && message(e) === 'Update is not a fast forward',
    );
    await octokit.rest.git.updateRef({ ...repo(), ref: 'heads/side', sha: sibling.data.sha, force: true });
    assert.equal(gh.branchHistory('side')[0], sibling.data.sha);
    await assert.rejects(
      octokit.rest.git.createTree({
        ...repo(),
        base_tree: head.data.tree.sha,
        tree: [{ path: 'missing.txt', mode: '100644', type: 'blob', sha: null }],
      }),
      (e) => status(e) === 422,
      'deleting a missing path is an error',
    );
  });

  it('contents: read, 1 MB limit, 409 on a stale sha, 422 without one', async () => {
    const created = await octokit.rest.repos.createOrUpdateFileContents({
      ...repo(),
      path: 'a/b.txt',
      message: 'm',
      content: Buffer.from('one').toString('base64'),
    });
    assert.equal(created.status, 201);
    const got = await octokit.rest.repos.getContent({ ...repo(), path: 'a/b.txt' });
    const file = got.data as { content: string; sha: string; encoding: string };
    assert.equal(Buffer.from(file.content, 'base64').toString(), 'one');
    await assert.rejects(
      octokit.rest.repos.createOrUpdateFileContents({
        ...repo(),
        path: 'a/b.txt',
        message: 'm',
        content: 'dHdv',
        sha: 'f'.repeat(40),
      }),
      (e) => status(e) === 409 && message(e) === `a/b.txt does not match ${'f'.repeat(40)}`,
    );
    await assert.rejects(
      octokit.rest.repos.createOrUpdateFileContents({
        ...repo(),
        path: 'a/b.txt',
        message: 'm',
        content: 'dHdv',
      }),
      (e) => status(e) === 422 && /"sha" wasn't supplied/.test(message(e)),
    );
    const updated = await octokit.rest.repos.createOrUpdateFileContents({
      ...repo(),
      path: 'a/b.txt',
      message: 'm',
      content: 'dHdv',
      sha: file.sha,
    });
    assert.equal(updated.status, 200);
    gh.commitFiles('main', { 'big.bin': 'x'.repeat(1024 * 1024 + 1) });
    const big = (await octokit.rest.repos.getContent({ ...repo(), path: 'big.bin' })).data as {
      content: string;
      encoding: string;
    };
    assert.deepEqual([big.encoding, big.content], ['none', '']);
  });

  it('issue comments: create, paginate through Link headers, update, delete, size limit', async () => {
    gh.addComment(7, 'from a human', { login: 'octocat', type: 'User' });
    for (let i = 0; i < 11; i++)
      await octokit.rest.issues.createComment({ ...repo(), issue_number: 7, body: `c${i}` });
    const first = await octokit.rest.issues.listComments({ ...repo(), issue_number: 7, per_page: 100 });
    assert.equal(first.data.length, 5, 'the server caps the page');
    assert.match(first.headers.link ?? '', /rel="next".*rel="last"/);
    const all = await octokit.paginate(octokit.rest.issues.listComments, {
      ...repo(),
      issue_number: 7,
      per_page: 100,
    });
    assert.equal(all.length, 12);
    assert.deepEqual(all[0].user?.login, 'octocat');
    assert.deepEqual([all[1].user?.login, all[1].user?.type], ['github-actions[bot]', 'Bot']);
    const last = all[all.length - 1];
    await octokit.rest.issues.updateComment({ ...repo(), comment_id: last.id, body: 'edited' });
    assert.equal(gh.comments.get(last.id)?.body, 'edited');
    await octokit.rest.issues.deleteComment({ ...repo(), comment_id: last.id });
    assert.equal(gh.comments.has(last.id), false);
    await assert.rejects(
      octokit.rest.issues.getComment({ ...repo(), comment_id: last.id }),
      (e) => status(e) === 404,
    );
    await assert.rejects(
      octokit.rest.issues.createComment({ ...repo(), issue_number: 7, body: 'x'.repeat(65537) }),
      (e) => status(e) === 422,
    );
  });

  it('401 on a wrong token, 403 on writes when read-only, injected failures', async () => {
    const wrong = getOctokit('nope', { baseUrl: gh.url });
    await assert.rejects(
      wrong.rest.repos.get(repo()),
      (e) => status(e) === 401 && message(e) === 'Bad credentials',
    );
    gh.setReadOnly(true);
    try {
      await assert.rejects(
        octokit.rest.issues.createComment({ ...repo(), issue_number: 1, body: 'x' }),
        (e) => status(e) === 403 && message(e) === 'Resource not accessible by integration',
      );
      assert.equal((await octokit.rest.repos.get(repo())).status, 200, 'reads still work');
    } finally {
      gh.setReadOnly(false);
    }
    gh.failNext({ method: 'GET', path: /\/git\/ref\//, times: 2 }, 503);
    await assert.rejects(octokit.rest.git.getRef({ ...repo(), ref: 'heads/main' }), (e) => status(e) === 503);
    await assert.rejects(octokit.rest.git.getRef({ ...repo(), ref: 'heads/main' }), (e) => status(e) === 503);
    assert.equal((await octokit.rest.git.getRef({ ...repo(), ref: 'heads/main' })).status, 200);
    gh.failNext({ path: /\/rate_limit/ }, 'drop');
    await assert.rejects(octokit.rest.rateLimit.get());
  });
});
