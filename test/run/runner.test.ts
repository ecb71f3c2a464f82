/** `memgate run` end to end on the Python Agent simulator, plus the failure paths of the runner. */
import assert from 'node:assert/strict';
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { runCliCaptured } from '../support/cli.js';
import { PER_POLL_NOTE } from '../../src/collect/assemble.js';
import { parseExpvar } from '../../src/collect/expvar.js';
import { defaultPolicy } from '../../src/analyze/policy.js';
import { analyze } from '../../src/analyze/verdict.js';
import { MemgateError } from '../../src/errors.js';
import type { MemoryReport } from '../../src/model.js';
import { buildAgentCommand, dockerExecContainer, splitCommand } from '../../src/run/command.js';
import { runCheck } from '../../src/run/runner.js';
import { AGENT_SIM, freePort } from '../agent-sim/sim-support.js';

let work: string;
before(async () => {
  work = await mkdtemp(join(tmpdir(), 'memgate-runner-test-'));
});
after(async () => {
  await rm(work, { recursive: true, force: true });
});

const cli = (args: string[]) => runCliCaptured(args, work, process.env);

describe('memgate run on the simulator', () => {
  it('gathers 3 runs × 20 iterations, tracemalloc sites of the check, rtloader and pymem series', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const r = await cli([
      'run',
      '--check',
      'c_leak',
      '--agent-bin',
      AGENT_SIM,
      '--repeat',
      '3',
      '--check-times',
      '20',
      '--agent-arg=--serve-port',
      `--agent-arg=${port}`,
      '--agent-arg=--pause=15',
      '--agent-arg=--delay=150',
      '--expvar-url',
      `${base}/debug/vars`,
      '--telemetry-url',
      `${base}/telemetry`,
      '--sample-interval',
      '40',
      // Without gc the check's own temporaries stay in the snapshots, so its file:line shows.
      '--no-m-gc',
      '--out',
      'report.json',
    ]);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(await readFile(join(work, 'report.json'), 'utf8')) as MemoryReport;
    assert.equal(report.checks.length, 1);
    const c = report.checks[0];
    assert.deepEqual(c.check, { name: 'c_leak', version: '1.0.0' });
    const alloc = c.metrics['python.check_run_alloc'];
    assert.equal(alloc.runs.length, 3);
    assert.ok(alloc.runs.every((run) => run.series.length === 20));
    assert.ok(
      c.sites.some((s) => s.runtime === 'python' && /^c_leak\/check\.py:\d+$/.test(s.key)),
      'site of the check',
    );
    for (const id of ['c.rtloader.inuse_bytes', 'python.pymem.inuse']) {
      assert.equal(c.metrics[id]?.runs.length, 3, id);
      assert.ok(
        c.metrics[id].runs.every((run) => run.series.length >= 2),
        `${id} sampled over time`,
      );
    }
    const inuse = c.metrics['c.rtloader.inuse_bytes'].runs[0].series;
    assert.ok(inuse[inuse.length - 1] > inuse[0], 'the C leak shows in InuseBytes');
    assert.match(r.stdout, /c_leak@1\.0\.0: 3 runs/);
  });

  // Fast check runs (~16 ms each, no pause) polled every 20 ms: the runner expvar's TotalRuns puts each
  // poll in its check iteration, so a leak of 4 KiB a run shows as a per-iteration trend.
  const leakVerdict = (report: MemoryReport) =>
    analyze(
      report,
      (check) => ({ provenance: { status: 'none', requestedVersion: check.version } }),
      defaultPolicy(),
    ).checks[0].leaks.find((l) => l.metric === 'c.rtloader.inuse_bytes');

  it('fast runs, no pause: rtloader series are one point per iteration and the C leak is found in 3 of 3 runs', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const r = await cli([
      'run',
      '--check',
      'c_leak',
      '--agent-bin',
      AGENT_SIM,
      '--repeat',
      '3',
      '--check-times',
      '20',
      '--agent-arg=--serve-port',
      `--agent-arg=${port}`,
      '--expvar-url',
      `${base}/debug/vars`,
      '--telemetry-url',
      `${base}/telemetry`,
      '--sample-interval',
      '20',
      '--out',
      'fast-leak.json',
    ]);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(await readFile(join(work, 'fast-leak.json'), 'utf8')) as MemoryReport;
    const c = report.checks[0];
    assert.ok(!c.notes.includes(PER_POLL_NOTE), c.notes.join('\n'));
    const runs = c.metrics['c.rtloader.inuse_bytes'].runs;
    assert.equal(runs.length, 3);
    // At most the state before the first run plus one point per iteration: 21 when every one was polled.
    for (const run of runs)
      assert.ok(run.series.length >= 2 && run.series.length <= 21, `${run.series.length} points`);
    const leak = leakVerdict(report);
    assert.ok(leak?.leaking, JSON.stringify(leak));
    assert.equal(leak.runsLeaking, 3);
    assert.equal(leak.runsTotal, 3);
  });

  it('fast runs of the steady check: each point is the last poll of its iteration, and no C leak', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const { report, captures } = await runCheck({
      check: 'steady',
      agentBin: AGENT_SIM,
      repeat: 3,
      checkTimes: 20,
      timeoutMs: 60_000,
      expvarUrl: `${base}/debug/vars`,
      telemetryUrl: `${base}/telemetry`,
      sampleIntervalMs: 20,
      extraArgs: ['--serve-port', String(port)],
    });
    const c = report.checks[0];
    assert.ok(!c.notes.includes(PER_POLL_NOTE), c.notes.join('\n'));
    const runs = c.metrics['c.rtloader.inuse_bytes'].runs;
    assert.equal(runs.length, 3);
    captures.forEach((capture, i) => {
      // What each poll saw: the check's TotalRuns and InuseBytes.
      const polls = [...(capture.expvar ?? [])]
        .sort((a, b) => a.at - b.at)
        .map((p) => parseExpvar(p.text, p.source))
        .map((v) => ({
          runs: Object.values(v.runs?.checks.steady ?? {}).reduce((n, s) => n + s.totalRuns, 0),
          inuse: v.rtloader?.InuseBytes,
        }));
      const iterations = [...new Set(polls.map((p) => p.runs).filter((k) => k >= 1))].sort((a, b) => a - b);
      assert.ok(
        iterations.length >= 2 && iterations.length <= 20,
        `run ${i}: ${iterations.length} iterations polled`,
      );
      // The earliest poll before any run finished (the state before the check ran), then the last
      // poll of every iteration.
      const before = polls
        .filter((p) => p.runs === 0)
        .slice(0, 1)
        .map((p) => p.inuse);
      assert.deepEqual(
        runs[i].series,
        [...before, ...iterations.map((k) => polls.filter((p) => p.runs === k).pop()?.inuse)],
        `run ${i}`,
      );
    });
    assert.ok(!leakVerdict(report)?.leaking, 'no C leak in a steady check');
  });

  it('an unreachable expvar URL is a warning, and the report keeps what the Agent printed', async () => {
    const port = await freePort();
    const r = await cli([
      'run',
      '--check',
      'leaky',
      '--agent-bin',
      AGENT_SIM,
      '--repeat',
      '2',
      '--check-times',
      '3',
      '--agent-arg=--delay=0',
      '--expvar-url',
      `http://127.0.0.1:${port}/debug/vars`,
      '--sample-interval',
      '20',
      '--out',
      'partial.json',
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, new RegExp(`warning: no data from http://127\\.0\\.0\\.1:${port}/debug/vars \\(`));
    const report = JSON.parse(await readFile(join(work, 'partial.json'), 'utf8')) as MemoryReport;
    assert.equal(report.checks[0].metrics['python.check_run_alloc'].runs.length, 2);
    assert.equal(report.checks[0].metrics['c.rtloader.inuse_bytes'], undefined);
  });

  it('a check that raises is an error with the traceback’s last line, though the Agent exits 0', async () => {
    const checks = join(work, 'checks');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(checks, 'broken'), { recursive: true });
    await writeFile(
      join(checks, 'broken', 'check.py'),
      'from datadog_checks.base import AgentCheck\n\n\nclass Broken(AgentCheck):\n    def check(self, instance):\n        raise KeyError("queue_7")\n',
    );
    await writeFile(join(checks, 'broken', 'conf.yaml'), 'init_config:\ninstances:\n  - {}\n');
    await assert.rejects(
      runCheck({
        check: 'broken',
        agentBin: AGENT_SIM,
        repeat: 1,
        checkTimes: 2,
        timeoutMs: 30_000,
        sampleIntervalMs: 100,
        extraArgs: ['--delay', '0', '--checks-dir', checks],
      }),
      (err: unknown) =>
        err instanceof MemgateError &&
        err.line === "run 1 of 1 stdout: check broken failed in 2 of 2 check runs: KeyError: 'queue_7'",
    );
  });
});

