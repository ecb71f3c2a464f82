/**
 * Mermaid `xychart-beta` of a metric across check iterations: baseline against current. GitHub
 * renders Mermaid blocks in comments and job summaries. xychart-beta has no legend, so the two
 * lines get fixed colours through an init directive and a caption names them.
 */
import type { ChartSeries } from '../model-verdict.js';
import { escapeMermaidLabel } from './escape.js';

export const MAX_POINTS = 50;
const BASELINE_COLOUR = '#8c8c8c';
const CURRENT_COLOUR = '#d62728';

/** Evenly spaced indices into `length` points, first and last kept, at most `max`. */
export function sampleIndices(length: number, max = MAX_POINTS): number[] {
  if (length <= max) return Array.from({ length }, (_, i) => i);
  const out: number[] = [];
  for (let k = 0; k < max; k++) {
    const i = Math.round((k * (length - 1)) / (max - 1));
    if (out[out.length - 1] !== i) out.push(i);
  }
  return out;
}

const BYTE_SCALES: [number, string][] = [
  [1024 ** 3, 'GiB'],
  [1024 ** 2, 'MiB'],
  [1024, 'KiB'],
  [1, 'B'],
];

/** The divisor and unit name that keep the largest value readable on the y axis. */
export function yScale(
  values: readonly number[],
  unit: ChartSeries['unit'],
): { divisor: number; label: string } {
  if (unit === 'count') return { divisor: 1, label: 'count' };
  const peak = Math.max(0, ...values.map((v) => Math.abs(v)));
  const [divisor, label] = BYTE_SCALES.find(([d]) => peak >= d * 2) ?? [1, 'B'];
  return { divisor, label };
}

function round(v: number): number {
  const r = Math.round(v * 100) / 100;
  return Object.is(r, -0) ? 0 : r;
}

/** A number Mermaid parses (no exponent, no NaN). */
function num(v: number): string {
  return Number.isFinite(v) ? String(round(v)) : '0';
}

/** Running total: what a check that keeps X per run has kept after each run. */
export function cumulative(values: readonly number[]): number[] {
  let sum = 0;
  return values.map((v) => (sum += v));
}

export interface ChartOptions {
  title?: string;
  maxPoints?: number;
  /**
   * Draw the running total. A retained-per-run series of a leak is flat (each run keeps the same
   * X), which reads as "nothing grows"; its running total is what the process really holds.
   */
  cumulative?: boolean;
}

/** What one x position is, written on the axis. */
export const X_AXIS = 'check run (one point each, in one process)';

/**
 * The Mermaid source (without the code fence), or undefined when there is nothing to draw.
 * Sides of different lengths are cut to the shorter so x positions mean the same iteration.
 */
export function renderChart(series: ChartSeries, opts: ChartOptions = {}): string | undefined {
  const shape = (vs: number[]) => (opts.cumulative ? cumulative(vs) : vs);
  const current = shape(series.current.filter((v) => Number.isFinite(v)));
  const raw = series.baseline?.filter((v) => Number.isFinite(v));
  const baseline = raw ? shape(raw) : undefined;
  const hasBaseline = baseline !== undefined && baseline.length > 0;
  const length = hasBaseline ? Math.min(current.length, baseline.length) : current.length;
  if (length < 2) return undefined;
  const idx = sampleIndices(length, opts.maxPoints ?? MAX_POINTS);
  const cur = idx.map((i) => current[i]);
  const base = hasBaseline ? idx.map((i) => baseline[i]) : undefined;
  const { divisor, label } = yScale([...cur, ...(base ?? [])], series.unit);
  const scaled = (vs: number[]) => vs.map((v) => v / divisor);
  const all = [...scaled(cur), ...(base ? scaled(base) : [])];
  const { lo, hi } = yRange(all);
  const title = escapeMermaidLabel(opts.title ?? series.metric, 80);
  const palette = hasBaseline ? `${BASELINE_COLOUR}, ${CURRENT_COLOUR}` : CURRENT_COLOUR;
  return [
    `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${palette}"}}}}%%`,
    'xychart-beta',
    `  title "${title}"`,
    `  x-axis "${X_AXIS}" [${idx.map((i) => i + 1).join(', ')}]`,
    `  y-axis "${label}" ${num(lo)} --> ${num(hi)}`,
    ...(base ? [`  line [${scaled(base).map(num).join(', ')}]`] : []),
    `  line [${scaled(cur).map(num).join(', ')}]`,
  ].join('\n');
}

/**
 * The y range, padded 5% each way. A line of zeros must not sit on the x axis, where it cannot be
 * seen: when the lowest value is 0, the range starts below it. Positive data never gets a
 * negative range otherwise.
 */
export function yRange(values: readonly number[]): { lo: number; hi: number } {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const pad = max > min ? (max - min) * 0.05 : Math.max(Math.abs(max) * 0.05, 1);
  let lo = Math.floor((min - pad) * 100) / 100;
  const hi = Math.ceil((max + pad) * 100) / 100;
  if (lo < 0 && min > 0) lo = 0;
  return { lo, hi };
}

/** The caption under a chart, since xychart-beta draws no legend. */
export function chartCaption(hasBaseline: boolean, isCumulative = false): string {
  const what = isCumulative
    ? 'each point: memory kept by the check runs so far (running total of check_run_alloc)'
    : 'each point: the value after one check run';
  const lines = hasBaseline
    ? 'grey: baseline · red: current (the median process run of each side)'
    : 'red: current (no baseline)';
  return `${lines} · ${what}`;
}
