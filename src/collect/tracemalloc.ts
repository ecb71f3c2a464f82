/**
 * Text written by `datadog_checks.base.utils.agent.memory` (the Agent's `check -m` profiling): the
 * snapshot and diff files of the `--m-dir` directory and the `check -m` printout that concatenates
 * them. Grammar and unit rules: shared/formats/python-tracemalloc.md.
 *
 * Every printed amount is rounded (`1.12 KiB`), so a stat keeps both its text and the bytes the text
 * stands for (amount × unit, not re-rounded). Rows in Python's own `tracemalloc.Statistic` form
 * (`size=…, count=…`) are accepted too, which is where counts come from.
 */
import { ParseError } from '../errors.js';
import { stripBom } from '../text.js';

export interface TracemallocStat {
  file: string;
  /** Absent for file-level rows (`sort=filename` prints line 0). */
  line?: number;
  /** `file:line` frames, oldest first, when the output lists a traceback under the row. */
  trace?: string[];
  source?: string;
  /** Bytes. For memory.py diff rows this is the signed difference, the only amount printed. */
  size: number;
  /** The amount as printed, with its sign and unit (`+80.37 KiB`). */
  sizeText: string;
  count?: number;
  sizeDiff?: number;
  countDiff?: number;
}

export interface TracemallocDump {
  kind: 'snapshot' | 'diff';
  /** `Top <limit> lines`; when the header is absent, the number of rows printed. */
  limit: number;
  stats: TracemallocStat[];
  other?: { count: number; size: number; sizeText: string };
  /** `Total allocated size` (snapshot) or the signed `Total difference` (diff), in bytes. */
  total: number;
  totalText: string;
}

const UNIT_BYTES: Record<string, number> = {
  B: 1,
  KiB: 1024,
  MiB: 1024 ** 2,
  GiB: 1024 ** 3,
  TiB: 1024 ** 4,
  PiB: 1024 ** 5,
  EiB: 1024 ** 6,
  ZiB: 1024 ** 7,
  YiB: 1024 ** 8,
};

const AMOUNT = String.raw`([+-]?)(\d+(?:\.\d+)?) (B|KiB|MiB|GiB|TiB|PiB|EiB|ZiB|YiB)`;
const RE_HEADER = /^Top (\d+) (lines|line diffs)$/;
const RE_ROW = new RegExp(String.raw`^#(\d+): (.+):(\d+): ${AMOUNT}$`);
// Python's own str(Statistic) / str(StatisticDiff), for output produced with the stdlib helpers.
const RE_NATIVE_ROW = new RegExp(
  String.raw`^#(\d+): (.+):(\d+): size=${AMOUNT}(?: \(${AMOUNT}\))?, count=(\d+)(?: \(([+-]\d+)\))?(?:, average=.*)?$`,
);
const RE_OTHER = new RegExp(String.raw`^(\d+) other: ${AMOUNT}$`);
const RE_TOTAL = new RegExp(String.raw`^Total (allocated size|difference): ${AMOUNT}$`);
const RE_FRAME = /^\s+File "(.*)", line (\d+)/;
const RE_SEPARATOR = /^={10,}$/;
// ESC [ … final byte: colour codes wrap each block when stdout is a TTY.
// eslint-disable-next-line no-control-regex
const RE_ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]/g;

interface Amount {
  bytes: number;
  text: string;
  signed: boolean;
}

function amount(sign: string, num: string, unit: string): Amount {
  const bytes = Number(num) * UNIT_BYTES[unit];
  return { bytes: sign === '-' ? -bytes : bytes, text: `${sign}${num} ${unit}`, signed: sign !== '' };
}

/** Parse one snapshot or diff file. */
export function parseTracemallocText(text: string, source: string): TracemallocDump {
  const lines = normalise(text).split('\n');
  if (lines.every((l) => l.trim() === ''))
    throw new ParseError(source, 'empty: expected a tracemalloc snapshot or diff');
  const end = lines.findIndex((l) => RE_TOTAL.test(l));
  if (end < 0)
    throw new ParseError(source, 'truncated: no `Total allocated size:` or `Total difference:` line');
  const rest = lines.slice(end + 1).findIndex((l) => l.trim() !== '');
  if (rest >= 0) throw new ParseError(source, `line ${end + 2 + rest}: unexpected text after the total`);
  return parseBlock(lines.slice(0, end + 1), 1, source);
}

