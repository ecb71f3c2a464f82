/**
 * Differential flame graphs: a valid SVG (parsed by python3's expat-based ElementTree, a real XML
 * parser) whose hover titles name the real grower with its growth.
 * - Go: the committed fixtures (heap-steady vs heap-leaking of test/fixtures/go/main.go), and the
 *   same program rebuilt and rerun with the local Go toolchain (skipped without Go unless
 *   MEMGATE_REQUIRE_GO=1).
 * - Python: real tracemalloc tracebacks (10 frames) from python3.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { diffProfiles, parsePprof } from '../../src/collect/pprof.js';
import { parseTracemallocText } from '../../src/collect/tracemalloc.js';
import {
  flameColor,
  goFlameStacks,
  pythonFlameStacks,
  renderFlameGraph,
  siteFlameStacks,
} from '../../src/report/flamegraph.js';
import { checkReport, memoryReport } from '../baseline/helpers.js';
import { runCliCaptured } from '../support/cli.js';
import { MemgateError } from '../../src/errors.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const GO_DIR = join(HERE, '..', 'fixtures', 'go');

function run(cmd: string, args: string[], opts: { cwd?: string; input?: string } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(cmd, args, { cwd: opts.cwd, maxBuffer: 64 << 20 }, (err, stdout, stderr) =>
      err ? reject(Object.assign(err, { stderr })) : resolve(stdout),
    );
    if (opts.input !== undefined) child.stdin?.end(opts.input);
  });
}

/** Parse the SVG with a real XML parser; return its root tag and every <g>'s title and fill. */
async function parseSvg(svg: string): Promise<{ root: string; boxes: { title: string; fill: string }[] }> {
  const py = [
    'import json, sys, xml.etree.ElementTree as ET',
    'root = ET.fromstring(sys.stdin.buffer.read())',
    "ns = '{http://www.w3.org/2000/svg}'",
    "boxes = [{'title': g.find(ns + 'title').text, 'fill': g.find(ns + 'rect').get('fill')} for g in root.iter(ns + 'g')]",
    "print(json.dumps({'root': root.tag, 'boxes': boxes}))",
  ].join('\n');
  return JSON.parse(await run('python3', ['-c', py], { input: svg })) as {
    root: string;
    boxes: { title: string; fill: string }[];
  };
}

/** The exact delta a title ends with: `[+15270899 bytes]`. */
function exactDelta(title: string): number {
  const m = /\[([+-]?\d+) \w+\]$/.exec(title);
  assert.ok(m, title);
  return Number(m[1]);
}

