/**
 * Issue 15 row 3: SIGTERM or SIGINT to `memgate run` reaches the check (which runs in its own
 * process group), the temp dirs are removed, and memgate exits 128 + the signal's number.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { interrupt, signalExitCode, trackGroup, trackTempDir } from '../../src/run/signals.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'src/cli/main.ts');

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitFor<T>(fn: () => Promise<T | undefined>, ms: number): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('signals', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'memgate-signals-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('exit codes are 128 + the signal number', () => {
    assert.equal(signalExitCode('SIGINT'), 130);
    assert.equal(signalExitCode('SIGTERM'), 143);
  });

  it('interrupt forwards to every tracked group and removes tracked dirs', async () => {
    const killed: [number, string][] = [];
    const tmp = await mkdtemp(join(dir, 'memgate-run-'));
    trackGroup(4242);
    trackTempDir(tmp);
    const code = interrupt('SIGINT', (pid, sig) => {
      killed.push([pid, String(sig)]);
      return true;
    });
    assert.equal(code, 130);
    assert.deepEqual(killed, [[-4242, 'SIGINT']]);
    await assert.rejects(readdir(tmp), { code: 'ENOENT' });
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} to memgate run: the check's group gets it, temp dirs go, exit ${signalExitCode(signal)}`, async () => {
      const work = await mkdtemp(join(dir, `${signal}-`));
      const pidFile = join(work, 'check.pid');
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          CLI,
          'run',
          '--shell',
          '--command',
          `echo $$ > ${pidFile}; exec sleep 60`,
          '--no-expvar',
          '--repeat',
          '1',
          '--timeout',
          '120',
          '--out',
          join(work, 'r.json'),
        ],
        { cwd: ROOT, env: { ...process.env, TMPDIR: work }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child.on('close', (code, sig) => resolve({ code, signal: sig })),
      );
      const checkPid = await waitFor(async () => {
        const text = (await readFile(pidFile, 'utf8')).trim();
        return text ? Number(text) : undefined;
      }, 20_000);
      assert.ok(alive(checkPid));
      assert.ok(
        (await readdir(work)).some((f) => f.startsWith('memgate-run-')),
        'the run has its temp dir',
      );
      child.kill(signal);
      const end = await exited;
      assert.deepEqual(end, { code: signalExitCode(signal), signal: null }, stderr);
      assert.match(stderr, new RegExp(`interrupted by ${signal}`));
      await waitFor(async () => (alive(checkPid) ? undefined : true), 5_000);
      assert.deepEqual(
        (await readdir(work)).filter((f) => f.startsWith('memgate-run-')),
        [],
        'temp dirs removed',
      );
    });
  }
});
