/**
 * The PR comment (and job summary) as Markdown, rendered from a Verdict and nothing else.
 *
 * Layout, modelled on size-limit-action / CodSpeed / Datadog's regression detector: verdict first,
 * then one section per check that needs a reader's eyes (failed, warned, changed, or with an unusual
 * baseline), and everything unchanged folded into `<details>`. Every string that comes from the
 * checked code goes through `escape.ts`.
 *
 * Size: GitHub rejects comments over 65,536 characters. Rows are dropped least important first
 * (unchanged detail, then allocation sites, then charts, then changed rows, then whole checks),
 * found by binary search over how many to drop, and every table says how many rows it lost.
 */
import { markdownTable } from 'markdown-table';

import type { BaselineProvenance } from '../baseline/types.js';
import type { Runtime } from '../model.js';
import { formatBytes, formatBytesDelta, formatPercent } from '../units.js';
import type { MetricUnit } from '../metrics.js';
import type {
  BudgetVerdict,
  ChartSeries,
  CheckVerdict,
  LeakVerdict,
  MetricVerdict,
  SiteDelta,
  Verdict,
  Waiver,
} from '../model-verdict.js';
import { chartCaption, renderChart } from './chart.js';
import { codeCell, escapeCell, escapeHtml, escapeText, inlineCode, markerKey, safeUrl } from './escape.js';

export const DEFAULT_MAX_CHARS = 60_000;
/** Charts drawn per check at most; more would bury the tables. */
const MAX_CHARTS_PER_CHECK = 2;

export interface RenderOptions {
  /** Sticky-comment key: one comment per workflow/job key. */
  key: string;
  /** memgate's version, for the footer. */
  version: string;
  /** The command that reproduces this run locally, shown in the footer. */
  reproduce?: string;
  /** Link to the workflow run. */
  runUrl?: string;
  /** Say that this PR comes from a fork, so the comment could not be posted by this job. */
  forkNotice?: boolean;
  /** Size cap, in the unit `measure` counts (default: 60,000 characters). */
  maxChars?: number;
  /** How size is counted; the job summary counts UTF-8 bytes. */
  measure?: (text: string) => number;
}

/** The hidden marker that makes the comment sticky; always the first line of the body. */
export function commentMarker(key: string): string {
  return `<!-- memgate:${markerKey(key)} -->`;
}

/** The short body an `on-change` comment is shrunk to once everything passes again. */
export function renderAllClear(opts: { key: string; version: string; runUrl?: string }): string {
  const url = safeUrl(opts.runUrl);
  return [
    commentMarker(opts.key),
    '## ✅ memgate: all clear',
    '',
    'Memory is back within the baseline for every check. This comment showed an earlier problem; its history is in the edit log.',
    '',
    `<sub>memgate ${escapeText(opts.version)}${url ? ` · [workflow run](${url})` : ''}</sub>`,
    '',
  ].join('\n');
}

export function renderComment(verdict: Verdict, opts: RenderOptions): string {
  const max = opts.maxChars ?? DEFAULT_MAX_CHARS;
  const measure = opts.measure ?? ((t: string) => t.length);
  const order = dropOrder(verdict);
  const render = (k: number) => renderWith(verdict, opts, new Set(order.slice(0, k)));
  const full = render(0);
  if (measure(full) <= max) return full;
  // Fewer drops never make the body shorter, so the smallest k that fits is found by bisection.
  let lo = 1;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (measure(render(mid)) <= max) hi = mid;
    else lo = mid + 1;
  }
  const best = render(lo);
  if (measure(best) <= max) return best;
  return hardCut(best, max, measure);
}

/* ------------------------------------------------------------------ what can be dropped */

/**
 * Every droppable unit's id, least important first. Ids: `U` row of an unchanged check, `D`/`DL`
 * unchanged metric/leak row in a check's details, `S` site, `C` chart, `M` changed metric row,
 * `L` leak row, `B` budget row, `H` a whole check section.
 */
