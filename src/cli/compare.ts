/**
 * `memgate compare`: judge a MemoryReport against a baseline (another MemoryReport or a stored
 * baseline document) and print the verdict. Exit 1 when the gate fails, 0 on pass or warn, 2 on bad input.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';

import { analyze } from '../analyze/verdict.js';
import { defaultPolicy, parsePolicy, type Thresholds } from '../analyze/policy.js';
import { fmt } from '../analyze/regression.js';
import { baselineCheckReport, parseBaselineDocument } from '../baseline/document.js';
import { createFileStore } from '../baseline/file-store.js';
import type { BaselineLookup } from '../baseline/types.js';
import { MemgateError } from '../errors.js';
import { evaluate } from '../gate.js';
import { checkId, parseMemoryReport, runCount, type CheckKey, type MemoryReport } from '../model.js';
import { formatBytesDelta, formatPercent, parseBytes, parseRatio } from '../units.js';
import { renderComment } from '../report/markdown.js';
import type { Verdict } from '../verdict.js';
import { VERSION } from '../version.js';
import { parse } from './args.js';
import type { Command } from './command.js';
import { readInput } from './io.js';

const USAGE = `Usage: memgate compare --baseline <file|dir> --report <file> [options]

Compare a MemoryReport with a baseline and print the verdict.

  --baseline <path>   baseline: a MemoryReport, a stored baseline document (<check>/<version>.json),
                      or a baseline directory (a file store, as \`memgate baseline update\` writes)
  --report <file>     the current MemoryReport
  --format <f>        text (default), json (the Verdict object) or markdown (the PR comment body)
  --json              the same as --format json
  --config <file>     policy file (.memgate.yml); default: none
  --threshold <r>     relative regression threshold, e.g. 5% or 0.05
  --alpha <p>         significance level, e.g. 0.05
  --floor <size>      absolute floor, e.g. 16KiB
  --fail-on <kinds>   comma-separated: regression,leak,budget (default all)

Exit status: 0 pass or warn, 1 fail, 2 bad input.`;

type Lookup = (check: CheckKey) => BaselineLookup;

function reportLookup(base: MemoryReport): Lookup {
  return (check) => {
    const same = base.checks.find((c) => checkId(c.check) === checkId(check));
    const byName =
      same ??
      base.checks.find(
        (c) => c.check.name === check.name && (c.check.instance ?? '') === (check.instance ?? ''),
      );
    if (!byName) return { provenance: { status: 'none', requestedVersion: check.version } };
    return {
      baseline: byName,
      provenance: {
        status: same ? 'exact' : 'fallback',
        requestedVersion: check.version,
        version: byName.check.version,
        commit: base.environment.commit,
        date: base.createdAt,
        samples: runCount(byName),
        entries: 1,
      },
    };
  };
}

function documentLookup(text: string, source: string): Lookup {
  const doc = parseBaselineDocument(text, source);
  return (check) => {
    if (doc.check.name !== check.name)
      return { provenance: { status: 'none', requestedVersion: check.version } };
    let baseline;
    try {
      baseline = baselineCheckReport(doc, { instance: check.instance });
    } catch {
      return { provenance: { status: 'none', requestedVersion: check.version } };
    }
    const newest = doc.entries[doc.entries.length - 1];
    return {
      baseline,
      provenance: {
        status: doc.check.version === check.version ? 'exact' : 'fallback',
        requestedVersion: check.version,
        version: doc.check.version,
        commit: newest?.commit,
        date: newest?.date,
        samples: runCount(baseline),
        entries: doc.entries.length,
      },
    };
  };
}

function baselineLookup(text: string, source: string): Lookup {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new MemgateError(`not JSON (${(err as Error).message})`, source);
  }
  const isDoc = typeof raw === 'object' && raw !== null && 'entries' in raw && !('checks' in raw);
  return isDoc ? documentLookup(text, source) : reportLookup(parseMemoryReport(text, source));
}

function option(
  value: string | undefined,
  name: string,
  parser: (v: string) => number | undefined,
): number | undefined {
  if (value === undefined) return undefined;
  const v = parser(value);
  if (v === undefined) throw new MemgateError(`--${name}: "${value}" is not valid`, 'arguments');
  return v;
}

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

export const compareCommand: Command = {
  name: 'compare',
  summary: 'compare a MemoryReport with a baseline and print the verdict',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parse(
      argv,
      {
        baseline: { type: 'string' },
        report: { type: 'string' },
        json: { type: 'boolean' },
        format: { type: 'string' },
        config: { type: 'string' },
        threshold: { type: 'string' },
        alpha: { type: 'string' },
        floor: { type: 'string' },
        'fail-on': { type: 'string' },
      },
      USAGE,
    );
    if (positionals.length)
      throw new MemgateError(`unexpected argument "${positionals[0]}"\n${USAGE}`, 'arguments');
    if (!values.baseline || !values.report)
      throw new MemgateError(`--baseline and --report are required\n${USAGE}`, 'arguments');
    const format = values.json ? 'json' : (values.format ?? 'text');
    if (!['text', 'json', 'markdown'].includes(format))
      throw new MemgateError(`--format must be text, json or markdown, got "${format}"`, 'arguments');
    const cli: Partial<Thresholds> = {};
    const threshold = option(values.threshold, 'threshold', parseRatio);
    const alpha = option(values.alpha, 'alpha', (s) => {
      const v = parseRatio(s);
      return v !== undefined && v > 0 && v < 1 ? v : undefined;
    });
    const floor = option(values.floor, 'floor', parseBytes);
    if (threshold !== undefined) cli.threshold = threshold;
    if (alpha !== undefined) cli.alpha = alpha;
    if (floor !== undefined) cli.floor = floor;

    const report = parseMemoryReport(
      (await readInput(values.report, io.cwd)).toString('utf8'),
      values.report,
    );
    const policy = values.config
      ? parsePolicy((await readInput(values.config, io.cwd)).toString('utf8'), values.config)
      : defaultPolicy();
    // Command-line settings win over the file's defaults.
    Object.assign(policy.defaults, cli);
    if (values['fail-on'] !== undefined) {
      const kinds = values['fail-on']
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      for (const k of kinds)
        if (!['regression', 'leak', 'budget', 'none'].includes(k))
          throw new MemgateError(
            `--fail-on: unknown kind "${k}" (regression, leak, budget or none)`,
            'arguments',
          );
      policy.failOn = kinds.filter((k): k is 'regression' | 'leak' | 'budget' => k !== 'none');
    }
    const baselinePath = resolve(io.cwd, values.baseline);
    const isDir = await stat(baselinePath).then(
      (s) => s.isDirectory(),
      () => false,
    );
    const verdict = isDir
      ? await evaluate(report, createFileStore({ dir: baselinePath }), policy, {
          warn: (m) => io.stderr(`memgate: warning: ${m}\n`),
        })
      : analyze(
          report,
          baselineLookup((await readInput(values.baseline, io.cwd)).toString('utf8'), values.baseline),
          policy,
        );
    io.stdout(
      format === 'json'
        ? `${JSON.stringify(verdict, null, 2)}\n`
        : format === 'markdown'
          ? renderComment(verdict, {
              key: 'cli',
              version: VERSION,
              reproduce: `npx memgate compare --baseline ${values.baseline} --report ${values.report}`,
            })
          : renderText(verdict),
    );
    return verdict.status === 'fail' ? 1 : 0;
  },
};
