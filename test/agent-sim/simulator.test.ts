/**
 * The simulator must write what the real Agent writes: same grammar as the shared samples (real
 * output of the Agent's profiling routine), same rounding, same layout, same semantics.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';

import { AGENT_SIM, checkRunAllocs, freePort, ROOT, runSim, type JsonInstance } from './sim-support.js';

// Real Agent output, copied from the project's shared formats folder (see test/fixtures/agent-samples/README.md).
const SAMPLES = fileURLToPath(new URL('../fixtures/agent-samples', import.meta.url));
const AMOUNT = String.raw`(?:\d+ B|\d+\.\d{2} KiB|\d+\.\d{3} [MGTPEZY]iB)`;
const FIXED = String.raw`(?:\d+ B|\d+\.\d{2} KiB|\d+\.\d{3} [MGTPEZY]iB)`;

/** Check a snapshot or diff file against the grammar of formats/python-tracemalloc.md. */
function assertGrammar(text: string, where: string): 'snapshot' | 'diff' {
  const lines = text.split('\n');
  assert.equal(lines.pop(), '', `${where}: ends with a newline`);
  const head = /^Top (\d+) (lines|line diffs)$/.exec(lines[0]);
  assert.ok(head, `${where}: header, got ${JSON.stringify(lines[0])}`);
  const kind = head[2] === 'lines' ? 'snapshot' : 'diff';
  const sign = kind === 'diff' ? '[+-]' : '';
  const row = new RegExp(`^#(\\d+): (.+):(\\d+): ${sign}${FIXED}$`);
  let i = 1;
  let expected = 1;
  while (lines[i] === '' && row.test(lines[i + 1] ?? '')) {
    const m = row.exec(lines[i + 1]) as RegExpExecArray;
    assert.equal(Number(m[1]), expected++, `${where}: row index`);
    i += 2;
    if (lines[i] !== undefined && lines[i].startsWith(' ')) {
      const pad = ' '.repeat(m[1].length);
      assert.ok(
        lines[i].startsWith(` ${pad}  `) && lines[i].trim() !== '',
        `${where}: source line ${lines[i]}`,
      );
      i++;
    }
  }
  assert.equal(lines[i], '', `${where}: blank line before the totals`);
  i++;
  if (/ other: /.test(lines[i])) {
    assert.match(lines[i], new RegExp(`^\\d+ other: ${sign}${AMOUNT}$`), where);
    i++;
  }
  const total = kind === 'snapshot' ? `Total allocated size: ${AMOUNT}` : `Total difference: [+-]${AMOUNT}`;
  assert.match(lines[i], new RegExp(`^${total}$`), `${where}: totals line`);
  assert.equal(i, lines.length - 1, `${where}: nothing after the totals`);
  return kind;
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else out.push(p);
  }
  return out;
}