describe('process failures', () => {
  it('kills a hung command at the timeout and says which run hung', async () => {
    const marker = join(work, 'child-alive');
    const script = `node -e "setTimeout(()=>{},60000)" & echo started; sleep 60; touch ${marker}`;
    const t0 = Date.now();
    await assert.rejects(
      runCheck({
        command: script,
        shell: true,
        repeat: 2,
        checkTimes: 1,
        timeoutMs: 700,
        sampleIntervalMs: 100,
        check: undefined,
      }),
      (err: Error) => {
        assert.match(err.message, /^run 1 of 2 timed out after 0\.7s: /);
        return true;
      },
    );
    assert.ok(Date.now() - t0 < 10_000);
  });

  it('shows the stderr tail of a command that exits non-zero', async () => {
    const script = join(work, 'fails.sh');
    await writeFile(
      script,
      '#!/bin/sh\nfor i in $(seq 1 40); do echo "line $i" >&2; done\necho "fatal: no check named x" >&2\nexit 3\n',
    );
    await chmod(script, 0o755);
    await assert.rejects(
      runCheck({
        command: `${script} --flag`,
        repeat: 1,
        checkTimes: 1,
        timeoutMs: 10_000,
        sampleIntervalMs: 100,
      }),
      (err: Error) => {
        assert.match(
          err.message,
          /^run 1 of 1 exited with code 3: .*fails\.sh --flag\n--- stderr \(last lines\) ---\n/,
        );
        assert.match(err.message, /fatal: no check named x$/);
        assert.doesNotMatch(err.message, /line 5\n/);
        return true;
      },
    );
  });

  it('names a missing executable', async () => {
    await assert.rejects(
      runCheck({
        command: 'memgate-no-such-binary check x',
        repeat: 1,
        checkTimes: 1,
        timeoutMs: 5000,
        sampleIntervalMs: 100,
      }),
      /command not found: memgate-no-such-binary/,
    );
  });
});