function dropOrder(verdict: Verdict): string[] {
  const checks = verdict.checks.map((c, ci) => ({ c, ci })).reverse();
  const notable = checks.filter(({ c }) => isNotable(c));
  const quiet = checks.filter(({ c }) => !isNotable(c));
  const ids: string[] = [];
  for (const { c, ci } of quiet) c.leaks.forEach((_, li) => ids.push(`UL:${ci}:${li}`));
  for (const { c, ci } of quiet) c.metrics.forEach((_, mi) => ids.push(`U:${ci}:${mi}`));
  for (const { c, ci } of notable) {
    c.metrics.forEach((m, mi) => !isHeadline(m) && ids.push(`D:${ci}:${mi}`));
    c.leaks.forEach((l, li) => !isHeadlineLeak(l) && ids.push(`DL:${ci}:${li}`));
  }
  // Each check keeps its biggest sites longest: drop every check's last-ranked site first.
  const sites = notable.flatMap(({ c, ci }) =>
    growing(c.sites)
      .sort((a, b) => b.s.delta - a.s.delta)
      .map(({ si }, rank) => ({ rank, ci, id: `S:${ci}:${si}` })),
  );
  sites.sort((a, b) => b.rank - a.rank || b.ci - a.ci);
  ids.push(...sites.map((x) => x.id));
  for (const { c, ci } of notable) chartsFor(c).forEach((_, k) => ids.push(`C:${ci}:${k}`));
  const rank = (m: MetricVerdict) => (m.status === 'fail' ? 2 : m.status === 'warn' ? 1 : 0);
  for (const r of [0, 1, 2]) {
    for (const { c, ci } of notable)
      c.metrics.forEach((m, mi) => isHeadline(m) && rank(m) === r && ids.push(`M:${ci}:${mi}`));
  }
  for (const { c, ci } of notable) c.leaks.forEach((l, li) => isHeadlineLeak(l) && ids.push(`L:${ci}:${li}`));
  for (const { c, ci } of notable) c.budgets.forEach((_, bi) => ids.push(`B:${ci}:${bi}`));
  for (const { ci } of notable) ids.push(`H:${ci}`);
  return ids;
}

/** A check gets its own visible section when a reader should look at it. */
function isNotable(c: CheckVerdict): boolean {
  return (
    c.status !== 'pass' ||
    c.metrics.some((m) => m.change === 'regression' || m.change === 'improvement') ||
    c.leaks.some((l) => l.leaking) ||
    c.budgets.some((b) => b.status !== 'pass') ||
    c.provenance.status !== 'exact'
  );
}

/** A metric row shown in the check's main table rather than its details. */
function isHeadline(m: MetricVerdict): boolean {
  return m.status !== 'pass' || m.change !== 'unchanged';
}

function isHeadlineLeak(l: LeakVerdict): boolean {
  return l.leaking || l.status !== 'pass';
}

function growing(sites: readonly SiteDelta[]): { s: SiteDelta; si: number }[] {
  return sites.map((s, si) => ({ s, si })).filter(({ s }) => s.delta > 0);
}

/** Charts for the metrics that leaked or regressed (or the first one), only for such checks. */
function chartsFor(c: CheckVerdict): ChartSeries[] {
  const bad = new Set([
    ...c.leaks.filter((l) => l.leaking).map((l) => l.metric),
    ...c.metrics.filter((m) => m.change === 'regression').map((m) => m.metric),
  ]);
  if (bad.size === 0) return [];
  const drawable = c.charts.filter((s) => s.current.length >= 2);
  const matching = drawable.filter((s) => bad.has(s.metric));
  return (matching.length > 0 ? matching : drawable).slice(0, MAX_CHARTS_PER_CHECK);
}

/* ------------------------------------------------------------------ rendering */

interface Ctx {
  dropped: Set<string>;
  ciLevel: number;
}

