import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';

import fc from 'fast-check';
import { Function as PFunction, Line, Location, Profile, Sample, StringTable, ValueType } from 'pprof-format';

import { runCli } from '../../src/cli/main.js';
import { ParseError } from '../../src/errors.js';
import {
  diffProfiles,
  goroutinesByFunction,
  parsePprof,
  profileTotals,
  topFunctions,
  topLines,
  type PprofRow,
} from '../../src/collect/pprof.js';
import { skipWithout } from '../support/tools.js';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const goDir = join(here, '../fixtures/go');
const shared = join(goDir, 'shared-samples');

async function load(path: string) {
  return parsePprof(await readFile(path), path);
}

/** Rows of `go tool pprof -top` output: name → flat in the profile's own unit (bytes or count). */
function parseGoTop(text: string): { name: string; flat: number; cum: number }[] {
  const units: Record<string, number> = { B: 1, kB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, '': 1 };
  const value = (s: string) => {
    const m = /^(-?[\d.]+)(B|kB|MB|GB)?$/.exec(s);
    assert.ok(m, `unparseable value ${s}`);
    return Number(m[1]) * units[m[2] ?? ''];
  };
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^\s+flat\s+flat%/.test(l));
  return lines
    .slice(start + 1)
    .filter((l) => l.trim())
    .map((l) => {
      const m = /^\s*(\S+)\s+\S+%\s+\S+%\s+(\S+)\s+\S+%\s+(.+?)(?: \(inline\))?$/.exec(l);
      assert.ok(m, `unparseable row ${l}`);
      return { name: m[3], flat: value(m[1]), cum: value(m[2]) };
    });
}

/** The tolerance of a value printed with 2 decimals in pprof's unit for that value. */
function close(ours: number, theirs: number): boolean {
  const unit = Math.abs(theirs) >= 1024 ** 2 ? 1024 ** 2 : Math.abs(theirs) >= 1024 ? 1024 : 1;
  return Math.abs(ours - theirs) <= 0.005 * unit + 1e-9 || Math.abs(ours - theirs) <= 0.005 * 1024;
}

function row(rows: PprofRow[], name: string): PprofRow {
  const r = rows.find((x) => x.function === name);
  assert.ok(r, `no row for ${name}`);
  return r;
}

/** A hand-built profile: recursion (a → b → a) and one location with two inlined frames. */
function syntheticProfile(): Uint8Array {
  const st = new StringTable();
  const fn = (id: number, name: string) =>
    new PFunction({ id, name: st.dedup(name), systemName: st.dedup(name), filename: st.dedup('x.go') });
  const functions = [fn(1, 'main.a'), fn(2, 'main.b'), fn(3, 'main.inner'), fn(4, 'main.outer')];
  const loc = (id: number, lines: [number, number][]) =>
    new Location({ id, line: lines.map(([functionId, line]) => new Line({ functionId, line })) });
  const locations = [
    loc(1, [[1, 10]]),
    loc(2, [[2, 20]]),
    loc(3, [
      [3, 30],
      [4, 40],
    ]),
    loc(4, [[1, 11]]),
  ];
  const big = 2n ** 40n; // values ≥ 2^28 come back as bigint from pprof-format
  const samples = [
    new Sample({ locationId: [1, 2, 4], value: [1, 100] }), // a ← b ← a: recursion
    new Sample({ locationId: [3, 1], value: [2, big] }), // inner (inlined into outer) ← a
    new Sample({ locationId: [2], value: [3, -5] }), // negative, as in a merged diff profile
  ];
  return new Profile({
    sampleType: [
      new ValueType({ type: st.dedup('alloc_objects'), unit: st.dedup('count') }),
      new ValueType({ type: st.dedup('inuse_space'), unit: st.dedup('bytes') }),
    ],
    sample: samples,
    location: locations,
    function: functions,
    stringTable: st,
  }).encode();
}

