/**
 * Differential flame graphs as standalone SVG (Brendan Gregg's "red/blue differential flame
 * graph"): each box is a frame, stacked root at the bottom; its width is the head (current) size,
 * its colour the change against the baseline (red grew, blue shrank, the deeper the larger the
 * change relative to the box), and hovering shows a `<title>` with the function, `file:line`, and
 * the head, base and delta amounts. Pure: stacks in, SVG text out.
 *
 * Stacks come from Go heap profiles (every sample's call stack, inlined frames included), from
 * Python tracemalloc statistics that carry a traceback (captured with frames > 1), or, with no
 * stacks at hand, from a MemoryReport's allocation sites (check → runtime → file → site).
 */
import { sampleTypeIndex, type PprofProfile } from '../collect/pprof.js';
import type { TracemallocStat } from '../collect/tracemalloc.js';
import { median } from '../analyze/stats.js';
import { MemgateError } from '../errors.js';
import { checkId, type CheckReport } from '../model.js';
import { formatBytes } from '../units.js';

export interface FlameFrame {
  name: string;
  file: string;
  line: number;
}

/** One call stack, root first, with its amount in the baseline and in the head. */
export interface FlameStack {
  frames: FlameFrame[];
  base: number;
  head: number;
}

export interface FlameNode {
  frame?: FlameFrame;
  base: number;
  head: number;
  children: FlameNode[];
}

/* ------------------------------------------------------------------ stacks */

/**
 * head − base stacks of two Go profiles for one sample type (default: head's default, e.g.
 * inuse_space). Samples with the same stack are summed first, so millions of samples cost one pass.
 */
export function goFlameStacks(
  base: PprofProfile,
  head: PprofProfile,
  sampleIndex?: string,
): { stacks: FlameStack[]; sampleType: string; unit: string } {
  const t = sampleTypeIndex(head, sampleIndex);
  const { type, unit } = head.sampleTypes[t];
  const bySide = new Map<string, { frames: FlameFrame[]; base: number; head: number }>();
  const add = (p: PprofProfile, side: 'base' | 'head'): void => {
    const ti = side === 'head' ? t : sampleTypeIndex(p, type);
    const width = p.sampleTypes.length;
    for (let s = 0; s < p.sampleCount; s++) {
      const v = p.values[s * width + ti];
      if (v === 0) continue;
      const locs = p.stacks.subarray(p.stackStart[s], p.stackStart[s + 1]);
      // Leaf first in the profile, innermost inlined frame first per location: reverse both.
      const frames = [...locs].reverse().flatMap((l) => [...p.locations[l]].reverse());
      const key = frames.map((f) => `${f.function}\u0000${f.file}\u0000${f.line}`).join('\u0001');
      let entry = bySide.get(key);
      if (!entry) {
        entry = {
          frames: frames.map((f) => ({ name: f.function, file: f.file, line: f.line })),
          base: 0,
          head: 0,
        };
        bySide.set(key, entry);
      }
      entry[side] += v;
    }
  };
  add(base, 'base');
  add(head, 'head');
  return { stacks: [...bySide.values()], sampleType: type, unit };
}

function pythonFrame(fileLine: string): FlameFrame {
  const m = /^(.*):(\d+)$/.exec(fileLine);
  const file = m ? m[1] : fileLine;
  const line = m ? Number(m[2]) : 0;
  // Tracebacks name no function: the file's base name and line say which box is which.
  return { name: `${file.split('/').pop() ?? file}:${line}`, file, line };
}

/**
 * Stacks of two tracemalloc statistics lists whose rows carry tracebacks (oldest frame first).
 * Throws when neither side has a traceback deeper than one frame: the flame graph needs frames > 1.
 */