function renderWith(verdict: Verdict, opts: RenderOptions, dropped: Set<string>): string {
  const ctx: Ctx = { dropped, ciLevel: ciLevel(verdict) };
  const out: string[] = [commentMarker(opts.key), headline(verdict), '', countsLine(verdict), ''];
  if (opts.forkNotice) {
    out.push(
      '> [!NOTE]',
      '> This pull request comes from a fork, so its token is read-only: memgate could not post this comment or update a baseline from this job. The report is in the job summary and the uploaded artifact; add the `workflow_run` companion workflow (`mode: comment`) to get it posted here.',
      '',
    );
  }
  const rows = [...dropped].filter((id) => /^(U|UL|D|DL|S|M|L|B):/.test(id)).length;
  const charts = [...dropped].filter((id) => id.startsWith('C:')).length;
  const checks = [...dropped].filter((id) => id.startsWith('H:')).length;
  if (rows + charts + checks > 0) {
    const what = [
      rows > 0 ? plural(rows, 'row') : '',
      charts > 0 ? plural(charts, 'chart') : '',
      checks > 0 ? plural(checks, 'check section') : '',
    ].filter(Boolean);
    out.push(
      `> ✂️ **${what.join(', ')} omitted** to stay under GitHub's size limit. The job summary and the report artifact have everything.`,
      '',
    );
  }
  if (verdict.checks.length === 0) out.push('No checks were measured.', '');
  const quiet: number[] = [];
  verdict.checks.forEach((c, ci) => {
    if (!isNotable(c)) quiet.push(ci);
    else if (!dropped.has(`H:${ci}`)) out.push(...checkSection(c, ci, ctx));
  });
  if (quiet.length > 0) out.push(...quietChecks(verdict, quiet, ctx));
  out.push(...footer(verdict, opts));
  return out.join('\n');
}

function headline(v: Verdict): string {
  const n = v.checks.length;
  const across = n === 1 ? '' : ` across ${n} checks`;
  if (v.status === 'fail') return `## ❌ memgate: memory check failed${across}`;
  if (v.status === 'warn') return `## ⚠️ memgate: passed with warnings${across}`;
  return `## ✅ memgate: no memory regression or leak${across}`;
}

function countsLine(v: Verdict): string {
  const c = v.counts;
  const parts = [
    `❌ ${plural(c.regressions, 'regression')}`,
    `🩸 ${plural(c.leaks, 'leak')}`,
    `⚠️ ${plural(c.warnings, 'warning')}`,
    `✅ ${c.unchanged} unchanged`,
  ];
  if (c.improvements > 0) parts.push(`📉 ${c.improvements} improved`);
  if (c.budgets > 0) parts.push(`💰 ${c.budgets} over budget`);
  return `**${parts.join(' · ')}**`;
}

function checkTitle(c: CheckVerdict): string {
  const k = c.check;
  const instance = k.instance ? ` (instance ${inlineCode(k.instance, 80)})` : '';
  return `${inlineCode(k.name, 120)} ${escapeText(k.version)}${instance}`;
}

function statusEmoji(s: CheckVerdict['status']): string {
  return s === 'fail' ? '❌' : s === 'warn' ? '⚠️' : '✅';
}

