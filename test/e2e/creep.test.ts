/**
 * End to end, issue 16 items 3 and 5 in the action: the bundled dist/index.js as the runner runs it,
 * real Python checks under real tracemalloc (the Agent simulator), a file store whose history was
 * written by the real `memgate baseline update`, and the fake artifact service for the flame graph.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { parseMemoryReport, type CheckReport } from '../../src/model.js';
import { buildStore, sha } from '../history/store-builder.js';
import { startArtifactService, type ArtifactService } from '../support/artifact-service.js';
import { startGitHubApi, type FakeGitHub } from '../support/github-api.js';
import { AGENT_SIM, runAction, webhookPayload, workspaceWith, type ActionResult } from './harness.js';

const TOKEN = 'ghs_e2eTestToken000000000000000000000000';
const PR = 7;
const RAMPED = 'python.pymem.inuse';

function describeRun(r: ActionResult): string {
  return `exit ${r.code}\n--- stdout\n${r.stdout.slice(-3000)}\n--- stderr\n${r.stderr.slice(-2000)}\n--- comment\n${(r.outputs['comment-body'] ?? '').slice(0, 4000)}`;
}

/** The measured check with RAMPED scaled by `factor` (every run and every point of its series). */
function scaled(c: CheckReport, factor: number): CheckReport {
  const m = c.metrics[RAMPED];
  const runs = m.runs.map((r) => ({
    ...r,
    value: r.value * factor,
    series: r.series.map((v) => v * factor),
  }));
  return { ...c, metrics: { ...c.metrics, [RAMPED]: { ...m, runs } } };
}

describe('creep and the flame graph through dist/index.js', { concurrency: false }, () => {
  let gh: FakeGitHub;
  let artifacts: ArtifactService;
  let repo: { owner: string; repo: string };

  const pullRequest = (ws: string, inputs: Record<string, string>, env: Record<string, string> = {}) =>
    runAction({
      event: 'pull_request',
      payload: webhookPayload('pull_request', repo, (p) => {
        p.number = PR;
        p.pull_request.number = PR;
        p.pull_request.head.sha = '2'.repeat(40);
      }),
      inputs: {
        check: 'mycheck',
        'agent-bin': AGENT_SIM,
        repeat: '5',
        'check-times': '10',
        'sample-interval': '50',
        'github-token': TOKEN,
        'baseline-store': 'file',
        ...inputs,
      },
      workspace: ws,
      apiUrl: gh.url,
      repo,
      sha: '3'.repeat(40),
      ref: `refs/pull/${PR}/merge`,
      env,
    });

  before(async () => {
    artifacts = await startArtifactService();
    gh = await startGitHubApi({ token: TOKEN });
    repo = { owner: gh.owner, repo: gh.repo };
  });

  after(async () => {
    await gh.close();
    await artifacts.close();
  });

  it('a history of ten +2% merges is one creep line in the comment; `fail-on: creep` fails the step', async () => {
    const ws = await workspaceWith({ mycheck: { example: 'steady' } });
    // What the steady check measures here, so the ramp ends where this head is: no merge, and not
    // this PR, crosses the 5% threshold.
    const probe = await pullRequest(ws, { 'baseline-path': 'empty-store', comment: 'never' });
    assert.equal(probe.code, 0, describeRun(probe));
    const measured = parseMemoryReport(await readFile(join(ws, 'memgate-report.json'), 'utf8'), 'probe');
    const check = measured.checks[0];
    assert.ok(check.metrics[RAMPED].runs[0].value > 0, `${RAMPED} measured`);

    const levels = Array.from({ length: 11 }, (_, i) => 1.02 ** (i - 10));
    await buildStore(ws, join(ws, 'store'), 'mycheck', levels, (factor) => scaled(check, factor));

    const warned = await pullRequest(ws, { 'baseline-path': 'store' });
    assert.equal(warned.code, 0, `creep does not gate by default: ${describeRun(warned)}`);
    assert.equal(warned.outputs.verdict, 'warn');
    const body = warned.outputs['comment-body'];
    const line =
      /`mycheck`: pymem\.inuse has risen (\d+)% over the last (\d+) merges \(since `([0-9a-f]{7})`\)/.exec(
        body,
      );
    assert.ok(line, describeRun(warned));
    // The ramp is 1.02^10 ≈ +22% end to end; either window the detector reports rises by 19% or more.
    assert.ok(Number(line[1]) >= 19 && Number(line[1]) <= 23, line[0]);
    const ramp = levels.map((_, i) => sha(i).slice(0, 7));
    assert.ok(ramp.slice(0, 3).includes(line[3]), `since one of the ramp's first merges: ${line[0]}`);
    assert.equal(body.match(/has risen/g)?.length, 1, 'only the ramped metric creeps');
    assert.equal(warned.outputs.regressions, '0', 'no single merge crosses the threshold');

    const failed = await pullRequest(ws, {
      'baseline-path': 'store',
      'fail-on': 'regression, leak, budget, creep',
    });
    assert.equal(failed.code, 1, describeRun(failed));
    assert.equal(failed.outputs.verdict, 'fail');
    assert.ok(
      failed.errors.some((e) => /1 creeping metric\(s\) \(mycheck python\.pymem\.inuse\)/.test(e)),
      failed.errors.join(' | '),
    );
  });

  it('uploads the flame graph of the leaky check as an artifact and links it from the comment', async () => {
    const ws = await workspaceWith({ mycheck: { example: 'leaky' } });
    const before = artifacts.artifacts().length;
    const r = await pullRequest(ws, { 'baseline-path': 'store' }, artifacts.envFor({ job: 'gate' }));
    assert.equal(r.code, 1, `the leak fails the gate: ${describeRun(r)}`);
    const uploaded = artifacts.artifacts().slice(before);
    assert.deepEqual(
      uploaded.map((a) => a.name),
      ['flamegraph-memgate-report'],
    );
    const svg = uploaded[0].files['memgate-report.flamegraph.svg']?.toString('utf8') ?? '';
    assert.match(svg, /^<svg|<\?xml/);
    assert.match(svg, /check\.py/, 'names the leaking file');
    assert.equal(r.outputs['flamegraph-path'], join(ws, 'memgate-report.flamegraph.svg'));
    assert.match(
      r.outputs['comment-body'],
      new RegExp(
        `Flame graph .*\\[the run's artifacts\\]\\(https?://[^)]*/actions/runs/${artifacts.runId}#artifacts\\)`,
      ),
    );

    const off = await pullRequest(
      ws,
      { 'baseline-path': 'store', flamegraph: 'false' },
      artifacts.envFor({ job: 'gate' }),
    );
    assert.equal(
      artifacts.artifacts().length,
      before + 1,
      `flamegraph: false uploads nothing: ${describeRun(off)}`,
    );
    assert.doesNotMatch(off.outputs['comment-body'], /Flame graph/);
  });
});
