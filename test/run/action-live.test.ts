/**
 * `mode: live` through the bundled dist/index.js, started as the Actions runner starts it: the
 * simulator runs as a running Agent (its check on an interval), and the action watches it for N
 * runs of the check in each of `repeat` windows, then gates as any run does.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { MemgateError } from '../../src/errors.js';
import { readConfig } from '../../src/settings/action.js';
import { runAction, webhookPayload } from '../e2e/harness.js';
import { AGENT_SIM } from '../agent-sim/sim-support.js';
import { startGitHubApi, type FakeGitHub } from '../support/github-api.js';

const TOKEN = 'ghs_liveTestToken00000000000000000000000';

const lineMatching = (re: RegExp) => (err: unknown) => err instanceof MemgateError && re.test(err.line);

function liveAgent(check: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(AGENT_SIM, ['run', '--live-check', check, '--serve-port', '0', '--interval', '40'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let text = '';
    child.stderr?.on('data', (d: Buffer) => {
      text += d.toString();
      const m = /serving \/debug\/vars and \/telemetry on (http:\/\/127\.0\.0\.1:\d+)/.exec(text);
      if (m) resolve({ url: m[1], child });
    });
    child.once('exit', (code) => reject(new Error(`the live simulator exited with ${code}: ${text}`)));
  });
}

describe('mode: live in the action', () => {
  let gh: FakeGitHub;
  let ws: string;
  const agents: ChildProcess[] = [];
  before(async () => {
    gh = await startGitHubApi({ token: TOKEN });
    ws = await mkdtemp(join(tmpdir(), 'memgate-live-ws-'));
  });
  after(async () => {
    for (const a of agents) if (a.exitCode === null && a.signalCode === null) a.kill('SIGTERM');
    await gh.close();
    await rm(ws, { recursive: true, force: true });
  });

  it('settings: live needs a check; live-runs defaults to 10; m-* inputs are checked with the Agent rules', () => {
    const get = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? '';
    const cfg = readConfig(get({ mode: 'live', check: 'c_leak' }), { commentKey: 'k' });
    assert.equal(cfg.liveRuns, 10);
    assert.equal(
      readConfig(get({ mode: 'live', check: 'c', 'live-duration': '2m' }), { commentKey: 'k' })
        .liveDurationSeconds,
      120,
    );
    assert.throws(
      () => readConfig(get({ mode: 'live' }), { commentKey: 'k' }),
      lineMatching(/^input "check": is required in mode "live"/),
    );
    const m = readConfig(get({ check: 'c', 'm-gc': 'false', 'm-frames': '5', 'm-unit': 'kb' }), {
      commentKey: 'k',
    });
    assert.equal(m.mGc, false);
    assert.deepEqual(m.mOptions, { frames: '5', unit: 'kb' });
    assert.throws(
      () => readConfig(get({ check: 'c', 'm-sort': 'size' }), { commentKey: 'k' }),
      lineMatching(/^input "m-sort": must one of: lineno \| filename \| traceback/),
    );
  });

  it('watches the running Agent for N runs of the leaking check and fails on the C leak', async () => {
    const agent = await liveAgent('c_leak');
    agents.push(agent.child);
    const repo = { owner: gh.owner, repo: gh.repo };
    const r = await runAction({
      event: 'push',
      payload: webhookPayload('push', repo, (p) => {
        p.ref = 'refs/heads/main';
        p.after = '1'.repeat(40);
      }),
      inputs: {
        mode: 'live',
        check: 'c_leak',
        'expvar-url': `${agent.url}/debug/vars`,
        'telemetry-url': `${agent.url}/telemetry`,
        'live-runs': '12',
        repeat: '2',
        'sample-interval': '15',
        'baseline-store': 'file',
        'update-baseline': 'false',
        comment: 'never',
        'github-token': TOKEN,
      },
      workspace: ws,
      apiUrl: gh.url,
      repo,
      sha: '1'.repeat(40),
      ref: 'refs/heads/main',
    });
    agent.child.kill('SIGTERM');
    assert.equal(r.outputs.verdict, 'fail', `${r.stdout}\n${r.stderr}`);
    assert.ok(Number(r.outputs.leaks) >= 1, `leaks output ${r.outputs.leaks}`);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /watch 2 of 2: sampling/);
  });
});
