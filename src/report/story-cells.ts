/**
 * The words and numbers of one metric story, as table cells: one value (baseline → current), one
 * change, one verdict. The summary table uses the short forms, the check sections the full ones.
 */
import type { LeakVerdict, MetricVerdict, Waiver } from '../model-verdict.js';
import { escapeCell, escapeText } from './escape.js';
import {
  finiteRatio,
  formatCount,
  formatDelta,
  formatP,
  formatValue,
  pct,
  percent,
  spread,
} from './format.js';
import { leakUntested, type MetricStory } from './stories.js';

/** `24.6 MiB ± 66 KiB → 27.7 MiB ± 62 KiB`; the current value alone when there is no baseline. */
export function valueCell(s: MetricStory): string {
  const m = s.regression;
  if (!m) return '—';
  const cur = spread(m.current.median, m.current.mad, m.unit);
  return m.baseline ? `${spread(m.baseline.median, m.baseline.mad, m.unit)} → ${cur}` : `— → ${cur}`;
}

/** The change against the baseline, in one phrase. A zero baseline says "from 0 B to …", never ∞%. */
export function regressionChange(m: MetricVerdict, detail = true): string {
  if (m.rule === 'no-baseline' || !m.baseline) return 'not compared';
  const rel = finiteRatio(m.relative);
  if (rel === undefined || m.baseline.median === 0) {
    const [from, to] = [m.baseline.median, m.current.median].map((v) => formatValue(v, m.unit));
    return from === to ? `no change (${to})` : `from ${from} to ${to}`;
  }
  const head = m.delta === undefined ? percent(rel) : `${percent(rel)} (${formatDelta(m.delta, m.unit)})`;
  if (!detail) return head;
  const parts = [head];
  if (m.kind === 'exact' || m.rule === 'exact') parts.push('exact');
  else if (m.ci) parts.push(`${pct(m.ci.level)} CI ${percent(m.ci.low)} … ${percent(m.ci.high)}`);
  if (m.p !== undefined) parts.push(`p ${m.p < 0.001 ? formatP(m.p) : `= ${formatP(m.p)}`}`);
  if (m.rule === 'threshold-only')
    parts.push(`threshold only (${m.baseline.samples.length} vs ${m.current.samples.length} runs)`);
  return parts.join(' · ');
}

/** The leak in one phrase: growth per check run, or what each check run keeps. */
export function leakChange(l: LeakVerdict, detail = true): string {
  const runs = `${l.runsLeaking}/${l.runsTotal} runs`;
  if (l.rule === 'untracked-frees')
    return `${formatCount(l.growth)} untracked ${l.growth === 1 ? 'free' : 'frees'} · ${runs}`;
  if (l.rule === 'retained') {
    const head = `keeps ${formatValue(l.perIteration, l.unit)} per check run`;
    return detail ? `${head} · ${runs}` : head;
  }
  const head = `${formatDelta(l.perIteration, l.unit)} per check run`;
  return detail ? `${head}, ${formatDelta(l.growth, l.unit)} over a process run · ${runs}` : head;
}

/** The one change a story shows: the leak when it leaked, else the comparison with the baseline. */
export function changeCell(s: MetricStory, detail = true): string {
  if (s.leak && (s.leak.leaking || !s.regression)) return leakChange(s.leak, detail);
  return s.regression ? regressionChange(s.regression, detail) : '—';
}

export function waiverText(w: Waiver | undefined): string {
  if (!w) return '';
  return w.expired
    ? ` · waiver expired ${escapeText(w.expires)}`
    : ` · waived until ${escapeText(w.expires)}: ${escapeText(w.reason)}`;
}

/**
 * The full verdict: the deciding judgement's reason first, then the other one's; what was not
 * tested is said once, in the story's own words, first when it is why the mark is ⚪.
 */
export function verdictText(s: MetricStory): string {
  const reasons: string[] = [];
  const leakFirst = s.leak?.leaking === true;
  for (const v of leakFirst ? [s.leak, s.regression] : [s.regression, s.leak]) {
    if (!v) continue;
    if (v === s.regression && s.regression.rule === 'no-baseline') continue;
    if (v === s.leak && leakUntested(s.leak)) continue;
    reasons.push(v.reason);
  }
  if (s.untested.length > 0) {
    const untested = `not tested: ${s.untested.join('; ')}`;
    if (s.mark === 'untested') reasons.unshift(untested);
    else reasons.push(untested);
  }
  return reasons.join('; ');
}

/** The verdict as a table cell, with its waiver. */
export function verdictCell(s: MetricStory): string {
  return escapeCell(verdictText(s)) + waiverText(s.leak?.waiver ?? s.regression?.waiver);
}

/** The verdict in a few words, for the summary table. */
export function shortWhy(s: MetricStory): string {
  const m = s.regression;
  const l = s.leak;
  const waived = (l?.waiver ?? m?.waiver) && !(l?.waiver ?? m?.waiver)?.expired;
  const suffix = waived ? ' (waived)' : s.status === 'warn' ? ' (warning only)' : '';
  if (l?.leaking) {
    if (l.rule === 'untracked-frees') return `accounting bug: frees never allocated${suffix}`;
    if (l.rule === 'retained')
      return `leak: each check run keeps memory, ${l.runsLeaking}/${l.runsTotal} runs${suffix}`;
    return `leak: grows in ${l.runsLeaking}/${l.runsTotal} runs${suffix}`;
  }
  if (m?.change === 'regression') {
    const how =
      m.rule === 'mann-whitney' && m.p !== undefined
        ? `Mann-Whitney p ${m.p < 0.001 ? formatP(m.p) : `= ${formatP(m.p)}`}`
        : m.rule === 'paired' && m.p !== undefined
          ? `paired signed-rank p = ${formatP(m.p)}, ${m.current.samples.length} pairs`
          : m.rule === 'threshold-only'
            ? 'threshold only, too few runs for a test'
            : 'exact';
    return `regression (${how})${suffix}`;
  }
  if (s.mark === 'improvement') return 'improved';
  if (s.mark === 'untested') return `not tested: ${escapeText(s.untested[0] ?? 'unknown reason')}`;
  if (s.mark === 'warning') return escapeText((l?.status === 'warn' ? l.reason : m?.reason) ?? 'warning');
  return 'unchanged, no leak';
}
