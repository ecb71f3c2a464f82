/**
 * The comment's "Reproduce locally" line runs, and gets the same verdict: the action judges a leaky
 * PR against baselines committed to the repository (the `file` store), then the line printed in its
 * comment is run in bash in the same checkout, with `memgate` installed (dist/cli.js) and the
 * simulator as the Agent. (Baselines on the data branch need `compare --baseline git:<branch>`.)
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';

import { startGitHubApi, type FakeGitHub } from '../support/github-api.js';
import { AGENT_SIM, putCheck, ROOT, runAction, webhookPayload, workspaceWith } from './harness.js';

const run = promisify(execFile);
const TOKEN = 'ghs_reproduceToken000000000000000000000';

/** Run a printed line in bash in `cwd`, with `memgate` installed (dist/cli.js) and the simulator serving its port. */
async function runLine(line: string, cwd: string): Promise<{ code: number; stdout: string }> {
  const bin = await mkdtemp(join(tmpdir(), 'memgate-bin-'));
  await writeFile(
    join(bin, 'memgate'),
    `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'dist', 'cli.js')}" "$@"\n`,
  );
  await chmod(join(bin, 'memgate'), 0o755);
  const port = /127\.0\.0\.1:(\d+)\/debug\/vars/.exec(line)?.[1] ?? '';
  return run('bash', ['-c', line], {
    cwd,
    env: {
      PATH: `${bin}:${process.env.PATH ?? ''}`,
      HOME: cwd,
      GIT_CONFIG_NOSYSTEM: '1',
      MEMGATE_SIM_CHECKS: join(cwd, 'checks'),
      MEMGATE_SIM_PORT: port,
    },
    timeout: 240_000,
    maxBuffer: 16 * 1024 * 1024,
  }).then(
    (r) => ({ code: 0, stdout: r.stdout }),
    (e: { code?: number; stdout?: string; stderr?: string }) => ({
      code: e.code ?? -1,
      stdout: `${e.stdout ?? ''}${e.stderr ?? ''}`,
    }),
  );
}

function reproduceLine(body: string): string {
  const line = /Reproduce locally:\n\n```sh\n(.*)\n```/.exec(body)?.[1];
  assert.ok(line, body);
  return line;
}

const git = (cwd: string, ...args: string[]) =>
  run('git', ['-c', 'user.name=dev', '-c', 'user.email=dev@example.com', ...args], {
    cwd,
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' },
  });

