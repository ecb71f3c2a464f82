/**
 * `memgate run`: run a check (or any command) R times under memory profiling, sample its endpoints,
 * and write the MemoryReport.
 */
import { resolve } from 'node:path';

import { analyzePaired } from '../analyze/paired-verdict.js';
import { measure } from '../app/measure.js';
import { measurePaired } from '../app/paired.js';
import { readInput, readOptional } from '../app/report-file.js';

import { MemgateError } from '../errors.js';
import { M_OPTIONS, type MOption } from '../run/command.js';
import { renderReportText } from '../report/report-text.js';
import { renderText } from '../report/verdict-text.js';
import { DEFAULT_EXPVAR_URL, type RunOptions } from '../run/runner.js';
import { readPolicyInputs, resolvePolicy } from '../settings/policy.js';
import { RUN_DEFAULTS, RUN_PARSERS } from '../settings/run.js';
import {
  argumentError,
  M_VALUE_FLAGS,
  nameOption,
  option,
  parse,
  POLICY_OPTIONS,
  urlOption,
} from './args.js';
import type { CliIO, Command } from './command.js';

const USAGE = `Usage: memgate run (--check NAME | --command "…") [options]

Run a check R times (one process each) with memory profiling, sample the Agent's endpoints while it
runs, and write the MemoryReport.

  --check NAME           Agent check: runs \`<agent-bin> check NAME --check-times N --json -m --m-dir …\`
  --command "…"          any command instead (split into argv; no shell unless --shell)
  --shell                run --command through /bin/sh
  --agent-bin BIN        Agent command or prefix (default ${RUN_DEFAULTS.agentBin}; e.g. "docker exec dd-agent agent")
  --repeat R             process runs (default ${RUN_DEFAULTS.repeat})
  --check-times N        check runs per process (default ${RUN_DEFAULTS.checkTimes})
  --timeout S            seconds per process run, or e.g. 5m (default ${RUN_DEFAULTS.timeoutSeconds})
  --expvar-url URL       /debug/vars to poll (default ${DEFAULT_EXPVAR_URL}); --no-expvar to skip
  --telemetry-url URL    /telemetry to poll (Prometheus text: pymem, rtloader); --no-telemetry to skip
  --pprof-url URL        heap profile fetched at the start and the end
  --sample-interval MS   polling interval (default ${RUN_DEFAULTS.sampleIntervalMs})
  --m-gc / --no-m-gc     gc.collect() before each snapshot (default on)
  --m-frames, --m-combine, --m-sort, --m-limit, --m-diff, --m-filters, --m-unit, --m-verbose V
                         passed to the Agent as is
  --agent-arg ARG        extra argument for \`check\` (repeatable), e.g. --agent-arg=--pause=50
  --check-version V      version when the check_version tag is missing
  --check-path DIR       the check's source: its __about__.py gives the version as a last resort
  --profile-dir DIR      with --command: where the command writes tracemalloc files ($MEMGATE_M_DIR)
  --out FILE             report path (default memgate-report.json)

Paired A/B mode (nothing stored is read or written):
  --paired BASE_REF      check out BASE_REF in a temporary git worktree and run base and head
                         alternately (A B A B …, --repeat pairs); judge the pairs with a paired test,
                         print the verdict and exit 1 when the gate fails. The base's report is
                         written beside --out (*.base.json).
  --checks-dir DIR       with --check: the directory of the check code in the repository, for each side
                         (DD_ADDITIONAL_CHECKSD and first on PYTHONPATH); see the README's Paired mode
  --config FILE          policy file (default .memgate.yml when it exists)
  --threshold, --alpha, --floor, --leak-threshold, --warmup, --fail-on V
                         policy settings, as for \`memgate compare\`
`;

const OPTIONS = {
  check: { type: 'string' },
  command: { type: 'string' },
  shell: { type: 'boolean' },
  'agent-bin': { type: 'string' },
  repeat: { type: 'string' },
  'check-times': { type: 'string' },
  timeout: { type: 'string' },
  'expvar-url': { type: 'string' },
  'no-expvar': { type: 'boolean' },
  'telemetry-url': { type: 'string' },
  'no-telemetry': { type: 'boolean' },
  'pprof-url': { type: 'string' },
  'sample-interval': { type: 'string' },
  'm-gc': { type: 'boolean' },
  'no-m-gc': { type: 'boolean' },
  ...M_VALUE_FLAGS,
  'agent-arg': { type: 'string', multiple: true },
  'check-version': { type: 'string' },
  'check-path': { type: 'string' },
  'profile-dir': { type: 'string' },
  out: { type: 'string' },
  paired: { type: 'string' },
  'checks-dir': { type: 'string' },
  ...POLICY_OPTIONS,
} as const;

