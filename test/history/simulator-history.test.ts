/**
 * History through the real path: each merge is measured by `runCheck` on the Agent simulator
 * (real CPython tracemalloc, `--m-gc`), stored with `memgate baseline update`, and `memgate
 * history` names the merge where the check started to retain more per run.
 */
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { runCheck } from '../../src/run/runner.js';
import { AGENT_SIM, EXAMPLE_CHECKS } from '../agent-sim/sim-support.js';
import { freePort, runCliCaptured } from '../support/cli.js';
import { sha } from './store-builder.js';

const MERGES = 10;
const STEP_AT = 5;

/** The `retaining` example keeps the names of `remember` queues per run; the step remembers 4× more. */
async function measure(remember: number, checks: string): Promise<unknown> {
  const dir = join(checks, 'retaining');
  await rm(dir, { recursive: true, force: true });
  await cp(join(EXAMPLE_CHECKS, 'retaining'), dir, { recursive: true });
  const conf = await readFile(join(dir, 'conf.yaml'), 'utf8');
  await writeFile(
    join(dir, 'conf.yaml'),
    conf.replace('  - queues: 100', `  - queues: 100\n    remember: ${remember}`),
  );
  const port = await freePort();
  const { report } = await runCheck({
    check: 'retaining',
    agentBin: AGENT_SIM,
    repeat: 2,
    checkTimes: 5,
    timeoutMs: 60_000,
    expvarUrl: `http://127.0.0.1:${port}/debug/vars`,
    sampleIntervalMs: 50,
    env: { ...process.env, MEMGATE_SIM_CHECKS: checks, MEMGATE_SIM_PORT: String(port) },
  });
  return report;
}

describe('history of real simulator runs', () => {
  let tmp: string;
  before(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'memgate-simhist-'));
    const checks = join(tmp, 'checks');
    for (let i = 0; i < MERGES; i++) {
      const report = await measure(i < STEP_AT ? 30 : 100, checks);
      const file = join(tmp, `report-${i}.json`);
      await writeFile(file, JSON.stringify(report));
      const date = new Date(Date.UTC(2026, 1, 1) + i * 3_600_000).toISOString();
      const res = await runCliCaptured(
        ['baseline', 'update', '--store', 'store', '--report', file, '--commit', sha(i), '--date', date],
        tmp,
      );
      assert.equal(res.code, 0, res.stderr);
    }
  });
  after(() => rm(tmp, { recursive: true, force: true }));

  it('names the merge where check_run_alloc stepped up', async () => {
    const res = await runCliCaptured(
      [
        'history',
        '--baseline',
        'store',
        '--check',
        'retaining',
        '--metric',
        'python.check_run_alloc',
        '--format',
        'json',
      ],
      tmp,
    );
    assert.equal(res.code, 0, res.stderr);
    const out = JSON.parse(res.stdout) as {
      metrics: { points: number; changePoints: { commit: string; before: number; after: number }[] }[];
    };
    assert.equal(out.metrics[0].points, MERGES);
    const [change, ...more] = out.metrics[0].changePoints;
    assert.equal(change?.commit, sha(STEP_AT), JSON.stringify(out.metrics[0].changePoints));
    assert.equal(more.length, 0);
    assert.ok(change.after > change.before * 1.5, `${change.before} → ${change.after}`);
  });
});
