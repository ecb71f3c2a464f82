/**
 * Live mode end to end: the simulator runs as a running Agent (`run`, the check on an interval,
 * endpoints served), and `memgate watch` samples it for N runs of the check, cutting the series per
 * check run from the runner expvar's TotalRuns.
 */
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';

import { PER_POLL_NOTE } from '../../src/collect/assemble.js';
import { defaultPolicy } from '../../src/analyze/policy.js';
import { analyze } from '../../src/analyze/verdict.js';
import { validateMemoryReport, type MemoryReport } from '../../src/model.js';
import { LIVE_NOTE } from '../../src/run/watch.js';
import { AGENT_SIM, ROOT } from '../agent-sim/sim-support.js';
import { runCliCaptured } from '../support/cli.js';

const exec = promisify(execFile);

/** The simulator as a running Agent; resolves once it serves, with its base URL. */
async function liveAgent(check: string, intervalMs: number): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    AGENT_SIM,
    ['run', '--live-check', check, '--serve-port', '0', '--interval', String(intervalMs)],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stderr?.on('data', (d: Buffer) => {
      text += d.toString();
      const m = /serving \/debug\/vars and \/telemetry on (http:\/\/127\.0\.0\.1:\d+)/.exec(text);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`the live simulator exited with ${code}: ${text}`)));
  });
  return { url, child };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

const leakOf = (report: MemoryReport, metric: string) =>
  analyze(
    report,
    (check) => ({ provenance: { status: 'none', requestedVersion: check.version } }),
    defaultPolicy(),
  ).checks[0].leaks.find((l) => l.metric === metric);

describe('memgate watch: a running Agent (simulator live mode)', () => {
  let work: string;
  const agents: ChildProcess[] = [];
  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'memgate-watch-'));
  });
  after(async () => {
    await Promise.all(agents.map(stop));
    await rm(work, { recursive: true, force: true });
  });

  const watch = async (check: string, extra: string[]) => {
    const agent = await liveAgent(check, 40);
    agents.push(agent.child);
    const out = join(work, `${check}.json`);
    const r = await runCliCaptured(
      [
        'watch',
        '--check',
        check,
        '--expvar-url',
        `${agent.url}/debug/vars`,
        '--sample-interval',
        '15',
        '--out',
        out,
        ...extra,
      ],
      work,
    );
    await stop(agent.child);
    return { r, out, agent };
  };

  it('N runs of a leaking check, two windows: series per check run, the C leak found, the version from the runner', async () => {
    const { r, out } = await watch('c_leak', ['--runs', '12', '--repeat', '2']);
    assert.equal(r.code, 0, r.stderr);
    const report = validateMemoryReport(JSON.parse(await readFile(out, 'utf8')), out);
    assert.equal(report.checks.length, 1);
    const c = report.checks[0];
    assert.deepEqual(c.check, { name: 'c_leak', version: '1.0.0' });
    assert.equal(c.notes[0], LIVE_NOTE);
    assert.ok(!c.notes.includes(PER_POLL_NOTE), c.notes.join('\n'));
    assert.equal(c.metrics['python.check_run_alloc'], undefined, 'a running Agent does not serve it');
    for (const id of ['c.rtloader.inuse_bytes', 'python.pymem.inuse']) {
      const runs = c.metrics[id]?.runs ?? [];
      assert.equal(runs.length, 2, id);
      // One point per check run seen (at most the 12 runs and the state when the window began).
      assert.ok(
        runs.every((run) => run.series.length >= 6 && run.series.length <= 14),
        `${id}: ${runs.map((x) => x.series.length)}`,
      );
    }
    assert.equal(report.environment.options.mode, 'live');
    assert.ok(leakOf(report, 'c.rtloader.inuse_bytes')?.leaking, 'the C leak is found');
    assert.match(r.stdout, /c_leak@1\.0\.0: 2 runs/);
  });

  it('a steady check: no C leak', async () => {
    const { r, out } = await watch('steady', ['--runs', '12']);
    assert.equal(r.code, 0, r.stderr);
    const report = validateMemoryReport(JSON.parse(await readFile(out, 'utf8')), out);
    assert.equal(leakOf(report, 'c.rtloader.inuse_bytes')?.leaking ?? false, false);
  });

  it('a check the Agent does not run: one line that says what to configure', async () => {
    const agent = await liveAgent('steady', 40);
    agents.push(agent.child);
    const r = await runCliCaptured(
      [
        'watch',
        '--check',
        'other',
        '--expvar-url',
        `${agent.url}/debug/vars`,
        '--duration',
        '1',
        '--sample-interval',
        '50',
        '--out',
        join(work, 'x.json'),
      ],
      work,
    );
    assert.equal(r.code, 2);
    const lines = r.stderr.trim().split('\n');
    assert.match(lines[0], /^memgate: watch 1 of 1: sampling /, 'progress');
    assert.equal(lines.length, 2);
    assert.match(
      lines[1],
      /^memgate: watch: watch 1 of 1: the Agent at \S+ did not run other while watched \(is conf\.d\/other\.d\/conf\.yaml mounted/,
    );
    assert.equal(
      r.stderr
        .trim()
        .split('\n')
        .filter((l) => !l.includes('sampling')).length,
      1,
    );
  });

  it('end to end through dist/cli.js', async () => {
    const agent = await liveAgent('c_leak', 40);
    agents.push(agent.child);
    const out = join(work, 'dist.json');
    await exec(
      process.execPath,
      [
        join(ROOT, 'dist', 'cli.js'),
        'watch',
        '--check',
        'c_leak',
        '--runs',
        '8',
        '--expvar-url',
        `${agent.url}/debug/vars`,
        '--sample-interval',
        '15',
        '--out',
        out,
      ],
      { cwd: work },
    );
    const report = validateMemoryReport(JSON.parse(await readFile(out, 'utf8')), out);
    assert.equal(report.checks[0].metrics['c.rtloader.inuse_bytes'].runs.length, 1);
    assert.equal(report.checks[0].notes[0], LIVE_NOTE);
  });
});
