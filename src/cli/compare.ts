/**
 * `memgate compare`: judge a MemoryReport against a baseline (another MemoryReport or a stored
 * baseline document) and print the verdict. Exit 1 when the gate fails, 0 on pass or warn, 2 on bad input.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';

import { defaultPolicy, parsePolicy, type Thresholds } from '../analyze/policy.js';
import { fmt } from '../analyze/regression.js';
import { baselinePath, DEFAULT_WINDOW, parseBaselineDocument } from '../baseline/document.js';
import { createFileStore } from '../baseline/file-store.js';
import { lookupInSnapshot, type BaselineStore } from '../baseline/store.js';
import { foundProvenance, noneProvenance, versionCandidates } from '../baseline/versions.js';
import { MemgateError } from '../errors.js';
import { evaluate } from '../gate.js';
import { checkId, parseMemoryReport, runCount, type MemoryReport } from '../model.js';
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

/** Where `--baseline` points: a baseline directory, a stored baseline document, or a MemoryReport. */
type BaselineSource = Pick<BaselineStore, 'read'>;

/**
 * Another report as the baseline: the same check, at the same version or the highest lower one,
 * with the same provenance rules as a store (a newer version is never a baseline).
 */
function reportSource(base: MemoryReport): BaselineSource {
  return {
    async read(check) {
      const same = base.checks.filter(
        (c) => c.check.name === check.name && (c.check.instance ?? '') === (check.instance ?? ''),
      );
      const [choice] = versionCandidates(
        check.version,
        same.map((c) => c.check.version),
      );
      const found = choice && same.find((c) => c.check.version === choice.version);
      if (!choice || !found) return { provenance: noneProvenance(check.version) };
      return {
        baseline: found,
        provenance: foundProvenance(
          choice,
          check.version,
          {
            commits: base.environment.commit ? [base.environment.commit] : [],
            date: base.createdAt,
            samples: runCount(found),
            entries: 1,
          },
          new Date(),
        ),
      };
    },
  };
}

/** One stored document (`<check>/<version>.json`), read through the stores' own lookup. */
function documentSource(text: string, source: string): BaselineSource {
  const doc = parseBaselineDocument(text, source);
  const path = baselinePath(doc.check.name, doc.check.version);
  const snapshot = { paths: [path], read: async (p: string) => (p === path ? text : undefined) };
  return {
    read: (check) =>
      lookupInSnapshot(snapshot, check, { window: DEFAULT_WINDOW, now: new Date(), where: source }),
  };
}

async function baselineSource(path: string, cwd: string, warn: (m: string) => void): Promise<BaselineSource> {
  const full = resolve(cwd, path);
  if (
    await stat(full).then(
      (s) => s.isDirectory(),
      () => false,
    )
  )
    return createFileStore({ dir: full, warn });
  const text = (await readInput(path, cwd)).toString('utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new MemgateError(`not JSON (${(err as Error).message})`, path);
  }
  const isDoc = typeof raw === 'object' && raw !== null && 'entries' in raw && !('checks' in raw);
  return isDoc ? documentSource(text, path) : reportSource(parseMemoryReport(text, path));
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
    const warn = (m: string) => io.stderr(`memgate: warning: ${m}\n`);
    const verdict = await evaluate(report, await baselineSource(values.baseline, io.cwd, warn), policy, {
      warn,
    });
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