type RunValues = ReturnType<typeof parse<typeof OPTIONS>>['values'];

/** The flags → the runner's options, with the same parsers and ranges as the action's inputs. */
function runOptions(values: RunValues, io: CliIO): RunOptions {
  const mOptions: Partial<Record<MOption, string>> = {};
  for (const name of M_OPTIONS) {
    const v = values[`m-${name}`];
    if (v !== undefined) mOptions[name] = v;
  }
  return {
    check: nameOption(values.check, 'check'),
    command: values.command,
    shell: values.shell ?? false,
    agentBin: values['agent-bin'],
    repeat: option(values.repeat, 'repeat', RUN_PARSERS.repeat) ?? RUN_DEFAULTS.repeat,
    checkTimes:
      option(values['check-times'], 'check-times', RUN_PARSERS['check-times']) ?? RUN_DEFAULTS.checkTimes,
    timeoutMs: (option(values.timeout, 'timeout', RUN_PARSERS.timeout) ?? RUN_DEFAULTS.timeoutSeconds) * 1000,
    expvarUrl: values['no-expvar']
      ? undefined
      : (urlOption(values['expvar-url'], 'expvar-url') ?? DEFAULT_EXPVAR_URL),
    telemetryUrl: values['no-telemetry'] ? undefined : urlOption(values['telemetry-url'], 'telemetry-url'),
    pprofUrl: urlOption(values['pprof-url'], 'pprof-url'),
    sampleIntervalMs:
      option(values['sample-interval'], 'sample-interval', RUN_PARSERS['sample-interval']) ??
      RUN_DEFAULTS.sampleIntervalMs,
    mGc: !values['no-m-gc'],
    mOptions,
    extraArgs: values['agent-arg'],
    checkVersion: values['check-version'],
    checkPath: values['check-path'],
    profileDir: values['profile-dir'],
    cwd: io.cwd,
    env: io.env,
    log: (line) => io.stderr(`memgate: ${line}\n`),
  };
}

/** `--paired BASE_REF`: measure both sides in this process, judge the pairs, print the verdict. */
async function runPaired(values: RunValues, baseRef: string, io: CliIO): Promise<number> {
  const configPath = values.config ?? '.memgate.yml';
  const text = values.config
    ? (await readInput(values.config, io.cwd)).toString('utf8')
    : await readOptional(resolve(io.cwd, configPath));
  const flag = (name: string) => values[name as keyof RunValues] as string | undefined;
  const policy = resolvePolicy(
    text === undefined ? undefined : { text, source: configPath },
    readPolicyInputs(flag, argumentError),
  );
  const outShown = values.out ?? 'memgate-report.json';
  const m = await measurePaired({
    run: runOptions(values, io),
    baseRef,
    repo: io.cwd,
    checksDir: values['checks-dir'],
    out: resolve(io.cwd, outShown),
    outShown,
    warn: (w) => io.stderr(`memgate: warning: ${w}\n`),
  });
  const verdict = analyzePaired(m.base, m.head, m.against, policy);
  io.stdout(renderText(verdict));
  return verdict.status === 'fail' ? 1 : 0;
}

export const runCommand: Command = {
  name: 'run',
  summary:
    'run a check R times with memory profiling and write the MemoryReport (or --paired against a base ref)',
  usage: USAGE,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parse(argv, OPTIONS, USAGE);
    if (positionals.length > 0)
      throw new MemgateError(`unexpected argument "${positionals[0]}"\n${USAGE}`, 'arguments');
    if (!values.check === !values.command) {
      throw new MemgateError(`give exactly one of --check NAME or --command "…"\n${USAGE}`, 'arguments');
    }
    if (values['m-gc'] && values['no-m-gc'])
      throw new MemgateError('--m-gc and --no-m-gc contradict', 'arguments');
    if (values.paired !== undefined) return runPaired(values, values.paired, io);
    if (values['checks-dir'] !== undefined)
      throw new MemgateError('--checks-dir only applies with --paired', 'arguments');
    const outShown = values.out ?? 'memgate-report.json';
    const out = resolve(io.cwd, outShown);
    const report = await measure({
      out,
      outShown,
      warn: (w) => io.stderr(`memgate: warning: ${w}\n`),
      run: runOptions(values, io),
    });
    io.stdout(renderReportText(report));
    io.stdout(`report written to ${out}\n`);
    return 0;
  },
};
