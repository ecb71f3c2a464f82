/** Byte amounts, 1024-based as tracemalloc and pprof print them. */

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/** `1536` → `1.50 KiB`; negative values keep their sign. */
export function formatBytes(bytes: number): string {
  const sign = bytes < 0 ? '-' : '';
  let v = Math.abs(bytes);
  let i = 0;
  while (v >= 1024 && i < UNITS.length - 1) {
    v /= 1024;
    i++;
  }
  const digits = i === 0 ? 0 : i === 1 ? 2 : 3;
  return `${sign}${v.toFixed(digits)} ${UNITS[i]}`;
}

/** Like formatBytes, with an explicit `+` on growth, for diffs. */
export function formatBytesDelta(bytes: number): string {
  return bytes > 0 ? `+${formatBytes(bytes)}` : formatBytes(bytes);
}

/** A ratio as a signed percentage: 0.053 → `+5.3%`. */
export function formatPercent(ratio: number, digits = 1): string {
  if (!Number.isFinite(ratio)) return ratio > 0 ? '+∞%' : ratio < 0 ? '-∞%' : 'n/a';
  const pct = (ratio * 100).toFixed(digits);
  return ratio > 0 ? `+${pct}%` : `${pct}%`;
}

const SIZE_UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1024,
  kb: 1024,
  kib: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  mib: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
  gib: 1024 ** 3,
};

/**
 * A byte amount as users write it: `16384`, `16KiB`, `16 KiB`, `1.5 MiB`. KB and MB mean KiB and MiB,
 * as in the Agent's tracemalloc options. Returns undefined when the text is not a size.
 */
export function parseBytes(text: string | number): number | undefined {
  if (typeof text === 'number') return Number.isFinite(text) && text >= 0 ? text : undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  if (!m) return undefined;
  const factor = SIZE_UNITS[m[2].toLowerCase()];
  return factor === undefined ? undefined : Math.round(Number(m[1]) * factor);
}

/** A ratio as users write it: `5%` or `0.05`. Returns undefined when the text is not a ratio. */
export function parseRatio(text: string | number): number | undefined {
  if (typeof text === 'number') return Number.isFinite(text) && text >= 0 ? text : undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(text);
  if (!m) return undefined;
  return m[2] ? Number(m[1]) / 100 : Number(m[1]);
}
