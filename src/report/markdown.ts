/**
 * The PR comment (and job summary) as Markdown, rendered from a Verdict and nothing else.
 *
 * Layout: the verdict in one line, the counts of findings (only those that happened), the commits,
 * then a summary table with one row per check (so 200 checks read in five seconds), then one section
 * per check that needs a reader's eyes, and the quiet checks folded into `<details>`. Each metric is
 * told once (see `stories.ts`). Every string from the checked code goes through `escape.ts`.
 *
 * Size: GitHub rejects comments over 65,536 characters. Detail is dropped least important first
 * (quiet checks' rows, details, sites, charts, findings' rows, whole sections, passing checks'
 * summary rows), found by binary search over how many to drop, and every table says how many rows
 * it lost. A failing or warning check's summary row, with its reason, is never dropped.
 */
import type { Verdict } from '../model-verdict.js';
import {
  chartsFor,
  checkSection,
  growing,
  omittedLine,
  provenanceLine,
  STORY_HEAD,
  storyCells,
  table,
  type Ctx,
} from './check-section.js';
import { historySection, type FlamegraphLink } from './creep-section.js';
import { codeBlock, codeCell, escapeHtml, escapeText, markerKey, safeUrl } from './escape.js';
import { formatBytes } from '../units.js';
import { pct, percent, plural } from './format.js';
import { commitLink, type RepoLinks } from './links.js';
import { MARK_EMOJI, countMarks, storiesOf, type MetricStory } from './stories.js';
import { SUMMARY_HEAD, checkTitle, summaryOrder, summaryRow } from './summary-table.js';

export const DEFAULT_MAX_CHARS = 60_000;
/** Charts per comment at most: more would bury the tables (and each costs a Mermaid render). */
export const MAX_CHARTS = 5;