describe('pprof: decoding and aggregation', () => {
  it('decodes ungzipped bytes, bigint and negative values, and counts recursion once in cum', () => {
    const p = parsePprof(syntheticProfile(), 'synthetic.pb');
    assert.deepEqual(
      p.sampleTypes.map((t) => t.type),
      ['alloc_objects', 'inuse_space'],
    );
    assert.equal(p.defaultSampleType, 'inuse_space');
    assert.deepEqual(profileTotals(p), { alloc_objects: 6, inuse_space: 100 + 2 ** 40 - 5 });
    const rows = topFunctions(p, {});
    // main.a is on sample 1 twice (recursion): cum counts it once.
    assert.deepEqual(row(rows, 'main.a'), {
      function: 'main.a',
      // The build-independent path: the package's import path and the file name (go-paths.ts).
      file: 'main/x.go',
      line: 10,
      flat: 100,
      cum: 100 + 2 ** 40,
    });
    // The inlined frame is its own function: inner is the leaf, outer gets cum only.
    assert.equal(row(rows, 'main.inner').flat, 2 ** 40);
    assert.equal(row(rows, 'main.outer').flat, 0);
    assert.equal(row(rows, 'main.outer').cum, 2 ** 40);
    assert.equal(row(rows, 'main.b').flat, -5);
    assert.equal(row(rows, 'main.b').cum, 95);
    // Ordered by |flat|, as go tool pprof orders: main.b's -5 comes before main.outer's 0.
    assert.deepEqual(
      rows.map((r) => r.function),
      ['main.inner', 'main.a', 'main.b', 'main.outer'],
    );
    const lines = topLines(p, { sampleIndex: 'alloc_objects' });
    assert.deepEqual(
      lines.map((r) => `${r.function}:${r.line}=${r.flat}/${r.cum}`),
      ['main.b:20=3/4', 'main.inner:30=2/2', 'main.a:10=1/3', 'main.a:11=0/1', 'main.outer:40=0/2'],
    );
  });

  it('agrees with the reference figures of go tool pprof -diff_base on the shared samples', async () => {
    const base = await load(join(shared, 'heap-steady.pb.gz'));
    const head = await load(join(shared, 'heap-steady-retaining.pb.gz'));
    const rows = diffProfiles(base, head, { top: 2 });
    assert.deepEqual(
      rows.map((r) => [r.function, (r.flat / 1024).toFixed(2)]),
      [
        ['main.bufferPayloads', '2540.84'],
        ['main.fillRegistry', '31.31'],
      ],
    );
    // Recorded as /tmp/gopub/main.go: keyed by package path and file name, as -trimpath prints it.
    assert.equal(rows[0].file, 'main/main.go');
  });

  it(
    'matches go tool pprof -top and -top -diff_base row by row on the fixtures',
    { skip: skipWithout('go') },
    async () => {
      const cases: [string, string[]][] = [
        [join(goDir, 'heap-leaking.pb.gz'), []],
        [join(shared, 'heap-steady.pb.gz'), []],
        [join(goDir, 'goroutine.pb.gz'), []],
        [join(goDir, 'heap-leaking.pb.gz'), [`-diff_base=${join(goDir, 'heap-steady.pb.gz')}`]],
      ];
      for (const [file, extra] of cases) {
        const { stdout } = await run('go', ['tool', 'pprof', '-top', ...extra, file]);
        const theirs = parseGoTop(stdout).filter((r) => r.flat !== 0);
        assert.ok(theirs.length >= 1, `go tool pprof printed no rows for ${file}`);
        const head = await load(file);
        const ours = extra.length
          ? diffProfiles(await load(extra[0].slice('-diff_base='.length)), head, {})
          : topFunctions(head, {});
        for (const t of theirs.slice(0, 5)) {
          const o = row(ours, t.name);
          assert.ok(close(o.flat, t.flat), `${file} ${t.name}: flat ${o.flat} vs go ${t.flat}`);
          assert.ok(close(o.cum, t.cum), `${file} ${t.name}: cum ${o.cum} vs go ${t.cum}`);
        }
        // Both order by |flat|, shrinking rows among growing ones.
        const shown = theirs.map((r) => r.name);
        assert.deepEqual(
          ours.filter((r) => r.flat !== 0 && shown.includes(r.function)).map((r) => r.function),
          shown,
        );
      }
    },
  );

  it('names the leaking function first in a diff of the committed steady and leaking fixtures', async () => {
    const rows = diffProfiles(
      await load(join(goDir, 'heap-steady.pb.gz')),
      await load(join(goDir, 'heap-leaking.pb.gz')),
      {
        top: 3,
      },
    );
    assert.equal(rows[0].function, 'main.leakyCache');
    assert.ok(rows[0].flat > 1024 * 1024);
    const lines = diffProfiles(
      await load(join(goDir, 'heap-steady.pb.gz')),
      await load(join(goDir, 'heap-leaking.pb.gz')),
      {
        granularity: 'lines',
        top: 1,
      },
    );
    assert.equal(lines[0].function, 'main.leakyCache');
    assert.match(lines[0].file, /main\.go$/);
    assert.ok(lines[0].line > 0);
  });

  it('counts goroutines by their first function outside the runtime', async () => {
    const p = await load(join(goDir, 'goroutine.pb.gz'));
    const groups = goroutinesByFunction(p);
    assert.deepEqual(groups[0], { function: 'main.leakyWorker', count: 25 });
    assert.equal(
      groups.reduce((s, g) => s + g.count, 0),
      profileTotals(p).goroutine,
    );
    assert.ok(groups.every((g) => !/^runtime\./.test(g.function) || g.function === '(no stack)'));
  });

  it('supports every heap sample type and lists the available ones for an unknown index', async () => {
    const p = await load(join(goDir, 'heap-leaking.pb.gz'));
    const totals = profileTotals(p);
    for (const t of ['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space']) {
      const rows = topFunctions(p, { sampleIndex: t });
      assert.equal(
        rows.reduce((s, r) => s + r.flat, 0),
        totals[t],
        `${t}: flat sums to the total`,
      );
      assert.equal(topLines(p, { sampleIndex: t, top: 3 }).length, 3);
    }
    assert.throws(
      () => topFunctions(p, { sampleIndex: 'inuse_bytes' }),
      (e: unknown) =>
        e instanceof ParseError &&
        /no sample index "inuse_bytes"; this profile has alloc_objects, alloc_space, inuse_objects, inuse_space/.test(
          e.message,
        ),
    );
  });
});

