/**
 * The comment's "Reproduce locally" line runs, and gets the same verdict: the action judges a leaky
 * PR against baselines committed to the repository (the `file` store), then the line printed in its
 * comment is run in bash in the same checkout, with `memgate` installed (dist/cli.js) and the
 * simulator as the Agent. (Baselines on the data branch need `compare --baseline git:<branch>`.)
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';

import { startGitHubApi, type FakeGitHub } from '../support/github-api.js';
import { AGENT_SIM, putCheck, ROOT, runAction, webhookPayload, workspaceWith } from './harness.js';

const run = promisify(execFile);
const TOKEN = 'ghs_reproduceToken000000000000000000000';

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
    const line = /Reproduce locally:\n\n```sh\n(.*)\n```/.exec(body)?.[1];
    assert.ok(line, body);
    assert.match(line, /--agent-bin \S+datadog-agent/);
    assert.match(
      line,
      /--expvar-url http:\/\/127\.0\.0\.1:\d+\/debug\/vars --telemetry-url http:\/\/127\.0\.0\.1:\d+\/telemetry/,
    );
    assert.match(
      line,
      /compare --baseline \.memgate\/baselines --report memgate-report\.json --config \.memgate\.yml --fail-on leak,regression$/,
    );

    const bin = await mkdtemp(join(tmpdir(), 'memgate-bin-'));
    await writeFile(
      join(bin, 'memgate'),
      `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'dist', 'cli.js')}" "$@"\n`,
    );
    await chmod(join(bin, 'memgate'), 0o755);
    const port = /127\.0\.0\.1:(\d+)\/debug\/vars/.exec(line)?.[1] ?? '';
    const again = await run('bash', ['-c', line], {
      cwd: ws,
      env: {
        PATH: `${bin}:${process.env.PATH ?? ''}`,
        HOME: ws,
        MEMGATE_SIM_CHECKS: join(ws, 'checks'),
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
    assert.equal(again.code, 1, `the same failing verdict:\n${again.stdout}`);
    assert.match(again.stdout, /^memgate: FAIL: .*leak/m);
    assert.match(again.stdout, /^ {2}LEAK\s+python\.check_run_alloc\s/m);
    assert.match(
      body,
      /\| 🩸 \| <code>python\.check\\_run\\_alloc<\/code>/,
      'the same finding as the comment',
    );
  });
});
