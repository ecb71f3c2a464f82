/**
 * End to end: the bundled dist/index.js, started as the Actions runner starts it, running real
 * Python checks under real tracemalloc (the Agent simulator), against a local GitHub API server
 * (comments, baseline branch, artifacts).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { artifactRestRoutes } from '../support/artifact-rest.js';
import { startArtifactService, type ArtifactService } from '../support/artifact-service.js';
import { startGitHubApi, type FakeGitHub } from '../support/github-api.js';
import {
  AGENT_SIM,
  putCheck,
  ROOT,
  runAction,
  webhookPayload,
  workspaceWith,
  type ActionResult,
} from './harness.js';

const TOKEN = 'ghs_e2eTestToken000000000000000000000000';
const PR = 7;
const BRANCH = 'memgate-baselines';

/** The line of the leaky example that keeps memory every run, as tracemalloc names it. */
function leakyLine(): number {
  const lines = readFileSync(`${ROOT}/examples/checks/leaky/check.py`, 'utf8').split('\n');
  return lines.findIndex((l) => l.includes('_seen_names.extend')) + 1;
}

function describeRun(r: ActionResult): string {
  return `exit ${r.code}\n--- stdout\n${r.stdout.slice(-3000)}\n--- stderr\n${r.stderr.slice(-2000)}\n--- comment\n${(r.outputs['comment-body'] ?? '').slice(0, 4000)}`;
}

