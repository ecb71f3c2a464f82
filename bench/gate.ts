/**
 * Issue 8 part 3: gate overhead. collect (assembleReport per check, then the artifact round trip
 * JSON → parseMemoryReport → mergeReports) + analyze (defaultPolicy, baselines from a second
 * synthetic report) + render (renderComment), for synthetic captures of C checks × R runs × I
 * iterations with S tracemalloc rows per snapshot (bench/gate-data.ts). Each measurement is a fresh
 * Node process, as in CI: cold JIT, stages timed with performance.now() after the imports.
 *
 *   node --import tsx bench/gate.ts [--runs 5] [--sim-runs 5] [--sweeps checks,runs,iterations]
 *   node --import tsx bench/gate.ts --one 50,10,50,200        # one process, prints stage ms as JSON
 *
 * The peer is one check run: the simulator running examples/checks/steady 50 times with -m
 * (test/agent-sim), so the ratio reads "gate overhead as a fraction of one check run". The last
 * ratio is against all the check runs the report stands for: C × R simulator runs of I iterations.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { linearRegression, rSquared, linearRegressionLine } from 'simple-statistics';

import { defaultPolicy } from '../src/analyze/policy.js';
import { analyze } from '../src/analyze/verdict.js';
import type { BaselineLookup } from '../src/baseline/types.js';
import { assembleReport, type RunCapture } from '../src/collect/assemble.js';
import {
  checkId,
  mergeReports,
  parseMemoryReport,
  runCount,
  type CheckKey,
  type MemoryReport,
} from '../src/model.js';
import { renderComment } from '../src/report/markdown.js';
import { checkName, generateCheck, type Shape, type Variant } from './gate-data.js';
import { arg, median, root } from './common.js';

const STAGES = ['assemble', 'merge', 'analyze', 'render', 'total'] as const;
type Stage = (typeof STAGES)[number];
type Timing = Record<Stage, number> & { chars: number; failing: number };

/**
 * Every 10th check retains 24 KiB more per run (a regression, and over the retained-per-run floor)
 * and every 10th (offset) leaks 12 KiB per iteration, so the comment has content at every size.
 */
const CURRENT: Variant = { seed: 1, extra: (c) => (c % 10 === 3 ? 24 * 1024 : 0), leak: (c) => c % 10 === 7 };
const BASELINE: Variant = { seed: 2 };

/** The collect job of one check: its R runs → one MemoryReport (runCheck's assembleReport call). */
function collectCheck(c: number, runs: RunCapture[]): MemoryReport {
  return assembleReport(runs, {
    check: checkName(c),
    checkVersion: '1.0.0',
    toolVersion: '0.1.0',
    environment: { options: { repeat: runs.length, checkTimes: runs.length, mGc: true } },
  }).report;
}

/** What the comparing job does with the per-check artifacts: read each back, validate, merge. */
function readAndMerge(texts: string[]): MemoryReport {
  return mergeReports(texts.map((t, i) => parseMemoryReport(t, `report-${i}.json`)));
}

/** The baseline report of a shape, assembled once and kept in bench/.out (its cost is not the gate's). */
function baselineFor(shape: Shape): MemoryReport {
  const file = join(
    root,
    'bench/.out',
    `gate-baseline-${shape.checks}-${shape.runs}-${shape.iterations}-${shape.sites}.json`,
  );
  if (existsSync(file)) return parseMemoryReport(readFileSync(file, 'utf8'), file);
  const texts: string[] = [];
  for (let c = 0; c < shape.checks; c++)
    texts.push(JSON.stringify(collectCheck(c, generateCheck(c, shape, BASELINE))));
  const base = readAndMerge(texts);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(base));
  return base;
}

/** Same shape as `memgate compare --baseline report.json`: an exact-version match by check id. */
function lookupFrom(base: MemoryReport): (check: CheckKey) => BaselineLookup {
  const byId = new Map(base.checks.map((c) => [checkId(c.check), c]));
  return (check) => {
    const b = byId.get(checkId(check));
    if (!b) return { provenance: { status: 'none', requestedVersion: check.version } };
    return {
      baseline: b,
      provenance: {
        status: 'exact',
        requestedVersion: check.version,
        version: b.check.version,
        commit: 'b'.repeat(40),
        date: '2026-11-26T00:00:00Z',
        samples: runCount(b),
        entries: 1,
      },
    };
  };
}

function one(shape: Shape): Timing {
  const lookup = lookupFrom(baselineFor(shape));
  const policy = defaultPolicy();
  const now = new Date('2026-11-27T00:00:00Z');

  // Per check: generate (untimed), assemble and write the artifact JSON (timed), drop the texts.
  let assemble = 0;
  let merge = 0;
  const texts: string[] = [];
  for (let c = 0; c < shape.checks; c++) {
    const runs = generateCheck(c, shape, CURRENT);
    const t = performance.now();
    const report = collectCheck(c, runs);
    const t1 = performance.now();
    texts.push(JSON.stringify(report));
    assemble += t1 - t;
    merge += performance.now() - t1;
  }
  const t1 = performance.now();
  const merged = readAndMerge(texts);
  const t2 = performance.now();
  const verdict = analyze(merged, lookup, policy, now);
  const t3 = performance.now();
  const body = renderComment(verdict, {
    key: 'memgate',
    version: '0.1.0',
    runUrl: 'https://example.invalid/run/1',
  });
  const t4 = performance.now();
  merge += t2 - t1;
  return {
    assemble,
    merge,
    analyze: t3 - t2,
    render: t4 - t3,
    total: assemble + merge + (t4 - t2),
    chars: body.length,
    failing: verdict.checks.filter((c) => c.status === 'fail').length,
  };
}

