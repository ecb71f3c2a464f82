/**
 * A MemoryReport as plain text for a terminal (`memgate run`): a few lines per check, each metric's
 * per-run aggregates and the top allocation sites. The verdict's is `verdict-text.ts`.
 */
import { describeMetric } from '../metrics.js';
import type { MemoryReport } from '../model.js';
import { formatBytes } from '../units.js';

/** A few lines per check: each metric's per-run aggregates, and the top allocation sites. */
export function renderReportText(report: MemoryReport): string {
  const lines: string[] = [];
  for (const c of report.checks) {
    const runs = Math.max(0, ...Object.values(c.metrics).map((m) => m.runs.length));
    lines.push(
      `${c.check.name}@${c.check.version}${c.check.instance ? `#${c.check.instance}` : ''}: ${runs} runs`,
    );
    for (const [id, m] of Object.entries(c.metrics)) {
      const info = describeMetric(id);
      const show = (v: number) => (info.unit === 'bytes' ? formatBytes(v) : String(Math.round(v)));
      const points = m.runs.reduce((n, r) => n + r.series.length, 0);
      lines.push(`  ${id.padEnd(28)} ${m.runs.map((r) => show(r.value)).join(', ')}  (${points} points)`);
    }
    const top = [...c.sites]
      .sort((a, b) => b.bytes.reduce((x, y) => x + y, 0) - a.bytes.reduce((x, y) => x + y, 0))
      .slice(0, 3);
    for (const s of top) lines.push(`  site ${s.key}: ${s.bytes.map(formatBytes).join(', ')}`);
    for (const n of c.notes) lines.push(`  note: ${n}`);
  }
  return `${lines.join('\n')}\n`;
}
