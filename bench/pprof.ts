/**
 * Issue 8 parts 1 and 2: `memgate pprof top|diff` against `go tool pprof -top [-diff_base]` on Go
 * heap profiles of ~1, 10 and 50 MB (uncompressed), and the cold start of dist/cli.js and
 * dist/index.js. Prints markdown tables; bench/pprof.md and bench/RESULTS.md quote one run.
 *
 *   bench/gen-profiles.sh && npm run bundle && node --import tsx bench/pprof.ts [--runs 5] [--sizes 1,10,50]
 *
 * Wall time and peak RSS come from `/usr/bin/time -f '%e %M'` around each process (median of the
 * runs); decode throughput is measured in-process (uncompressed MB / decode time, median).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

import { parsePprof } from '../src/collect/pprof.js';
import { parsePprofOracle } from '../test/support/pprof-oracle.js';
import { arg, median, root } from './common.js';

const out = join(root, 'bench/.out');
const runs = Number(arg('runs', '5'));
const sizes = arg('sizes', '1,10,50').split(',').filter(Boolean).map(Number);
const goRuns50 = Number(arg('go-runs-50', String(runs)));

/** One process run under /usr/bin/time: wall seconds and peak RSS in MB. */
function timed(argv: string[]): { wall: number; rss: number } {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', ...argv], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(`${argv.join(' ')} failed: ${r.stderr}`);
  const [wall, kb] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { wall, rss: kb / 1024 };
}

function measure(argv: string[], n: number): { wall: number; rss: number } {
  const all = Array.from({ length: n }, () => timed(argv));
  return { wall: median(all.map((r) => r.wall)), rss: median(all.map((r) => r.rss)) };
}

function throughput(decode: typeof parsePprof, file: string, n: number): number {
  const bytes = readFileSync(file);
  const mb = gunzipSync(bytes).length / 1e6;
  const times = Array.from({ length: n }, () => {
    const t = performance.now();
    decode(bytes, file);
    return (performance.now() - t) / 1000;
  });
  return mb / median(times);
}

/** dist/cli.js when it has the pprof verb; else a CLI-only bundle (bench/.out/dist, see bench/pprof.md). */
function pickCli(): string[] {
  for (const file of ['dist/cli.js', 'bench/.out/dist/cli.js'])
    if (
      existsSync(join(root, file)) &&
      spawnSync('node', [file, 'pprof', '--help'], { cwd: root }).status === 0
    )
      return ['node', file];
  return ['node', '--import', 'tsx', 'src/cli/main.ts'];
}
const cli = pickCli();
const fmt = (x: number, d = 2) => x.toFixed(d);

console.log(
  `## pprof (${runs} runs, median; ${new Date().toISOString()}; ${cli.join(' ')}; go tool pprof of ${spawnSync('go', ['version'], { encoding: 'utf8' }).stdout.trim()})\n`,
);
console.log('| profile | MB raw | command | memgate s | go s | ratio | memgate RSS MB | go RSS MB |');
console.log('|---|---|---|---|---|---|---|---|');
const decodeRows: string[] = [];
for (const size of sizes) {
  const base = join(out, `heap-${size}mb-base.pb.gz`);
  const head = join(out, `heap-${size}mb-head.pb.gz`);
  if (!existsSync(head)) throw new Error(`${head} missing: run bench/gen-profiles.sh first`);
  const mb = gunzipSync(readFileSync(head)).length / 1e6;
  const goN = size >= 50 ? goRuns50 : runs;
  for (const [what, ours, theirs] of [
    ['top', [...cli, 'pprof', 'top', head], ['go', 'tool', 'pprof', '-top', head]],
    [
      'diff',
      [...cli, 'pprof', 'diff', base, head],
      ['go', 'tool', 'pprof', '-top', `-diff_base=${base}`, head],
    ],
  ] as const) {
    const m = measure([...ours], runs);
    const g = measure([...theirs], goN);
    console.log(
      `| heap-${size}mb | ${fmt(mb, 1)} | ${what} | ${fmt(m.wall)} | ${fmt(g.wall)} | ${fmt(m.wall / g.wall)} | ${fmt(m.rss, 0)} | ${fmt(g.rss, 0)} |`,
    );
  }
  decodeRows.push(
    `| heap-${size}mb | ${fmt(mb, 1)} | ${fmt(throughput(parsePprof, head, runs), 1)} | ${fmt(throughput(parsePprofOracle, head, Math.min(runs, 3)), 1)} |`,
  );
}
console.log('\nDecode throughput (in-process, gunzip + decode, MB of uncompressed protobuf per second):\n');
console.log('| profile | MB raw | streaming reader MB/s | pprof-format MB/s |');
console.log('|---|---|---|---|');
for (const r of decodeRows) console.log(r);

/** Time from spawn to the first stdout line matching `ready`, then kill: "to its first line of work". */
async function firstLine(argv: string[], ready: RegExp): Promise<number> {
  const t = performance.now();
  const child = spawn(argv[0], argv.slice(1), {
    cwd: root,
    env: { ...process.env, GITHUB_ACTIONS: '', INPUT_MODE: 'collect' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let text = '';
    const done = () => {
      const ms = performance.now() - t;
      child.kill();
      resolve(ms);
    };
    child.stdout.on('data', (d: Buffer) => {
      text += d.toString();
      if (ready.test(text)) done();
    });
    child.once('exit', () => (ready.test(text) ? undefined : reject(new Error(`no first line: ${text}`))));
  });
}

if (existsSync(join(root, 'dist/index.js'))) {
  const n = Math.max(runs, 10);
  const json = join(out, 'hyperfine-version.json');
  spawnSync(
    'hyperfine',
    ['--warmup', '2', '--runs', String(n), '--export-json', json, 'node dist/cli.js --version'],
    {
      cwd: root,
      stdio: 'ignore',
    },
  );
  const version =
    median((JSON.parse(readFileSync(json, 'utf8')) as { results: { times: number[] }[] }).results[0].times) *
    1000;
  const index: number[] = [];
  for (let i = 0; i < n; i++) index.push(await firstLine(['node', 'dist/index.js'], /\n/));
  console.log(`\n## cold start (${n} runs, median, ${process.version})\n`);
  console.log('| what | ms |');
  console.log('|---|---|');
  console.log(`| \`node dist/cli.js --version\` (hyperfine) | ${fmt(version, 0)} |`);
  console.log(`| \`node dist/index.js\` to its first line on stdout | ${fmt(median(index), 0)} |`);
}