describe('the reproduce line', () => {
  let gh: FakeGitHub;
  before(async () => {
    gh = await startGitHubApi({ token: TOKEN });
  });
  after(async () => gh.close());

  it('runs as printed and gives the same verdict as the action', async () => {
    const repo = { owner: gh.owner, repo: gh.repo };
    const ws = await workspaceWith({ mycheck: { example: 'steady' } });
    await writeFile(join(ws, '.memgate.yml'), 'threshold: 10%\n');
    const inputs = {
      check: 'mycheck',
      'agent-bin': AGENT_SIM,
      repeat: '3',
      'check-times': '10',
      'baseline-store': 'file',
      'fail-on': 'leak,regression',
      'github-token': TOKEN,
    };
    const push = await runAction({
      event: 'push',
      payload: webhookPayload('push', repo, (p) => (p.ref = 'refs/heads/main')),
      inputs,
      workspace: ws,
      apiUrl: gh.url,
      repo,
      ref: 'refs/heads/main',
    });
    assert.equal(push.code, 0, push.stdout);
    await putCheck(ws, 'mycheck', { example: 'leaky' });
    const pr = await runAction({
      event: 'pull_request',
      payload: webhookPayload('pull_request', repo),
      inputs,
      workspace: ws,
      apiUrl: gh.url,
      repo,
      ref: 'refs/pull/1/merge',
    });
    assert.equal(pr.code, 1, pr.stdout);
    const body = pr.outputs['comment-body'];
    const line = reproduceLine(body);
    assert.match(line, /--agent-bin \S+datadog-agent/);
    assert.match(
      line,
      /--expvar-url http:\/\/127\.0\.0\.1:\d+\/debug\/vars --telemetry-url http:\/\/127\.0\.0\.1:\d+\/telemetry/,
    );
    assert.match(
      line,
      /compare --baseline \.memgate\/baselines --report memgate-report\.json --config \.memgate\.yml --fail-on leak,regression$/,
    );

    const again = await runLine(line, ws);
    assert.equal(again.code, 1, `the same failing verdict:\n${again.stdout}`);
    assert.match(again.stdout, /^memgate: FAIL: .*leak/m);
    assert.match(again.stdout, /^ {2}LEAK\s+python\.check_run_alloc\s/m);
    assert.match(
      body,
      /\| 🩸 \| <code>python\.check\\_run\\_alloc<\/code>/,
      'the same finding as the comment',
    );
  });

  it('with baselines on the data branch: runs in a fresh clone of the repository, no API', async () => {
    const repo = { owner: gh.owner, repo: gh.repo };
    const ws = await workspaceWith({ datacheck: { example: 'steady' } });
    const inputs = {
      check: 'datacheck',
      'agent-bin': AGENT_SIM,
      repeat: '3',
      'check-times': '10',
      'github-token': TOKEN,
    };
    const push = await runAction({
      event: 'push',
      payload: webhookPayload('push', repo, (p) => (p.ref = 'refs/heads/main')),
      inputs,
      workspace: ws,
      apiUrl: gh.url,
      repo,
      ref: 'refs/heads/main',
    });
    assert.equal(push.code, 0, push.stdout);
    // The repository as GitHub holds it: main, the PR's branch, and the data branch memgate wrote.
    const origin = await mkdtemp(join(tmpdir(), 'memgate-origin-'));
    await run('git', ['init', '-q', '--bare', origin]);
    await git(ws, 'init', '-q', '-b', 'main');
    await git(ws, 'add', '-A');
    await git(ws, 'commit', '-qm', 'main');
    await git(ws, 'remote', 'add', 'origin', origin);
    await git(ws, 'push', '-q', 'origin', 'main');
    const data = await mkdtemp(join(tmpdir(), 'memgate-data-'));
    await git(data, 'init', '-q', '-b', 'memgate-baselines');
    for (const [path, text] of Object.entries(await gh.branchFiles('memgate-baselines'))) {
      await mkdir(dirname(join(data, path)), { recursive: true });
      await writeFile(join(data, path), text);
    }
    await git(data, 'add', '-A');
    await git(data, 'commit', '-qm', 'baselines');
    await git(data, 'push', '-q', origin, 'memgate-baselines');
    await putCheck(ws, 'datacheck', { example: 'leaky' });
    await git(ws, 'checkout', '-q', '-b', 'pr');
    await git(ws, 'commit', '-qam', 'leak');
    await git(ws, 'push', '-q', 'origin', 'pr');

    const pr = await runAction({
      event: 'pull_request',
      payload: webhookPayload('pull_request', repo),
      inputs,
      workspace: ws,
      apiUrl: gh.url,
      repo,
      ref: 'refs/pull/1/merge',
    });
    assert.equal(pr.code, 1, pr.stdout);
    const line = reproduceLine(pr.outputs['comment-body']);
    assert.match(line, /^git fetch origin memgate-baselines:refs\/remotes\/origin\/memgate-baselines && /);
    assert.match(line, /compare --baseline git:origin\/memgate-baselines /);

    const fresh = join(await mkdtemp(join(tmpdir(), 'memgate-fresh-')), 'repo');
    await run('git', ['clone', '-q', '--single-branch', '-b', 'pr', origin, fresh]);
    const again = await runLine(line, fresh);
    assert.equal(again.code, 1, `the same failing verdict:\n${again.stdout}`);
    assert.match(again.stdout, /^datacheck@1\.0\.0: FAIL \(baseline: exact 1\.0\.0 @ /m);
    assert.match(again.stdout, /^ {2}LEAK\s+python\.check_run_alloc\s/m);
  });
});
