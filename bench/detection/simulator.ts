/**
 * Detection on real runs: the example checks under real CPython tracemalloc (the Agent simulator),
 * each measured `trials` times as a PR would be (repeat 5 × 20 iterations, endpoints sampled), and
 * judged by the same `analyze` the action uses. It answers what the synthetic tables cannot: how
 * often the whole path, with real allocator noise, calls a steady check a leak, or misses one.
 *
 *   node --import tsx bench/detection/simulator.ts [--trials 10]
 *
 * Prints a Markdown section; bench/detection/RESULTS.md holds the last one.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { defaultPolicy } from '../../src/analyze/policy.js';
import { analyze } from '../../src/analyze/verdict.js';
import type { BaselineLookup } from '../../src/baseline/types.js';
import type { MemoryReport } from '../../src/model.js';
import { runCheck } from '../../src/run/runner.js';
import { freePort } from '../../test/support/cli.js';
import { arg, root } from '../common.js';

const trials = Number(arg('trials', '10'));
const AGENT = join(root, 'test', 'agent-sim', 'datadog-agent');

/** Measure one example check, filed under the name `queue_stats`, with an optional conf.yaml edit. */
async function measure(example: string, conf?: (t: string) => string): Promise<MemoryReport> {
  const checks = await mkdtemp(join(tmpdir(), 'memgate-det-'));
  try {
    const dir = join(checks, 'queue_stats');
    await cp(join(root, 'examples', 'checks', example), dir, { recursive: true });
    if (conf) await writeFile(join(dir, 'conf.yaml'), conf(await readFile(join(dir, 'conf.yaml'), 'utf8')));
    const port = await freePort();
    const { report } = await runCheck({
      check: 'queue_stats',
      agentBin: AGENT,
      repeat: 5,
      checkTimes: 20,
      timeoutMs: 120_000,
      expvarUrl: `http://127.0.0.1:${port}/debug/vars`,
      telemetryUrl: `http://127.0.0.1:${port}/telemetry`,
      sampleIntervalMs: 20,
      env: { ...process.env, MEMGATE_SIM_CHECKS: checks, MEMGATE_SIM_PORT: String(port) },
    });
    return report;
  } finally {
    await rm(checks, { recursive: true, force: true });
  }
}

const factor = (f: number) => (t: string) =>
  t.replace('  - queues: 100', `  - queues: 100\n    factor: ${f}`);

function judge(head: MemoryReport, base: MemoryReport | undefined) {
  const lookup = (): BaselineLookup =>
    base
      ? {
          baseline: base.checks[0],
          provenance: { status: 'exact', requestedVersion: '1.0.0', version: '1.0.0' },
        }
      : { provenance: { status: 'none', requestedVersion: '1.0.0' } };
  const v = analyze(head, lookup, defaultPolicy());
  return { leak: v.counts.leaks > 0, regression: v.counts.regressions > 0 };
}

interface Case {
  name: string;
  truth: string;
  head: () => Promise<MemoryReport>;
  base?: () => Promise<MemoryReport>;
}

const cases: Case[] = [
  {
    name: '`steady` vs `steady`',
    truth: 'no change',
    head: () => measure('steady'),
    base: () => measure('steady'),
  },
  {
    name: '`leaky` (list extended every run)',
    truth: 'leak',
    head: () => measure('leaky'),
    base: () => measure('steady'),
  },
  {
    name: '`retaining` (new list kept every run)',
    truth: 'leak',
    head: () => measure('retaining'),
    base: () => measure('steady'),
  },
  {
    name: '`plateau_cache`',
    truth: 'no leak',
    head: () => measure('plateau_cache'),
    base: () => measure('plateau_cache'),
  },
  {
    name: '`regressing` ×1.2 vs ×1.0',
    truth: 'regression',
    head: () => measure('regressing', factor(1.2)),
    base: () => measure('regressing', factor(1.0)),
  },
  {
    name: '`regressing` ×1.0 vs ×1.0',
    truth: 'no change',
    head: () => measure('regressing', factor(1.0)),
    base: () => measure('regressing', factor(1.0)),
  },
  { name: '`c_leak` (RTLoader memory)', truth: 'leak', head: () => measure('c_leak') },
];

const started = Date.now();
const rows: string[] = [];
for (const c of cases) {
  let leaks = 0;
  let regressions = 0;
  for (let t = 0; t < trials; t++) {
    const [head, base] = await Promise.all([c.head(), c.base?.()]);
    const r = judge(head, base);
    if (r.leak) leaks++;
    if (r.regression) regressions++;
  }
  rows.push(`| ${c.name} | ${c.truth} | ${trials} | ${leaks}/${trials} | ${regressions}/${trials} |`);
  process.stderr.write(`${rows[rows.length - 1]}\n`);
}

process.stdout.write(
  [
    '## Real runs: the example checks through the simulator',
    '',
    '```',
    `node --import tsx bench/detection/simulator.ts --trials ${trials}`,
    '```',
    '',
    `Each trial measures the head (and, where there is one, a fresh baseline) as a PR would: \`runCheck\`,`,
    'repeat 5 × 20 iterations under real tracemalloc, `/debug/vars` and `/telemetry` sampled every 20 ms and',
    'cut to one point per iteration, then `analyze` with the default policy.',
    `Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, ${((Date.now() - started) / 60000).toFixed(1)} min.`,
    '',
    '| case | truth | trials | flagged as leak | flagged as regression |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n'),
);
