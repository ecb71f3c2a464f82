/**
 * Issue 12 item 3 on the simulator, whose CheckID hashes the instance and init_config (where `-m`
 * writes `profile_memory: <m-dir>` and every `--m-*` option), as the Agent's does: a fresh `--m-dir`
 * per repeat changes the hash, so only keys that ignore it pool the repeats.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';

import { checkId, validateMemoryReport, type MemoryReport } from '../../src/model.js';
import { runCheck } from '../../src/run/runner.js';
import { AGENT_SIM, EXAMPLE_CHECKS, ROOT } from '../agent-sim/sim-support.js';

const exec = promisify(execFile);

describe('check instances through the simulator', () => {
  let work: string;
  let checks: string;

  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'memgate-instances-'));
    checks = join(work, 'checks');
    await mkdir(join(checks, 'multi'), { recursive: true });
    await copyFile(join(EXAMPLE_CHECKS, 'retaining', 'check.py'), join(checks, 'multi', 'check.py'));
    await writeFile(join(checks, 'multi', '__about__.py'), "__version__ = '2.1.0'\n");
    await writeFile(
      join(checks, 'multi', 'conf.yaml'),
      'init_config:\n\ninstances:\n  - name: primary\n    queues: 100\n  - name: replica\n    queues: 40\n',
    );
    await mkdir(join(checks, 'pair'), { recursive: true });
    await copyFile(join(EXAMPLE_CHECKS, 'retaining', 'check.py'), join(checks, 'pair', 'check.py'));
    await writeFile(join(checks, 'pair', '__about__.py'), "__version__ = '1.0.0'\n");
    await writeFile(
      join(checks, 'pair', 'conf.yaml'),
      'init_config:\n\ninstances:\n  - queues: 100\n  - queues: 40\n',
    );
  });
  after(() => rm(work, { recursive: true, force: true }));

  const run = (check: string, repeat: number, mOptions: Record<string, string> = {}) =>
    runCheck({
      check,
      agentBin: AGENT_SIM,
      repeat,
      checkTimes: 4,
      timeoutMs: 60_000,
      sampleIntervalMs: 100,
      mOptions,
      extraArgs: ['--delay', '0', '--checks-dir', checks],
    });

  it('two named instances with --repeat 3: 2 checks of 3 runs each, with sites and the version', async () => {
    const { report } = await run('multi', 3);
    assert.deepEqual(validateMemoryReport(JSON.parse(JSON.stringify(report)), 'r'), report);
    assert.deepEqual(report.checks.map((c) => checkId(c.check)).sort(), [
      'multi@2.1.0#primary',
      'multi@2.1.0#replica',
    ]);
    for (const c of report.checks) {
      const runs = c.metrics['python.check_run_alloc'].runs;
      assert.equal(runs.length, 3, checkId(c.check));
      assert.ok(runs.every((r) => r.series.length === 4));
      const site = c.sites.find((s) => s.key === 'multi/check.py:29');
      assert.ok(site, `${checkId(c.check)}: ${c.sites.map((s) => s.key).join(', ')}`);
      assert.equal(site.bytes.length, 3);
      // gc on (memgate's default): the line that keeps a tuple every run is named with no baseline.
      assert.ok(
        c.growth?.some((g) => g.key === 'multi/check.py:29' && g.how === 'retained'),
        JSON.stringify(c.growth),
      );
      assert.equal(c.profiling?.gc, true);
      assert.equal(c.profiling?.frames, 100);
    }
  });

  it('unnamed instances are keyed by their position, the same in every repeat', async () => {
    const { report } = await run('pair', 2);
    assert.deepEqual(
      report.checks.map((c) => [checkId(c.check), c.metrics['python.check_run_alloc'].runs.length]),
      [
        ['pair@1.0.0#1', 2],
        ['pair@1.0.0#2', 2],
      ],
    );
  });

  it('--m-frames 5 against 100: the same check key, and the option difference is recorded', async () => {
    const five = (await run('multi', 1, { frames: '5' })).report;
    const hundred = (await run('multi', 1)).report;
    const ids = (r: MemoryReport) => r.checks.map((c) => checkId(c.check)).sort();
    assert.deepEqual(ids(five), ids(hundred));
    assert.deepEqual(
      five.checks.map((c) => c.profiling?.frames),
      [5, 5],
    );
    assert.deepEqual(
      hundred.checks.map((c) => c.profiling?.frames),
      [100, 100],
    );
  });

  it('end to end through dist/cli.js: the same two entries of 3 runs', async (t) => {
    const cli = join(ROOT, 'dist', 'cli.js');
    const out = join(work, 'dist-report.json');
    await exec(
      process.execPath,
      [
        cli,
        'run',
        '--check',
        'multi',
        '--agent-bin',
        AGENT_SIM,
        '--repeat',
        '3',
        '--check-times',
        '3',
        '--no-expvar',
        '--agent-arg=--delay',
        '--agent-arg=0',
        '--agent-arg=--checks-dir',
        `--agent-arg=${checks}`,
        '--out',
        out,
      ],
      { cwd: work },
    ).catch((err: Error & { stderr?: string }) => {
      t.diagnostic(err.stderr ?? '');
      throw err;
    });
    const report = validateMemoryReport(JSON.parse(await readFile(out, 'utf8')), out);
    assert.deepEqual(
      report.checks.map((c) => [checkId(c.check), c.metrics['python.check_run_alloc'].runs.length]).sort(),
      [
        ['multi@2.1.0#primary', 3],
        ['multi@2.1.0#replica', 3],
      ],
    );
  });
});
