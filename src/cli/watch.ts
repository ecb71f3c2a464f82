/**
 * `memgate watch`: sample a running Agent (live mode) while it runs a check on its own schedule, for
 * a duration or N runs of that check, and write the MemoryReport.
 */
import { resolve } from 'node:path';

import { writeReport } from '../app/report-file.js';

import { MemgateError } from '../errors.js';
import { DEFAULT_EXPVAR_URL } from '../run/runner.js';
import { watchAgent } from '../run/watch.js';
import { renderReportText } from '../report/report-text.js';
import { RUN_PARSERS } from '../settings/run.js';
import { intOption, option, parse, urlOption } from './args.js';
import type { CliIO, Command } from './command.js';

const USAGE = `Usage: memgate watch --check NAME (--runs N | --duration S) [options]

Sample a running Agent (\`agent run\`, or the Agent in a container) while it runs NAME on its own
schedule; NAME must be configured in that Agent (conf.d/NAME.d/conf.yaml). The series are cut per
check run from the runner expvar's TotalRuns. A running Agent serves the RTLoader C counters (with
DD_MEMTRACK_ENABLED=true), pymem (telemetry) and Go memstats and heap profiles; its check_run_alloc
and tracemalloc sites go to Datadog, not to its endpoints, so use \`memgate run\` for those.

  --check NAME           the check, as the Agent's runner names it
  --runs N               stop once the check has run N more times
  --duration S           or after S seconds (whichever comes first with --runs)
  --repeat R             windows in a row, each one run of the report (default 1)
  --expvar-url URL       /debug/vars (default ${DEFAULT_EXPVAR_URL})
  --telemetry-url URL    /telemetry (pymem, rtloader); default: beside --expvar-url
  --no-telemetry         do not poll /telemetry
  --pprof-url URL        heap profile fetched at the start and the end of each window
  --sample-interval MS   polling interval (default 1000: the Agent refreshes pymem every second)
  --timeout S            longest window when waiting for --runs, or e.g. 10m (default 600)
  --check-version V      version (default: the one the Agent's runner reports)
  --out FILE             report path (default memgate-report.json)
`;

const OPTIONS = {
  check: { type: 'string' },
  runs: { type: 'string' },
  duration: { type: 'string' },
  repeat: { type: 'string' },
  'expvar-url': { type: 'string' },
  'telemetry-url': { type: 'string' },
  'no-telemetry': { type: 'boolean' },
  'pprof-url': { type: 'string' },
  'sample-interval': { type: 'string' },
  timeout: { type: 'string' },
  'check-version': { type: 'string' },
  out: { type: 'string' },
} as const;

export const watchCommand: Command = {
  name: 'watch',
  summary: 'sample a running Agent while it runs a check on its schedule (live mode)',
  usage: USAGE,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parse(argv, OPTIONS, USAGE);
    if (positionals.length > 0)
      throw new MemgateError(`unexpected argument "${positionals[0]}"\n${USAGE}`, 'arguments');
    if (!values.check) throw new MemgateError(`--check is required\n${USAGE}`, 'arguments');
    if (values.runs === undefined && values.duration === undefined)
      throw new MemgateError(`give --runs N or --duration S\n${USAGE}`, 'arguments');
    const expvarUrl = urlOption(values['expvar-url'], 'expvar-url') ?? DEFAULT_EXPVAR_URL;
    const outShown = values.out ?? 'memgate-report.json';
    const out = resolve(io.cwd, outShown);
    const { report, warnings } = await watchAgent({
      check: values.check,
      runs: values.runs === undefined ? undefined : intOption(values.runs, 'runs', 1),
      durationMs:
        values.duration === undefined ? undefined : intOption(values.duration, 'duration', 1) * 1000,
      repeat: intOption(values.repeat, 'repeat', 1),
      expvarUrl,
      telemetryUrl: values['no-telemetry']
        ? undefined
        : (urlOption(values['telemetry-url'], 'telemetry-url') ?? new URL('/telemetry', expvarUrl).href),
      pprofUrl: urlOption(values['pprof-url'], 'pprof-url'),
      sampleIntervalMs:
        option(values['sample-interval'], 'sample-interval', RUN_PARSERS['sample-interval']) ?? 1000,
      timeoutMs: (option(values.timeout, 'timeout', RUN_PARSERS.timeout) ?? 600) * 1000,
      checkVersion: values['check-version'],
      log: (line) => io.stderr(`memgate: ${line}\n`),
    });
    await writeReport(out, report, outShown);
    for (const w of warnings) io.stderr(`memgate: warning: ${w}\n`);
    io.stdout(renderReportText(report));
    io.stdout(`report written to ${out}\n`);
    return 0;
  },
};
