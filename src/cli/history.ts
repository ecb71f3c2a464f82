/**
 * `memgate history`: the change points of a check's stored history (`history/<check>.json` in a
 * baseline directory or a `git:` branch), per metric: the commit where the level changed, the level
 * before and after, the relative change and its permutation p-value; and any creeping growth.
 */
import { analyzeHistory, type MetricHistory } from '../analyze/history-analysis.js';
import { creepLine } from '../analyze/creep.js';
import { readHistory } from '../baseline/history-store.js';
import { historyPath } from '../baseline/history.js';
import { storeFromSpec } from '../baseline/git-store.js';
import { MemgateError } from '../errors.js';
import { describeMetric } from '../metrics.js';
import { escapeCell, escapeText, inlineCode } from '../report/escape.js';
import { DEFAULT_THRESHOLDS } from '../analyze/policy.js';
import { thresholdSetting } from '../settings/thresholds.js';
import { formatBytes, formatPercent } from '../units.js';
import { intOption, option, parse, requireOptions } from './args.js';
import type { CliIO, Command } from './command.js';

const USAGE = `Usage:
  memgate history --baseline STORE --check NAME [--metric M] [--format text|json|markdown]
                  [--alpha 0.05] [--permutations 199] [--threshold 5%] [--merges 10]

STORE is a baseline directory or git:<ref> (a branch of the git repository in the current
directory, e.g. git:origin/memgate-baselines after git fetch origin memgate-baselines).
Lists, per metric, the change points of the check's history (E-Divisive means with a permutation
test at --alpha with --permutations permutations), and creeping growth: a rise over --threshold
over the last --merges merges, or since the last change point, while no single merge crossed it.
`;

const OPTIONS = {
  baseline: { type: 'string' },
  check: { type: 'string' },
  metric: { type: 'string' },
  format: { type: 'string' },
  alpha: { type: 'string' },
  permutations: { type: 'string' },
  threshold: { type: 'string' },
  merges: { type: 'string' },
} as const;

type Format = 'text' | 'json' | 'markdown';

function level(metric: string, v: number): string {
  return describeMetric(metric).unit === 'bytes' ? formatBytes(v) : String(Math.round(v * 100) / 100);
}

/** A permutation p-value; 0 means no permutation reached q̂, i.e. p < 1/(R + 1). */
function p(v: number, permutations: number): string {
  return v === 0 ? `<${(1 / (permutations + 1)).toFixed(3)}` : `=${v.toFixed(3)}`;
}

function text(check: string, results: MetricHistory[], permutations: number): string {
  const out: string[] = [];
  for (const r of results) {
    const inst = r.instance ? ` #${r.instance}` : '';
    const n = r.changes.length;
    out.push(
      `${check}${inst} ${r.metric}: ${r.points.length} points, ${n} change point${n === 1 ? '' : 's'}`,
    );
    for (const c of r.changes) {
      out.push(
        `  ${c.commit.slice(0, 12)}  ${c.date.slice(0, 10)}  ${level(r.metric, c.before)} -> ${level(r.metric, c.after)}  ${formatPercent(c.relative)}  p${p(c.probability, permutations)}`,
      );
    }
    if (r.creep) out.push(`  creep: ${creepLine(r.creep, { format: 'text' })}`);
  }
  return `${out.join('\n')}\n`;
}

function markdown(check: string, results: MetricHistory[], permutations: number): string {
  const out = [`### History of ${inlineCode(check)}`, ''];
  for (const r of results) {
    out.push(
      `**${escapeText(r.metric)}**${r.instance ? ` (${escapeText(r.instance)})` : ''}: ${r.points.length} points`,
      '',
    );
    if (r.changes.length > 0) {
      out.push('| commit | date | before | after | change | p |', '|---|---|---|---|---|---|');
      for (const c of r.changes)
        out.push(
          `| <code>${escapeCell(c.commit.slice(0, 12))}</code> | ${escapeCell(c.date.slice(0, 10))} | ${level(r.metric, c.before)} | ${level(r.metric, c.after)} | ${formatPercent(c.relative)} | ${p(c.probability, permutations).replace(/^=/, '').replace('<', '&lt;')} |`,
        );
    } else out.push('No change point.');
    if (r.creep) out.push('', creepLine(r.creep));
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

function json(check: string, results: MetricHistory[], permutations: number): string {
  const metrics = results.map((r) => ({
    metric: r.metric,
    instance: r.instance,
    points: r.points.length,
    changePoints: r.changes,
    ...(r.creep ? { creep: r.creep } : {}),
  }));
  return `${JSON.stringify({ check, permutations, metrics }, null, 2)}\n`;
}

/** alpha and threshold read with the same parser and range as the gate's own flags and inputs. */
function setting(value: string | undefined, name: 'alpha' | 'threshold'): number {
  const parse = thresholdSetting(name)?.parse;
  return (parse && option(value, name, parse)) ?? DEFAULT_THRESHOLDS[name];
}

export const historyCommand: Command = {
  name: 'history',
  summary: "list the change points and creeping growth in a check's stored history",
  usage: USAGE,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parse(argv, OPTIONS, USAGE);
    const [baseline, check] = requireOptions(
      positionals,
      values,
      [
        { name: 'baseline', what: 'STORE' },
        { name: 'check', what: 'NAME' },
      ],
      USAGE,
    );
    const format = (values.format ?? 'text') as Format;
    if (!['text', 'json', 'markdown'].includes(format))
      throw new MemgateError(`--format must be text, json or markdown, got "${format}"`, 'arguments');
    const store = storeFromSpec(baseline, io.cwd);
    const doc = await readHistory(await store.snapshot(), check, baseline);
    if (!doc)
      throw new MemgateError(`no history for check "${check}" (${historyPath(check)} is missing)`, baseline);
    const permutations = intOption(values.permutations, 'permutations', 199);
    const results = analyzeHistory(doc, {
      metric: values.metric,
      changePoints: { alpha: setting(values.alpha, 'alpha'), permutations },
      creep: {
        threshold: setting(values.threshold, 'threshold'),
        merges: intOption(values.merges, 'merges', 10, 2),
      },
    });
    if (values.metric !== undefined && results.length === 0)
      throw new MemgateError(`the history of "${check}" has no metric "${values.metric}"`, baseline);
    const render = format === 'json' ? json : format === 'markdown' ? markdown : text;
    io.stdout(render(check, results, permutations));
    return 0;
  },
};
