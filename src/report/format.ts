/**
 * Numbers as the report prints them: byte amounts, counts, percentages and p-values. One place, so
 * the summary table, the check sections and the details say the same number the same way.
 */
import type { MetricUnit } from '../metrics.js';
import type { Runtime } from '../model.js';
import { formatBytes, formatBytesDelta, formatPercent } from '../units.js';

const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

export function formatCount(n: number, signed = false): string {
  const text = COUNT.format(n);
  return signed && n > 0 ? `+${text}` : text;
}

export function formatValue(v: number, unit: MetricUnit): string {
  return unit === 'bytes' ? formatBytes(v) : formatCount(v);
}

export function formatDelta(v: number, unit: MetricUnit): string {
  return unit === 'bytes' ? formatBytesDelta(v) : formatCount(v, true);
}

export function spread(median: number, mad: number, unit: MetricUnit): string {
  return mad > 0 ? `${formatValue(median, unit)} ± ${formatValue(mad, unit)}` : formatValue(median, unit);
}

/** A p-value for Markdown (`<` is an entity so it never opens a tag). */
export function formatP(p: number): string {
  return p < 0.001 ? '&lt; 0.001' : p.toFixed(3);
}

/**
 * A relative change, or undefined when it has no finite value: a baseline of 0 makes the ratio
 * infinite (or `null`, once the analysis says so itself), and the report then says "from 0 B to …".
 */
export function finiteRatio(relative: number | null | undefined): number | undefined {
  return typeof relative === 'number' && Number.isFinite(relative) ? relative : undefined;
}

export function percent(ratio: number): string {
  return formatPercent(ratio);
}

export function pct(level: number): string {
  return `${Math.round(level * 100)}%`;
}

export function runtimeName(r: Runtime): string {
  return r === 'python' ? 'Python' : r === 'go' ? 'Go' : 'C';
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
