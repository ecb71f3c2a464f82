import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { runCli } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/command.js';
import { checkReport, memoryReport, storedValues } from './helpers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function io(cwd: string) {
  const out = { stdout: '', stderr: '' };
  const cli: CliIO = { stdout: (t) => (out.stdout += t), stderr: (t) => (out.stderr += t), cwd, env: {} };
  return { cli, out };
}

describe('memgate baseline (CLI, file store)', () => {
  let tmp: string;
  before(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'memgate-cli-'));
    const r1 = memoryReport(
      checkReport('postgres', '1.2.0', [10, 11, 12]),
      checkReport('redis', '3.0.0', [7]),
    );
    r1.environment.commit = 'a'.repeat(40);
    await writeFile(join(tmp, 'r1.json'), JSON.stringify(r1));
    await writeFile(
      join(tmp, 'r2.json'),
      JSON.stringify(memoryReport(checkReport('postgres', '1.2.0', [20]))),
    );
  });
  after(() => rm(tmp, { recursive: true, force: true }));

  it('update then show, in process', async () => {
    const a = io(tmp);
    assert.equal(
      await runCli(['baseline', 'update', '--store', 'bl', '--report', 'r1.json'], a.cli),
      0,
      a.out.stderr,
    );
    assert.match(
      a.out.stdout,
      /baseline at aaaaaaaaaaaa written to bl\/postgres\/1\.2\.0\.json, bl\/redis\/3\.0\.0\.json, bl\/index\.json/,
    );
    const b = io(tmp);
    assert.equal(
      await runCli(
        [
          'baseline',
          'update',
          '--store',
          'bl',
          '--report',
          'r2.json',
          '--commit',
          'b'.repeat(40),
          '--keep',
          '1',
        ],
        b.cli,
      ),
      0,
      b.out.stderr,
    );
    assert.deepEqual(
      storedValues(await readFile(join(tmp, 'bl/postgres/1.2.0.json'), 'utf8')),
      [20],
      '--keep 1 kept the newest',
    );

    const show = io(tmp);
    assert.equal(await runCli(['baseline', 'show', '--store', 'bl'], show.cli), 0);
    assert.match(
      show.out.stdout,
      /^postgres@1\.2\.0 {2}1 entry, last bbbbbbbbbbbb .*baseline 1 run of python\.check_run_alloc$/m,
    );
    assert.match(show.out.stdout, /^redis@3\.0\.0 {2}1 entry, last aaaaaaaaaaaa/m);

    const one = io(tmp);
    assert.equal(
      await runCli(['baseline', 'show', '--store', 'bl', '--check', 'redis', '--json'], one.cli),
      0,
    );
    const json = JSON.parse(one.out.stdout) as {
      checks: { check: string; version: string; entries: number; baselineRuns: number }[];
    };
    assert.deepEqual(
      json.checks.map((c) => [c.check, c.version, c.entries, c.baselineRuns]),
      [['redis', '3.0.0', 1, 1]],
    );

    const fb = io(tmp);
    assert.equal(
      await runCli(
        ['baseline', 'show', '--store', 'bl', '--check', 'postgres', '--check-version', '1.3.0'],
        fb.cli,
      ),
      0,
    );
    assert.match(
      fb.out.stdout,
      /postgres@1\.3\.0: compared with 1\.2\.0's baseline \(no baseline for 1\.3\.0 yet\)/,
    );
  });

  it('bad input exits 2 with one line naming the file', async () => {
    const missing = io(tmp);
    assert.equal(
      await runCli(
        ['baseline', 'update', '--store', 'bl', '--report', 'nope.json', '--commit', 'c'],
        missing.cli,
      ),
      2,
    );
    assert.equal(missing.out.stderr, 'memgate: nope.json: no such file\n');
    const noCommit = io(tmp);
    assert.equal(
      await runCli(['baseline', 'update', '--store', 'bl', '--report', 'r2.json'], noCommit.cli),
      2,
    );
    assert.match(noCommit.out.stderr, /^memgate: r2\.json: no commit: pass --commit SHA/);
    const verb = io(tmp);
    assert.equal(await runCli(['baseline', 'frobnicate', '--store', 'bl'], verb.cli), 2);
    assert.match(verb.out.stderr, /expected "update" or "show", got "frobnicate"/);
  });

  it('a store that is a file, missing or empty: exit 2 naming it, or "no baselines"', async () => {
    const file = io(tmp);
    assert.equal(
      await runCli(
        ['baseline', 'update', '--store', 'r1.json', '--report', 'r2.json', '--commit', 'c'.repeat(40)],
        file.cli,
      ),
      2,
    );
    assert.equal(file.out.stderr, `memgate: ${join(tmp, 'r1.json')}: not a directory\n`);
    const missing = io(tmp);
    assert.equal(await runCli(['baseline', 'show', '--store', 'no-such-store'], missing.cli), 2);
    assert.match(
      missing.out.stderr,
      /^memgate: .*no-such-store: cannot read the baselines: no such directory/,
    );
    assert.equal(missing.out.stderr.split('\n').length, 2, 'one line');
    await mkdir(join(tmp, 'empty-store'));
    const empty = io(tmp);
    assert.equal(await runCli(['baseline', 'show', '--store', 'empty-store'], empty.cli), 0);
    assert.equal(empty.out.stdout, 'no baselines in empty-store\n');
    const cmp = io(tmp);
    assert.equal(await runCli(['compare', '--baseline', 'empty-store', '--report', 'r2.json'], cmp.cli), 0);
    assert.match(cmp.out.stdout, /postgres@1\.2\.0: PASS \(baseline: none\)/);
    assert.match(cmp.out.stdout, /no baseline yet/);
  });

  it('works as a subprocess', async () => {
    const dir = join(tmp, 'sub');
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(ROOT, 'src/cli/main.ts'),
        'baseline',
        'update',
        '--store',
        dir,
        '--report',
        join(tmp, 'r1.json'),
      ],
      { cwd: ROOT },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 0, stderr);
    assert.deepEqual(storedValues(await readFile(join(dir, 'postgres/1.2.0.json'), 'utf8')), [10, 11, 12]);
    const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as {
      checks: { name: string }[];
    };
    assert.deepEqual(
      index.checks.map((c) => c.name),
      ['postgres', 'redis'],
    );
  });
});
