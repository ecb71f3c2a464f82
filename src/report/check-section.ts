/**
 * One check's section of the comment: its baseline, its leaks and changes (each metric once), the
 * allocation sites that explain them, its charts, budgets and notes, and the rest folded away.
 * Every unit that truncation may drop has an id (see `markdown.ts`), checked against `ctx.dropped`.
 */
import { markdownTable } from 'markdown-table';

import { explainingSites, HOLDERS } from '../analyze/sites.js';
import { describeMetric } from '../metrics.js';
import type { Runtime } from '../model.js';
import type { BudgetVerdict, ChartSeries, CheckVerdict, SiteDelta } from '../model-verdict.js';
import { chartCaption, renderChart } from './chart.js';
import { codeCell, escapeCell, escapeHtml, escapeText } from './escape.js';
import { formatCount, formatDelta, formatValue, plural, runtimeName } from './format.js';
import { commitLink, siteUrl, type RepoLinks } from './links.js';
import { changeCell, valueCell, verdictCell, waiverText } from './story-cells.js';
import { MARK_EMOJI, type MetricStory, type Place } from './stories.js';
import { anchorName, checkEmoji, checkTitle } from './summary-table.js';
import type { BaselineProvenance } from '../baseline/types.js';

export interface Ctx {
  dropped: ReadonlySet<string>;
  links?: RepoLinks;
  /** Chart ids (`C:ci:k`) within the comment's chart budget. */
  charts: ReadonlySet<string>;
}

export const STORY_HEAD = ['', 'Metric', 'Runtime', 'Baseline → current', 'Change', 'Verdict'];

export function table(head: string[], rows: string[][]): string {
  return markdownTable([head, ...rows], { alignDelimiters: false });
}

export function omittedLine(n: number): string {
  return `_… ${plural(n, 'row')} omitted to fit the size limit._`;
}

export function storyCells(s: MetricStory): string[] {
  return [codeCell(s.metric, 80), runtimeName(s.runtime), valueCell(s), changeCell(s), verdictCell(s)];
}

/** Stories with their drop ids, those of one place only. */
function placed(stories: readonly MetricStory[], ci: number, place: Place, prefix: string) {
  return stories.map((s, si) => ({ s, id: `${prefix}:${ci}:${si}` })).filter(({ s }) => s.place === place);
}

/** What a section lost to truncation, said once at its end. */
interface Lost {
  rows: number;
}

function storyTable(items: { s: MetricStory; id: string }[], ctx: Ctx, lost: Lost, title = ''): string[] {
  const kept = items.filter(({ id }) => !ctx.dropped.has(id));
  lost.rows += items.length - kept.length;
  if (kept.length === 0) return [];
  const rows = kept.map(({ s }) => [MARK_EMOJI[s.mark], ...storyCells(s)]);
  return [...(title ? [title, ''] : []), table(STORY_HEAD, rows), ''];
}

export function checkSection(c: CheckVerdict, ci: number, stories: MetricStory[], ctx: Ctx): string[] {
  const lost: Lost = { rows: 0 };
  const out = [
    `### <a name="${anchorName(ci)}"></a>${checkEmoji(c, stories)} ${checkTitle(c)}`,
    '',
    provenanceLine(c.provenance, ctx.links),
    '',
  ];
  out.push(...storyTable(placed(stories, ci, 'leaks', 'M'), ctx, lost, '**🩸 Leaks**'));
  out.push(...storyTable(placed(stories, ci, 'changes', 'M'), ctx, lost, '**Changes against the baseline**'));
  out.push(...whereLines(c, ci, stories, ctx, lost));
  out.push(...budgetTable(c.budgets, ci, ctx, lost));
  out.push(...sitesBlock(c, ci, ctx, lost));
  out.push(...chartBlocks(c, ci, stories, ctx));
  if (c.notes.length > 0) out.push('**Notes**', '', ...c.notes.map((n) => `- ${escapeText(n)}`), '');
  out.push(...detailsBlock(stories, ci, ctx, lost));
  if (lost.rows > 0) out.push(omittedLine(lost.rows), '');
  return out;
}

function detailsBlock(stories: MetricStory[], ci: number, ctx: Ctx, lost: Lost): string[] {
  const items = placed(stories, ci, 'details', 'D');
  if (items.every(({ id }) => ctx.dropped.has(id))) {
    lost.rows += items.length;
    return [];
  }
  const untested = items.filter(({ s }) => s.mark === 'untested').length;
  const what = [
    items.length - untested > 0 ? `${items.length - untested} passed` : '',
    untested > 0 ? `${untested} not tested` : '',
  ].filter(Boolean);
  return [
    `<details><summary>${escapeHtml(`${plural(items.length, 'other metric')}: ${what.join(', ')}`)}</summary>`,
    '',
    ...storyTable(items, ctx, lost),
    '</details>',
    '',
  ];
}