export function pythonFlameStacks(
  base: readonly TracemallocStat[],
  head: readonly TracemallocStat[],
): FlameStack[] {
  const deep = [...base, ...head].some((s) => (s.trace?.length ?? 0) > 1);
  if (!deep)
    throw new MemgateError(
      'no traceback deeper than one frame: capture with --m-frames > 1 and print tracebacks to draw a flame graph',
      'flame graph',
    );
  const byKey = new Map<string, FlameStack>();
  const add = (stats: readonly TracemallocStat[], side: 'base' | 'head'): void => {
    for (const s of stats) {
      const trace = s.trace ?? [`${s.file}:${s.line ?? 0}`];
      const key = trace.join('\u0001');
      const entry = byKey.get(key) ?? { frames: trace.map(pythonFrame), base: 0, head: 0 };
      entry[side] += s.size;
      byKey.set(key, entry);
    }
  };
  add(base, 'base');
  add(head, 'head');
  return [...byKey.values()];
}

/** Merge stacks into a tree; children sorted by name (the flame graph convention), root first. */
export function flameTree(stacks: readonly FlameStack[]): FlameNode {
  type Building = { frame?: FlameFrame; base: number; head: number; kids: Map<string, Building> };
  const root: Building = { base: 0, head: 0, kids: new Map() };
  for (const s of stacks) {
    let node = root;
    node.base += s.base;
    node.head += s.head;
    for (const f of s.frames) {
      const key = `${f.name}\u0000${f.file}\u0000${f.line}`;
      let next = node.kids.get(key);
      if (!next) {
        next = { frame: f, base: 0, head: 0, kids: new Map() };
        node.kids.set(key, next);
      }
      next.base += s.base;
      next.head += s.head;
      node = next;
    }
  }
  const freeze = (b: Building): FlameNode => ({
    ...(b.frame ? { frame: b.frame } : {}),
    base: b.base,
    head: b.head,
    children: [...b.kids.values()]
      .map(freeze)
      .sort((x, y) =>
        x.frame!.name < y.frame!.name
          ? -1
          : x.frame!.name > y.frame!.name
            ? 1
            : x.frame!.line - y.frame!.line,
      ),
  });
  return freeze(root);
}

/* ------------------------------------------------------------------ SVG */

const W = 1200;
const PAD = 10;
const ROW = 17;
const HEADER = 44;
const CHAR = 7;
/** Boxes narrower than this are not drawn. */
const MIN_PX = 0.3;

function xml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;')
      // XML 1.0 forbids these control characters even as references.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
  );
}

function amount(unit: string, v: number): string {
  return unit === 'bytes' ? formatBytes(v) : `${Math.round(v)} ${unit}`;
}

function delta(unit: string, d: number): string {
  return `${d > 0 ? '+' : d < 0 ? '-' : '±'}${amount(unit, Math.abs(d))}`;
}

/** The exact figure next to the rounded one, so the hover text can be checked against a profile. */
function exact(unit: string, v: number): string {
  return `${v > 0 ? '+' : ''}${Math.round(v)} ${unit}`;
}

/** Red for growth, blue for shrink, by the change relative to the larger side; pale when unchanged. */
export function flameColor(base: number, head: number): string {
  const span = Math.max(Math.abs(base), Math.abs(head));
  const r = span === 0 ? 0 : (head - base) / span;
  const k = Math.min(1, Math.abs(r));
  const strong = Math.round(255 - 190 * k);
  const light = Math.round(235 - 60 * k);
  if (r > 0.005) return `rgb(255,${strong},${strong})`;
  if (r < -0.005) return `rgb(${strong},${strong},255)`;
  return `rgb(${light + 10},${light + 5},${light - 15})`;
}

function nodeTitle(n: FlameNode, unit: string): string {
  const where = n.frame ? `${n.frame.name}\n${n.frame.file}:${n.frame.line}` : 'all';
  const d = n.head - n.base;
  const pct =
    n.base > 0 ? ` (${d >= 0 ? '+' : ''}${((d / n.base) * 100).toFixed(1)}%)` : n.head > 0 ? ' (new)' : '';
  return `${where}\nhead ${amount(unit, n.head)}, base ${amount(unit, n.base)}, ${delta(unit, d)}${pct} [${exact(unit, d)}]`;
}

