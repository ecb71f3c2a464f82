/**
 * The last lines of the action's log: one per finding, naming the check, the metric and the change,
 * so the reason a job failed is readable where the log ends (plain text, no Markdown).
 */
import { checkId } from '../model.js';
import type { Verdict } from '../model-verdict.js';
import { changeCell, shortWhy } from './story-cells.js';
import { storiesOf } from './stories.js';

const LABEL: Record<string, string> = { leak: 'leak', regression: 'regression', warning: 'warning' };

function plain(text: string): string {
  return text.replace(/\\(.)/g, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** `memgate: FAIL queue_stats@1.3.0 python.pymem.inuse: +12.5% (+3.08 MiB): regression (…)`. */
export function findingLines(v: Verdict): string[] {
  const out: string[] = [];
  for (const c of v.checks) {
    for (const s of storiesOf(c)) {
      if (!(s.mark in LABEL)) continue;
      const level = s.status === 'fail' ? 'FAIL' : 'WARN';
      out.push(
        `memgate: ${level} ${checkId(c.check)} ${s.metric}: ${plain(changeCell(s, false))}: ${plain(shortWhy(s))}`,
      );
    }
    for (const b of c.budgets.filter((x) => x.status !== 'pass'))
      out.push(
        `memgate: ${b.status === 'fail' ? 'FAIL' : 'WARN'} ${checkId(c.check)} ${b.metric}: ${b.reason}`,
      );
  }
  return out;
}
