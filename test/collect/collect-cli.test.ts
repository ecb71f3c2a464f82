import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { runCliCaptured } from '../support/cli.js';
import { parseMemoryReport } from '../../src/model.js';
import { checkJsonFor, caseMetrics, SAMPLES } from './samples.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'memgate-collect-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const run = (argv: string[]) => runCliCaptured(argv, SAMPLES);

function write(name: string, text: string): string {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
}

describe('memgate collect', () => {
  it('writes a valid MemoryReport from every kind of input', async () => {
    const out = join(tmp, 'report.json');
    const json = write('check.json', checkJsonFor(caseMetrics('retaining-gc'), { version: '3.1.0' }));
    const res = await run([
      'collect',
      '--check-json',
      json,
      '--tracemalloc',
      'tracemalloc/retaining-gc',
      '--expvar',
      'go/vars.json',
      '--expvar',
      'go/vars-retaining.json',
      '--telemetry',
      'agent/telemetry.prom',
      '--pprof',
      'go/heap-steady.pb.gz',
      '--pprof',
      'go/heap-steady-retaining.pb.gz',
      '--pprof',
      'go/goroutine.pb.gz',
      '--out',
      out,
    ]);
    assert.equal(res.stderr, '');
    assert.equal(res.code, 0);
    assert.match(res.stdout, /queue_stats@3\.1\.0/);
    const report = parseMemoryReport(readFileSync(out, 'utf8'), out);
    const [c] = report.checks;
    assert.deepEqual(c.metrics['python.check_run_alloc'].runs[0].series, caseMetrics('retaining-gc'));
    for (const id of [
      'c.rtloader.inuse_bytes',
      'go.memstats.heap_inuse',
      'python.pymem.inuse',
      'go.pprof.inuse_space',
      'go.pprof.alloc_space',
      'go.goroutines',
    ])
      assert.ok(c.metrics[id], id);
    assert.ok(c.sites.some((s) => s.runtime === 'python' && s.key === 'queue_stats/check.py:14'));
    assert.ok(c.sites.some((s) => s.runtime === 'go'));
  });

  it('accepts a `check -m` printout file with --check', async () => {
    const out = join(tmp, 'p.json');
    const res = await run([
      'collect',
      '--tracemalloc',
      'agent/cli-profile-t2.txt',
      '--check',
      'mycheck',
      '--out',
      out,
    ]);
    assert.equal(res.code, 0, res.stderr);
    const [c] = parseMemoryReport(readFileSync(out, 'utf8'), out).checks;
    assert.deepEqual(c.check, { name: 'mycheck', version: '0.0.0' });
    assert.equal(c.sites.length, 2);
  });

  it('prints the rtloader warning when tracking is off', async () => {
    const zero = write(
      'zero.json',
      JSON.stringify({
        rtloader: { AllocatedBytes: 0, FreedBytes: 0, Allocations: 0, Frees: 0, InuseBytes: 0 },
      }),
    );
    const res = await run(['collect', '--expvar', zero, '--check', 'c', '--out', join(tmp, 'z.json')]);
    assert.equal(res.code, 0);
    assert.match(res.stderr, /^memgate: warning: rtloader counters are all 0/);
  });

  const bad: [string, () => string[]][] = [
    ['an empty check JSON', () => ['--check-json', write('empty.json', '')]],
    ['a truncated check JSON', () => ['--check-json', write('trunc.json', '[{"runner": {"CheckName": "c"')]],
    ['garbage expvar', () => ['--expvar', write('vars.txt', 'not json'), '--check', 'c']],
    ['expvar of the wrong shape', () => ['--expvar', write('arr.json', '[1,2]'), '--check', 'c']],
    ['garbage telemetry', () => ['--telemetry', write('t.prom', 'garbage text here'), '--check', 'c']],
    ['a garbage tracemalloc file', () => ['--tracemalloc', write('tm.txt', 'hello'), '--check', 'c']],
    ['a tracemalloc dir with no profile', () => ['--tracemalloc', tmp, '--check', 'c']],
    [
      'a text pprof',
      () => ['--pprof', write('heap.txt', 'heap profile: 1: 2 [3: 4] @ heap/1048576\n'), '--check', 'c'],
    ],
    ['a missing file', () => ['--expvar', join(tmp, 'nope.json'), '--check', 'c']],
  ];
  for (const [what, args] of bad) {
    it(`${what}: one line naming the file, exit 2`, async () => {
      const argv = args();
      const res = await run(['collect', ...argv, '--out', join(tmp, 'never.json')]);
      assert.equal(res.code, 2);
      assert.equal(res.stdout, '');
      const lines = res.stderr.split('\n').filter(Boolean);
      assert.equal(lines.length, 1, res.stderr);
      const file = argv.find((a) => a.startsWith(tmp)) as string;
      assert.ok(lines[0].startsWith(`memgate: ${file}: `), lines[0]);
    });
  }

  it("records the Agent's --m-* flags the capture was made with; a bad one is one line, exit 2", async () => {
    const out = join(tmp, 'flags.json');
    const res = await run([
      'collect',
      '--tracemalloc',
      'tracemalloc/retaining-gc',
      '--m-gc',
      '1',
      '--m-frames',
      '5',
      '--out',
      out,
    ]);
    assert.equal(res.code, 0, res.stderr);
    const [c] = parseMemoryReport(readFileSync(out, 'utf8'), out).checks;
    assert.equal(c.profiling?.gc, true);
    assert.equal(c.profiling?.frames, 5);
    assert.equal(c.profiling?.sort, 'lineno', 'read from the files');
    assert.equal(c.profiling?.verbose, 'unknown');
    assert.ok(c.growth?.some((g) => g.key === 'queue_stats/check.py:14' && g.how === 'retained'));
    const bad = await run(['collect', '--tracemalloc', 'tracemalloc/default', '--m-gc', 'yes', '--out', out]);
    assert.equal(bad.code, 2);
    assert.equal(bad.stderr, 'memgate: profiling options: --m-gc must be 0 or 1, got "yes"\n');
  });

  it('a failing check: exit 2 with the traceback line', async () => {
    const doc = JSON.parse(checkJsonFor([1])) as { runner: Record<string, unknown> }[];
    doc[0].runner.TotalErrors = 1;
    doc[0].runner.LastError = JSON.stringify([{ message: 'x', traceback: 'Traceback…\nKeyError: host\n' }]);
    const f = write('failed.json', JSON.stringify(doc));
    const res = await run(['collect', '--check-json', f, '--out', join(tmp, 'never.json')]);
    assert.equal(res.code, 2);
    assert.equal(
      res.stderr,
      `memgate: ${f}: check queue_stats failed in 1 of 1 check runs: KeyError: host\n`,
    );
  });

  it('without --out or without inputs: usage error, exit 2', async () => {
    assert.equal((await run(['collect', '--expvar', 'go/vars.json'])).code, 2);
    assert.equal((await run(['collect', '--out', join(tmp, 'x.json')])).code, 2);
  });

  it('as a subprocess: bad input gives one stderr line and exit code 2', () => {
    const bad = write('bad-vars.json', '{"rtloader": 1}');
    const res = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        'collect',
        '--expvar',
        bad,
        '--check',
        'c',
        '--out',
        join(tmp, 'never.json'),
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    assert.equal(res.status, 2);
    assert.equal(res.stdout, '');
    assert.equal(res.stderr, `memgate: ${bad}: $.rtloader must be an object\n`);
  });
});
