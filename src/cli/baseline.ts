/**
 * `memgate baseline update|show`: the file baseline store from the command line, for local use
 * and for repos that commit their baselines. The branch store is the action's business.
 */
import { resolve } from 'node:path';

import { createFileStore } from '../baseline/file-store.js';
import { DEFAULT_KEEP, DEFAULT_WINDOW, selectBaseline } from '../baseline/document.js';
import { MemgateError } from '../errors.js';
import { parseMemoryReport, runCount } from '../model.js';
import { intOption, parse } from './args.js';
import type { CliIO, Command } from './command.js';
import { readInput } from '../app/report-file.js';

const USAGE = `Usage:
  memgate baseline update --store DIR --report R [--commit SHA] [--date ISO] [--ref REF] [--keep ${DEFAULT_KEEP}] [--repair]
  memgate baseline show --store DIR [--check C] [--check-version V] [--window ${DEFAULT_WINDOW}] [--json]

update  append the runs of report R (a MemoryReport JSON) to DIR/<check>/<version>.json, keeping the
        newest --keep entries per version; --commit defaults to the report's environment.commit.
        A corrupt baseline file stops the update; --repair replaces it and keeps the old text as
        <file>.corrupt.
show    list the stored checks and versions; with --check C --check-version V, the baseline a run
        of C at V would be compared with (exact version, else the highest lower one).
`;

const OPTIONS = {
  store: { type: 'string' },
  report: { type: 'string' },
  commit: { type: 'string' },
  date: { type: 'string' },
  ref: { type: 'string' },
  keep: { type: 'string' },
  repair: { type: 'boolean' },
  check: { type: 'string' },
  'check-version': { type: 'string' },
  window: { type: 'string' },
  json: { type: 'boolean' },
} as const;

async function update(values: Record<string, string | boolean | undefined>, io: CliIO): Promise<number> {
  const reportPath = values.report;
  if (typeof reportPath !== 'string') throw new MemgateError(`--report is required\n${USAGE}`, 'arguments');
  const report = parseMemoryReport((await readInput(reportPath, io.cwd)).toString('utf8'), reportPath);
  const commit = (values.commit as string | undefined) ?? report.environment.commit;
  if (!commit)
    throw new MemgateError('no commit: pass --commit SHA (the report has no environment.commit)', reportPath);
  if (values.date !== undefined && !Number.isFinite(Date.parse(values.date as string)))
    throw new MemgateError(`--date must be an ISO date, got "${String(values.date)}"`, 'arguments');
  const store = createFileStore({
    dir: resolve(io.cwd, values.store as string),
    keep: intOption(values.keep as string | undefined, 'keep', DEFAULT_KEEP),
    repair: values.repair === true,
    warn: (m) => io.stderr(`${m}\n`),
  });
  const { written } = await store.update(report, {
    commit,
    date: values.date as string | undefined,
    ref: (values.ref as string | undefined) ?? report.environment.ref,
  });
  if (written.length === 0) io.stdout('memgate: the report has no checks; nothing written\n');
  else
    io.stdout(
      `memgate: baseline at ${commit.slice(0, 12)} written to ${written.map((w) => `${values.store}/${w}`).join(', ')}\n`,
    );
  return 0;
}

async function show(values: Record<string, string | boolean | undefined>, io: CliIO): Promise<number> {
  const window = intOption(values.window as string | undefined, 'window', DEFAULT_WINDOW);
  const store = createFileStore({
    dir: resolve(io.cwd, values.store as string),
    window,
    warn: (m) => io.stderr(`${m}\n`),
  });
  const check = values.check as string | undefined;
  const wanted = values['check-version'] as string | undefined;
  if (wanted !== undefined) {
    if (!check) throw new MemgateError('--check-version needs --check', 'arguments');
    const lookup = await store.read({ name: check, version: wanted });
    if (values.json) io.stdout(`${JSON.stringify({ check, provenance: lookup.provenance }, null, 2)}\n`);
    else io.stdout(`${check}@${wanted}: ${lookup.provenance.message ?? lookup.provenance.status}\n`);
    return 0;
  }
  const docs = await store.documents(check);
  const rows = docs.map((d) => {
    const last = d.doc?.entries[d.doc.entries.length - 1];
    const sel = d.doc ? selectBaseline(d.doc, { window }) : undefined;
    return {
      check: d.name,
      version: d.version,
      path: d.path,
      entries: d.doc?.entries.length ?? 0,
      lastCommit: last?.commit,
      lastDate: last?.date,
      baselineRuns: sel ? runCount(sel.report) : 0,
      metrics: sel ? Object.keys(sel.report.metrics).sort() : [],
      error: d.error,
    };
  });
  if (values.json) {
    io.stdout(`${JSON.stringify({ store: values.store, checks: rows }, null, 2)}\n`);
    return 0;
  }
  if (rows.length === 0) {
    io.stdout(check ? `no baselines for ${check} in ${values.store}\n` : `no baselines in ${values.store}\n`);
    return 0;
  }
  for (const r of rows) {
    if (r.error) {
      io.stdout(`${r.check}@${r.version}  UNREADABLE: ${r.error}\n`);
      continue;
    }
    io.stdout(
      `${r.check}@${r.version}  ${r.entries} entr${r.entries === 1 ? 'y' : 'ies'}, last ${r.lastCommit?.slice(0, 12)} on ${r.lastDate}, ` +
        `baseline ${r.baselineRuns} run${r.baselineRuns === 1 ? '' : 's'} of ${r.metrics.join(', ') || 'no metrics'}\n`,
    );
  }
  return 0;
}

export const baselineCommand: Command = {
  name: 'baseline',
  summary: 'update or show a baseline directory (file store)',
  usage: USAGE,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parse(argv, OPTIONS, USAGE);
    const [verb, ...extra] = positionals;
    if (extra.length > 0) throw new MemgateError(`unexpected argument "${extra[0]}"\n${USAGE}`, 'arguments');
    if (typeof values.store !== 'string')
      throw new MemgateError(`--store DIR is required\n${USAGE}`, 'arguments');
    if (verb === 'update') return update(values, io);
    if (verb === 'show') return show(values, io);
    throw new MemgateError(
      `expected "update" or "show", got ${verb === undefined ? 'nothing' : `"${verb}"`}\n${USAGE}`,
      'arguments',
    );
  },
};