export interface RenderOptions {
  /** Sticky-comment key: one comment per workflow/job key. */
  key: string;
  /** memgate's version, for the footer. */
  version: string;
  /** The command that reproduces this run locally (see `reproduce.ts`), shown in the footer. */
  reproduce?: string;
  /** Link to the workflow run. */
  runUrl?: string;
  /** Say that this PR comes from a fork, so the comment could not be posted by this job. */
  forkNotice?: boolean;
  /** The repository, head commit and tracked paths: sites and commits become links. */
  links?: RepoLinks;
  /** The flame graph artifact the action uploaded, linked from the comment. */
  flamegraph?: FlamegraphLink;
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

/** The verdict with each check's stories, computed once per render. */
interface Told {
  verdict: Verdict;
  stories: MetricStory[][];
  order: number[];
  /** Checks that get a section of their own. */
  notable: Set<number>;
  /** Chart ids within the comment's chart budget. */
  charts: Set<string>;
}

function tell(verdict: Verdict): Told {
  const stories = verdict.checks.map(storiesOf);
  const order = summaryOrder(verdict.checks.map((c, i) => ({ c, stories: stories[i] })));
  const notable = new Set(order.filter((ci) => isNotable(verdict, stories, ci)));
  const charts = new Set<string>();
  for (const ci of order) {
    if (!notable.has(ci)) continue;
    chartsFor(verdict.checks[ci], stories[ci]).forEach((_, k) => {
      if (charts.size < MAX_CHARTS) charts.add(`C:${ci}:${k}`);
    });
  }
  return { verdict, stories, order, notable, charts };
}

/** A check gets its own section when a reader should look at it. */
function isNotable(v: Verdict, stories: MetricStory[][], ci: number): boolean {
  const c = v.checks[ci];
  return (
    c.status !== 'pass' ||
    stories[ci].some((s) => s.place !== 'details') ||
    c.budgets.some((b) => b.status !== 'pass') ||
    !['exact', 'paired'].includes(c.provenance.status)
  );
}

export function renderComment(verdict: Verdict, opts: RenderOptions): string {
  const max = opts.maxChars ?? DEFAULT_MAX_CHARS;
  const measure = opts.measure ?? ((t: string) => t.length);
  const told = tell(verdict);
  const order = dropOrder(told);
  const render = (k: number) => renderWith(told, opts, new Set(order.slice(0, k)));
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
 * Every droppable unit's id, least important first: `Q`/`U` a quiet check's line/row, `D` a detail
 * row, `S` a site, `W` a "where" line, `C` a chart, `M` an improvement's row, `B` a budget kept, `H`
 * a whole section, `P` a passing check's summary row. A failing or warning row of a section is never
 * dropped alone, so a section never shows a finding's heading without the finding.
 */
function dropOrder(t: Told): string[] {
  const rev = [...t.order].reverse();
  const notable = rev.filter((ci) => t.notable.has(ci));
  const quiet = rev.filter((ci) => !t.notable.has(ci));
  const ids: string[] = [];
  for (const ci of quiet) t.stories[ci].forEach((_, si) => ids.push(`U:${ci}:${si}`));
  for (const ci of quiet) ids.push(`Q:${ci}`);
  const each = (f: (s: MetricStory, ci: number, si: number) => string | undefined) => {
    for (const ci of notable)
      t.stories[ci].forEach((s, si) => {
        const id = f(s, ci, si);
        if (id) ids.push(id);
      });
  };
  each((s, ci, si) => (s.place === 'details' ? `D:${ci}:${si}` : undefined));
  // Each check keeps its biggest sites longest: drop every check's last-ranked site first.
  const sites = notable.flatMap((ci) =>
    growing(t.verdict.checks[ci].sites)
      .sort((a, b) => b.s.delta - a.s.delta)
      .map(({ si }, rank) => ({ rank, id: `S:${ci}:${si}` })),
  );
  ids.push(...sites.sort((a, b) => b.rank - a.rank).map((x) => x.id));
  each((s, ci, si) => (s.place !== 'details' ? `W:${ci}:${si}` : undefined));
  ids.push(...[...t.charts].reverse());
  each((s, ci, si) => (s.place !== 'details' && s.status === 'pass' ? `M:${ci}:${si}` : undefined));
  for (const ci of notable)
    t.verdict.checks[ci].budgets.forEach((b, bi) => b.status === 'pass' && ids.push(`B:${ci}:${bi}`));
  // A section loses no finding: it goes whole (least severe first); its summary row keeps the reason.
  for (const ci of notable) ids.push(`H:${ci}`);
  for (const ci of rev) if (t.verdict.checks[ci].status === 'pass') ids.push(`P:${ci}`);
  return ids;
}

/* ------------------------------------------------------------------ rendering */

function renderWith(t: Told, opts: RenderOptions, dropped: Set<string>): string {
  const ctx: Ctx = { dropped, links: opts.links, charts: t.charts };
  const v = t.verdict;
  const all = t.stories.flat();
  const out: string[] = [commentMarker(opts.key), headline(t), '', countsLine(t, all), ''];
  const commits = commitsLine(v, opts.links);
  if (commits) out.push(commits, '');
  if (opts.forkNotice) {
    out.push(
      '> [!NOTE]',
      '> This pull request comes from a fork, so its token is read-only: memgate could not post this comment or update a baseline from this job. The report is in the job summary and the uploaded artifact; add the `workflow_run` companion workflow (`mode: comment`) to get it posted here.',
      '',
    );
  }
  out.push(...truncationNote(dropped));
  if (v.checks.length === 0) out.push('No checks were measured.', '');
  else out.push(...summaryTable(t, dropped));
  for (const ci of t.order) {
    if (t.notable.has(ci) && !dropped.has(`H:${ci}`))
      out.push(...checkSection(v.checks[ci], ci, t.stories[ci], ctx));
  }
  const quiet = t.order.filter((ci) => !t.notable.has(ci));
  if (quiet.length > 0) out.push(...quietChecks(t, quiet, ctx));
  out.push(...historySection(v, opts.flamegraph));
  out.push(...footer(v, opts));
  return out.join('\n');
}

function truncationNote(dropped: Set<string>): string[] {
  const count = (re: RegExp) => [...dropped].filter((id) => re.test(id)).length;
  const rows = count(/^(U|D|S|W|M|B|P):/);
  const charts = count(/^C:/);
  const sections = count(/^H:/);
  if (rows + charts + sections + count(/^Q:/) === 0) return [];
  const what = [
    rows > 0 ? plural(rows, 'row') : '',
    charts > 0 ? plural(charts, 'chart') : '',
    sections > 0 ? plural(sections, 'check section') : '',
  ].filter(Boolean);
  return [
    `> ✂️ **${what.join(', ') || 'some detail'} omitted** to stay under GitHub's size limit. Every failing check keeps its row in the table below; the job summary and the report artifact have everything.`,
    '',
  ];
}

function summaryTable(t: Told, dropped: Set<string>): string[] {
  const rows: string[][] = [];
  let omitted = 0;
  for (const ci of t.order) {
    if (dropped.has(`P:${ci}`)) {
      omitted++;
      continue;
    }
    const hasSection = t.notable.has(ci) && !dropped.has(`H:${ci}`);
    rows.push(summaryRow(t.verdict.checks[ci], ci, t.stories[ci], hasSection));
  }
  const out = [table(SUMMARY_HEAD, rows), ''];
  if (omitted > 0) out.push(`_… ${plural(omitted, 'passing check')} omitted to fit the size limit._`, '');
  return out;
}

function headline(t: Told): string {
  const v = t.verdict;
  const n = v.checks.length;
  const failed = v.checks.filter((c) => c.status === 'fail').length;
  const warned = v.checks.filter((c) => c.status === 'warn').length;
  const of = n === 1 ? '' : ` in ${failed} of ${n} checks`;
  if (v.status === 'fail') return `## ❌ memgate: memory check failed${of}`;
  if (v.status === 'warn')
    return `## ⚠️ memgate: passed with warnings${n === 1 ? '' : ` in ${warned} of ${n} checks`}`;
  const marks = countMarks(t.stories.flat());
  const across = n === 1 ? '' : ` across ${n} checks`;
  if (marks.pass === 0 && marks.untested > 0)
    return `## ⚪ memgate: nothing was tested yet${across}: no regression or leak could be judged`;
  const untested = marks.untested > 0 ? ` (${plural(marks.untested, 'metric')} not tested)` : '';
  return `## ✅ memgate: no memory regression or leak${across}${untested}`;
}

/** Only what happened: a count of zero is never shown, so nothing red says "0". */
function countsLine(t: Told, all: MetricStory[]): string {
  const m = countMarks(all);
  const budgets = t.verdict.checks.reduce((n, c) => n + c.budgets.filter((b) => b.value > b.limit).length, 0);
  const parts = [
    m.leak > 0 ? `${MARK_EMOJI.leak} ${plural(m.leak, 'leak')}` : '',
    m.regression > 0 ? `${MARK_EMOJI.regression} ${plural(m.regression, 'regression')}` : '',
    budgets > 0 ? `💰 ${budgets} over budget` : '',
    m.warning > 0 ? `${MARK_EMOJI.warning} ${plural(m.warning, 'warning')}` : '',
    m.improvement > 0 ? `${MARK_EMOJI.improvement} ${m.improvement} improved` : '',
    m.pass > 0 ? `${MARK_EMOJI.pass} ${m.pass} passed` : '',
    m.untested > 0 ? `${MARK_EMOJI.untested} ${m.untested} not tested` : '',
  ].filter(Boolean);
  return parts.length > 0 ? `Metrics: **${parts.join(' · ')}**` : '_No metric was measured._';
}

/** Head and baseline commits, linked; one baseline commit when every check shares it. */
function commitsLine(v: Verdict, links: RepoLinks | undefined): string | undefined {
  const head = links?.headSha ? `Head ${commitLink(links, links.headSha)}` : '';
  const bases = [...new Set(v.checks.map((c) => c.provenance.commit).filter((x): x is string => !!x))];
  const base =
    bases.length === 1
      ? `baseline ${commitLink(links, bases[0])}`
      : bases.length > 1
        ? `baselines from ${plural(bases.length, 'commit')} (each check names its own)`
        : '';
  const parts = [head, base].filter(Boolean);
  return parts.length > 0 ? `${parts.join(' · ')}` : undefined;
}

/** Checks with nothing to look at: one folded block, each metric once. */
function quietChecks(t: Told, indices: number[], ctx: Ctx): string[] {
  const rows: string[][] = [];
  const lines: string[] = [];
  let omitted = 0;
  for (const ci of indices) {
    const c = t.verdict.checks[ci];
    t.stories[ci].forEach((s, si) => {
      if (ctx.dropped.has(`U:${ci}:${si}`)) omitted++;
      else {
        const [metric, ...rest] = storyCells(s);
        rows.push([MARK_EMOJI[s.mark], `${codeCell(c.check.name, 80)} · ${metric}`, ...rest]);
      }
    });
    if (!ctx.dropped.has(`Q:${ci}`)) {
      const notes = c.notes.length > 0 ? ` (${c.notes.map(escapeText).join('; ')})` : '';
      lines.push(
        `- ${checkTitle(c)}: ${provenanceLine(c.provenance, ctx.links).replace(/^Baseline: /, 'baseline ')}${notes}`,
      );
    }
  }
  const untested = indices.filter((ci) => t.stories[ci].some((s) => s.mark === 'untested')).length;
  const label = `${plural(indices.length, 'check')} without findings${untested > 0 ? ` (${untested} with metrics not tested)` : ''}`;
  const out = [`<details><summary>${escapeHtml(label)}</summary>`, ''];
  if (lines.length > 0) out.push(...lines, '');
  if (rows.length > 0) out.push(table(['', 'Check · metric', ...STORY_HEAD.slice(2)], rows), '');
  if (omitted > 0) out.push(omittedLine(omitted), '');
  out.push('</details>', '');
  return out;
}

function footer(v: Verdict, opts: RenderOptions): string[] {
  const s = v.settings;
  const url = safeUrl(opts.runUrl);
  const reproduce = opts.reproduce ?? `npx memgate@${opts.version} run --help`;
  return [
    '---',
    `<sub>memgate ${escapeText(opts.version)} · α = ${s.alpha} · threshold ${percent(s.threshold)} · floor ${formatBytes(
      s.floor,
    )} · ${pct(s.confidence)} CI · fails on ${escapeText(s.failOn.join(', ') || 'nothing')}${
      url ? ` · [workflow run](${url})` : ''
    }</sub>`,
    '',
    'Reproduce locally:',
    '',
    codeBlock(reproduce, 'sh'),
    '',
  ];
}

/** Last resort when even the headline and check rows do not fit: cut, close any open details. */
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
