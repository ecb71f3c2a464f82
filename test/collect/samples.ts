/** Paths and readers for the copied real samples in test/fixtures/agent-samples/. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SAMPLES = fileURLToPath(new URL('../fixtures/agent-samples/', import.meta.url));
export const TRACEMALLOC_CASES = [
  'default',
  'filename-b',
  'growing-positive',
  'retaining-gc',
  'retaining-positive-kib-limit8',
] as const;
export type TracemallocCase = (typeof TRACEMALLOC_CASES)[number];

export function sample(rel: string): string {
  return readFileSync(join(SAMPLES, rel), 'utf8');
}

export function sampleBytes(rel: string): Uint8Array {
  return new Uint8Array(readFileSync(join(SAMPLES, rel)));
}

/** The instance directory of a tracemalloc case (there is one per case). */
export function instanceDir(c: TracemallocCase): string {
  const check = join(SAMPLES, 'tracemalloc', c, 'queue_stats');
  return join(check, readdirSync(check)[0]);
}

/** Sorted file names and texts of `snapshots` or `diffs` of a case. */
export function caseFiles(c: TracemallocCase, kind: 'snapshots' | 'diffs'): { name: string; text: string }[] {
  const dir = join(instanceDir(c), kind);
  return readdirSync(dir)
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

/** check_run_alloc per run, as the real runs reported it. */
export function caseMetrics(c: TracemallocCase): number[] {
  const doc = JSON.parse(sample(`tracemalloc/${c}/metrics.json`)) as {
    check_runs: Record<string, number>[];
  };
  return doc.check_runs.map((r) => r['datadog.agent.profile.memory.check_run_alloc']);
}

/** A `check --json` document for a run whose check_run_alloc values are `values` (one series per run). */
export function checkJsonFor(
  values: number[],
  opts: { name?: string; version?: string; id?: string } = {},
): string {
  const name = opts.name ?? 'queue_stats';
  const tags = [`check_name:${name}`];
  if (opts.version) tags.push(`check_version:${opts.version}`);
  return JSON.stringify([
    {
      aggregator: {
        metrics: values.map((v, i) => ({
          host: 'h',
          interval: 0,
          metric: 'datadog.agent.profile.memory.check_run_alloc',
          points: [[1764197346 + i, v]],
          source_type_name: 'System',
          tags,
          type: 'gauge',
          device: '',
        })),
      },
      inventories: null,
      runner: {
        CheckName: name,
        CheckVersion: opts.version ?? '',
        CheckID: opts.id ?? `${name}:91c0d2aa53e1b7f4`,
        TotalRuns: values.length,
        TotalErrors: 0,
        LastError: '',
      },
    },
  ]);
}
