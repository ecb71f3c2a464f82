import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { runCliCaptured } from '../support/cli.js';
import type { PprofRow } from '../../src/collect/pprof.js';

const run = promisify(execFile);
const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const goDir = join(root, 'test/fixtures/go');
const shared = join(goDir, 'shared-samples');

const cli = (args: string[]) => runCliCaptured(args, root);

describe('memgate pprof', () => {
  let work: string;
  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'memgate-pprof-cli-'));
    await writeFile(join(work, 'empty.pb.gz'), '');
    await writeFile(join(work, 'debug1.txt'), 'heap profile: 3: 1024 [10: 4096] @ heap/1048576\n');
  });
  after(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('diff prints the reference table of go tool pprof -diff_base', async () => {
    const r = await cli([
      'pprof',
      'diff',
      join(shared, 'heap-steady.pb.gz'),
      join(shared, 'heap-steady-retaining.pb.gz'),
      '--top',
      '2',
    ]);
    assert.equal(r.code, 0);
    assert.equal(r.stderr, '');
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines[1], 'Type: inuse_space');
    assert.equal(lines[3], '      flat  flat%   sum%        cum   cum%');
    assert.equal(lines[4], ' 2540.84kB 201.83% 201.83%  2540.84kB 201.83%  main.bufferPayloads');
    assert.equal(lines[5], '   31.31kB  2.49% 204.32%    31.31kB  2.49%  main.fillRegistry');
    assert.match(lines[2], /of 1258\.89kB total$/);
  });

  it('top --json prints rows sorted by flat descending, for any sample index and granularity', async () => {
    const r = await cli([
      'pprof',
      'top',
      'test/fixtures/go/heap-leaking.pb.gz',
      '--json',
      '--sample-index',
      'alloc_space',
      '--top',
      '5',
    ]);
    assert.equal(r.code, 0);
    const rows = JSON.parse(r.stdout) as PprofRow[];
    assert.equal(rows.length, 5);
    assert.deepEqual(Object.keys(rows[0]), ['function', 'file', 'line', 'flat', 'cum']);
    for (let i = 1; i < rows.length; i++) assert.ok(rows[i - 1].flat >= rows[i].flat);
    const lines = await cli([
      'pprof',
      'top',
      'test/fixtures/go/heap-leaking.pb.gz',
      '--granularity',
      'lines',
      '--top',
      '1',
    ]);
    assert.match(lines.stdout, /main\.leakyCache \S+main\.go:\d+\n$/);
  });

  it('diff --json names the leaking function first on the committed fixtures', async () => {
    const r = await cli([
      'pprof',
      'diff',
      'test/fixtures/go/heap-steady.pb.gz',
      'test/fixtures/go/heap-leaking.pb.gz',
      '--json',
    ]);
    assert.equal((JSON.parse(r.stdout) as PprofRow[])[0].function, 'main.leakyCache');
  });

  it('prints one line and exits 2 on bad input or bad options', async () => {
    const cases: [string[], RegExp][] = [
      [['pprof', 'top', join(work, 'empty.pb.gz')], /^memgate: .*empty\.pb\.gz: empty file/],
      [
        ['pprof', 'top', join(work, 'debug1.txt')],
        /text heap profile \(\?debug=1\); fetch \/debug\/pprof\/heap without debug=1/,
      ],
      [['pprof', 'top', join(work, 'missing.pb.gz')], /missing\.pb\.gz: no such file/],
      [
        ['pprof', 'top', join(shared, 'goroutine.pb.gz'), '--sample-index', 'inuse_space'],
        /no sample index "inuse_space"; this profile has goroutine/,
      ],
      [
        ['pprof', 'diff', join(shared, 'goroutine.pb.gz'), join(shared, 'heap-steady.pb.gz')],
        /goroutine\.pb\.gz: no sample index "inuse_space"/,
      ],
      [
        ['pprof', 'top', join(shared, 'heap-steady.pb.gz'), '--granularity', 'files'],
        /--granularity must be functions or lines/,
      ],
    ];
    for (const [args, why] of cases) {
      const r = await cli(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stdout, '');
      assert.match(r.stderr, why);
      assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
    }
  });

  it('runs as a process: exit 2 and one stderr line on bad input, a table on good input', async () => {
    const bad = await run(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'pprof', 'top', join(work, 'empty.pb.gz')],
      { cwd: root },
    ).then(
      () => assert.fail('expected exit 2'),
      (e: { code: number; stderr: string; stdout: string }) => e,
    );
    assert.equal(bad.code, 2);
    assert.equal(bad.stdout, '');
    assert.match(bad.stderr, /^memgate: \S+empty\.pb\.gz: empty file, expected a pprof profile\n$/);
    const good = await run(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'pprof', 'top', join(shared, 'heap-steady.pb.gz'), '--top', '1'],
      { cwd: root },
    );
    assert.match(good.stdout, /main\.fillRegistry\n$/);
  });
});