/** The stories a reader must act on, each with the sites whose growth explains it. */
function whereLines(c: CheckVerdict, ci: number, stories: MetricStory[], ctx: Ctx, lost: Lost): string[] {
  const lines: string[] = [];
  stories.forEach((s, si) => {
    if (!['leak', 'regression', 'warning'].includes(s.mark)) return;
    if (ctx.dropped.has(`W:${ci}:${si}`)) {
      lost.rows++;
      return;
    }
    const change = explainedChange(s, c.sites);
    const sites = explainingSites(c.sites, s.runtime, change.amount);
    if (sites.length === 0) return;
    const list = sites.map(({ site, share }) => {
      const of = !change.ofMetric
        ? ''
        : share >= 1
          ? ' (all of the change)'
          : ` (${Math.round(share * 100)}% of the change)`;
      return `${siteLink(site, ctx.links)} ${formatDelta(site.delta, 'bytes')}${of}`;
    });
    lines.push(`- ${MARK_EMOJI[s.mark]} ${codeCell(s.metric, 80)} grew at ${list.join(', ')}`);
  });
  return lines.length > 0 ? ['**Where**', '', ...lines, ''] : [];
}

/** How much a story's metric grew, in bytes, for the sites to explain; else the sites' own growth. */
function explainedChange(s: MetricStory, sites: readonly SiteDelta[]): { amount: number; ofMetric: boolean } {
  const d = s.regression?.delta;
  if (s.unit === 'bytes' && d !== undefined && d > 0) return { amount: d, ofMetric: true };
  if (s.unit === 'bytes' && s.leak?.rule === 'trend' && s.leak.growth > 0)
    return { amount: s.leak.growth, ofMetric: true };
  const total = sites
    .filter((x) => x.delta > 0 && HOLDERS[s.runtime].includes(x.runtime))
    .reduce((t, x) => t + x.delta, 0);
  return { amount: total, ofMetric: false };
}

function siteLink(s: SiteDelta, links: RepoLinks | undefined): string {
  const where = s.line === undefined ? s.file : `${s.file}:${s.line}`;
  const code = codeCell(where, 140);
  const url = siteUrl(links, s.file, s.line);
  return url ? `[${code}](${url})` : code;
}

const BUDGET_HEAD = ['', 'Budget metric', 'Budget', 'Peak', 'Why'];

function budgetTable(budgets: BudgetVerdict[], ci: number, ctx: Ctx, lost: Lost): string[] {
  const kept = budgets.filter((_, bi) => !ctx.dropped.has(`B:${ci}:${bi}`));
  lost.rows += budgets.length - kept.length;
  const out: string[] = [];
  if (kept.length > 0) {
    out.push('**💰 Budgets**', '');
    const rows = kept.map((b) => {
      const unit = /count|allocations|goroutines|frees|objects/.test(b.metric) ? 'count' : 'bytes';
      return [
        b.status === 'fail' ? '❌' : b.status === 'warn' ? '⚠️' : '✅',
        codeCell(b.metric, 80),
        formatValue(b.limit, unit),
        formatValue(b.value, unit),
        escapeCell(b.reason) + waiverText(b.waiver),
      ];
    });
    out.push(table(BUDGET_HEAD, rows), '');
  }
  return out;
}

export function growing(sites: readonly SiteDelta[]): { s: SiteDelta; si: number }[] {
  return sites.map((s, si) => ({ s, si })).filter(({ s }) => s.delta > 0);
}

function sitesBlock(c: CheckVerdict, ci: number, ctx: Ctx, lost: Lost): string[] {
  const all = growing(c.sites).map(({ s, si }) => ({ s, id: `S:${ci}:${si}` }));
  const keptAll = all.filter(({ id }) => !ctx.dropped.has(id));
  lost.rows += all.length - keptAll.length;
  if (keptAll.length === 0) return [];
  const out = ['**Allocation sites that grew**', ''];
  const count = (s: SiteDelta) => (s.countDelta === undefined ? '—' : formatCount(s.countDelta, true));
  const groups: [Runtime[], (s: SiteDelta) => string[], string[]][] = [
    [
      ['python', 'c'],
      (s) => [
        siteCell(s, ctx),
        s.source ? codeCell(s.source.trim(), 100) : '',
        formatDelta(s.delta, 'bytes'),
        count(s),
      ],
      ['Site', 'Source', 'Δ bytes', 'Δ count'],
    ],
    [
      ['go'],
      (s) => [codeCell(s.function ?? '?', 120), siteCell(s, ctx), formatDelta(s.delta, 'bytes'), count(s)],
      ['Function', 'Site', 'Δ bytes', 'Δ count'],
    ],
  ];
  let omitted = 0;
  for (const [runtimes, cells, head] of groups) {
    const items = all.filter(({ s }) => runtimes.includes(s.runtime));
    const kept = items.filter(({ id }) => !ctx.dropped.has(id));
    omitted += items.length - kept.length;
    if (kept.length > 0)
      out.push(
        table(
          head,
          kept.map(({ s }) => cells(s)),
        ),
        '',
      );
  }
  if (omitted > 0) out.push(omittedLine(omitted), '');
  return out;
}

