/**
 * Issue 15 rows 12 and 13: every format treats the same input alike. A UTF-8 byte-order mark is
 * accepted everywhere (check --json already took it; telemetry, tracemalloc and reports refused it),
 * and a negative byte value is refused everywhere (expvar already refused it; check --json, telemetry
 * and reports took it), with the same reason. Real Agent samples, through the parsers and the CLI.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { parseCheckJson } from '../../src/collect/check-json.js';
import { parseExpvar } from '../../src/collect/expvar.js';
import { parseTelemetry } from '../../src/collect/telemetry.js';
import { parseTracemallocText } from '../../src/collect/tracemalloc.js';
import { ParseError } from '../../src/errors.js';
import { emptyReport, parseMemoryReport } from '../../src/model.js';
import { NEGATIVE } from '../../src/text.js';
import { VERSION } from '../../src/version.js';
import { caseFiles, sample } from '../collect/samples.js';
import { runCliCaptured } from '../support/cli.js';

const BOM = '\uFEFF';
const CHECK_JSON = sample('agent/check-output.json');
const TELEMETRY = sample('agent/telemetry.prom');
const SNAPSHOT = caseFiles('default', 'snapshots')[0].text;
const EXPVAR = sample('go/vars.json');

function report(value: number): string {
  const r = emptyReport(VERSION, { options: {} });
  r.checks = [
    {
      check: { name: 'mycheck', version: '1.2.3' },
      metrics: { 'python.check_run_alloc': { runs: [{ value, series: [value] }] } },
      sites: [],
      notes: [],
    },
  ];
  return JSON.stringify(r);
}

describe('a UTF-8 BOM is accepted by every text format (row 13)', () => {
  const cases: [string, (t: string) => unknown][] = [
    ['check --json', (t) => parseCheckJson(t, 'c.json')[0].checkRunAlloc],
    ['telemetry', (t) => parseTelemetry(t, 't.prom').pymemInuse],
    ['tracemalloc', (t) => parseTracemallocText(t, 's.txt').stats.length],
    ['report', (t) => parseMemoryReport(t, 'r.json').checks[0].metrics],
    ['expvar', (t) => parseExpvar(t, 'v.json').rtloader],
  ];
  const texts: Record<string, string> = {
    'check --json': CHECK_JSON,
    telemetry: TELEMETRY,
    tracemalloc: SNAPSHOT,
    report: report(100),
    expvar: EXPVAR,
  };
  for (const [name, parse] of cases) {
    it(`${name}: the same result with and without a BOM`, () => {
      assert.deepEqual(parse(BOM + texts[name]), parse(texts[name]));
    });
  }
});

describe('a negative byte value is refused by every format, with the same reason (row 12)', () => {
  const refused = (path: RegExp) => (err: unknown) =>
    err instanceof ParseError && path.test(err.message) && err.message.includes(NEGATIVE);

  it('check --json: a negative check_run_alloc point', () => {
    const text = CHECK_JSON.replace('334855', '-334855');
    assert.throws(() => parseCheckJson(text, 'c.json'), refused(/points\[0\]\[1\]/));
  });

  it('telemetry: a negative pymem__inuse', () => {
    const text = TELEMETRY.replace('pymem__inuse 4.1467904e+07', 'pymem__inuse -4.1467904e+07');
    assert.throws(() => parseTelemetry(text, 't.prom'), refused(/pymem__inuse/));
  });

  it('a report: a negative run value or series point', () => {
    assert.throws(() => parseMemoryReport(report(-1), 'r.json'), refused(/runs\[0\]\.value/));
    const r = JSON.parse(report(5)) as {
      checks: { metrics: Record<string, { runs: { series: number[] }[] }> }[];
    };
    r.checks[0].metrics['python.check_run_alloc'].runs[0].series = [5, -2];
    assert.throws(() => parseMemoryReport(JSON.stringify(r), 'r.json'), refused(/series\[1\]/));
  });

  it('expvar (unchanged): the same reason', () => {
    const doc = JSON.parse(EXPVAR) as { memstats: Record<string, number> };
    doc.memstats.HeapInuse = -1;
    assert.throws(() => parseExpvar(JSON.stringify(doc), 'v.json'), refused(/HeapInuse/));
  });
});

describe('through memgate collect', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'memgate-bom-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  const cli = (args: string[]) => runCliCaptured(args, dir);

  it('BOM-prefixed check --json and telemetry make the same report as plain ones', async () => {
    await writeFile(join(dir, 'c.json'), CHECK_JSON);
    await writeFile(join(dir, 't.prom'), TELEMETRY);
    await writeFile(join(dir, 'c-bom.json'), BOM + CHECK_JSON);
    await writeFile(join(dir, 't-bom.prom'), BOM + TELEMETRY);
    const a = await cli(['collect', '--check-json', 'c.json', '--telemetry', 't.prom', '--out', 'a.json']);
    const b = await cli([
      'collect',
      '--check-json',
      'c-bom.json',
      '--telemetry',
      't-bom.prom',
      '--out',
      'b.json',
    ]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    const checks = async (f: string) =>
      (JSON.parse(await readFile(join(dir, f), 'utf8')) as { checks: unknown }).checks;
    assert.deepEqual(await checks('b.json'), await checks('a.json'));
  });

  it('a negative value is one line, exit 2', async () => {
    await writeFile(join(dir, 'neg.json'), CHECK_JSON.replace('334855', '-334855'));
    const r = await cli(['collect', '--check-json', 'neg.json', '--out', 'n.json']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^memgate: neg\.json: .*points\[0\]\[1\] must be a non-negative number\n$/);
  });
});