async function assertNamesGoGrower(baseFile: string, headFile: string): Promise<void> {
  const base = parsePprof(await readFile(baseFile), baseFile);
  const head = parsePprof(await readFile(headFile), headFile);
  const { stacks, sampleType, unit } = goFlameStacks(base, head);
  assert.equal(sampleType, 'inuse_space');
  const svg = renderFlameGraph(stacks, { title: 'inuse_space: leaking vs steady', unit });
  const parsed = await parseSvg(svg);
  assert.equal(parsed.root, '{http://www.w3.org/2000/svg}svg');
  const grower = parsed.boxes.filter((b) => b.title.startsWith('main.leakyCache\n'));
  assert.ok(grower.length >= 1, 'the leaking function has a box');
  for (const b of grower) {
    assert.match(b.title, /\nmain\.go:\d+\n|\/main\.go:\d+\n/, 'hover shows file:line');
    assert.match(b.fill, /^rgb\(255,/, 'drawn as growth');
  }
  // Its growth is the one `go tool pprof -diff_base` reports (our diffProfiles matches it row by row).
  const row = diffProfiles(base, head, {}).find((r) => r.function === 'main.leakyCache');
  assert.ok(row && row.cum > 1 << 20, 'the fixture leaks over 1 MiB');
  assert.equal(
    grower.reduce((n, b) => n + exactDelta(b.title), 0),
    row.cum,
  );
  assert.match(grower[0].title, /, \+\d+\.\d+ MiB \(new\)|, \+\d+\.\d+ MiB \(\+/);
}

describe('differential flame graph', () => {
  let tmp: string;
  before(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'memgate-flame-'));
  });
  after(() => rm(tmp, { recursive: true, force: true }));

  it('Go fixtures: a valid SVG naming main.leakyCache with its growth', async () => {
    await assertNamesGoGrower(join(GO_DIR, 'heap-steady.pb.gz'), join(GO_DIR, 'heap-leaking.pb.gz'));
  });

  it('Go, real runtime: the fixture program rebuilt and rerun gives the same answer', async (t) => {
    try {
      await run('go', ['version']);
    } catch {
      if (process.env.MEMGATE_REQUIRE_GO === '1') assert.fail('MEMGATE_REQUIRE_GO=1 but go is not installed');
      t.skip('go not installed');
      return;
    }
    const bin = join(tmp, 'fixture');
    await run('go', ['build', '-o', bin, join(GO_DIR, 'main.go')], { cwd: tmp });
    for (const mode of ['steady', 'leaking']) {
      await mkdir(join(tmp, mode));
      await run(bin, ['-mode', mode, '-out', join(tmp, mode), '-iterations', '25']);
    }
    await assertNamesGoGrower(join(tmp, 'steady', 'heap-end.pb.gz'), join(tmp, 'leaking', 'heap-end.pb.gz'));
  });

  it('Python: real tracemalloc tracebacks (frames > 1) name the retaining line under its callers', async () => {
    await run('python3', [join(HERE, 'fixtures', 'traceback_snapshots.py'), tmp]);
    const base = parseTracemallocText(await readFile(join(tmp, 'base.txt'), 'utf8'), 'base.txt');
    const head = parseTracemallocText(await readFile(join(tmp, 'head.txt'), 'utf8'), 'head.txt');
    assert.ok(head.stats.every((s) => (s.trace?.length ?? 0) >= 1));
    const svg = renderFlameGraph(pythonFlameStacks(base.stats, head.stats), {
      title: 'python',
      unit: 'bytes',
    });
    const parsed = await parseSvg(svg);
    // The grower: `kept.append(bytearray(n))` at line 15, reached through run → collect → remember.
    const grower = parsed.boxes.filter((b) => b.title.startsWith('traceback_snapshots.py:15\n'));
    assert.ok(grower.length >= 1, parsed.boxes.map((b) => b.title.split('\n')[0]).join(', '));
    const growth = grower.reduce((n, b) => n + exactDelta(b.title), 0);
    // Ten more runs retained ten more 4 KiB bytearrays (plus the list's own growth).
    assert.ok(growth >= 10 * 4096 && growth < 12 * 4096, `growth ${growth}`);
    assert.ok(grower.every((b) => /traceback_snapshots\.py:15\n/.test(b.title)));
    const callers = parsed.boxes.map((b) => b.title.split('\n')[0]);
    for (const caller of ['traceback_snapshots.py:28', 'traceback_snapshots.py:23'])
      assert.ok(callers.includes(caller), `${caller} drawn as a caller`);
  });

  it('says when Python statistics have no traceback to draw', () => {
    const flat = [{ file: 'a.py', line: 1, size: 10, sizeText: '10 B', trace: ['a.py:1'] }];
    assert.throws(
      () => pythonFlameStacks(flat, flat),
      (e: unknown) => e instanceof MemgateError && /frames > 1/.test(e.message),
    );
  });

  it('draws the allocation sites of a MemoryReport (no stacks kept) as check → runtime → file → site', async () => {
    const svg = renderFlameGraph(
      siteFlameStacks(
        checkReport('pg', '1.0.0', [100, 120, 140]),
        checkReport('pg', '1.0.0', [300, 320, 340]),
      ),
      { title: 'sites', unit: 'bytes' },
    );
    const parsed = await parseSvg(svg);
    const site = parsed.boxes.find((b) => b.title.startsWith('pg.py:10\n'));
    assert.ok(site, parsed.boxes.map((b) => b.title).join(' | '));
    assert.match(site.title, /\npg\.py:10\n/);
    assert.equal(exactDelta(site.title), 2 * 320 - 2 * 120, 'median bytes of the runs, head − base');
    assert.deepEqual(
      parsed.boxes.map((b) => b.title.split('\n')[0]),
      ['all', 'pg@1.0.0', 'python', 'pg.py', 'pg.py:10'],
    );
  });

  it('memgate pprof diff --svg writes the flame graph next to the usual table', async () => {
    const out = join(tmp, 'cli', 'diff.svg');
    const res = await runCliCaptured(
      ['pprof', 'diff', join(GO_DIR, 'heap-steady.pb.gz'), join(GO_DIR, 'heap-leaking.pb.gz'), '--svg', out],
      tmp,
    );
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stdout, /main\.leakyCache/);
    assert.match(res.stderr, /flame graph written to/);
    const parsed = await parseSvg(await readFile(out, 'utf8'));
    assert.ok(
      parsed.boxes.some((b) => b.title.startsWith('main.leakyCache\n') && exactDelta(b.title) > 1 << 20),
    );
  });

  it('memgate compare --flamegraph draws the sites of the report against the baseline', async () => {
    const base = memoryReport(checkReport('pg', '1.0.0', [100, 100, 100]));
    const head = memoryReport(checkReport('pg', '1.0.0', [400, 400, 400]));
    await writeFile(join(tmp, 'base.json'), JSON.stringify(base));
    await writeFile(join(tmp, 'head.json'), JSON.stringify(head));
    const res = await runCliCaptured(
      ['compare', '--baseline', 'base.json', '--report', 'head.json', '--flamegraph', 'sites.svg'],
      tmp,
    );
    assert.ok(res.code === 0 || res.code === 1, res.stderr);
    const parsed = await parseSvg(await readFile(join(tmp, 'sites.svg'), 'utf8'));
    const site = parsed.boxes.find((b) => b.title.startsWith('pg.py:10\n'));
    assert.ok(site);
    assert.equal(exactDelta(site.title), 2 * 400 - 2 * 100);
  });

  it('escapes frame names, and colours growth red, shrink blue', async () => {
    const svg = renderFlameGraph(
      [
        { frames: [{ name: '<script>&"x"', file: 'a.go', line: 1 }], base: 10, head: 20 },
        { frames: [{ name: 'shrinks', file: 'b.go', line: 2 }], base: 20, head: 10 },
      ],
      { title: 'a<b', unit: 'bytes' },
    );
    const parsed = await parseSvg(svg);
    assert.equal(parsed.boxes.find((b) => b.title.startsWith('<script>&"x"\n'))?.fill, flameColor(10, 20));
    assert.match(flameColor(10, 20), /^rgb\(255,/);
    assert.match(flameColor(20, 10), /,255\)$/);
    assert.ok(!svg.includes('<script>'));
  });
});