function siteCell(s: SiteDelta, ctx: Ctx): string {
  return `${siteLink(s, ctx.links)}${s.isNew ? ' 🆕' : ''}`;
}

/**
 * The charts of a check that a reader must look at: only metrics with a leak or change story (a
 * chart under "no leak" that rises would contradict the verdict). A retained-per-run leak draws
 * its running total, so a leak always draws as growth.
 */
export function chartsFor(c: CheckVerdict, stories: readonly MetricStory[]): ChartSeries[] {
  const flagged = stories
    .filter((s) => ['leak', 'regression', 'warning'].includes(s.mark))
    .map((s) => s.metric);
  return c.charts.filter((s) => s.current.length >= 2 && flagged.includes(s.metric));
}

function chartBlocks(c: CheckVerdict, ci: number, stories: MetricStory[], ctx: Ctx): string[] {
  const out: string[] = [];
  chartsFor(c, stories).forEach((s, k) => {
    const id = `C:${ci}:${k}`;
    if (!ctx.charts.has(id) || ctx.dropped.has(id)) return;
    const story = stories.find((x) => x.metric === s.metric);
    const isCumulative = story?.leak?.rule === 'retained' && describeMetric(s.metric).series === 'retained';
    const title = isCumulative ? `${s.metric}: kept so far` : `${s.metric} per check run`;
    const src = renderChart(s, { title, cumulative: isCumulative });
    if (src)
      out.push(
        '```mermaid',
        src,
        '```',
        `<sub>${chartCaption(!!s.baseline?.length, isCumulative)}</sub>`,
        '',
      );
  });
  return out;
}

export function provenanceLine(p: BaselineProvenance, links: RepoLinks | undefined): string {
  const requested = escapeText(p.requestedVersion);
  const facts = [
    p.commit ? `commit ${commitLink(links, p.commit)}` : '',
    p.ageDays !== undefined ? age(p.ageDays) : '',
    p.samples !== undefined ? plural(p.samples, 'run') : '',
    p.entries !== undefined ? `from ${plural(p.entries, 'merged commit')}` : '',
    p.ancestry ? ancestryFact(p.ancestry, links) : '',
  ].filter(Boolean);
  const at = facts.length > 0 ? ` (${facts.join(', ')})` : '';
  switch (p.status) {
    case 'exact':
      return `Baseline: ${escapeText(p.version ?? p.requestedVersion)}${at}.`;
    case 'fallback':
      return `Baseline: ⚠️ compared with ${escapeText(p.version ?? '?')}'s baseline (no baseline for ${requested} yet)${
        facts.length > 0 ? `: ${facts.join(', ')}` : ''
      }.`;
    case 'none':
      return `Baseline: 🆕 no baseline for ${requested}: this run becomes the first once it lands on the default branch.`;
    case 'paired':
      return `Baseline: ${escapeText(p.message ?? 'paired A/B in this job')}.`;
    case 'unreadable':
      return `Baseline: ⚠️ unreadable: ${escapeText(p.message ?? 'no reason given')}. Nothing was compared, and nothing will be overwritten.`;
  }
}

/** How the baseline relates to the PR's merge-base: main may have moved past the PR's base. */
function ancestryFact(a: { mergeBase: string; distance: number }, links: RepoLinks | undefined): string {
  const base = commitLink(links, a.mergeBase);
  if (a.distance === 0) return `at the merge-base ${base}`;
  if (a.distance > 0) return `${plural(a.distance, 'commit')} before the merge-base ${base}`;
  return `no stored ancestor of the merge-base ${base}: the newest entry was used`;
}

function age(days: number): string {
  if (days < 1) return 'less than a day old';
  const d = Math.floor(days);
  return `${d} ${d === 1 ? 'day' : 'days'} old`;
}