describe('pprof: bad input', () => {
  it('rejects empty, truncated gzip, garbage and the text forms with one actionable line', async () => {
    const good = await readFile(join(goDir, 'heap-steady.pb.gz'));
    const cases: [Uint8Array, RegExp][] = [
      [new Uint8Array(0), /empty file/],
      [good.subarray(0, good.length - 20), /truncated gzip/],
      [Buffer.concat([good.subarray(0, 10), Buffer.from('not deflate data at all')]), /corrupt gzip/],
      [Buffer.from([0xff, 0xff, 0xff, 0x01, 0x02]), /not a pprof profile/],
      [gzipSync(Buffer.from('<html><body>404</body></html>')), /not a pprof profile: this is text/],
      [
        Buffer.from('heap profile: 3: 1024 [10: 4096] @ heap/1048576\n1: 512 [1: 512] @ 0x1\n'),
        /this is the text heap profile \(\?debug=1\); fetch \/debug\/pprof\/heap without debug=1/,
      ],
      [gzipSync(Buffer.from('goroutine profile: total 4\n')), /text goroutine profile \(\?debug=1\)/],
      [Buffer.from('goroutine 1 [running]:\nmain.main()\n'), /goroutine dump \(\?debug=2\)/],
    ];
    for (const [bytes, why] of cases) {
      assert.throws(
        () => parsePprof(bytes, 'input.pb.gz'),
        (e: unknown) =>
          e instanceof ParseError &&
          e.where === 'input.pb.gz' &&
          why.test(e.message) &&
          !e.message.includes('\n'),
        `expected ${why}`,
      );
    }
  });

  it('rejects a protobuf cut short, and samples pointing at missing locations', async () => {
    const raw = Buffer.from(syntheticProfile());
    assert.throws(
      () => parsePprof(raw.subarray(0, raw.length - 3), 'cut.pb'),
      /not a pprof profile: the protobuf ends/,
    );
    const st = new StringTable();
    const dangling = new Profile({
      sampleType: [new ValueType({ type: st.dedup('inuse_space'), unit: st.dedup('bytes') })],
      sample: [new Sample({ locationId: [7], value: [1] })],
      stringTable: st,
    }).encode();
    assert.throws(
      () => parsePprof(dangling, 'dangling.pb'),
      /sample 0 names location 7, which does not exist/,
    );
  });

  it('turns arbitrary bytes into a profile or a ParseError, never another exception', async () => {
    const good = await readFile(join(shared, 'heap-steady.pb.gz'));
    const raw = Buffer.from(syntheticProfile());
    const check = (bytes: Uint8Array) => {
      try {
        parsePprof(bytes, 'fuzz');
      } catch (e) {
        if (!(e instanceof ParseError)) throw e;
      }
    };
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), check), { numRuns: 300 });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => check(gzipSync(b))),
      { numRuns: 100 },
    );
    // Real profiles with a few bytes flipped, raw and gzipped.
    const mutate = (src: Uint8Array) =>
      fc.property(
        fc.array(fc.tuple(fc.nat(src.length - 1), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 4,
        }),
        (edits) => {
          const copy = Uint8Array.from(src);
          for (const [i, v] of edits) copy[i] = v;
          check(copy);
        },
      );
    fc.assert(mutate(raw), { numRuns: 300 });
    fc.assert(mutate(good), { numRuns: 100 });
  });
});

