import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { branchOf, eventContextFrom } from '../../src/github/context.js';
import { webhookExample } from '../support/webhooks.js';

describe('eventContextFrom', () => {
  it('reads a pull_request payload', () => {
    const payload = webhookExample('pull_request', (e) => e.action === 'opened');
    const pr = payload.pull_request as { number: number; head: { sha: string } };
    const ctx = eventContextFrom({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_REPOSITORY: 'o/r' }, payload);
    assert.equal(ctx.eventName, 'pull_request');
    assert.equal(ctx.pullRequest?.number, pr.number);
    assert.equal(ctx.pullRequest?.headSha, pr.head.sha);
    assert.equal(ctx.pullRequest?.isFork, false);
    assert.equal(ctx.owner, 'o');
  });

  it('tells a fork PR from its head repository', () => {
    const payload = webhookExample('pull_request', (e) => e.action === 'opened');
    const pr = payload.pull_request as { head: { repo: { full_name: string } } };
    pr.head.repo.full_name = 'someone-else/fork';
    const ctx = eventContextFrom({ GITHUB_EVENT_NAME: 'pull_request' }, payload);
    assert.equal(ctx.pullRequest?.isFork, true);
  });

  it('reads a push payload and its default branch', () => {
    const payload = webhookExample('push', () => true);
    const repo = payload.repository as { default_branch: string };
    const ctx = eventContextFrom({ GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main' }, payload);
    assert.equal(ctx.pullRequest, undefined);
    assert.equal(ctx.defaultBranch, repo.default_branch);
    assert.equal(branchOf(ctx.ref), 'main');
    assert.equal(branchOf('refs/tags/v1'), undefined);
  });

  it('reads the triggering run of a workflow_run payload', () => {
    const payload = webhookExample('workflow_run', (e) => e.action === 'completed');
    const run = payload.workflow_run as { id: number; head_sha: string };
    const ctx = eventContextFrom({ GITHUB_EVENT_NAME: 'workflow_run' }, payload);
    assert.equal(ctx.workflowRun?.id, run.id);
    assert.equal(ctx.workflowRun?.headSha, run.head_sha);
  });
});