/**
 * Parse `datadog-agent check <c> -m` stdout: per instance the newest snapshot, then optionally a line
 * of `=` and the newest diff. Status lines between blocks are skipped; inside a block the grammar is
 * strict.
 */
export function parseProfilePrintout(
  text: string,
  source: string,
): { snapshot: TracemallocDump; diff?: TracemallocDump }[] {
  const lines = normalise(text).split('\n');
  const out: { snapshot: TracemallocDump; diff?: TracemallocDump }[] = [];
  let expectDiff = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    if (RE_SEPARATOR.test(line.trim())) {
      if (out.length === 0)
        throw new ParseError(source, `line ${i + 1}: a diff separator with no snapshot before it`);
      expectDiff = true;
      continue;
    }
    if (/^no (snapshot data|snapshots) found in /.test(line.trim()))
      throw new ParseError(
        source,
        `line ${i + 1}: ${line.trim()} (the check produced no profile; did it raise?)`,
      );
    if (!startsBlock(line)) continue; // "Check has run only once…", "Multiple check instances found…", logs
    const end = lines.findIndex((l, j) => j >= i && RE_TOTAL.test(l));
    if (end < 0)
      throw new ParseError(source, `line ${i + 1}: truncated: the block never reaches its \`Total\` line`);
    const dump = parseBlock(lines.slice(i, end + 1), i + 1, source);
    if (dump.kind === 'snapshot') {
      out.push({ snapshot: dump });
    } else {
      const last = out[out.length - 1];
      if (!last || last.diff)
        throw new ParseError(source, `line ${i + 1}: a diff with no snapshot before it`);
      last.diff = dump;
    }
    expectDiff = false;
    i = end;
  }
  if (expectDiff) throw new ParseError(source, 'truncated: a diff separator is not followed by a diff');
  if (out.length === 0) throw new ParseError(source, 'no tracemalloc snapshot found in the output');
  return out;
}

function normalise(text: string): string {
  // Files from --m-dir are plain; only a TTY printout carries colour or CRs. Skip two full-text
  // regex passes in the common case (10% of collecting, bench/RESULTS.md §3).
  text = stripBom(text);
  if (!text.includes('\x1b') && !text.includes('\r')) return text;
  return text.replace(RE_ANSI, '').replace(/\r\n?/g, '\n');
}

function startsBlock(line: string): boolean {
  return RE_HEADER.test(line) || /^#\d+: /.test(line) || RE_OTHER.test(line) || RE_TOTAL.test(line);
}

