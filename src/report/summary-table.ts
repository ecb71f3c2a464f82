/**
 * The table at the top of the comment: one row per check (status, the worst metric and its change,
 * why, a link to the check's section), failing checks first. It is what a reader of a 200-check
 * comment sees in five seconds, so truncation never removes a failing or warning row.
 */
import type { CheckVerdict } from '../model-verdict.js';
import { codeCell, escapeText, inlineCode } from './escape.js';
import { formatValue } from './format.js';
import { changeCell, shortWhy } from './story-cells.js';
import { MARK_EMOJI, severity, type MetricStory } from './stories.js';

export const SUMMARY_HEAD = ['', 'Check', 'Worst metric', 'Change', 'Why'];

/** The id a check's section heading carries, so the summary row can link to it. */
export function anchorName(ci: number): string {
  return `memgate-check-${ci}`;
}

export function checkTitle(c: CheckVerdict): string {
  const k = c.check;
  const instance = k.instance ? ` (instance ${inlineCode(k.instance, 80)})` : '';
  return `${inlineCode(k.name, 120)} ${escapeText(k.version)}${instance}`;
}

/** A check's status mark: its worst story's, so a passing check with an untested series is ⚪, not ✅. */
export function checkEmoji(c: CheckVerdict, stories: readonly MetricStory[]): string {
  if (c.status === 'warn') return '⚠️';
  const worst = stories[0];
  if (c.status === 'fail') return worst && worst.status === 'fail' ? MARK_EMOJI[worst.mark] : '❌';
  return worst ? MARK_EMOJI[worst.mark] : '✅';
}

/** The summary rows' order: failing, then warning, then the rest by their worst story. */
export function summaryOrder(checks: readonly { c: CheckVerdict; stories: MetricStory[] }[]): number[] {
  const rank = (i: number) => {
    const { c, stories } = checks[i];
    const status = c.status === 'fail' ? 2 : c.status === 'warn' ? 1 : 0;
    return status * 100 + (stories[0] ? severity(stories[0]) : 0);
  };
  return checks.map((_, i) => i).sort((a, b) => rank(b) - rank(a) || a - b);
}

function budgetRow(c: CheckVerdict): string[] | undefined {
  const b = c.budgets.find((x) => x.status !== 'pass');
  if (!b) return undefined;
  const unit = /count|allocations|goroutines|frees|objects/.test(b.metric) ? 'count' : 'bytes';
  return [
    `💰 ${codeCell(b.metric, 60)}`,
    `peak ${formatValue(b.value, unit)} over ${formatValue(b.limit, unit)}`,
    `over budget${b.status === 'warn' ? ' (warning only)' : ''}`,
  ];
}

/** One row: mark, check (linked when it has a section), worst metric, its change, why. */
export function summaryRow(
  c: CheckVerdict,
  ci: number,
  stories: readonly MetricStory[],
  hasSection: boolean,
): string[] {
  const name = titleCell(c);
  const check = hasSection ? `[${name}](#${anchorName(ci)})` : name;
  const worst = stories[0];
  const findings = stories.filter((s) => s.mark !== 'pass' && s.mark !== 'untested').length;
  const budget = budgetRow(c);
  if (budget && (!worst || worst.status === 'pass')) return [checkEmoji(c, stories), check, ...budget];
  if (!worst)
    return [checkEmoji(c, stories), check, '—', '—', escapeText(c.notes[0] ?? 'no metrics measured')];
  if (worst.mark === 'pass') {
    return [checkEmoji(c, stories), check, '—', '—', `${stories.length} unchanged, no leak`];
  }
  const more = findings > 1 ? ` (+${findings - 1} more)` : '';
  return [
    checkEmoji(c, stories),
    check,
    `${MARK_EMOJI[worst.mark]} ${codeCell(worst.metric, 60)}${more}`,
    changeCell(worst, false),
    shortWhy(worst),
  ];
}

/** The check's name and version for a table cell (a code span cannot sit in a cell safely). */
function titleCell(c: CheckVerdict): string {
  const k = c.check;
  const instance = k.instance ? ` ${codeCell(k.instance, 40)}` : '';
  return `${codeCell(k.name, 80)} ${escapeText(k.version)}${instance}`;
}
