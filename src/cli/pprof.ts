/**
 * `memgate pprof top|diff`: the top-N table of a Go profile, or of head − base, printed like
 * `go tool pprof -top` so the two can be read side by side.
 */
import { MemgateError } from '../errors.js';
import { DEFAULT_MAX_INFLATE_BYTES } from '../limits.js';
import { bytes } from '../settings/values.js';
import {
  diffProfiles,
  diffSampleType,
  parsePprof,
  profileTotals,
  sampleTypeIndex,
  topFunctions,
  topLines,
  type PprofProfile,
  type PprofRow,
} from '../collect/pprof.js';
import { intOption, option, parse } from './args.js';
import type { CliIO, Command } from './command.js';
import { writeGoDiffSvg } from './flamegraph-file.js';
import { readInput } from '../app/report-file.js';

const USAGE = `Usage:
  memgate pprof top FILE [options]        top-N functions of a Go profile (gzipped or not)
  memgate pprof diff BASE HEAD [options]  top-N growers of HEAD − BASE, like go tool pprof -diff_base

Options:
  --sample-index NAME   sample type: inuse_space (default for heap), inuse_objects, alloc_space,
                        alloc_objects, goroutine… or its position
  --top N               rows to print (default 10)
  --granularity G       functions (default) or lines (function + file:line)
  --json                print [{"function","file","line","flat","cum"}] sorted by flat descending
  --svg FILE            diff: also write a differential flame graph (width = HEAD, red grew, blue shrank)
  --max-inflate SIZE    largest size a gzipped profile may inflate to (default 512MiB)
`;

const OPTIONS = {
  'sample-index': { type: 'string' },
  top: { type: 'string' },
  granularity: { type: 'string' },
  json: { type: 'boolean' },
  svg: { type: 'string' },
  'max-inflate': { type: 'string' },
} as const;

const BYTE_UNITS: [string, number][] = [
  ['PB', 1024 ** 5],
  ['TB', 1024 ** 4],
  ['GB', 1024 ** 3],
  ['MB', 1024 ** 2],
  ['kB', 1024],
  ['B', 1],
];

/** The unit pprof's "minimum" output unit picks for a value: the largest one it reaches. */
function unitFor(value: number, unit: string): [string, number] {
  if (!/^bytes?$/i.test(unit)) return ['', 1];
  const v = Math.abs(value);
  return BYTE_UNITS.find(([, size]) => v >= size) ?? ['B', 1];
}

/**
 * The one output unit for the whole table, chosen like pprof's report: from the smallest non-zero
 * row, moved up when the total is more than 100× larger so the table stays readable.
 */
function tableUnit(rows: PprofRow[], total: number, unit: string): [string, number] {
  let min = 0;
  for (const r of rows) {
    const v = Math.abs(r.flat) || Math.abs(r.cum);
    if (v > 0 && (min === 0 || v < min)) min = v;
  }
  if (min === 0) min = Math.abs(total);
  const low = unitFor(min, unit);
  const high = unitFor(total, unit);
  if (low[0] !== high[0] && min * 100 < Math.abs(total)) return unitFor(100 * min, unit);
  return low;
}

function label(value: number, [suffix, size]: [string, number]): string {
  const scaled = (value / size) * 100;
  // Go's %.2f rounds an exact half to even (-0.125 → -0.12); toFixed rounds it away from zero.
  const rounded = Math.abs(scaled % 1) === 0.5 ? 2 * Math.round(scaled / 2) : Math.round(scaled);
  const text = (rounded / 100).toFixed(2).replace(/\.00$/, '');
  return text === '0' || text === '-0' ? '0' : `${text}${suffix}`;
}

/** pprof's percentage(): absolute, two decimals from 1%, two significant digits below. */
function percent(value: number, total: number): string {
  const ratio = total !== 0 ? Math.abs(value / total) * 100 : 0;
  if (ratio >= 99.95 && ratio <= 100.05) return '  100%';
  if (ratio >= 1) return `${ratio.toFixed(2).padStart(5)}%`;
  return `${String(Number(ratio.toPrecision(2))).padStart(5)}%`;
}