function checkSection(c: CheckVerdict, ci: number, ctx: Ctx): string[] {
  const out: string[] = [
    `### ${statusEmoji(c.status)} ${checkTitle(c)}`,
    '',
    provenanceLine(c.provenance),
    '',
  ];
  const main = c.metrics.map((m, mi) => ({ m, id: `M:${ci}:${mi}` })).filter(({ m }) => isHeadline(m));
  out.push(...metricTable(main, ctx));
  const reasons = main.filter(({ m, id }) => m.status !== 'pass' && !ctx.dropped.has(id));
  if (reasons.length > 0) {
    out.push(
      ...reasons.map(({ m }) => `- ${metricEmoji(m)} ${inlineCode(m.metric, 80)}: ${escapeText(m.reason)}`),
      '',
    );
  }
  const leaks = c.leaks.map((l, li) => ({ l, id: `L:${ci}:${li}` })).filter(({ l }) => isHeadlineLeak(l));
  if (leaks.length > 0) {
    out.push('**🩸 Leaks**', '', ...leakTable(leaks, ctx));
  }
  if (c.budgets.length > 0) {
    out.push(
      '**💰 Budgets**',
      '',
      ...budgetTable(
        c.budgets.map((b, bi) => ({ b, id: `B:${ci}:${bi}` })),
        ctx,
      ),
    );
  }
  out.push(...sitesBlock(c, ci, ctx));
  chartsFor(c).forEach((s, k) => {
    if (ctx.dropped.has(`C:${ci}:${k}`)) return;
    const src = renderChart(s, { title: `${s.metric} per iteration` });
    if (src) out.push('```mermaid', src, '```', `<sub>${chartCaption(!!s.baseline?.length)}</sub>`, '');
  });
  if (c.notes.length > 0) out.push('**Notes**', '', ...c.notes.map((n) => `- ${escapeText(n)}`), '');
  const detailMetrics = c.metrics
    .map((m, mi) => ({ m, id: `D:${ci}:${mi}` }))
    .filter(({ m }) => !isHeadline(m));
  const detailLeaks = c.leaks
    .map((l, li) => ({ l, id: `DL:${ci}:${li}` }))
    .filter(({ l }) => !isHeadlineLeak(l));
  const detailIds = [...detailMetrics, ...detailLeaks].map(({ id }) => id);
  if (detailIds.length > 0 && detailIds.every((id) => ctx.dropped.has(id))) {
    out.push(omittedLine(detailIds.length), '');
  } else if (detailIds.length > 0) {
    const what = [
      detailMetrics.length > 0 ? plural(detailMetrics.length, 'unchanged metric') : '',
      detailLeaks.length > 0
        ? plural(detailLeaks.length, 'series without a leak', 'series without a leak')
        : '',
    ].filter(Boolean);
    out.push(`<details><summary>${escapeHtml(what.join(', '))}</summary>`, '');
    if (detailMetrics.length > 0) out.push(...metricTable(detailMetrics, ctx));
    if (detailLeaks.length > 0) out.push(...leakTable(detailLeaks, ctx));
    out.push('</details>', '');
  }
  return out;
}

/** Passing checks with an ordinary baseline: one folded block, one table. */
function quietChecks(v: Verdict, indices: number[], ctx: Ctx): string[] {
  const out = [
    `<details><summary>${escapeHtml(`✅ ${plural(indices.length, 'unchanged check')}`)}</summary>`,
    '',
  ];
  const rows: string[][] = [];
  const leakRows: string[][] = [];
  const lines: string[] = [];
  let omitted = 0;
  for (const ci of indices) {
    const c = v.checks[ci];
    let kept = 0;
    c.metrics.forEach((m, mi) => {
      if (ctx.dropped.has(`U:${ci}:${mi}`)) {
        omitted++;
        return;
      }
      kept++;
      rows.push([codeCell(c.check.name, 80), ...metricCells(m, ctx)]);
    });
    c.leaks.forEach((l, li) => {
      if (ctx.dropped.has(`UL:${ci}:${li}`)) omitted++;
      else leakRows.push([codeCell(c.check.name, 80), ...leakCells(l)]);
    });
    if (kept > 0 || c.metrics.length === 0) {
      const notes = c.notes.length > 0 ? ` (${c.notes.map(escapeText).join('; ')})` : '';
      lines.push(
        `- ${checkTitle(c)}: ${provenanceLine(c.provenance).replace(/^Baseline: /, 'baseline ')}${notes}`,
      );
    }
  }
  if (lines.length > 0) out.push(...lines, '');
  if (rows.length > 0)
    out.push(
      table(
        ['Check', ...METRIC_HEAD.slice(1)].map((h) => h.replace('CI', `${pct(ctx.ciLevel)} CI`)),
        rows,
      ),
      '',
    );
  if (leakRows.length > 0) out.push(table(['Check', ...LEAK_HEAD.slice(1)], leakRows), '');
  if (omitted > 0) out.push(omittedLine(omitted), '');
  out.push('</details>', '');
  return out;
}

