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
