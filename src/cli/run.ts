/**
 * `memgate run`: run a check (or any command) R times under memory profiling, sample its endpoints,
 * and write the MemoryReport.
 */
import { resolve } from 'node:path';

import { measure } from '../app/measure.js';

import { MemgateError } from '../errors.js';
import { M_OPTIONS, type MOption } from '../run/command.js';
import { renderReportText } from '../report/report-text.js';
import { DEFAULT_EXPVAR_URL } from '../run/runner.js';
import { RUN_DEFAULTS, RUN_PARSERS } from '../settings/run.js';
import { M_VALUE_FLAGS, nameOption, option, parse, urlOption } from './args.js';
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
} as const;

export const runCommand: Command = {
  name: 'run',
  summary: 'run a check R times with memory profiling and write the MemoryReport',
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
    const mOptions: Partial<Record<MOption, string>> = {};
    for (const name of M_OPTIONS) {
      const v = values[`m-${name}`];
      if (v !== undefined) mOptions[name] = v;
    }
    const outShown = values.out ?? 'memgate-report.json';
    const out = resolve(io.cwd, outShown);
    const report = await measure({
      out,
      outShown,
      warn: (w) => io.stderr(`memgate: warning: ${w}\n`),
      run: {
        check: nameOption(values.check, 'check'),
        command: values.command,
        shell: values.shell ?? false,
        agentBin: values['agent-bin'],
        repeat: option(values.repeat, 'repeat', RUN_PARSERS.repeat) ?? RUN_DEFAULTS.repeat,
        checkTimes:
          option(values['check-times'], 'check-times', RUN_PARSERS['check-times']) ?? RUN_DEFAULTS.checkTimes,
        timeoutMs:
          (option(values.timeout, 'timeout', RUN_PARSERS.timeout) ?? RUN_DEFAULTS.timeoutSeconds) * 1000,
        expvarUrl: values['no-expvar']
          ? undefined
          : (urlOption(values['expvar-url'], 'expvar-url') ?? DEFAULT_EXPVAR_URL),
        telemetryUrl: values['no-telemetry']
          ? undefined
          : urlOption(values['telemetry-url'], 'telemetry-url'),
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
      },
    });
    io.stdout(renderReportText(report));
    io.stdout(`report written to ${out}\n`);
    return 0;
  },
};