/** `lines` runs from the header (or first row) to the Total line inclusive; `first` is its 1-based line number. */
function parseBlock(lines: string[], first: number, source: string): TracemallocDump {
  const fail = (i: number, what: string): never => {
    throw new ParseError(source, `line ${first + i}: ${what}`);
  };
  let i = 0;
  while (i < lines.length && lines[i].trim() === '') i++;
  let limit: number | undefined;
  let headerKind: TracemallocDump['kind'] | undefined;
  const header = RE_HEADER.exec(lines[i]);
  if (header) {
    limit = Number(header[1]);
    headerKind = header[2] === 'lines' ? 'snapshot' : 'diff';
    i++;
  }
  const totalLine = RE_TOTAL.exec(lines[lines.length - 1]);
  if (!totalLine) return fail(lines.length - 1, 'expected a `Total` line');
  const kind = totalLine[1] === 'difference' ? 'diff' : 'snapshot';
  if (headerKind && headerKind !== kind)
    fail(
      lines.length - 1,
      `a ${headerKind} header ends with a ${kind === 'diff' ? 'diff' : 'snapshot'} total`,
    );
  const isDiff = kind === 'diff';
  const checkSign = (a: Amount, at: number, what: string): void => {
    if (isDiff && !a.signed) fail(at, `${what} in a diff must carry a sign`);
    if (!isDiff && a.signed) fail(at, `${what} in a snapshot cannot carry a sign`);
  };

  const stats: TracemallocStat[] = [];
  let other: TracemallocDump['other'];
  for (; i < lines.length - 1; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    const row = rowStat(line, isDiff, (what) => fail(i, what));
    if (row) {
      if (other) fail(i, 'a row after the `other` line');
      if (row.index !== stats.length + 1)
        fail(i, `row #${row.index} out of order (expected #${stats.length + 1})`);
      i = readRowTail(lines, i + 1, lines.length - 1, row.stat) - 1;
      stats.push(row.stat);
      continue;
    }
    const o = RE_OTHER.exec(line);
    if (o) {
      if (other) fail(i, 'a second `other` line');
      const a = amount(o[2], o[3], o[4]);
      checkSign(a, i, 'the `other` amount');
      other = { count: Number(o[1]), size: a.bytes, sizeText: a.text };
      continue;
    }
    fail(i, `not tracemalloc output: "${clip(line)}"`);
  }
  if (limit !== undefined && stats.length > limit)
    fail(0, `${stats.length} rows under a "Top ${limit}" header`);
  const total = amount(totalLine[2], totalLine[3], totalLine[4]);
  checkSign(total, lines.length - 1, 'the total');
  const dump: TracemallocDump = {
    kind,
    limit: limit ?? stats.length,
    stats,
    total: total.bytes,
    totalText: total.text,
  };
  if (other) dump.other = other;
  return dump;
}

/**
 * A row, in memory.py's form (`#1: f.py:3: 1.5 KiB`) or Python's own (`size=…, count=…`), with its
 * printed `#index`; undefined when the line is not a row.
 */
function rowStat(
  line: string,
  isDiff: boolean,
  fail: (what: string) => never,
): { index: number; stat: TracemallocStat } | undefined {
  const row = RE_ROW.exec(line);
  const m = row ?? RE_NATIVE_ROW.exec(line);
  if (!m) return undefined;
  const a = amount(m[4], m[5], m[6]);
  const stat: TracemallocStat = { file: m[2], size: a.bytes, sizeText: a.text };
  const index = Number(m[1]);
  const lineNo = Number(m[3]);
  if (lineNo > 0) stat.line = lineNo;
  if (row) {
    if (isDiff && !a.signed) fail('an amount in a diff must carry a sign');
    if (!isDiff && a.signed) fail('an amount in a snapshot cannot carry a sign');
    if (isDiff) stat.sizeDiff = a.bytes;
    return { index, stat };
  }
  if (a.signed) fail('`size=` cannot carry a sign');
  stat.count = Number(m[10]);
  if (m[7] !== undefined) stat.sizeDiff = amount(m[7], m[8], m[9]).bytes;
  if (m[11] !== undefined) stat.countDiff = Number(m[11]);
  if (isDiff && stat.sizeDiff === undefined) fail('a diff row needs its `(±difference)`');
  return { index, stat };
}

/**
 * After a row: either its source line (indented, as memory.py writes it) or a traceback in Python's
 * `Traceback.format()` form (`  File "x", line N` + indented source). Returns the next unread index.
 */
function readRowTail(lines: string[], start: number, stop: number, stat: TracemallocStat): number {
  let i = start;
  const trace: string[] = [];
  let frameSource: string | undefined;
  while (i < stop) {
    const line = lines[i];
    if (!/^\s/.test(line) || line.trim() === '') break;
    const frame = RE_FRAME.exec(line);
    if (frame) {
      trace.push(`${frame[1]}:${frame[2]}`);
      frameSource = undefined;
    } else if (trace.length > 0 && frameSource === undefined) {
      frameSource = line.trim();
    } else if (stat.source === undefined && trace.length === 0) {
      stat.source = line.trim();
    } else {
      break;
    }
    i++;
  }
  if (trace.length > 0) {
    stat.trace = trace;
    // The innermost frame's source is the one the row stands for.
    if (stat.source === undefined && frameSource !== undefined) stat.source = frameSource;
  }
  return i;
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}