describe('pprof: the real Go program', { skip: skipWithout('go') }, () => {
  let work: string;
  let binary: string;

  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'memgate-pprof-'));
    binary = join(work, 'fixture');
    await run('go', ['build', '-o', binary, join(goDir, 'main.go')], {
      env: { ...process.env, GOFLAGS: '' },
    });
  });
  after(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('writes steady and leaking profiles whose diff names main.leakyCache first', async () => {
    for (const mode of ['steady', 'leaking']) {
      await mkdir(join(work, mode), { recursive: true });
      await run(binary, ['-mode', mode, '-out', join(work, mode), '-iterations', '10']);
    }
    const out: string[] = [];
    const code = await runCli(
      [
        'pprof',
        'diff',
        join(work, 'steady/heap-end.pb.gz'),
        join(work, 'leaking/heap-end.pb.gz'),
        '--json',
        '--top',
        '3',
      ],
      { stdout: (t) => out.push(t), stderr: (t) => out.push(t), cwd: work, env: {} },
    );
    assert.equal(code, 0);
    const rows = JSON.parse(out.join('')) as PprofRow[];
    assert.equal(rows[0].function, 'main.leakyCache');
    const vars = JSON.parse(await readFile(join(work, 'leaking/vars.json'), 'utf8')) as {
      rtloader: Record<string, number>;
    };
    assert.equal(vars.rtloader.InuseBytes, vars.rtloader.AllocatedBytes - vars.rtloader.FreedBytes);
    assert.ok(vars.rtloader.InuseBytes > 0);
  });

  it('serves a live heap profile and goroutine profile over HTTP that decode', async () => {
    const child = spawn(binary, ['-mode', 'leaking', '-serve', '127.0.0.1:0', '-interval', '5ms'], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    try {
      // The fixture prints its address only once its first iteration is done (see main.go).
      const addr = await new Promise<string>((resolve, reject) => {
        let text = '';
        child.stdout.on('data', (d: Buffer) => {
          text += d.toString();
          const line = /^(127\.0\.0\.1:\d+)\n/.exec(text);
          if (line) resolve(line[1]);
        });
        child.once('exit', (c) => reject(new Error(`fixture exited with ${c}`)));
      });
      const get = async (path: string) =>
        new Uint8Array(await (await fetch(`http://${addr}${path}`)).arrayBuffer());
      const heap = parsePprof(await get('/debug/pprof/heap?gc=1'), 'live heap');
      assert.equal(heap.defaultSampleType, 'inuse_space');
      assert.ok(profileTotals(heap).alloc_space > 0);
      assert.ok(
        topFunctions(heap, { sampleIndex: 'alloc_space' }).some((r) => r.function === 'main.bufferPayloads'),
      );
      const goroutines = goroutinesByFunction(
        parsePprof(await get('/debug/pprof/goroutine'), 'live goroutines'),
      );
      assert.ok(goroutines.some((g) => g.function === 'main.leakyWorker' && g.count >= 1));
      const vars = JSON.parse(Buffer.from(await get('/debug/vars')).toString()) as {
        rtloader: Record<string, number>;
      };
      assert.deepEqual(Object.keys(vars.rtloader).sort(), [
        'AllocatedBytes',
        'Allocations',
        'FreedBytes',
        'Frees',
        'InuseBytes',
        'UntrackedFrees',
      ]);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin.end(); // the fixture exits when stdin closes
      await exited;
    }
  });
});
