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

/**
 * The Mermaid source (without the code fence), or undefined when there is nothing to draw.
 * Sides of different lengths are cut to the shorter so x positions mean the same iteration.
 */
export function renderChart(
  series: ChartSeries,
  opts: { title?: string; maxPoints?: number } = {},
): string | undefined {
  const current = series.current.filter((v) => Number.isFinite(v));
  const baseline = series.baseline?.filter((v) => Number.isFinite(v));
  const hasBaseline = baseline !== undefined && baseline.length > 0;
  const length = hasBaseline ? Math.min(current.length, baseline.length) : current.length;
  if (length < 2) return undefined;
  const idx = sampleIndices(length, opts.maxPoints ?? MAX_POINTS);
  const cur = idx.map((i) => current[i]);
  const base = hasBaseline ? idx.map((i) => baseline[i]) : undefined;
  const { divisor, label } = yScale([...cur, ...(base ?? [])], series.unit);
  const scaled = (vs: number[]) => vs.map((v) => v / divisor);
  const all = [...scaled(cur), ...(base ? scaled(base) : [])];
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  const pad = hi > lo ? (hi - lo) * 0.05 : Math.max(Math.abs(hi) * 0.05, 1);
  lo = Math.floor((lo - pad) * 100) / 100;
  hi = Math.ceil((hi + pad) * 100) / 100;
  if (lo < 0 && Math.min(...all) >= 0) lo = 0;
  const title = escapeMermaidLabel(opts.title ?? series.metric, 80);
  const palette = hasBaseline ? `${BASELINE_COLOUR}, ${CURRENT_COLOUR}` : CURRENT_COLOUR;
  return [
    `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${palette}"}}}}%%`,
    'xychart-beta',
    `  title "${title}"`,
    `  x-axis "iteration" [${idx.map((i) => i + 1).join(', ')}]`,
    `  y-axis "${label}" ${num(lo)} --> ${num(hi)}`,
    ...(base ? [`  line [${scaled(base).map(num).join(', ')}]`] : []),
    `  line [${scaled(cur).map(num).join(', ')}]`,
  ].join('\n');
}

/** The caption under a chart, since xychart-beta draws no legend. */
export function chartCaption(hasBaseline: boolean): string {
  return hasBaseline
    ? 'grey: baseline · red: current (one representative run each)'
    : 'red: current (no baseline)';
}
