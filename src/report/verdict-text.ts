/**
 * The verdict as plain text for a terminal (`memgate compare`): one table per check with each metric
 * once (its stories, as in the comment: one value, one change, one verdict), then budgets, the
 * sites that grew and notes. The Markdown renderer (`markdown.ts`) serves the comment and the job
 * summary.
 */
import { fmt } from '../analyze/regression.js';
import { checkId } from '../model.js';
import { formatBytesDelta } from '../units.js';
import type { Verdict } from '../model-verdict.js';
import { creepText } from './creep-section.js';
import { plural } from './format.js';
import { changeCell, verdictText } from './story-cells.js';
import { countMarks, storiesOf, type Mark, type MetricStory } from './stories.js';

const STATUS: Record<string, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL' };
const MARK: Record<Mark, string> = {
  leak: 'LEAK',
  regression: 'FAIL',
  warning: 'WARN',
  improvement: 'IMPROVED',
  untested: 'NOT TESTED',
  pass: 'PASS',
};

function pad(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) =>
    r
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd(),
  );
}

/** The entities the cell renderers emit for Markdown, back to text. */
function plain(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function storyRow(s: MetricStory): string[] {
  const m = s.regression;
  const l = s.leak;
  const rule = m ? `${m.kind}/${m.rule}` : l ? `leak/${l.rule}` : '-';
  return [
    MARK[s.mark] + ((l?.waiver ?? m?.waiver) ? ' (waived)' : ''),
    s.metric,
    rule,
    m?.baseline ? fmt(m.baseline.median, m.unit) : '-',
    m ? fmt(m.current.median, m.unit) : '-',
    plain(changeCell(s)),
  ];
}

/** The headline: only the counts that are not zero. */
function headline(v: Verdict, all: MetricStory[]): string {
  const m = countMarks(all);
  const parts = [
    m.leak > 0 ? plural(m.leak, 'leak') : '',
    m.regression > 0 ? plural(m.regression, 'regression') : '',
    v.counts.budgets > 0 ? `${v.counts.budgets} over budget` : '',
    m.warning > 0 ? plural(m.warning, 'warning') : '',
    m.improvement > 0 ? `${m.improvement} improved` : '',
    m.pass > 0 ? `${m.pass} passed` : '',
    m.untested > 0 ? `${m.untested} not tested` : '',
  ].filter(Boolean);
  return `memgate: ${STATUS[v.status]}: ${parts.join(', ') || 'no metric measured'}`;
}

/** The verdict as plain text: each check's metrics, once each, with why. */
export function renderText(v: Verdict): string {
  const stories = v.checks.map(storiesOf);
  const out: string[] = [headline(v, stories.flat())];
  v.checks.forEach((c, ci) => {
    const p = c.provenance;
    out.push(
      '',
      `${checkId(c.check)}: ${STATUS[c.status]} (baseline: ${p.status}${p.version ? ` ${p.version}` : ''}${p.commit ? ` @ ${p.commit.slice(0, 12)}` : ''}${p.samples !== undefined ? `, ${p.samples} runs` : ''})`,
    );
    if (stories[ci].length) {
      const rows = [
        ['status', 'metric', 'kind', 'baseline', 'current', 'change'],
        ...stories[ci].map(storyRow),
      ];
      out.push(...pad(rows).map((l) => `  ${l}`));
      for (const s of stories[ci]) if (s.mark !== 'pass') out.push(`  - ${s.metric}: ${verdictText(s)}`);
    }
    for (const b of c.budgets) out.push(`  budget ${b.metric}: ${STATUS[b.status]}: ${b.reason}`);
    if (c.sites.length) {
      out.push('', '  top growing sites:');
      for (const s of c.sites)
        out.push(`    ${formatBytesDelta(s.delta).padStart(12)}  ${s.key}${s.isNew ? ' (new)' : ''}`);
    }
    out.push(...creepText(c.creep));
    for (const n of c.notes) out.push(`  note: ${n}`);
  });
  return `${out.join('\n')}\n`;
}