/* ------------------------------------------------------------------ tables */

const METRIC_HEAD = ['', 'Metric', 'Runtime', 'Baseline (median ± MAD)', 'Current', 'Δ (CI)', 'p', 'Rule'];

function metricTable(items: { m: MetricVerdict; id: string }[], ctx: Ctx): string[] {
  const kept = items.filter(({ id }) => !ctx.dropped.has(id));
  const out: string[] = [];
  if (kept.length > 0) {
    const head = METRIC_HEAD.map((h) => h.replace('CI', `${pct(ctx.ciLevel)} CI`));
    out.push(
      table(
        head,
        kept.map(({ m }) => [metricEmoji(m), ...metricCells(m, ctx)]),
      ),
      '',
    );
  }
  if (kept.length < items.length) out.push(omittedLine(items.length - kept.length), '');
  return out;
}

/** Every metric column after the first (emoji or check). */
function metricCells(m: MetricVerdict, _ctx: Ctx): string[] {
  return [
    codeCell(m.metric, 80),
    runtimeName(m.runtime),
    m.baseline ? spread(m.baseline.median, m.baseline.mad, m.unit) : '—',
    spread(m.current.median, m.current.mad, m.unit),
    deltaCell(m),
    m.p === undefined ? '—' : formatP(m.p),
    ruleCell(m),
  ];
}

function metricEmoji(m: MetricVerdict): string {
  if (m.status === 'fail') return '❌';
  if (m.status === 'warn') return '⚠️';
  if (m.change === 'improvement') return '📉';
  if (m.change === 'no-baseline') return '🆕';
  return '✅';
}

function deltaCell(m: MetricVerdict): string {
  if (m.relative === undefined && m.delta === undefined) return '—';
  const parts: string[] = [];
  if (m.relative !== undefined) parts.push(formatPercent(m.relative));
  if (m.delta !== undefined) parts.push(`(${formatDelta(m.delta, m.unit)})`);
  if (m.kind === 'exact') parts.push('exact');
  else if (m.ci) parts.push(`[${formatPercent(m.ci.low)} … ${formatPercent(m.ci.high)}]`);
  return parts.join(' ');
}

function ruleCell(m: MetricVerdict): string {
  let rule: string;
  switch (m.rule) {
    case 'exact':
      rule = 'exact';
      break;
    case 'mann-whitney':
      rule = 'Mann-Whitney';
      break;
    case 'threshold-only':
      rule = `threshold only: ${m.baseline?.samples.length ?? 0} vs ${m.current.samples.length} runs, too few for a test`;
      break;
    case 'no-baseline':
      rule = 'no baseline';
      break;
  }
  return rule + waiverText(m.waiver);
}

function waiverText(w: Waiver | undefined): string {
  if (!w) return '';
  return w.expired
    ? ` · waiver expired ${escapeText(w.expires)}`
    : ` · waived until ${escapeText(w.expires)}: ${escapeText(w.reason)}`;
}

const LEAK_HEAD = [
  '',
  'Series',
  'Runtime',
  'Per iteration',
  'Growth over the run',
  'Runs showing it',
  'Rule',
  'Why',
];

function leakTable(items: { l: LeakVerdict; id: string }[], ctx: Ctx): string[] {
  const kept = items.filter(({ id }) => !ctx.dropped.has(id));
  const out: string[] = [];
  if (kept.length > 0) {
    out.push(
      table(
        LEAK_HEAD,
        kept.map(({ l }) => [leakEmoji(l), ...leakCells(l)]),
      ),
      '',
    );
  }
  if (kept.length < items.length) out.push(omittedLine(items.length - kept.length), '');
  return out;
}