let work: string;
before(async () => {
  work = await mkdtemp(join(tmpdir(), 'agent-sim-test-'));
});
after(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('grammar', () => {
  it('the checker accepts every real sample file', async () => {
    const files = (await filesUnder(join(SAMPLES, 'tracemalloc'))).filter((f) =>
      /\/(snapshot|diff)_/.test(f),
    );
    assert.ok(files.length > 20);
    for (const f of files) assertGrammar(await readFile(f, 'utf8'), f);
    assertGrammar(await readFile(join(SAMPLES, 'agent', 'diff-absolute.txt'), 'utf8'), 'diff-absolute.txt');
  });

  for (const [name, opts] of [
    ['default', []],
    [
      'gc, positive diffs, KiB, limit 3',
      ['--m-gc', '1', '--m-diff', 'positive', '--m-unit', 'kib', '--m-limit', '3'],
    ],
    ['filename sort, bytes', ['--m-sort', 'filename', '--m-unit', 'b']],
    ['traceback sort', ['--m-sort', 'traceback', '--m-frames', '5']],
  ] as const) {
    it(`simulator files follow it (${name}) and the layout is the Agent's`, async () => {
      const dir = join(work, `layout-${name.replace(/\W+/g, '-')}`);
      await mkdir(dir);
      const r = await runSim([
        'check',
        'leaky',
        '-t',
        '3',
        '--delay',
        '0',
        '--json',
        '-m',
        '--m-dir',
        dir,
        ...opts,
      ]);
      assert.equal(r.code, 0, r.stderr);
      const [inst] = JSON.parse(r.stdout) as JsonInstance[];
      const [check, id] = inst.runner.CheckID.split(':');
      const instDir = join(dir, check, id);
      assert.deepEqual((await readdir(instDir)).sort(), ['diffs', 'last-snapshot', 'snapshots']);
      const snaps = await readdir(join(instDir, 'snapshots'));
      const diffs = await readdir(join(instDir, 'diffs'));
      assert.equal(snaps.length, 3);
      assert.equal(diffs.length, 2);
      for (const s of snaps) {
        assert.match(s, /^snapshot_\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d_\d{6}$/);
        const text = await readFile(join(instDir, 'snapshots', s), 'utf8');
        assert.equal(assertGrammar(text, s), 'snapshot');
        if (name.startsWith('filename')) assert.match(text, /^#1: leaky\/check\.py:0: \d+ B$/m);
        else assert.match(text, /^#\d+: leaky\/check\.py:\d+: /m);
      }
      for (const d of diffs)
        assert.equal(assertGrammar(await readFile(join(instDir, 'diffs', d), 'utf8'), d), 'diff');
      if (name.includes('limit 3')) {
        assert.match(await readFile(join(instDir, 'snapshots', snaps.sort()[0]), 'utf8'), /^Top 3 lines\n/);
      }
    });
  }

  it('rounds amounts half-even, as Python formats them', () => {
    const py = `import sys; sys.path.insert(0, ${JSON.stringify(join(ROOT, 'test', 'agent-sim'))})
import sim_memory as m
d = m.unit_formatter('dynamic'); k = m.unit_formatter('kib'); b = m.unit_formatter('b')
print(d(1152), d(1023), d(1024), d(5 * 1024 * 1024 + 512), k(100), b(2048), m.unit_formatter('mb')(1536 * 1024))
print(m.package_path('/opt/x/site-packages/datadog_checks/foo/check.py'), m.package_path('/usr/lib/python3.11/json/decoder.py'))`;
    const out = execFileSync('python3', ['-c', py], { encoding: 'utf8' }).trim().split('\n');
    assert.equal(
      out[0],
      "('1.12', 'KiB') ('1023', 'B') ('1.00', 'KiB') ('5.000', 'MiB') ('0.10', 'KiB') ('2048', 'B') ('1.500', 'MiB')",
    );
    assert.equal(out[1], 'foo/check.py python3.11/json/decoder.py');
  });
});

describe('semantics', () => {
  const allocs = async (check: string, extra: string[] = []) => {
    const r = await runSim(['check', check, '-t', '8', '--delay', '0', '--json', '-m', ...extra]);
    assert.equal(r.code, 0, r.stderr);
    const [inst] = JSON.parse(r.stdout) as JsonInstance[];
    assert.equal(inst.runner.TotalErrors, 0);
    return checkRunAllocs(inst);
  };

  it('a steady check retains 0 per run with --m-gc (after the first), and more without', async () => {
    const withGc = await allocs('steady', ['--m-gc', '1']);
    assert.equal(withGc.length, 8);
    assert.deepEqual(withGc.slice(1), [0, 0, 0, 0, 0, 0, 0]);
    const noGc = await allocs('steady');
    assert.ok(noGc.slice(1).every((v) => v > 0));
  });

  it('a check that keeps a new list every run is flat and above 0', async () => {
    const v = (await allocs('retaining', ['--m-gc', '1'])).slice(1);
    assert.ok(
      v.every((x) => x > 200),
      `above 0: ${v.join(', ')}`,
    );
    assert.ok(Math.max(...v) - Math.min(...v) < Math.min(...v) * 0.25, `flat: ${v.join(', ')}`);
  });

  it('a check that builds its working set once keeps nothing after the first run', async () => {
    const v = await allocs('regressing', ['--m-gc', '1']);
    assert.ok(v[0] > 1_000_000, `first run builds the table: ${v[0]}`);
    assert.deepEqual(v.slice(1), new Array(v.length - 1).fill(0));
  });

  it('a check that extends a global list rises', async () => {
    const v = await allocs('leaky', ['--m-gc', '1']);
    assert.ok(v[7] > v[1] * 1.3, `rising: ${v.join(', ')}`);
    for (let i = 2; i < v.length; i++) assert.ok(v[i] >= v[i - 1] * 0.95, `no drop: ${v.join(', ')}`);
  });

  it('a filling cache drops to 0 once full', async () => {
    const v = await allocs('plateau_cache', ['--m-gc', '1']);
    assert.ok(v[1] > 0);
    assert.deepEqual(v.slice(5), [0, 0, 0]);
  });

  it('tags the gauge with check_name and check_version, one series per run', async () => {
    const r = await runSim(['check', 'steady', '-t', '2', '--delay', '0', '--json', '-m']);
    const [inst] = JSON.parse(r.stdout) as JsonInstance[];
    const series = (inst.aggregator.metrics ?? []).filter((s) => s.metric.endsWith('check_run_alloc'));
    assert.equal(series.length, 2);
    assert.ok(
      series.every((s) => s.tags.includes('check_name:steady') && s.tags.includes('check_version:1.0.0')),
    );
    assert.equal(inst.runner.CheckVersion, '1.0.0');
    assert.equal(inst.runner.TotalRuns, 2);
  });
});

describe('the check command', () => {
  it('-m prints the newest snapshot, 50 "=", and the newest diff, verbatim', async () => {
    const dir = join(work, 'printout');
    await mkdir(dir);
    const r = await runSim(['check', 'leaky', '-t', '3', '--delay', '0', '-m', '--m-dir', dir]);
    assert.equal(r.code, 0, r.stderr);
    const [check] = await readdir(dir);
    const [id] = await readdir(join(dir, check));
    const base = join(dir, check, id);
    const newest = async (sub: string) => {
      const names = (await readdir(join(base, sub))).sort();
      return readFile(join(base, sub, names[names.length - 1]), 'utf8');
    };
    assert.equal(r.stdout, `${await newest('snapshots')}\n${'='.repeat(50)}\n\n${await newest('diffs')}`);
    // The real printout splits the same way into a snapshot and a diff of the same grammar.
    const sample = await readFile(join(SAMPLES, 'agent', 'cli-profile-t2.txt'), 'utf8');
    for (const [text, where] of [
      [sample, 'cli-profile-t2.txt'],
      [r.stdout, 'simulator'],
    ] as const) {
      const parts = text.split(`\n${'='.repeat(50)}\n\n`);
      assert.equal(parts.length, 2, where);
      assert.equal(assertGrammar(parts[0], where), 'snapshot');
      assert.equal(assertGrammar(parts[1], where), 'diff');
    }
  });

  it('-t 1 with -m says the check ran once', async () => {
    const r = await runSim(['check', 'steady', '--delay', '0', '-m']);
    assert.match(r.stdout, /^Top 30 lines\n/);
    assert.match(
      r.stdout,
      /Check has run only once, to collect diff data run the check multiple times with the -t\/--check-times flag\.\n$/,
    );
  });

  for (const [args, message] of [
    [['--m-frames', 'x'], '--m-frames must be an integer'],
    [['--m-sort', 'size'], '--m-sort must one of: lineno | filename | traceback'],
    [['--m-diff', 'up'], '--m-diff must one of: absolute | positive'],
    [['--m-sort', 'traceback', '--m-combine', '1'], '--m-combine cannot be sorted (--m-sort) by traceback'],
  ] as const) {
    it(`rejects ${args.join(' ')} with the Agent's message`, async () => {
      const r = await runSim(['check', 'steady', '--delay', '0', '-m', ...args]);
      assert.notEqual(r.code, 0);
      assert.match(r.stderr, new RegExp(message.replace(/[|()]/g, '\\$&')));
    });
  }

  it('exits 0 when the check raises, with the traceback in runner.LastError', async () => {
    const checks = join(work, 'checks');
    await mkdir(join(checks, 'broken'), { recursive: true });
    await writeFile(
      join(checks, 'broken', 'check.py'),
      'from datadog_checks.base import AgentCheck\n\n\nclass Broken(AgentCheck):\n    def check(self, instance):\n        raise ValueError("cannot reach the queue")\n',
    );
    await writeFile(join(checks, 'broken', 'conf.yaml'), 'init_config:\ninstances:\n  - {}\n');
    const r = await runSim([
      'check',
      'broken',
      '-t',
      '2',
      '--delay',
      '0',
      '--json',
      '-m',
      '--checks-dir',
      checks,
    ]);
    assert.equal(r.code, 0);
    const [inst] = JSON.parse(r.stdout) as JsonInstance[];
    assert.equal(inst.runner.TotalErrors, 2);
    const [err] = JSON.parse(inst.runner.LastError) as { message: string; traceback: string }[];
    assert.equal(err.message, 'cannot reach the queue');
    assert.match(err.traceback, /ValueError: cannot reach the queue\n$/);
    assert.deepEqual(checkRunAllocs(inst), []);
  });

  it('serves /debug/vars and /telemetry while it runs; C allocations move the rtloader counters, runs the runner stats', async () => {
    const port = await freePort();
    const sim = execFileAsync([
      'check',
      'c_leak',
      '-t',
      '3',
      '--pause',
      '300',
      '--delay',
      '300',
      '--json',
      '-m',
      '--serve-port',
      String(port),
    ]);
    const polls: { vars: string; telemetry: string }[] = [];
    const deadline = Date.now() + 10_000;
    while (!sim.done && Date.now() < deadline) {
      try {
        const vars = await (await fetch(`http://127.0.0.1:${port}/debug/vars`)).text();
        const telemetry = await (await fetch(`http://127.0.0.1:${port}/telemetry`)).text();
        polls.push({ vars, telemetry });
      } catch {
        // not up yet, or already gone
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    const stdout = await sim.promise;
    assert.ok(polls.length >= 2, 'polled while running');
    const last = polls[polls.length - 1];
    interface Vars {
      cmdline: string[];
      rtloader: Record<string, number>;
      memstats: object;
      runner: {
        Checks: Record<string, Record<string, { CheckID: string; TotalRuns: number; TotalErrors: number }>>;
        Errors: number;
        Runs: number;
        Running: object;
      };
    }
    const vars = JSON.parse(last.vars) as Vars;
    assert.deepEqual(Object.keys(vars), ['cmdline', 'memstats', 'rtloader', 'runner']);
    assert.match(
      last.vars,
      /^\{\n"cmdline": \[.*\],\n"memstats": \{.*\},\n"rtloader": \{"AllocatedBytes": \d+, "Allocations": \d+, "FreedBytes": \d+, "Frees": \d+, "InuseBytes": \d+, "UntrackedFrees": 0\},\n"runner": \{"Checks": \{"c_leak":\{"c_leak:[0-9a-f]+":\{"CheckName":"c_leak",.*\}\}\}, "Errors": 0, "Runs": \d+, "Running": \{\}\}\n\}\n$/,
    );
    // The runner stats: TotalRuns of the check ID the JSON output names, never going back, all 3 at
    // the end; each run leaked one 4 KiB block before its run count moved.
    const [inst] = JSON.parse(stdout) as JsonInstance[];
    const id = inst.runner.CheckID;
    assert.deepEqual(Object.keys(vars.runner.Checks.c_leak), [id]);
    const seen = polls.map((p) => {
      const v = JSON.parse(p.vars) as Vars;
      const runs = v.runner.Checks.c_leak?.[id]?.TotalRuns ?? 0;
      assert.equal(v.runner.Runs, runs);
      const leaked = v.rtloader.Allocations - v.rtloader.Frees - 2;
      assert.ok(leaked >= runs - 1 && leaked <= runs + 1, `${leaked} blocks after ${runs} runs`);
      return runs;
    });
    assert.deepEqual(
      seen,
      [...seen].sort((a, b) => a - b),
    );
    assert.equal(seen[seen.length - 1], 3);
    assert.equal(vars.runner.Checks.c_leak[id].TotalErrors, 0);
    assert.equal(vars.rtloader.InuseBytes, vars.rtloader.AllocatedBytes - vars.rtloader.FreedBytes);
    assert.ok(vars.rtloader.InuseBytes >= 4096 * 2, `leaks 4 KiB a run: ${last.vars}`);
    // Two small C strings are allocated when the check is loaded (its name and its instance), then
    // one 4 KiB block per leaking run.
    const loadBytes = vars.rtloader.InuseBytes % 4096;
    assert.ok(loadBytes > 0 && loadBytes < 4096, `load-time C strings: ${loadBytes}`);
    assert.equal(
      vars.rtloader.Allocations - vars.rtloader.Frees - 2,
      (vars.rtloader.InuseBytes - loadBytes) / 4096,
    );
    assert.match(last.telemetry, /^# HELP pymem__alloc .*\n# TYPE pymem__alloc counter\npymem__alloc \S+\n/);
    assert.match(last.telemetry, /\nrtloader__inuse_bytes \d+\n/);
    assert.match(last.telemetry, /\npymem__inuse \d(\.\d+)?e\+\d\d\n/);
  });
});

/** Runs the simulator in the background; `promise` gives its stdout. */
function execFileAsync(args: string[]): { promise: Promise<string>; done: boolean } {
  const state = { done: false, promise: Promise.resolve('') };
  state.promise = runSim(args).then((r) => {
    state.done = true;
    assert.equal(r.code, 0, r.stderr);
    return r.stdout;
  });
  return state;
}

void AGENT_SIM;
