/**
 * The Agent as integration developers and older installs run it: through `ddev env agent <check>
 * <env>` (the Agent in ddev's `dd_<check>_<env>` container), and Agent 6, whose Python 2 has no
 * tracemalloc. Stand-ins record their argv and run the simulator where the real tool would run the
 * Agent.
 */
import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { assembleReport } from '../../src/collect/assemble.js';
import { MemgateError } from '../../src/errors.js';
import { agentContainer } from '../../src/run/command.js';
import { runCheck } from '../../src/run/runner.js';
import { AGENT_SIM } from '../agent-sim/sim-support.js';
import { checkJsonFor } from '../collect/samples.js';

describe('the Agent through ddev, and Agent 6', () => {
  let work: string;
  let bin: string;
  let log: string;
  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'memgate-variants-'));
    bin = join(work, 'bin');
    log = join(work, 'argv.log');
    await mkdir(bin);
    // `ddev env agent <check> <env> <args>` runs `agent <args>` in the container: here, the simulator.
    // `docker cp c:/dir local` and `docker exec c rm -rf dir` act on this machine, standing in for it.
    const script = (body: string) =>
      `#!/bin/sh\nprintf '%s %s\\n' "$(basename "$0")" "$*" >> ${JSON.stringify(log)}\n${body}\n`;
    await writeFile(
      join(bin, 'ddev'),
      script(
        `[ "$1 $2 $3" = "env agent queue_stats" ] || exit 9\nshift 4\nexec ${JSON.stringify(AGENT_SIM)} "$@"`,
      ),
    );
    await writeFile(
      join(bin, 'docker'),
      script(
        `case "$1" in\n  cp) cp -R "\${2#*:}" "$3" ;;\n  exec) shift 2; exec "$@" ;;\n  *) exit 9 ;;\nesac`,
      ),
    );
    await writeFile(
      join(bin, 'agent6'),
      script(`echo "Error: unknown shorthand flag: 'm' in -m" >&2\nexit 1`),
    );
    for (const f of ['ddev', 'docker', 'agent6']) await chmod(join(bin, f), 0o755);
  });
  after(() => rm(work, { recursive: true, force: true }));

  const env = () => ({ ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` });

  it('knows the container of a ddev prefix', () => {
    assert.deepEqual(agentContainer(['ddev', 'env', 'agent', 'postgres', 'py3.11']), {
      docker: 'docker',
      name: 'dd_postgres_py3.11',
    });
    assert.equal(agentContainer(['ddev', 'env', 'start', 'postgres', 'py3.11']), undefined);
    assert.equal(agentContainer(['ddev', 'env', 'agent', 'postgres']), undefined);
  });

  it('agent-bin "ddev env agent <check> <env>": the profile directory is copied out of ddev\'s container and removed there', async () => {
    await writeFile(log, '');
    const { report } = await runCheck({
      check: 'retaining',
      agentBin: 'ddev env agent queue_stats py3.11',
      repeat: 1,
      checkTimes: 3,
      timeoutMs: 60_000,
      sampleIntervalMs: 100,
      extraArgs: ['--delay', '0'],
      env: env(),
    });
    const calls = (await readFile(log, 'utf8')).trim().split('\n');
    assert.match(
      calls[0],
      /^ddev env agent queue_stats py3\.11 check retaining --check-times 3 --json -m --m-dir (\/tmp\/memgate-[0-9a-f]+) --m-gc 1 --delay 0$/,
    );
    const mDir = / --m-dir (\S+)/.exec(calls[0])?.[1] as string;
    assert.match(calls[1], new RegExp(`^docker cp dd_queue_stats_py3\\.11:${mDir} \\S+$`));
    assert.equal(calls[2], `docker exec dd_queue_stats_py3.11 rm -rf ${mDir}`);
    await assert.rejects(stat(mDir), /ENOENT/);
    const c = report.checks[0];
    assert.equal(c.metrics['python.check_run_alloc'].runs[0].series.length, 3);
    assert.ok(
      c.sites.some((s) => s.key.startsWith('retaining/check.py:')),
      'sites from the copied directory',
    );
  });

  it('Agent 6 without `check -m`: one line, not the usage text', async () => {
    await assert.rejects(
      runCheck({
        check: 'x',
        agentBin: 'agent6',
        repeat: 1,
        checkTimes: 1,
        timeoutMs: 10_000,
        sampleIntervalMs: 100,
        env: env(),
      }),
      (err: unknown) =>
        err instanceof MemgateError &&
        err.line ===
          "run: run 1 of 1: this Agent's `check` has no memory profiling (unknown shorthand flag: 'm' in -m): this Agent runs its checks on Python 2 (Agent 6), which has no tracemalloc: memory profiling needs Agent 7 (Python 3)",
    );
  });

  it('a Python 2 check run whose profiler cannot import tracemalloc: that line, not a failing check', () => {
    const doc = JSON.parse(checkJsonFor([])) as { runner: Record<string, unknown> }[];
    doc[0].runner.TotalErrors = 1;
    doc[0].runner.LastError = JSON.stringify([
      { message: 'x', traceback: 'Traceback…\nImportError: No module named tracemalloc\n' },
    ]);
    assert.throws(
      () =>
        assembleReport([{ checkJson: { text: JSON.stringify(doc), source: 'out.json' } }], {
          toolVersion: 't',
        }),
      (err: unknown) =>
        err instanceof MemgateError &&
        err.message.startsWith(
          'check queue_stats: this Agent runs its checks on Python 2 (Agent 6), which has no tracemalloc',
        ),
    );
  });
});