function leakEmoji(l: LeakVerdict): string {
  return l.leaking ? (l.status === 'fail' ? '🩸' : '⚠️') : '✅';
}

/** Every leak column after the first (emoji or check). */
function leakCells(l: LeakVerdict): string[] {
  return [
    codeCell(l.metric, 80),
    runtimeName(l.runtime),
    perIteration(l),
    formatDelta(l.growth, l.unit),
    `${l.runsLeaking}/${l.runsTotal}`,
    leakRule(l) + waiverText(l.waiver),
    escapeCell(l.reason),
  ];
}

function perIteration(l: LeakVerdict): string {
  if (l.rule === 'retained') return `${formatValue(l.perIteration, l.unit)} retained`;
  if (l.rule === 'untracked-frees') return formatValue(l.perIteration, 'count');
  return formatDelta(l.perIteration, l.unit);
}

function leakRule(l: LeakVerdict): string {
  if (l.rule === 'trend') return 'trend';
  if (l.rule === 'retained') return 'retained per run';
  return 'untracked frees (accounting bug)';
}

const BUDGET_HEAD = ['', 'Metric', 'Budget', 'Peak', 'Why'];

function budgetTable(items: { b: BudgetVerdict; id: string }[], ctx: Ctx): string[] {
  const kept = items.filter(({ id }) => !ctx.dropped.has(id));
  const out: string[] = [];
  if (kept.length > 0) {
    const rows = kept.map(({ b }) => {
      const unit = unitOf(b.metric);
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
  if (kept.length < items.length) out.push(omittedLine(items.length - kept.length), '');
  return out;
}

function sitesBlock(c: CheckVerdict, ci: number, ctx: Ctx): string[] {
  const all = growing(c.sites).map(({ s, si }) => ({ s, id: `S:${ci}:${si}` }));
  if (all.length === 0) return [];
  const out = ['**Top growing allocation sites**', ''];
  const byRuntime: [string, Runtime[]][] = [
    ['Python / C', ['python', 'c']],
    ['Go', ['go']],
  ];
  if (all.every(({ id }) => ctx.dropped.has(id))) {
    return [`**Top growing allocation sites**: ${omittedLine(all.length)}`, ''];
  }
  let omitted = 0;
  for (const [, runtimes] of byRuntime) {
    const items = all.filter(({ s }) => runtimes.includes(s.runtime));
    const kept = items.filter(({ id }) => !ctx.dropped.has(id));
    omitted += items.length - kept.length;
    if (kept.length === 0) continue;
    if (runtimes.includes('go')) {
      const rows = kept.map(({ s }) => [
        codeCell(s.function ?? '?', 120),
        siteCell(s),
        formatBytesDelta(s.delta),
        s.countDelta === undefined ? '—' : formatCount(s.countDelta, true),
      ]);
      out.push(table(['Function', 'Site', 'Δ bytes', 'Δ count'], rows), '');
    } else {
      const rows = kept.map(({ s }) => [
        siteCell(s),
        s.source ? codeCell(s.source.trim(), 100) : '',
        formatBytesDelta(s.delta),
        s.countDelta === undefined ? '—' : formatCount(s.countDelta, true),
      ]);
      out.push(table(['Site', 'Source', 'Δ bytes', 'Δ count'], rows), '');
    }
  }
  if (omitted > 0) out.push(omittedLine(omitted), '');
  return out;
}

function siteCell(s: SiteDelta): string {
  const where = s.line === undefined ? s.file : `${s.file}:${s.line}`;
  return `${codeCell(where, 140)}${s.isNew ? ' 🆕' : ''}`;
}

function table(head: string[], rows: string[][]): string {
  return markdownTable([head, ...rows], { alignDelimiters: false });
}

function omittedLine(n: number): string {
  return `_… ${plural(n, 'row')} omitted to fit the size limit._`;
}

/* ------------------------------------------------------------------ provenance, footer */

function provenanceLine(p: BaselineProvenance): string {
  const requested = escapeText(p.requestedVersion);
  const facts = [
    p.commit ? `commit ${inlineCode(shortSha(p.commit), 12)}` : '',
    p.ageDays !== undefined ? age(p.ageDays) : '',
    p.samples !== undefined ? plural(p.samples, 'run') : '',
    p.entries !== undefined ? `from ${plural(p.entries, 'merged commit')}` : '',
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
    case 'unreadable':
      return `Baseline: ⚠️ unreadable: ${escapeText(p.message ?? 'no reason given')}. Nothing was compared, and nothing will be overwritten.`;
  }
}

function shortSha(sha: string): string {
  return /^[0-9a-f]{7,40}$/i.test(sha) ? sha.slice(0, 7) : sha.slice(0, 12);
}

function age(days: number): string {
  if (days < 1) return 'less than a day old';
  const d = Math.floor(days);
  return `${d} ${d === 1 ? 'day' : 'days'} old`;
}

function footer(v: Verdict, opts: RenderOptions): string[] {
  const s = v.settings;
  const url = safeUrl(opts.runUrl);
  const reproduce = opts.reproduce ?? `npx memgate@${opts.version} run --help`;
  return [
    '---',
    `<sub>memgate ${escapeText(opts.version)} · α = ${s.alpha} · threshold ${formatPercent(s.threshold)} · floor ${formatBytes(
      s.floor,
    )} · ${pct(s.confidence)} CI · fails on ${escapeText(s.failOn.join(', ') || 'nothing')}${
      url ? ` · [workflow run](${url})` : ''
    }</sub>`,
    '',
    `<sub>Reproduce locally: ${inlineCode(reproduce, 300)}</sub>`,
    '',
  ];
}

/* ------------------------------------------------------------------ numbers */

function ciLevel(v: Verdict): number {
  for (const c of v.checks) for (const m of c.metrics) if (m.ci) return m.ci.level;
  return v.settings.confidence;
}

function pct(level: number): string {
  return `${Math.round(level * 100)}%`;
}

function runtimeName(r: Runtime): string {
  return r === 'python' ? 'Python' : r === 'go' ? 'Go' : 'C';
}

function unitOf(metric: string): MetricUnit {
  return /count|allocations|goroutines|frees|objects/.test(metric) ? 'count' : 'bytes';
}

const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

function formatCount(n: number, signed = false): string {
  const text = COUNT.format(n);
  return signed && n > 0 ? `+${text}` : text;
}

function formatValue(v: number, unit: MetricUnit): string {
  return unit === 'bytes' ? formatBytes(v) : formatCount(v);
}

function formatDelta(v: number, unit: MetricUnit): string {
  return unit === 'bytes' ? formatBytesDelta(v) : formatCount(v, true);
}

function spread(median: number, mad: number, unit: MetricUnit): string {
  return mad > 0 ? `${formatValue(median, unit)} ± ${formatValue(mad, unit)}` : formatValue(median, unit);
}

function formatP(p: number): string {
  return p < 0.001 ? '&lt; 0.001' : p.toFixed(3);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Last resort when even the headline and check titles do not fit: cut, close any open details. */
function hardCut(text: string, max: number, measure: (t: string) => number): string {
  const tail = '\n\n> ✂️ **The rest of this report was cut** to fit the size limit.\n';
  let cut = text.slice(0, Math.max(0, max - 200));
  while (cut.length > 0 && measure(cut) + measure(tail) + 40 > max)
    cut = cut.slice(0, Math.floor(cut.length * 0.9));
  cut = cut.slice(0, cut.lastIndexOf('\n') + 1);
  const open = (cut.match(/<details>/g) ?? []).length - (cut.match(/<\/details>/g) ?? []).length;
  const fences = (cut.match(/^```/gm) ?? []).length % 2;
  return `${cut}${fences ? '```\n' : ''}${'\n</details>'.repeat(Math.max(0, open))}${tail}`;
}
