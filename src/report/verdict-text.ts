/**
 * The verdict as plain text for a terminal (`memgate compare`): one table of metrics and one of
 * leaks per check. The Markdown renderer (`markdown.ts`) serves the comment and the job summary.
 */
import { fmt } from '../analyze/regression.js';
import { checkId } from '../model.js';
import { formatBytesDelta, formatPercent } from '../units.js';
import type { Verdict } from '../model-verdict.js';

const STATUS: Record<string, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL' };

function pad(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) =>
    r
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd(),
  );
}

/** The verdict as plain text: one table of metrics and one of leaks per check. */
export function renderText(v: Verdict): string {
  const out: string[] = [
    `memgate: ${STATUS[v.status]}: ${v.counts.regressions} regression(s), ${v.counts.leaks} leak(s), ${v.counts.budgets} over budget, ${v.counts.improvements} improvement(s)`,
  ];
  for (const c of v.checks) {
    const p = c.provenance;
    out.push(
      '',
      `${checkId(c.check)}: ${STATUS[c.status]} (baseline: ${p.status}${p.version ? ` ${p.version}` : ''}${p.commit ? ` @ ${p.commit.slice(0, 12)}` : ''}${p.samples !== undefined ? `, ${p.samples} runs` : ''})`,
    );
    if (c.metrics.length) {
      const rows = [['metric', 'kind', 'baseline', 'current', 'delta', 'change', 'CI', 'p', 'status']];
      for (const m of c.metrics) {
        rows.push([
          m.metric,
          `${m.kind}/${m.rule}`,
          m.baseline ? fmt(m.baseline.median, m.unit) : '-',
          fmt(m.current.median, m.unit),
          m.delta === undefined ? '-' : m.unit === 'bytes' ? formatBytesDelta(m.delta) : String(m.delta),
          m.relative === undefined ? '-' : formatPercent(m.relative),
          m.ci ? `[${formatPercent(m.ci.low)}, ${formatPercent(m.ci.high)}]` : '-',
          m.p === undefined ? '-' : m.p.toPrecision(2),
          STATUS[m.status] + (m.waiver ? ' (waived)' : ''),
        ]);
      }
      out.push(...pad(rows).map((l) => `  ${l}`));
      for (const m of c.metrics)
        if (m.status !== 'pass' || m.change !== 'unchanged') out.push(`  - ${m.metric}: ${m.reason}`);
    }
    if (c.leaks.length) {
      const rows = [['leak signal', 'rule', 'per iteration', 'runs', 'status']];
      for (const l of c.leaks)
        rows.push([
          l.metric,
          l.rule,
          fmt(l.perIteration, l.unit),
          `${l.runsLeaking}/${l.runsTotal}`,
          STATUS[l.status] + (l.waiver ? ' (waived)' : ''),
        ]);
      out.push('', ...pad(rows).map((l) => `  ${l}`));
      for (const l of c.leaks) out.push(`  - ${l.metric}: ${l.reason}`);
    }
    for (const b of c.budgets) out.push(`  budget ${b.metric}: ${STATUS[b.status]}: ${b.reason}`);
    if (c.sites.length) {
      out.push('', '  top growing sites:');
      for (const s of c.sites)
        out.push(`    ${formatBytesDelta(s.delta).padStart(12)}  ${s.key}${s.isNew ? ' (new)' : ''}`);
    }
    for (const n of c.notes) out.push(`  note: ${n}`);
  }
  return `${out.join('\n')}\n`;
}
