/**
 * The catalogue of memory metrics memgate knows. A metric's id is its key in a CheckReport's
 * `metrics`; the catalogue says which runtime owns it, what it counts, and which leak rule reads it.
 * Unknown ids are allowed in a report (e.g. a user's own series); they get the defaults of `describeMetric`.
 */
import { median } from 'simple-statistics';

import type { Runtime } from './model.js';

export type MetricUnit = 'bytes' | 'count';

/**
 * How the per-iteration series of one run behaves:
 * - `gauge`: a level that may go up and down (in-use bytes); a trend across iterations is a leak;
 * - `retained`: each point is what one iteration kept (check_run_alloc with gc on); flat > 0 is a leak;
 * - `counter`: monotonic total; only its per-run delta is compared.
 */
type SeriesKind = 'gauge' | 'retained' | 'counter';

/** How one run's series is reduced to the single number the regression test compares. */
type RunAggregate = 'median' | 'last' | 'max' | 'delta';

export interface MetricInfo {
  runtime: Runtime;
  unit: MetricUnit;
  series: SeriesKind;
  aggregate: RunAggregate;
  /** True when the leak detector reads this series. */
  leakSignal: boolean;
  description: string;
}

export const METRICS = {
  'python.check_run_alloc': {
    runtime: 'python',
    unit: 'bytes',
    series: 'retained',
    aggregate: 'median',
    leakSignal: true,
    description:
      'datadog.agent.profile.memory.check_run_alloc: bytes a check run allocated and still held at its end',
  },
  'python.pymem.inuse': {
    runtime: 'python',
    unit: 'bytes',
    series: 'gauge',
    aggregate: 'max',
    leakSignal: true,
    description: 'pymem__inuse: bytes held by the Python allocator',
  },
  'python.pymem.alloc': {
    runtime: 'python',
    unit: 'bytes',
    series: 'counter',
    aggregate: 'delta',
    leakSignal: false,
    description: 'pymem__alloc: bytes the Python allocator took during the run',
  },
  'c.rtloader.inuse_bytes': {
    runtime: 'c',
    unit: 'bytes',
    series: 'gauge',
    aggregate: 'max',
    leakSignal: true,
    description: 'rtloader InuseBytes: bytes held by RTLoader/cgo allocations',
  },
  'c.rtloader.live_allocations': {
    runtime: 'c',
    unit: 'count',
    series: 'gauge',
    aggregate: 'max',
    leakSignal: true,
    description: 'rtloader Allocations − Frees: live RTLoader/cgo allocations',
  },
  'c.rtloader.allocated_bytes': {
    runtime: 'c',
    unit: 'bytes',
    series: 'counter',
    aggregate: 'delta',
    leakSignal: false,
    description: 'rtloader AllocatedBytes during the run',
  },
  'c.rtloader.allocations': {
    runtime: 'c',
    unit: 'count',
    series: 'counter',
    aggregate: 'delta',
    leakSignal: false,
    description: 'rtloader Allocations during the run',
  },
  'c.rtloader.untracked_frees': {
    runtime: 'c',
    unit: 'count',
    series: 'counter',
    aggregate: 'last',
    leakSignal: false,
    description: 'rtloader UntrackedFrees: frees of pointers the accounting never saw (any > 0 is a bug)',
  },
  'go.memstats.heap_inuse': {
    runtime: 'go',
    unit: 'bytes',
    series: 'gauge',
    aggregate: 'max',
    leakSignal: true,
    description: 'Go runtime.MemStats.HeapInuse',
  },
  'go.memstats.heap_alloc': {
    runtime: 'go',
    unit: 'bytes',
    series: 'gauge',
    aggregate: 'max',
    leakSignal: false,
    description: 'Go runtime.MemStats.HeapAlloc',
  },
  'go.memstats.sys': {
    runtime: 'go',
    unit: 'bytes',
    series: 'gauge',
    aggregate: 'max',
    leakSignal: false,
    description: 'Go runtime.MemStats.Sys',
  },
  'go.pprof.inuse_space': {
    runtime: 'go',
    unit: 'bytes',
    series: 'gauge',
    aggregate: 'last',
    leakSignal: false,
    description: 'Go heap profile inuse_space total at the end of the run',
  },
  'go.pprof.alloc_space': {
    runtime: 'go',
    unit: 'bytes',
    series: 'counter',
    aggregate: 'delta',
    leakSignal: false,
    description: 'Go heap profile alloc_space growth between the first and last profile of the run',
  },
  'go.goroutines': {
    runtime: 'go',
    unit: 'count',
    series: 'gauge',
    aggregate: 'last',
    leakSignal: true,
    description: 'Go goroutine count',
  },
} as const satisfies Record<string, MetricInfo>;

/** Catalogue entry for an id; unknown ids are treated as noisy byte gauges of the python runtime. */
export function describeMetric(id: string): MetricInfo {
  const known = (METRICS as Record<string, MetricInfo>)[id];
  if (known) return known;
  const runtime: Runtime = id.startsWith('go.') ? 'go' : id.startsWith('c.') ? 'c' : 'python';
  return { runtime, unit: 'bytes', series: 'gauge', aggregate: 'max', leakSignal: false, description: id };
}

/** Reduce one run's series to the number the regression test compares. */
export function aggregateRun(series: readonly number[], how: RunAggregate): number {
  if (series.length === 0) return NaN;
  switch (how) {
    case 'last':
      return series[series.length - 1];
    case 'max':
      return series.reduce((m, v) => (v > m ? v : m), -Infinity);
    case 'delta':
      return series[series.length - 1] - series[0];
    case 'median':
      return median([...series]);
  }
}