/** Levels above `n` that are drawn (boxes of at least `minHead` head). */
function depthOf(n: FlameNode, minHead: number): number {
  return n.children.reduce((d, c) => (c.head < minHead ? d : Math.max(d, 1 + depthOf(c, minHead))), 0);
}

/** The differential flame graph of `stacks` as a standalone SVG document. */
export function renderFlameGraph(
  stacks: readonly FlameStack[],
  opts: { title: string; unit: string; subtitle?: string },
): string {
  const root = flameTree(stacks);
  const scale = root.head > 0 ? (W - 2 * PAD) / root.head : 0;
  const depth = depthOf(root, scale > 0 ? MIN_PX / scale : Infinity) + 1;
  const height = HEADER + depth * ROW + PAD;
  const boxes: string[] = [];
  const draw = (n: FlameNode, x: number, level: number): void => {
    const w = n.head * scale;
    if (w < MIN_PX) return;
    const y = height - PAD - (level + 1) * ROW;
    const label = n.frame ? n.frame.name : 'all';
    const fit = Math.floor((w - 6) / CHAR);
    const text = fit >= 3 ? (label.length > fit ? `${label.slice(0, fit - 2)}..` : label) : '';
    boxes.push(
      `<g><title>${xml(nodeTitle(n, opts.unit))}</title><rect x="${x.toFixed(2)}" y="${y}" width="${w.toFixed(2)}" height="${ROW - 1}" rx="2" fill="${flameColor(n.base, n.head)}"/>` +
        (text ? `<text x="${(x + 3).toFixed(2)}" y="${y + ROW - 5}">${xml(text)}</text>` : '') +
        '</g>',
    );
    let cx = x;
    for (const c of n.children) {
      draw(c, cx, level + 1);
      cx += c.head * scale;
    }
  };
  draw(root, PAD, 0);
  const sub =
    opts.subtitle ??
    `width = head, colour = change against the baseline (red grew, blue shrank); total ${delta(opts.unit, root.head - root.base)}`;
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${height}" viewBox="0 0 ${W} ${height}" font-family="Verdana, sans-serif" font-size="12">`,
    `<style>g:hover rect { stroke: #000; stroke-width: 1; } g text { pointer-events: none; fill: #000; }</style>`,
    `<rect width="100%" height="100%" fill="#fafafa"/>`,
    `<text x="${W / 2}" y="20" text-anchor="middle" font-size="16">${xml(opts.title)}</text>`,
    `<text x="${W / 2}" y="36" text-anchor="middle" fill="#555">${xml(sub)}</text>`,
    ...(root.head > 0
      ? boxes
      : [`<text x="${PAD}" y="${HEADER + ROW}">nothing held in the head profile</text>`]),
    '</svg>',
    '',
  ].join('\n');
}

/**
 * Stacks from a MemoryReport's allocation sites, for `compare --flamegraph`: a report keeps no call
 * stacks, so each site hangs under its check, runtime and file (check → runtime → file → function
 * or line), sized
 * by the median bytes it held over the runs, against the same site in the baseline.
 */
export function siteFlameStacks(base: CheckReport | undefined, head: CheckReport): FlameStack[] {
  const byKey = new Map<string, FlameStack>();
  const add = (c: CheckReport, side: 'base' | 'head'): void => {
    for (const s of c.sites) {
      const key = `${s.runtime}\u0000${s.key}`;
      const leaf = s.function ?? `${s.file.split('/').pop() ?? s.file}:${s.line ?? 0}`;
      const frames: FlameFrame[] = [
        { name: checkId(head.check), file: '', line: 0 },
        { name: s.runtime, file: '', line: 0 },
        { name: s.file, file: s.file, line: 0 },
        { name: leaf, file: s.file, line: s.line ?? 0 },
      ];
      const entry = byKey.get(key) ?? { frames, base: 0, head: 0 };
      entry[side] += median(s.bytes);
      byKey.set(key, entry);
    }
  };
  if (base) add(base, 'base');
  add(head, 'head');
  return [...byKey.values()];
}
