/**
 * `memgate compare`: judge a MemoryReport against a baseline (another MemoryReport, a stored
 * baseline document or a baseline directory) and print the verdict. Exit 1 when the gate fails, 0 on
 * pass or warn, 2 on bad input. This file only turns argv into settings and picks the renderer.
 */
import { openBaselineFile } from '../app/baseline-source.js';
import { judge } from '../app/judge.js';
import { publish } from '../app/publish.js';
import { readInput } from '../app/report-file.js';
import { MemgateError } from '../errors.js';
import { parseMemoryReport } from '../model.js';
import { renderComment } from '../report/markdown.js';
import { compareCommand as compareLine } from '../report/reproduce.js';
import { renderText } from '../report/verdict-text.js';
import { readPolicyInputs, resolvePolicy, type PolicyInputs } from '../settings/policy.js';
import type { Verdict } from '../model-verdict.js';
import { VERSION } from '../version.js';
import { localAncestry } from '../baseline/ancestry.js';
import { argumentError, parse, POLICY_OPTIONS } from './args.js';
import type { Command } from './command.js';
import { writeSitesSvg } from './flamegraph-file.js';

const USAGE = `Usage: memgate compare --baseline <file|dir|git:ref> --report <file> [options]

Compare a MemoryReport with a baseline and print the verdict.

  --baseline <path>   baseline: a MemoryReport, a stored baseline document (<check>/<version>.json),
                      a baseline directory (a file store, as \`memgate baseline update\` writes), or
                      git:<ref>, the data branch of a local clone (git fetch origin memgate-baselines,
                      then --baseline git:origin/memgate-baselines)
  --report <file>     the current MemoryReport
  --format <f>        text (default), json (the Verdict object) or markdown (the PR comment body)
  --json              the same as --format json
  --config <file>     policy file (.memgate.yml); default: none. Flags win over the file.
  --threshold <r>     relative regression threshold, e.g. 5% or 0.05
  --alpha <p>         significance level, e.g. 0.05
  --floor <size>      absolute floor, e.g. 16KiB
  --leak-threshold <size>  smallest leak per iteration, e.g. 1KiB
  --warmup <r>        share of each run's first iterations ignored by leak detection, e.g. 20%
  --fail-on <kinds>   comma-separated: regression,leak,budget (default all)
  --flamegraph <svg>  also write a differential flame graph of the allocation sites against the baseline
  --base-ref <ref>    compare with the entry at the merge-base of <ref> and HEAD (or its nearest stored
                      ancestor) instead of the newest, as the action does on a PR; needs the history

Exit status: 0 pass or warn, 1 fail, 2 bad input.`;

const OPTIONS = {
  baseline: { type: 'string' },
  report: { type: 'string' },
  json: { type: 'boolean' },
  format: { type: 'string' },
  ...POLICY_OPTIONS,
  flamegraph: { type: 'string' },
  'base-ref': { type: 'string' },
} as const;

const FORMATS = ['text', 'json', 'markdown'] as const;

function render(format: (typeof FORMATS)[number], verdict: Verdict, reproduce: string): string {
  if (format === 'json') return `${JSON.stringify(verdict, null, 2)}\n`;
  if (format === 'markdown') return renderComment(verdict, { key: 'cli', version: VERSION, reproduce });
  return renderText(verdict);
}

export interface CompareSettings {
  baseline: string;
  report: string;
  format: (typeof FORMATS)[number];
  config?: string;
  /** Where to write the sites' differential flame graph, if asked. */
  flamegraph?: string;
  /** Pick the baseline at the merge-base of this ref and HEAD. */
  baseRef?: string;
  /** Only the flags given; `resolvePolicy` puts them over the policy file. */
  policy: PolicyInputs;
}

/** argv → settings, with the same value parsers and ranges as the action's inputs. */
export function readCompareSettings(argv: string[]): CompareSettings {
  const { values, positionals } = parse(argv, OPTIONS, USAGE);
  if (positionals.length)
    throw new MemgateError(`unexpected argument "${positionals[0]}"\n${USAGE}`, 'arguments');
  if (!values.baseline || !values.report)
    throw new MemgateError(`--baseline and --report are required\n${USAGE}`, 'arguments');
  const format = values.json ? 'json' : (values.format ?? 'text');
  if (!(FORMATS as readonly string[]).includes(format))
    throw new MemgateError(`--format must be text, json or markdown, got "${format}"`, 'arguments');
  const flag = (name: string) => values[name as keyof typeof values] as string | undefined;
  return {
    baseline: values.baseline,
    report: values.report,
    format: format as CompareSettings['format'],
    config: values.config,
    flamegraph: values.flamegraph,
    baseRef: values['base-ref'],
    policy: readPolicyInputs(flag, argumentError),
  };
}

export const compareCommand: Command = {
  name: 'compare',
  summary: 'compare a MemoryReport with a baseline and print the verdict',
  usage: USAGE,
  async run(argv, io) {
    const s = readCompareSettings(argv);
    const policy = resolvePolicy(
      s.config ? { text: (await readInput(s.config, io.cwd)).toString('utf8'), source: s.config } : undefined,
      s.policy,
    );
    const report = parseMemoryReport((await readInput(s.report, io.cwd)).toString('utf8'), s.report);
    const warn = (m: string) => io.stderr(`memgate: warning: ${m}\n`);
    const source = await openBaselineFile(s.baseline, io.cwd, warn);
    const ancestry = s.baseRef ? await localAncestry({ cwd: io.cwd, base: s.baseRef }) : undefined;
    const verdict = await judge(report, source, policy, { warn, ancestry });
    const reproduce = compareLine({
      baselinePath: s.baseline,
      out: s.report,
      config: s.config,
      thresholds: s.policy.thresholds,
      failOn: s.policy.failOn,
    });
    let code = 0;
    await publish({ report, verdict }, [
      () => io.stdout(render(s.format, verdict, reproduce)),
      () => void (code = verdict.status === 'fail' ? 1 : 0),
      async () => {
        if (!s.flamegraph) return;
        const pairs = report.checks.map(async (c) => ({
          current: c,
          baseline: (await source.read(c.check)).baseline,
        }));
        await writeSitesSvg(s.flamegraph, await Promise.all(pairs), `${s.report} vs ${s.baseline}`, io);
      },
    ]);
    return code;
  },
};