describe('dist/index.js as the runner runs it', { concurrency: false }, () => {
  let gh: FakeGitHub;
  let artifacts: ArtifactService;
  let repo: { owner: string; repo: string };
  let ws: string;

  const common = (check: string) => ({
    check,
    'agent-bin': AGENT_SIM,
    repeat: '4',
    'check-times': '10',
    'sample-interval': '50',
    'github-token': TOKEN,
  });

  const push = async (check: string, extra: Record<string, string> = {}, sha = '1'.repeat(40)) =>
    runAction({
      event: 'push',
      payload: webhookPayload('push', repo, (p) => {
        p.ref = 'refs/heads/main';
        p.after = sha;
        p.head_commit.timestamp = new Date().toISOString();
      }),
      inputs: { ...common(check), ...extra },
      workspace: ws,
      apiUrl: gh.url,
      repo,
      sha,
      ref: 'refs/heads/main',
    });

  const pullRequest = async (
    check: string,
    extra: Record<string, string> = {},
    opts: { fork?: boolean; api?: string } = {},
  ) =>
    runAction({
      event: 'pull_request',
      payload: webhookPayload('pull_request', repo, (p) => {
        p.number = PR;
        p.pull_request.number = PR;
        p.pull_request.head.sha = '2'.repeat(40);
        if (opts.fork) p.pull_request.head.repo.full_name = 'someone/fork';
      }),
      inputs: { ...common(check), ...extra },
      workspace: ws,
      apiUrl: opts.api ?? gh.url,
      repo,
      sha: '3'.repeat(40),
      ref: `refs/pull/${PR}/merge`,
    });

  const prComments = () => [...gh.comments.values()].filter((c) => c.issue === PR);

  before(async () => {
    artifacts = await startArtifactService();
    gh = await startGitHubApi({
      token: TOKEN,
      extraRoutes: (req, res, url) => artifactRestRoutes(artifacts, { token: TOKEN })(req, res, url),
    });
    repo = { owner: gh.owner, repo: gh.repo };
    ws = await workspaceWith({ mycheck: { example: 'steady' } });
  });

  after(async () => {
    await gh.close();
    await artifacts.close();
  });

  it('1. a push to main writes the first baseline to the data branch', async () => {
    const r = await push('mycheck');
    assert.equal(r.code, 0, describeRun(r));
    assert.equal(r.outputs.verdict, 'pass');
    const files = await gh.branchFiles(BRANCH);
    assert.ok(files['mycheck/1.0.0.json'], `baseline file written: ${Object.keys(files).join(', ')}`);
    const doc = JSON.parse(files['mycheck/1.0.0.json']) as { entries: { commit: string }[] };
    assert.deepEqual(
      doc.entries.map((e) => e.commit),
      ['1'.repeat(40)],
    );
    assert.match(files['index.json'], /mycheck/);
    assert.match(r.summary, /memgate/);
    assert.equal(prComments().length, 0, 'a push does not comment');
  });

  it('2. a PR with the leaky check fails, names the leaking file:line, and writes nothing', async () => {
    const history = gh.branchHistory(BRANCH);
    const seen = gh.requests.length;
    await putCheck(ws, 'mycheck', { example: 'leaky' });
    const r = await pullRequest('mycheck');
    assert.equal(r.code, 1, describeRun(r));
    assert.equal(r.outputs.verdict, 'fail');
    assert.ok(Number(r.outputs.leaks) >= 1, `leaks output ${r.outputs.leaks}`);
    assert.ok(
      r.errors.some((e) => /leak/.test(e)),
      `the failure names the leak: ${r.errors.join(' | ')}`,
    );
    const comments = prComments();
    assert.equal(comments.length, 1);
    assert.match(comments[0].body, /^<!-- memgate:memory\/gate -->/);
    assert.match(comments[0].body, new RegExp(`check\\.py:${leakyLine()}`));
    assert.equal(r.outputs['comment-body'], comments[0].body);
    assert.deepEqual(gh.branchHistory(BRANCH), history, 'a pull request never writes baselines');
    assert.ok(
      gh.requests.slice(seen).every((q) => q.method === 'GET' || !q.path.includes('/git/')),
      'no git writes during a pull_request',
    );
  });

  it('3. a PR with the steady check passes and updates the same comment in place', async () => {
    const before = prComments().map((c) => ({ ...c }));
    await putCheck(ws, 'mycheck', { example: 'steady' });
    const r = await pullRequest('mycheck');
    assert.equal(r.code, 0, describeRun(r));
    assert.equal(r.outputs.verdict, 'pass');
    const afterComments = prComments();
    assert.equal(afterComments.length, 1, 'still one comment');
    assert.equal(afterComments[0].id, before[0].id, 'updated in place');
    assert.notEqual(afterComments[0].body, before[0].body);
    assert.doesNotMatch(afterComments[0].body, new RegExp(`check\\.py:${leakyLine()}`));
  });

  it('4. a PR with the regressing check fails on the regression, not on a leak', async () => {
    await putCheck(ws, 'regcheck', {
      example: 'regressing',
      conf: (t) => t.replace('  - queues: 100', '  - queues: 100\n    factor: 1.0'),
    });
    const base = await push('regcheck', {}, '4'.repeat(40));
    assert.equal(base.code, 0, describeRun(base));
    await putCheck(ws, 'regcheck', {
      example: 'regressing',
      conf: (t) => t.replace('  - queues: 100', '  - queues: 100\n    factor: 1.2'),
    });
    const r = await pullRequest('regcheck', { 'comment-key': 'regression' });
    assert.equal(r.code, 1, describeRun(r));
    assert.ok(Number(r.outputs.regressions) >= 1, `regressions output ${r.outputs.regressions}`);
    assert.equal(r.outputs.leaks, '0');
    assert.match(r.outputs['comment-body'], /regress/i);
  });

  it('4b. an input wins over .memgate.yml, which wins over the defaults', async () => {
    // regcheck grew 20% in test 4. A file threshold of 90% lets it through; the input of 5% does not.
    await writeFile(join(ws, '.memgate.yml'), 'threshold: 90%\n');
    try {
      const fileOnly = await pullRequest('regcheck', { 'comment-key': 'precedence' });
      assert.equal(fileOnly.outputs.regressions, '0', describeRun(fileOnly));
      assert.equal(fileOnly.code, 0, describeRun(fileOnly));
      const input = await pullRequest('regcheck', { 'comment-key': 'precedence', threshold: '5%' });
      assert.equal(input.code, 1, describeRun(input));
      assert.ok(Number(input.outputs.regressions) >= 1, `regressions output ${input.outputs.regressions}`);
    } finally {
      await rm(join(ws, '.memgate.yml'), { force: true });
    }
  });

  it('5. collect ×3 then aggregate make one comment and one baseline commit', async () => {
    for (const name of ['alpha', 'beta', 'gamma']) await putCheck(ws, name, { example: 'steady' });
    for (const name of ['alpha', 'beta', 'gamma']) {
      const r = await runAction({
        event: 'pull_request',
        payload: webhookPayload('pull_request', repo, (p) => {
          p.number = PR;
          p.pull_request.number = PR;
        }),
        inputs: { ...common(name), mode: 'collect', 'artifact-name': `memgate-report-${name}`, repeat: '2' },
        workspace: ws,
        apiUrl: gh.url,
        repo,
        env: artifacts.envFor({ job: `collect-${name}` }),
      });
      assert.equal(r.code, 0, describeRun(r));
    }
    assert.equal(artifacts.artifacts().length, 3);

    const commentsBefore = prComments().length;
    const agg = await runAction({
      event: 'pull_request',
      payload: webhookPayload('pull_request', repo, (p) => {
        p.number = PR;
        p.pull_request.number = PR;
      }),
      inputs: {
        mode: 'aggregate',
        'artifact-name': 'memgate-report',
        'github-token': TOKEN,
        'comment-key': 'matrix',
      },
      workspace: ws,
      apiUrl: gh.url,
      repo,
      env: artifacts.envFor({ job: 'aggregate' }),
    });
    assert.equal(agg.code, 0, describeRun(agg));
    assert.equal(prComments().length, commentsBefore + 1, 'one comment for all shards');
    const body = prComments().find((c) => c.body.startsWith('<!-- memgate:matrix -->'))?.body ?? '';
    for (const name of ['alpha', 'beta', 'gamma']) assert.match(body, new RegExp(name));

    const historyBefore = gh.branchHistory(BRANCH).length;
    const merged = await runAction({
      event: 'push',
      payload: webhookPayload('push', repo, (p) => (p.ref = 'refs/heads/main')),
      inputs: { mode: 'aggregate', 'artifact-name': 'memgate-report', 'github-token': TOKEN },
      workspace: ws,
      apiUrl: gh.url,
      repo,
      sha: '5'.repeat(40),
      ref: 'refs/heads/main',
      env: artifacts.envFor({ job: 'aggregate' }),
    });
    assert.equal(merged.code, 0, describeRun(merged));
    assert.equal(gh.branchHistory(BRANCH).length, historyBefore + 1, 'one baseline commit for all shards');
    const files = await gh.branchFiles(BRANCH);
    for (const name of ['alpha', 'beta', 'gamma']) assert.ok(files[`${name}/1.0.0.json`], `${name} baseline`);
  });

  it('6. a fork PR (403 on comments) passes or fails on the gate alone, with the summary written', async () => {
    const readOnly = await startGitHubApi({ token: TOKEN, readOnly: true });
    try {
      await putCheck(ws, 'mycheck', { example: 'steady' });
      const pass = await pullRequest('mycheck', {}, { fork: true, api: readOnly.url });
      assert.equal(pass.code, 0, describeRun(pass));
      assert.equal(pass.outputs.verdict, 'pass');
      assert.ok(
        pass.warnings.some((w) => /could not comment on PR #7/.test(w)),
        pass.warnings.join(' | '),
      );
      assert.match(pass.summary, /memgate/);
      assert.ok(pass.outputs['comment-body'].length > 0);

      await putCheck(ws, 'mycheck', { example: 'leaky' });
      const fail = await pullRequest('mycheck', {}, { fork: true, api: readOnly.url });
      assert.equal(fail.code, 1, describeRun(fail));
      assert.equal(fail.outputs.verdict, 'fail');
      assert.ok(
        fail.errors.every((e) => !/403|comment/i.test(e)),
        `fails on the gate, not the comment: ${fail.errors.join(' | ')}`,
      );
      assert.match(fail.summary, new RegExp(`check\\.py:${leakyLine()}`));
      assert.equal([...readOnly.comments.values()].length, 0);
    } finally {
      await readOnly.close();
    }
  });

  it('7. mode comment (workflow_run) posts a fork PR report from the base repository, and writes nothing', async () => {
    const forkRun = 777;
    await putCheck(ws, 'mycheck', { example: 'leaky' });
    const collected = await runAction({
      event: 'pull_request',
      payload: webhookPayload('pull_request', repo, (p) => {
        p.number = 8;
        p.pull_request.number = 8;
        p.pull_request.head.repo.full_name = 'someone/fork';
      }),
      inputs: { ...common('mycheck'), mode: 'collect', 'artifact-name': 'memgate-report' },
      workspace: ws,
      apiUrl: gh.url,
      repo,
      env: artifacts.envFor({ runId: forkRun, job: 'memory' }),
    });
    assert.equal(collected.code, 0, describeRun(collected));

    const history = gh.branchHistory(BRANCH);
    const r = await runAction({
      event: 'workflow_run',
      payload: webhookPayload('workflow_run', repo, (p) => {
        p.workflow_run.id = forkRun;
        p.workflow_run.event = 'pull_request';
        p.workflow_run.pull_requests = []; // GitHub lists none for fork PRs
        p.workflow_run.head_repository.full_name = 'someone/fork';
      }),
      inputs: { mode: 'comment', 'artifact-name': 'memgate-report', 'github-token': TOKEN },
      workspace: ws,
      apiUrl: gh.url,
      repo,
      env: { ...artifacts.envFor({ job: 'comment' }), GITHUB_RUN_ID: '4243' },
    });
    assert.equal(r.code, 0, `the companion never fails on the verdict: ${describeRun(r)}`);
    assert.equal(r.outputs.verdict, 'fail');
    const comments = [...gh.comments.values()].filter((c) => c.issue === 8);
    assert.equal(comments.length, 1, 'commented on the PR named in the report');
    assert.match(comments[0].body, new RegExp(`check\\.py:${leakyLine()}`));
    assert.deepEqual(gh.branchHistory(BRANCH), history, 'workflow_run never writes baselines');
  });

  it('never prints the token', async () => {
    const r = await pullRequest('mycheck');
    assert.ok(!r.stdout.includes(TOKEN) && !r.stderr.includes(TOKEN));
  });
});