function measureShape(shape: Shape, n: number): Timing {
  const all: Timing[] = [];
  for (let i = 0; i < n; i++) {
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'bench/gate.ts',
        '--one',
        [shape.checks, shape.runs, shape.iterations, shape.sites].join(','),
      ],
      { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 },
    );
    if (r.status !== 0) throw new Error(`gate.ts --one failed: ${r.stderr}`);
    all.push(JSON.parse(r.stdout.trim().split('\n').pop()!) as Timing);
  }
  const m = {} as Timing;
  for (const k of [...STAGES, 'chars', 'failing'] as const) m[k] = median(all.map((t) => t[k]));
  return m;
}

/** Wall seconds of one simulator check run (steady × `times` with -m, gc on), median of n. */
function checkRun(n: number, times = 50): number {
  const walls: number[] = [];
  for (let i = 0; i < n; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'memgate-bench-'));
    try {
      const t = performance.now();
      const r = spawnSync(
        'python3',
        [
          'test/agent-sim/datadog-agent',
          'check',
          'steady',
          '--check-times',
          String(times),
          '--json',
          '-m',
          '--m-gc',
          '1',
          '--m-dir',
          dir,
        ],
        {
          cwd: root,
          env: { ...process.env, MEMGATE_SIM_CHECKS: 'examples/checks' },
          encoding: 'utf8',
          maxBuffer: 1 << 26,
        },
      );
      walls.push((performance.now() - t) / 1000);
      if (r.status !== 0) throw new Error(`simulator failed: ${r.stderr}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return median(walls);
}

const oneArg = arg('one', '');
if (oneArg) {
  const [checks, runs, iterations, sites] = oneArg.split(',').map(Number);
  console.log(JSON.stringify(one({ checks, runs, iterations, sites })));
} else {
  const n = Number(arg('runs', '5'));
  const simRuns = Number(arg('sim-runs', '5'));
  const sim = checkRun(simRuns);
  const simByIterations = new Map<number, number>([[50, sim]]);
  const simOf = (iterations: number) => {
    if (!simByIterations.has(iterations)) simByIterations.set(iterations, checkRun(simRuns, iterations));
    return simByIterations.get(iterations)!;
  };
  const load = spawnSync('uptime', { encoding: 'utf8' })
    .stdout.trim()
    .replace(/.*load average: /, '');
  const fmt = (x: number, d = 0) => x.toFixed(d);
  const rowsOf = (s: Shape) => s.checks * s.runs * s.iterations * s.sites;
  const S = 200;
  const sweeps: { name: string; vary: keyof Shape; shapes: Shape[] }[] = [
    {
      name: 'checks',
      vary: 'checks',
      shapes: [1, 10, 25, 50].map((checks) => ({ checks, runs: 10, iterations: 50, sites: S })),
    },
    {
      name: 'runs',
      vary: 'runs',
      shapes: [5, 10, 20].map((runs) => ({ checks: 5, runs, iterations: 50, sites: S })),
    },
    {
      name: 'iterations',
      vary: 'iterations',
      shapes: [20, 50, 100].map((iterations) => ({ checks: 5, runs: 10, iterations, sites: S })),
    },
  ];
  const wanted = arg('sweeps', 'checks,runs,iterations').split(',');
  const cache = new Map<string, Timing>();
  const timingOf = (s: Shape) => {
    const k = JSON.stringify(s);
    if (!cache.has(k)) cache.set(k, measureShape(s, n));
    return cache.get(k)!;
  };

  console.log(
    `## gate overhead (${n} fresh processes per row, median; Node ${process.version}; load average ${load}; ${new Date().toISOString()})\n`,
  );
  console.log(
    `One check run (simulator, steady × 50, -m --m-gc 1, median of ${arg('sim-runs', '5')}): ${fmt(sim, 2)} s\n`,
  );
  console.log(
    '| checks × runs × iterations | snapshot rows | assemble ms | merge ms | analyze ms | render ms | total ms | µs/row | × one check run | % of the C×R check runs gated | comment chars |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  const fits: string[] = [];
  for (const sw of sweeps.filter((x) => wanted.includes(x.name))) {
    const xs: [number, number][] = [];
    for (const s of sw.shapes) {
      const t = timingOf(s);
      const rows = rowsOf(s);
      xs.push([s[sw.vary], t.total]);
      console.log(
        `| ${s.checks} × ${s.runs} × ${s.iterations} | ${rows.toLocaleString('en-US')} | ${fmt(t.assemble)} | ${fmt(t.merge)} | ${fmt(t.analyze)} | ${fmt(t.render)} | **${fmt(t.total)}** | ${fmt((t.total * 1000) / rows, 2)} | ${fmt(t.total / 1000 / sim, 2)} | ${fmt((100 * t.total) / 1000 / (s.checks * s.runs * simOf(s.iterations)), 1)}% | ${fmt(t.chars)} |`,
      );
    }
    const fit = linearRegression(xs);
    const r2 = rSquared(xs, linearRegressionLine(fit));
    fits.push(`- ${sw.name}: total ms ≈ ${fmt(fit.b)} + ${fmt(fit.m, 1)} × ${sw.name} (R² ${r2.toFixed(4)})`);
  }
  console.log('\nLinear fit of total time against the varied dimension:\n');
  for (const f of fits) console.log(f);
}