export function formatTable(
  rows: PprofRow[],
  opts: {
    total: number;
    unit: string;
    type: string;
    title: string;
    granularity: 'functions' | 'lines';
    of: number;
  },
): string {
  const unit = tableUnit(rows, opts.total, opts.unit);
  const shown = rows.reduce((s, r) => s + r.flat, 0);
  const lines = [
    opts.title,
    `Type: ${opts.type}`,
    `Showing ${rows.length} of ${opts.of} nodes, accounting for ${label(shown, unit)}, ${percent(shown, opts.total).trim()} of ${label(opts.total, unit)} total`,
    `${'flat'.padStart(10)} ${'flat'.padStart(5)}% ${'sum'.padStart(5)}% ${'cum'.padStart(10)} ${'cum'.padStart(5)}%`,
  ];
  let sum = 0;
  for (const r of rows) {
    sum += r.flat;
    const name = opts.granularity === 'lines' ? `${r.function} ${r.file}:${r.line}` : r.function;
    lines.push(
      `${label(r.flat, unit).padStart(10)} ${percent(r.flat, opts.total)} ${percent(sum, opts.total)} ${label(r.cum, unit).padStart(10)} ${percent(r.cum, opts.total)}  ${name}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function formatJson(rows: PprofRow[]): string {
  const items = rows.map((r) =>
    JSON.stringify({ function: r.function, file: r.file, line: r.line, flat: r.flat, cum: r.cum }),
  );
  return items.length ? `[\n${items.join(',\n')}\n]\n` : '[]\n';
}

async function load(path: string, io: CliIO, maxInflate: number): Promise<PprofProfile> {
  return parsePprof(await readInput(path, io.cwd), path, maxInflate);
}

export const pprofCommand: Command = {
  name: 'pprof',
  summary: 'top-N table of a Go pprof profile, or of the diff of two (like go tool pprof -top)',
  usage: USAGE,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parse(argv, OPTIONS, USAGE);
    const [sub, ...files] = positionals;
    const top = intOption(values.top, 'top', 10);
    const granularity = values.granularity ?? 'functions';
    if (granularity !== 'functions' && granularity !== 'lines')
      throw new MemgateError(`--granularity must be functions or lines, got "${granularity}"`, 'arguments');
    const sampleIndex = values['sample-index'];
    const maxInflate = option(values['max-inflate'], 'max-inflate', bytes) ?? DEFAULT_MAX_INFLATE_BYTES;

    let rows: PprofRow[];
    let title: string;
    let total: number;
    let type: PprofProfile['sampleTypes'][number];
    if (sub === 'top' && files.length === 1) {
      const p = await load(files[0], io, maxInflate);
      type = p.sampleTypes[sampleTypeIndex(p, sampleIndex)];
      const all =
        granularity === 'lines'
          ? topLines(p, { sampleIndex: type.type })
          : topFunctions(p, { sampleIndex: type.type });
      rows = all.slice(0, top);
      title = `File: ${files[0]}`;
      total = profileTotals(p)[type.type];
      if (!values.json) {
        io.stdout(
          formatTable(rows, { total, unit: type.unit, type: type.type, title, granularity, of: all.length }),
        );
        return 0;
      }
    } else if (sub === 'diff' && files.length === 2) {
      const [base, head] = [await load(files[0], io, maxInflate), await load(files[1], io, maxInflate)];
      const name = diffSampleType(base, head, sampleIndex);
      type = head.sampleTypes[sampleTypeIndex(head, name)];
      const all = diffProfiles(base, head, { sampleIndex: name, granularity });
      rows = all.slice(0, top);
      title = `File: ${files[1]} (diff base: ${files[0]})`;
      // Percentages are of the base total, as -diff_base prints them.
      total = profileTotals(base)[name];
      if (values.svg) await writeGoDiffSvg(values.svg, base, head, name, `${files[1]} vs ${files[0]}`, io);
      if (!values.json) {
        io.stdout(
          formatTable(rows, { total, unit: type.unit, type: name, title, granularity, of: all.length }),
        );
        return 0;
      }
    } else {
      throw new MemgateError(`expected "top FILE" or "diff BASE HEAD"\n${USAGE}`, 'arguments');
    }
    io.stdout(formatJson(rows));
    return 0;
  },
};
