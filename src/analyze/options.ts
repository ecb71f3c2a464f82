/**
 * Profiling options decide what the Python numbers mean (formats/python-tracemalloc.md): with gc off,
 * cyclic garbage shows in check_run_alloc; `combine` totals double-count caller frames; `filters`,
 * `verbose` and `unit` change which traces are summed and how precisely; `frames` and `sort` change
 * how sites are keyed. A baseline and a head captured with different values of an option are not
 * compared on what that option affects, and the verdict names the difference.
 */
import type { Known, ProfilingOptions } from '../model.js';

const ALLOC = 'python.check_run_alloc';

/** What each option changes: the metrics whose values it affects, and whether it changes site keys. */
export const OPTION_EFFECTS: Record<keyof ProfilingOptions, { metrics: string[]; sites: boolean }> = {
  gc: { metrics: [ALLOC], sites: true },
  combine: { metrics: [ALLOC], sites: true },
  filters: { metrics: [ALLOC], sites: true },
  verbose: { metrics: [ALLOC], sites: true },
  unit: { metrics: [ALLOC], sites: true },
  frames: { metrics: [], sites: true },
  sort: { metrics: [], sites: true },
  limit: { metrics: [], sites: true },
  diff: { metrics: [], sites: false },
};

/** The option as the Agent's flag spells it (`--m-gc 1`). */
function flagValue(v: Known<string | number | boolean>): string {
  return typeof v === 'boolean' ? (v ? '1' : '0') : String(v);
}

export interface OptionDifference {
  option: keyof ProfilingOptions;
  baseline: string;
  head: string;
}

/** Options known on both sides with different values. */
export function optionDifferences(
  baseline: ProfilingOptions | undefined,
  head: ProfilingOptions | undefined,
): OptionDifference[] {
  if (!baseline || !head) return [];
  const out: OptionDifference[] = [];
  for (const option of Object.keys(OPTION_EFFECTS) as (keyof ProfilingOptions)[]) {
    const b = baseline[option];
    const h = head[option];
    if (b === 'unknown' || h === 'unknown' || b === h) continue;
    out.push({ option, baseline: flagValue(b), head: flagValue(h) });
  }
  return out;
}

export interface NotCompared {
  /** Metrics whose regression is not judged. */
  metrics: Set<string>;
  /** Metrics judged neither for regression nor for leaks (combine totals). */
  neverGated: Set<string>;
  /** True when site keys differ between the sides. */
  sites: boolean;
  notes: string[];
}

/** What the options of the two sides rule out, with one note per reason. */
export function notCompared(
  baseline: ProfilingOptions | undefined,
  head: ProfilingOptions | undefined,
): NotCompared {
  const out: NotCompared = { metrics: new Set(), neverGated: new Set(), sites: false, notes: [] };
  if (head?.combine === true || baseline?.combine === true) {
    out.neverGated.add(ALLOC);
    out.metrics.add(ALLOC);
    out.notes.push(
      `captured with combine=1: the ${ALLOC} totals double-count caller frames and are never gated`,
    );
  }
  for (const d of optionDifferences(baseline, head)) {
    const effect = OPTION_EFFECTS[d.option];
    for (const m of effect.metrics) out.metrics.add(m);
    out.sites ||= effect.sites;
    const what = [...effect.metrics, ...(effect.sites ? ['allocation sites'] : [])];
    if (what.length === 0) continue;
    out.notes.push(
      `baseline ${d.option}=${d.baseline}, head ${d.option}=${d.head}: ${what.join(', ')} not compared`,
    );
  }
  return out;
}
