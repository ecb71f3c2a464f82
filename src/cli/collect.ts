/**
 * `memgate collect`: turn files captured from one check run (check --json, tracemalloc output,
 * /debug/vars, /telemetry, pprof profiles) into a MemoryReport file.
 */
import { relative, resolve } from 'node:path';

import { assembleReport, type RunCapture } from '../collect/assemble.js';
import { parsePprof, profileTotals } from '../collect/pprof.js';
import { PROFILING_OPTIONS, profilingFromFlags } from '../collect/profiling-options.js';
import { readProfileDir } from '../run/profile-files.js';
import { MemgateError } from '../errors.js';
import { VERSION } from '../version.js';
import { M_VALUE_FLAGS, nameOption, parse } from './args.js';
import type { CliIO, Command } from './command.js';
import { isDirectory, readInput, writeReport } from '../app/report-file.js';

const USAGE = `Usage: memgate collect [options] --out report.json

Build a MemoryReport from files captured from one run of a check.

  --check-json F       stdout of \`datadog-agent check <c> --json\` (check_run_alloc, failures)
  --tracemalloc F|DIR  an --m-dir directory, or a \`check -m\` printout / snapshot file (repeatable)
  --expvar F           /debug/vars JSON, one poll per flag, in time order (repeatable)
  --telemetry F        /telemetry Prometheus text, one poll per flag, in time order (repeatable)
  --pprof F            heap profile (give the first and the last) or goroutine profile (repeatable)
  --check NAME         check name (overrides the one found in the files)
  --check-version V    check version (overrides the one found in the files)
  --m-gc 0|1, --m-frames N, --m-combine 0|1, --m-sort S, --m-limit N, --m-diff D, --m-filters F,
  --m-unit U, --m-verbose 0|1
                       the Agent's profiling flags the capture was made with, recorded in the report
                       (gc decides whether each run's retained bytes count as a leak); what the files
                       show (unit, sort, limit, diff order) is read from them, the rest is unknown
  --out F              where to write the report (required)
`;

const OPTIONS = {
  'check-json': { type: 'string' },
  tracemalloc: { type: 'string', multiple: true },
  expvar: { type: 'string', multiple: true },
  telemetry: { type: 'string', multiple: true },
  pprof: { type: 'string', multiple: true },
  check: { type: 'string' },
  'check-version': { type: 'string' },
  out: { type: 'string' },
  ...M_VALUE_FLAGS,
  'm-gc': { type: 'string' },
} as const;

export const collectCommand: Command = {
  name: 'collect',
  summary: 'build a MemoryReport from captured check output, tracemalloc, expvar, telemetry and pprof files',
  usage: USAGE,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parse(argv, OPTIONS, USAGE);
    if (positionals.length > 0)
      throw new MemgateError(`unexpected argument "${positionals[0]}"\n${USAGE}`, 'arguments');
    if (!values.out) throw new MemgateError(`--out is required\n${USAGE}`, 'arguments');

    const text = async (f: string): Promise<string> => (await readInput(f, io.cwd)).toString('utf8');
    const run: RunCapture = {};
    if (values['check-json'])
      run.checkJson = { text: await text(values['check-json']), source: values['check-json'] };
    for (const t of values.tracemalloc ?? []) {
      const abs = resolve(io.cwd, t);
      if (await isDirectory(abs)) {
        const dirs = await readProfileDir(abs);
        if (dirs.length === 0)
          throw new MemgateError(
            'no tracemalloc files found (expected <dir>/<check>/<check_id>/snapshots/)',
            t,
          );
        for (const d of dirs) d.instanceDir = relative(io.cwd, d.instanceDir) || '.';
        (run.profileDirs ??= []).push(...dirs);
      } else {
        (run.printouts ??= []).push({ text: await text(t), source: t });
      }
    }
    let at = 0;
    for (const f of values.expvar ?? [])
      (run.expvar ??= []).push({ text: await text(f), source: f, at: at++ });
    for (const f of values.telemetry ?? [])
      (run.telemetry ??= []).push({ text: await text(f), source: f, at: at++ });
    for (const f of values.pprof ?? []) {
      const bytes = new Uint8Array(await readInput(f, io.cwd));
      // A goroutine profile has a single `goroutine` sample type; anything else is a heap profile.
      const kind = 'goroutine' in profileTotals(parsePprof(bytes, f)) ? 'goroutineProfiles' : 'heapProfiles';
      (run[kind] ??= []).push({ bytes, source: f });
    }
    if (Object.keys(run).length === 0)
      throw new MemgateError(`nothing to collect: give at least one input file\n${USAGE}`, 'arguments');

    const { report, warnings } = assembleReport([run], {
      check: nameOption(values.check, 'check'),
      checkVersion: nameOption(values['check-version'], 'check-version'),
      toolVersion: VERSION,
      profiling: profilingFromFlags(Object.fromEntries(PROFILING_OPTIONS.map((o) => [o, values[`m-${o}`]]))),
    });
    if (report.checks.length === 0)
      throw new MemgateError('the inputs hold no measurement for any check', 'arguments');
    await writeReport(resolve(io.cwd, values.out), report, values.out);
    for (const w of warnings) io.stderr(`memgate: warning: ${w}\n`);
    const names = report.checks.map(
      (c) => `${c.check.name}@${c.check.version}${c.check.instance ? `#${c.check.instance}` : ''}`,
    );
    const metrics = new Set(report.checks.flatMap((c) => Object.keys(c.metrics)));
    io.stdout(
      `wrote ${values.out}: ${names.join(', ')}; metrics: ${[...metrics].sort().join(', ') || 'none'}\n`,
    );
    return 0;
  },
};
