/**
 * One story per metric. The analysis judges a metric twice (against the baseline, and for a leak
 * across iterations); a reader must see it once, with one value, one mark and one verdict, in one
 * place. This module joins the two judgements into that story; the renderers only lay it out.
 *
 * Marks: ✅ only for what was tested and passed; ⚪ "not tested" with the reason (no baseline, too
 * few iterations after warm-up for a trend test); ❌ 🩸 ⚠️ only for a real finding.
 */
import { describeMetric, type MetricUnit } from '../metrics.js';
import type { Runtime } from '../model.js';
import type { CheckVerdict, LeakVerdict, MetricVerdict, Status } from '../model-verdict.js';

/** Where the story is told: the check's leak table, its change table, or the folded details. */
export type Place = 'leaks' | 'changes' | 'details';

export type Mark = 'leak' | 'regression' | 'warning' | 'improvement' | 'untested' | 'pass';

export const MARK_EMOJI: Record<Mark, string> = {
  leak: '🩸',
  regression: '❌',
  warning: '⚠️',
  improvement: '📉',
  untested: '⚪',
  pass: '✅',
};

export interface MetricStory {
  metric: string;
  runtime: Runtime;
  unit: MetricUnit;
  mark: Mark;
  place: Place;
  status: Status;
  /** The judgement against the baseline, when there was one. */
  regression?: MetricVerdict;
  /** The leak judgement across iterations, when the metric is a leak signal. */
  leak?: LeakVerdict;
  /** Why a judgement did not run (no baseline, too few iterations), for a ⚪ story. */
  untested: string[];
}

const SEVERITY: Record<Mark, number> = {
  leak: 5,
  regression: 4,
  warning: 3,
  improvement: 2,
  untested: 1,
  pass: 0,
};

/** Higher first: the order stories are listed in, and how the worst of a check is found. */
export function severity(s: MetricStory): number {
  return SEVERITY[s.mark] * 3 + (s.status === 'fail' ? 2 : s.status === 'warn' ? 1 : 0);
}

/**
 * A trend test that never ran: every run was too short after warm-up (the analysis leaves its
 * Mann-Kendall p unset then). A retained-per-run judgement always ran, so it is tested.
 */
export function leakUntested(l: LeakVerdict): boolean {
  return l.rule === 'trend' && !l.leaking && l.runs.length > 0 && l.runs.every((r) => r.p === undefined);
}

/**
 * check_run_alloc judged by its trend alone: the retained-per-run rule, its main rule, did not run
 * (gc off or unknown, so cyclic garbage would look retained).
 */
export function retainedRuleOff(l: LeakVerdict): boolean {
  return describeMetric(l.metric).series === 'retained' && l.rule === 'trend' && !l.leaking;
}

function untestedReasons(m: MetricVerdict | undefined, l: LeakVerdict | undefined): string[] {
  const out: string[] = [];
  if (m?.rule === 'no-baseline' || m?.change === 'no-baseline') out.push('no baseline to compare with');
  if (l && leakUntested(l)) out.push(`leak trend: ${l.reason}`);
  if (l && retainedRuleOff(l))
    out.push('memory kept per check run not judged: it needs gc on (run with --m-gc / m-gc: true)');
  return out;
}

const WORST: Record<Status, number> = { pass: 0, warn: 1, fail: 2 };

function markOf(m: MetricVerdict | undefined, l: LeakVerdict | undefined, untested: string[]): Mark {
  const status = worstStatus([m?.status, l?.status]);
  if (l?.leaking) return status === 'fail' ? 'leak' : 'warning';
  if (m?.change === 'regression') return status === 'fail' ? 'regression' : 'warning';
  if (status === 'fail') return l && l.status === 'fail' ? 'leak' : 'regression';
  if (status === 'warn') return 'warning';
  if (m?.change === 'improvement') return 'improvement';
  return untested.length > 0 ? 'untested' : 'pass';
}

function worstStatus(statuses: (Status | undefined)[]): Status {
  return statuses.reduce<Status>((w, s) => (s && WORST[s] > WORST[w] ? s : w), 'pass');
}

function placeOf(mark: Mark): Place {
  if (mark === 'leak') return 'leaks';
  if (mark === 'regression' || mark === 'warning' || mark === 'improvement') return 'changes';
  return 'details';
}

/** The check's metrics, each once, most severe first (ties keep the analysis order). */
export function storiesOf(c: CheckVerdict): MetricStory[] {
  const ids: string[] = [];
  for (const x of [...c.metrics, ...c.leaks]) if (!ids.includes(x.metric)) ids.push(x.metric);
  const stories = ids.map((metric): MetricStory => {
    const m = c.metrics.find((x) => x.metric === metric);
    const l = c.leaks.find((x) => x.metric === metric);
    const first = (m ?? l) as MetricVerdict | LeakVerdict;
    const untested = untestedReasons(m, l);
    const mark = markOf(m, l, untested);
    const story: MetricStory = {
      metric,
      runtime: first.runtime,
      unit: first.unit,
      mark,
      place: placeOf(mark),
      status: worstStatus([m?.status, l?.status]),
      untested,
    };
    if (m) story.regression = m;
    if (l) story.leak = l;
    return story;
  });
  return stories
    .map((s, i) => ({ s, i }))
    .sort((a, b) => severity(b.s) - severity(a.s) || a.i - b.i)
    .map(({ s }) => s);
}

/** How many stories of each mark, over the whole verdict: the counts line and the headline. */
export function countMarks(stories: readonly MetricStory[]): Record<Mark, number> {
  const out: Record<Mark, number> = {
    leak: 0,
    regression: 0,
    warning: 0,
    improvement: 0,
    untested: 0,
    pass: 0,
  };
  for (const s of stories) out[s.mark]++;
  return out;
}