describe('command lines', () => {
  it('builds the Agent argv with --m-gc on by default and the long --m-* forms', () => {
    const p = buildAgentCommand({
      agentBin: 'datadog-agent',
      check: 'redisdb',
      checkTimes: 20,
      mDir: '/tmp/x',
      mGc: true,
      mOptions: { frames: '30', unit: 'b' },
    });
    assert.deepEqual(p.argv, [
      'datadog-agent',
      'check',
      'redisdb',
      '--check-times',
      '20',
      '--json',
      '-m',
      '--m-dir',
      '/tmp/x',
      '--m-gc',
      '1',
      '--m-frames',
      '30',
      '--m-unit',
      'b',
    ]);
    assert.equal(p.container, undefined);
    assert.throws(
      () => buildAgentCommand({ agentBin: 'a', check: 'x;rm', checkTimes: 1, mDir: '/t', mGc: true }),
      /check name/,
    );
  });

  it('finds the container of a docker exec prefix', () => {
    assert.equal(dockerExecContainer(splitCommand('docker exec -it -u dd-agent dd-agent agent')), 'dd-agent');
    assert.equal(
      dockerExecContainer(splitCommand('docker exec -e "A=b c" --workdir /x agent7 agent')),
      'agent7',
    );
    assert.equal(dockerExecContainer(splitCommand('/opt/datadog-agent/bin/agent/agent')), undefined);
    assert.deepEqual(splitCommand(`run "a b" 'c d'`), ['run', 'a b', 'c d']);
  });

  it('runs the Agent through a docker exec prefix and copies the profile directory out', async () => {
    const bin = join(work, 'bin');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(bin, { recursive: true });
    const log = join(work, 'docker-argv.log');
    // A fake docker: records its argv; `exec <c> agent …` runs the simulator; `cp c:/dir local` copies.
    await writeFile(
      join(bin, 'docker'),
      `#!/bin/sh
printf '%s\\n' "$*" >> ${JSON.stringify(log)}
case "$1" in
  exec) shift; while [ "\${1#-}" != "$1" ]; do shift; done; shift
    [ "$1" = rm ] && exec "$@"
    shift; exec ${JSON.stringify(AGENT_SIM)} "$@" ;;
  cp) src="\${2#*:}"; cp -R "$src" "$3" ;;
  *) exit 9 ;;
esac
`,
    );
    await chmod(join(bin, 'docker'), 0o755);
    const outcome = await runCheck({
      check: 'leaky',
      agentBin: 'docker exec -i dd-agent agent',
      repeat: 1,
      checkTimes: 3,
      timeoutMs: 30_000,
      sampleIntervalMs: 100,
      extraArgs: ['--delay', '0'],
      env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` },
    });
    const calls = (await readFile(log, 'utf8')).trim().split('\n');
    assert.equal(calls.length, 3);
    const mDir = /--m-dir (\/tmp\/memgate-[0-9a-f]+) /.exec(calls[0])?.[1];
    assert.ok(mDir, calls[0]);
    assert.match(
      calls[0],
      /^exec -i dd-agent agent check leaky --check-times 3 --json -m --m-dir \S+ --m-gc 1 --delay 0$/,
    );
    assert.equal(calls[1], `cp dd-agent:${mDir} ${calls[1].split(' ')[2]}`);
    // The run leaves no temp directory in the container.
    assert.equal(calls[2], `exec dd-agent rm -rf ${mDir}`);
    await assert.rejects(stat(mDir), /ENOENT/);
    const c = outcome.report.checks[0];
    assert.equal(c.metrics['python.check_run_alloc'].runs[0].series.length, 3);
    assert.ok(
      c.sites.some((s) => s.key.startsWith('leaky/check.py:')),
      'sites from the copied directory',
    );
  });
});
