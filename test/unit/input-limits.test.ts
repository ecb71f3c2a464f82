/**
 * Issue 15 rows 5 and 11: a 1 GB input is refused from its size with one line naming it (exit 2),
 * for every way a file comes in; a `config` input naming a missing file is an error, while the
 * default `.memgate.yml` may be absent.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { readInput, readOptional } from '../../src/app/report-file.js';
import { MemgateError } from '../../src/errors.js';
import { loadPolicy } from '../../src/github/action-gate.js';
import { MAX_INPUT_BYTES } from '../../src/limits.js';
import { runCliCaptured } from '../support/cli.js';

describe('input size cap (row 5)', () => {
  let dir: string;
  let big: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'memgate-big-'));
    big = join(dir, 'big.json');
    await writeFile(big, '');
    await truncate(big, 1024 * 1024 * 1024); // sparse: 1 GiB of size, no disk
  });
  after(() => rm(dir, { recursive: true, force: true }));

  const cli = (args: string[]) => runCliCaptured(args, dir);

  for (const args of [
    ['collect', '--check-json', 'big.json', '--out', 'r.json'],
    ['collect', '--telemetry', 'big.json', '--out', 'r.json'],
    ['collect', '--tracemalloc', 'big.json', '--out', 'r.json'],
    ['compare', '--baseline', 'big.json', '--report', 'big.json'],
    ['baseline', 'update', '--store', 'bl', '--report', 'big.json', '--commit', 'a'.repeat(40)],
    ['pprof', 'top', 'big.json'],
  ]) {
    it(`${args.slice(0, 3).join(' ')}: one line naming the file, exit 2`, async () => {
      const started = process.memoryUsage().rss;
      const r = await cli(args);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(
        r.stderr,
        'memgate: big.json: larger than 256 MiB; memgate reads inputs of at most 256 MiB\n',
      );
      assert.ok(process.memoryUsage().rss - started < 200 * 1024 * 1024, 'nothing was read whole');
    });
  }

  it('a stream past the cap is refused once past it; a file at the cap is read', async () => {
    const small = join(dir, 'small.json');
    await writeFile(small, 'x'.repeat(1000));
    assert.equal((await readInput('small.json', dir, 1000)).length, 1000);
    await assert.rejects(
      readInput('small.json', dir, 999),
      (err: unknown) => err instanceof MemgateError && /larger than/.test(err.message),
    );
    // /dev/zero has size 0 and never ends: read in chunks, refused past the cap.
    await assert.rejects(readInput('/dev/zero', dir, 4 * 1024 * 1024), { message: /larger than 4 MiB/ });
    assert.equal(await readOptional(join(dir, 'nope.yml')), undefined);
    assert.ok(MAX_INPUT_BYTES >= 64 * 1024 * 1024);
  });
});

describe('the config input (row 11)', () => {
  let ws: string;
  before(async () => {
    ws = await mkdtemp(join(tmpdir(), 'memgate-config-'));
  });
  after(() => rm(ws, { recursive: true, force: true }));

  const run = (configPath: string) =>
    ({ cfg: { configPath, policy: {} }, ctx: { workspace: ws } }) as unknown as Parameters<
      typeof loadPolicy
    >[0];

  it('a named file that does not exist is an error; the default may be absent', async () => {
    await assert.rejects(loadPolicy(run('ci/memgate.yml')), (err: unknown) => {
      assert.ok(err instanceof MemgateError);
      assert.equal(
        err.line,
        'input "config": no such file: ci/memgate.yml (only the default .memgate.yml may be absent)',
      );
      return true;
    });
    const policy = await loadPolicy(run('.memgate.yml'));
    assert.ok(policy);
    await writeFile(join(ws, 'ci.yml'), 'alpha: 0.01\n');
    assert.ok(await loadPolicy(run('ci.yml')));
  });
});
