/**
 * The action's log tells the result (dist/index.js as the runner runs it): one `::group::` per
 * process run with its duration, the last lines name each failing check, metric and change, and a
 * GitHub API that never answers the comment calls costs the comment step its budget, not the job.
 */
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { after, before, describe, it } from 'node:test';

import { startGitHubApi, type FakeGitHub } from '../support/github-api.js';
import { AGENT_SIM, runAction, webhookPayload, workspaceWith } from './harness.js';

const TOKEN = 'ghs_logTestToken00000000000000000000000';
const PR = 3;

describe('the action log', { concurrency: false }, () => {
  let gh: FakeGitHub;
  const hanging: ServerResponse[] = [];

  before(async () => {
    gh = await startGitHubApi({
      token: TOKEN,
      // Comment calls never get an answer: an API that accepts the connection and then stalls.
      extraRoutes: (req, res, url) => {
        if (!/\/issues\/\d+\/comments/.test(url.pathname)) return false;
        hanging.push(res);
        return true;
      },
    });
  });

  after(async () => {
    for (const res of hanging) res.destroy();
    await gh.close();
  });

  it('groups each run, ends with the findings, and gives up on a silent comment API within its budget', async () => {
    const repo = { owner: gh.owner, repo: gh.repo };
    const ws = await workspaceWith({ mycheck: { example: 'leaky' } });
    const started = Date.now();
    const r = await runAction({
      event: 'pull_request',
      payload: webhookPayload('pull_request', repo, (p) => {
        p.number = PR;
        p.pull_request.number = PR;
      }),
      inputs: {
        check: 'mycheck',
        'agent-bin': AGENT_SIM,
        repeat: '3',
        'check-times': '10',
        'sample-interval': '50',
        'github-token': TOKEN,
      },
      workspace: ws,
      apiUrl: gh.url,
      repo,
      sha: '4'.repeat(40),
      ref: `refs/pull/${PR}/merge`,
      env: { MEMGATE_COMMENT_BUDGET_MS: '2000' },
    });
    const seconds = (Date.now() - started) / 1000;
    const lines = r.stdout.trimEnd().split('\n');
    for (const n of [1, 2, 3]) {
      const at = lines.indexOf(`::group::run ${n} of 3`);
      assert.ok(at >= 0, `a group for run ${n}:\n${r.stdout}`);
      const end = lines.indexOf('::endgroup::', at);
      assert.match(
        lines[end + 1],
        new RegExp(`^run ${n} of 3: \\d+\\.\\d s$`),
        'its duration, outside the group',
      );
    }
    assert.ok(
      r.warnings.some((w) =>
        /could not comment on PR #3: .*no answer from the GitHub API within 2 s/.test(w),
      ),
      r.stdout,
    );
    assert.ok(hanging.length > 0, 'the comment API was called');
    assert.ok(seconds < 60, `the step ended (${seconds} s)`);
    assert.equal(r.code, 1, 'the gate still fails on the leak');
    const tail = lines.slice(-4).join('\n');
    assert.match(
      tail,
      /memgate: FAIL mycheck@1\.0\.0 python\.check_run_alloc: keeps [\d.]+ KiB per check run: leak/,
    );
    assert.match(lines[lines.length - 1], /^::error::memgate: /);
  });
});
