import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  assembleReport,
  NO_RUN_POLLED_NOTE,
  PER_POLL_NOTE,
  RTLOADER_OFF_NOTE,
  type RunCapture,
} from '../../src/collect/assemble.js';
import { readProfileDir } from '../../src/run/profile-files.js';
import { MemgateError, ParseError } from '../../src/errors.js';
import { validateMemoryReport, type CheckReport } from '../../src/model.js';
import {
  caseMetrics,
  checkJsonFor,
  instanceDir,
  sample,
  sampleBytes,
  SAMPLES,
  type TracemallocCase,
} from './samples.js';

const OPTS = { toolVersion: '0.0.0-test' };

async function cliRun(c: TracemallocCase): Promise<RunCapture> {
  return {
    checkJson: { text: checkJsonFor(caseMetrics(c), { version: '1.0.0' }), source: `${c}.json` },
    profileDirs: await readProfileDir(`${SAMPLES}/tracemalloc/${c}`),
  };
}

function only(checks: CheckReport[]): CheckReport {
  assert.equal(checks.length, 1);
  return checks[0];
}

const ZERO_RTLOADER = JSON.stringify({
  rtloader: { AllocatedBytes: 0, FreedBytes: 0, Allocations: 0, Frees: 0, InuseBytes: 0, UntrackedFrees: 0 },
  memstats: JSON.parse(sample('go/vars.json')).memstats,
});

const MEMSTATS = JSON.parse(sample('go/vars.json')).memstats as Record<string, number>;

/**
 * A synthetic /debug/vars poll: InuseBytes and HeapInuse both `inuse`; with `runs` (check ID →
 * TotalRuns) also the Agent's runner stats for the check `name` (an empty map lists no check).
 */
function vars(inuse: number, runs?: Record<string, number>, name = 'queue_stats'): string {
  const doc: Record<string, unknown> = {
    memstats: { ...MEMSTATS, HeapInuse: inuse },
    rtloader: {
      AllocatedBytes: inuse + 64,
      FreedBytes: 64,
      Allocations: 3,
      Frees: 1,
      InuseBytes: inuse,
      UntrackedFrees: 0,
    },
  };
  if (runs) {
    const ids = Object.entries(runs);
    doc.runner = {
      Checks: ids.length
        ? {
            [name]: Object.fromEntries(
              ids.map(([id, n]) => [id, { CheckID: id, TotalRuns: n, TotalErrors: 0 }]),
            ),
          }
        : {},
      Errors: 0,
      Runs: ids.reduce((a, [, n]) => a + n, 0),
      Running: {},
    };
  }
  return JSON.stringify(doc);
}

/** A synthetic /telemetry poll whose pymem__inuse is `inuse`. */
function telemetry(inuse: number): string {
  return sample('agent/telemetry.prom').replace('pymem__inuse 4.1467904e+07', `pymem__inuse ${inuse}`);
}

describe('assembleReport', () => {
  it('CLI mode: check_run_alloc per iteration and tracemalloc sites (median over the snapshots)', async () => {
    const { report, warnings } = assembleReport([await cliRun('growing-positive')], OPTS);
    assert.deepEqual(validateMemoryReport(JSON.parse(JSON.stringify(report)), 'r'), report);
    assert.deepEqual(warnings, []);
    const c = only(report.checks);
    assert.deepEqual(c.check, { name: 'queue_stats', version: '1.0.0' });
    const alloc = caseMetrics('growing-positive');
    assert.deepEqual(c.metrics['python.check_run_alloc'].runs, [
      {
        value:
          [...alloc]
            .sort((a, b) => a - b)
            .slice(2, 4)
            .reduce((a, b) => a + b) / 2,
        series: alloc,
      },
    ]);
    const grow = c.sites.find((s) => s.key === 'queue_stats/check.py:21');
    assert.ok(grow);
    // sizes 1.34, 2.41, 3.56, 5.25, 5.94, 7.59 KiB → median (3.56 + 5.25) / 2 KiB
    assert.ok(Math.abs(grow.bytes[0] - ((3.56 + 5.25) / 2) * 1024) < 1e-6);
    assert.equal(grow.runtime, 'python');
    assert.equal(grow.line, 21);
    assert.equal(grow.source, '_names.extend(s["name"] for s in stats)');
    // shows in the first snapshot only: median of [632, 0, 0, 0, 0, 0]
    assert.deepEqual(c.sites.find((s) => s.key === 'python3.11/re/__init__.py:302')?.bytes, [0]);
  });

  it('joins several runs: one RunSample per run, site bytes aligned by run (0 where absent)', async () => {
    const runs = [await cliRun('default'), await cliRun('retaining-gc')];
    const c = only(assembleReport(runs, OPTS).report.checks);
    assert.deepEqual(
      c.metrics['python.check_run_alloc'].runs.map((r) => r.value),
      [14887, 2035],
    );
    assert.deepEqual(c.sites.find((s) => s.key === 'queue_stats/check.py:14')?.bytes, [0, 280]);
    assert.deepEqual(c.sites.find((s) => s.key === 'queue_stats/check.py:10')?.bytes, [48, 0]);
  });

  it('filename sort: sites keyed by file alone', async () => {
    const c = only(assembleReport([await cliRun('filename-b')], OPTS).report.checks);
    assert.deepEqual(
      c.sites.map((s) => [s.key, s.line, s.bytes]),
      [
        ['queue_stats/check.py', undefined, [14768]],
        ['python3.11/re/__init__.py', undefined, [119]],
      ],
    );
  });

  it('without check --json, check_run_alloc comes from the snapshot totals, with a note', async () => {
    const { report, warnings } = assembleReport(
      [{ profileDirs: await readProfileDir(instanceDir('filename-b')) }],
      OPTS,
    );
    const c = only(report.checks);
    assert.deepEqual(c.check, { name: 'queue_stats', version: '0.0.0' });
    assert.deepEqual(c.metrics['python.check_run_alloc'].runs[0].series, caseMetrics('filename-b'));
    assert.equal(warnings.length, 1);
    assert.deepEqual(c.notes, warnings);
  });

  it('a `check -m` printout counts as one snapshot of the run; --check is required without JSON', () => {
    const printouts = [{ text: sample('agent/cli-profile-t2.txt'), source: 'p.txt' }];
    assert.throws(() => assembleReport([{ printouts }], OPTS), MemgateError);
    const c = only(assembleReport([{ printouts }], { ...OPTS, check: 'mycheck' }).report.checks);
    assert.deepEqual(
      c.sites.map((s) => s.key),
      ['mycheck/check.py:13', 'mycheck/check.py:8'],
    );
  });

  it('live mode without runner stats: expvar and telemetry polls become series, per poll, with a note', () => {
    const run: RunCapture = {
      expvar: [
        { text: sample('go/vars-retaining.json'), source: 'v2', at: 2 },
        { text: sample('go/vars.json'), source: 'v1', at: 1 },
      ],
      telemetry: [
        { text: sample('agent/telemetry.prom'), source: 't1', at: 1 },
        { text: sample('agent/telemetry.prom').replace('4.1467904e+07', '4.2e+07'), source: 't2', at: 2 },
      ],
    };
    const { report, warnings } = assembleReport([run], { ...OPTS, check: 'mycheck', checkVersion: '2.0.0' });
    assert.deepEqual(warnings, [], 'a report note, not a warning');
    const c = only(report.checks);
    assert.deepEqual(c.notes, [PER_POLL_NOTE]);
    assert.deepEqual(c.check, { name: 'mycheck', version: '2.0.0' });
    const series = (id: string) => c.metrics[id]?.runs[0].series;
    assert.deepEqual(series('c.rtloader.inuse_bytes'), [0, 750]);
    assert.deepEqual(series('c.rtloader.live_allocations'), [0, 0]);
    assert.deepEqual(series('c.rtloader.allocated_bytes'), [102400, 102400]);
    assert.deepEqual(series('c.rtloader.allocations'), [250, 250]);
    assert.deepEqual(series('c.rtloader.untracked_frees'), [0, 0]);
    assert.deepEqual(series('go.memstats.heap_inuse'), [3457024, 7520256]);
    assert.deepEqual(series('go.memstats.heap_alloc'), [2640096, 6698176]);
    assert.deepEqual(series('go.memstats.sys'), [19248392, 23704840]);
    assert.deepEqual(series('python.pymem.inuse'), [41467904, 42000000]);
    assert.deepEqual(c.metrics['python.pymem.inuse'].runs[0].value, 42000000);
    assert.deepEqual(c.metrics['python.pymem.alloc'].runs[0], { value: 0, series: [123456789, 123456789] });
    assert.deepEqual(c.metrics['c.rtloader.inuse_bytes'].runs[0].value, 750);
  });

  it('runner stats: polled series keep the last poll of every check iteration', () => {
    const id = 'queue_stats:91c0d2aa53e1b7f4';
    // TotalRuns seen by each expvar poll (t = 0…6): none yet, 1, 1, 2, 4, 4, 5 (run 3 never polled).
    const seen = [undefined, 1, 1, 2, 4, 4, 5];
    const inuse = seen.map((_, t) => 1000 + 100 * t);
    const expvar = seen.map((n, t) => ({
      text: vars(inuse[t], n === undefined ? {} : { [id]: n }),
      source: `v${t}`,
      at: t * 10,
    }));
    // Telemetry polls land a little after expvar polls; the first precedes every expvar poll.
    const teleAt = [-5, 10, 25, 32, 51, 64, 70];
    const pymem = teleAt.map((_, j) => 5_000_000 + 1000 * j);
    const run: RunCapture = {
      checkJson: { text: checkJsonFor([0, 0, 0, 0, 0], { id }), source: 'c.json' },
      // Given out of order: assembly sorts by time.
      expvar: [...expvar].reverse(),
      telemetry: teleAt.map((at, j) => ({ text: telemetry(pymem[j]), source: `t${j}`, at })),
    };
    const { report, warnings } = assembleReport([run], OPTS);
    assert.deepEqual(validateMemoryReport(JSON.parse(JSON.stringify(report)), 'r'), report);
    assert.deepEqual(warnings, []);
    const c = only(report.checks);
    assert.deepEqual(c.notes, []);
    // Poll 0 (before any run finished), then the last poll with TotalRuns = 1, 2, 4, 5: polls 2, 3, 5, 6.
    const perRun = [0, 2, 3, 5, 6].map((t) => inuse[t]);
    assert.deepEqual(c.metrics['c.rtloader.inuse_bytes'].runs[0].series, perRun);
    assert.deepEqual(c.metrics['go.memstats.heap_inuse'].runs[0].series, perRun);
    assert.deepEqual(c.metrics['c.rtloader.live_allocations'].runs[0].series, [2, 2, 2, 2, 2]);
    // Telemetry poll j belongs to the expvar poll at or before it: runs -, 1, 1, 2, 4, 5, 5; none
    // was taken before the first run finished, so its series starts at run 1.
    assert.deepEqual(
      c.metrics['python.pymem.inuse'].runs[0].series,
      [2, 3, 4, 6].map((j) => pymem[j]),
    );
    assert.equal(c.metrics['python.check_run_alloc'].runs[0].series.length, 5);
  });

  it('runner stats per instance when instances are split, summed over instances otherwise', () => {
    const a = 'queue_stats:aaaa';
    const b = 'queue_stats:bbbb';
    // The Agent runs instance a, then b; b is listed once its first run ends.
    const seen: Record<string, number>[] = [{ [a]: 1 }, { [a]: 2 }, { [a]: 2, [b]: 1 }, { [a]: 2, [b]: 2 }];
    const expvar = seen.map((runs, t) => ({ text: vars(10 * (t + 1), runs), source: `v${t}`, at: t }));
    const json = [a, b].flatMap((id) => JSON.parse(checkJsonFor([1, 1], { id })) as unknown[]);
    const split = assembleReport([{ checkJson: { text: JSON.stringify(json), source: 'c' }, expvar }], OPTS);
    assert.deepEqual(
      split.report.checks.map((c) => [c.check.instance, c.metrics['c.rtloader.inuse_bytes'].runs[0].series]),
      [
        // Unnamed instances are keyed by their position in the configuration, never by the hash.
        ['1', [10, 40]],
        // b is not listed before its first run ends: poll 0 is its "before" state.
        ['2', [10, 30, 40]],
      ],
    );
    assert.deepEqual(split.warnings, []);
    const merged = only(assembleReport([{ expvar }], { ...OPTS, check: 'queue_stats' }).report.checks);
    assert.deepEqual(merged.metrics['c.rtloader.inuse_bytes'].runs[0].series, [10, 20, 30, 40]);
  });

  it('runner stats that never list the check (`agent check` fills none): per poll, with the note', () => {
    const expvar = [0, 1, 2].map((t) => ({
      text: vars(100 + t, { 'other:1': t + 1 }, 'other'),
      source: `v${t}`,
      at: t,
    }));
    const { report, warnings } = assembleReport([{ expvar }], { ...OPTS, check: 'queue_stats' });
    assert.deepEqual(warnings, []);
    assert.deepEqual(only(report.checks).notes, [PER_POLL_NOTE]);
    assert.deepEqual(only(report.checks).metrics['c.rtloader.inuse_bytes'].runs[0].series, [100, 101, 102]);
  });

  it('no poll after a completed run: the polled series are left out, with a note', () => {
    const expvar = [0, 1].map((t) => ({
      text: vars(100 + t, { 'queue_stats:1': 0 }),
      source: `v${t}`,
      at: t,
    }));
    const tele = [{ text: telemetry(7), source: 't', at: 1 }];
    const { report, warnings } = assembleReport([{ expvar, telemetry: tele }], {
      ...OPTS,
      check: 'queue_stats',
    });
    assert.deepEqual(warnings, [NO_RUN_POLLED_NOTE]);
    assert.deepEqual(Object.keys(only(report.checks).metrics), []);
  });

  it('rtloader from telemetry when expvar has none', () => {
    const c = only(
      assembleReport([{ telemetry: [{ text: sample('agent/telemetry.prom'), source: 't', at: 0 }] }], {
        ...OPTS,
        check: 'x',
      }).report.checks,
    );
    assert.deepEqual(c.metrics['c.rtloader.live_allocations'].runs[0].series, [30211 - 29770]);
    assert.deepEqual(c.metrics['c.rtloader.inuse_bytes'].runs[0].series, [49032]);
  });

  it('all-zero rtloader counters: a warning, and no C metric (never "no allocations")', () => {
    const { report, warnings } = assembleReport(
      [{ expvar: [0, 1].map((at) => ({ text: ZERO_RTLOADER, source: `v${at}`, at })) }],
      { ...OPTS, check: 'x' },
    );
    const c = only(report.checks);
    assert.deepEqual(warnings, [RTLOADER_OFF_NOTE]);
    assert.deepEqual(c.notes, [RTLOADER_OFF_NOTE, PER_POLL_NOTE]);
    assert.deepEqual(
      Object.keys(c.metrics).filter((id) => id.startsWith('c.')),
      [],
    );
    assert.ok(c.metrics['go.memstats.heap_inuse']);
  });

  it('all-zero rtloader on telemetry too', () => {
    const zero = sample('agent/telemetry.prom').replace(/^(rtloader__\w+) .*$/gm, '$1 0');
    const { warnings, report } = assembleReport([{ telemetry: [{ text: zero, source: 't', at: 0 }] }], {
      ...OPTS,
      check: 'x',
    });
    assert.deepEqual(warnings, [RTLOADER_OFF_NOTE]);
    assert.equal(only(report.checks).metrics['c.rtloader.inuse_bytes'], undefined);
  });

  it('a failing check is an error with the traceback line, never a memory result', () => {
    const doc = JSON.parse(sample('agent/check-output.json')) as { runner: Record<string, unknown> }[];
    doc[0].runner.TotalErrors = 1;
    doc[0].runner.LastError = JSON.stringify([
      { message: 'boom', traceback: 'Traceback…\nException: boom\n' },
    ]);
    assert.throws(
      () => assembleReport([{ checkJson: { text: JSON.stringify(doc), source: 'out.json' } }], OPTS),
      (err: unknown) =>
        err instanceof MemgateError &&
        !(err instanceof ParseError) &&
        err.message === 'check mycheck failed in 1 of 1 check runs: Exception: boom',
    );
  });

  it('identity comes from the check_run_alloc tags, overridden by options', () => {
    const run = { checkJson: { text: sample('agent/check-output.json'), source: 'c.json' } };
    assert.deepEqual(only(assembleReport([run], OPTS).report.checks).check, {
      name: 'mycheck',
      version: '1.2.3',
    });
    assert.deepEqual(
      only(assembleReport([run], { ...OPTS, check: 'other', checkVersion: '9.9.9' }).report.checks).check,
      {
        name: 'other',
        version: '9.9.9',
      },
    );
  });

  it('several instances: one CheckReport each, paired with their --m-dir directories', async () => {
    const a = JSON.parse(checkJsonFor([10, 10], { id: 'queue_stats:91c0d2aa53e1b7f4' })) as unknown[];
    const b = JSON.parse(checkJsonFor([20, 20], { id: 'queue_stats:ffff' })) as unknown[];
    const dirs = await readProfileDir(`${SAMPLES}/tracemalloc/default`);
    const { report } = assembleReport(
      [{ checkJson: { text: JSON.stringify([...a, ...b]), source: 'c' }, profileDirs: dirs }],
      OPTS,
    );
    assert.deepEqual(
      report.checks.map((c) => [
        c.check.instance,
        c.metrics['python.check_run_alloc'].runs[0].value,
        c.sites.length,
      ]),
      [
        ['1', 10, 4],
        ['2', 20, 0],
      ],
    );
  });

  it('Go heap profiles: inuse_space of the last, alloc_space growth, sites; goroutines', () => {
    const run: RunCapture = {
      heapProfiles: [
        { bytes: sampleBytes('go/heap-steady.pb.gz'), source: 'h1' },
        { bytes: sampleBytes('go/heap-steady-retaining.pb.gz'), source: 'h2' },
      ],
      goroutineProfiles: [
        { bytes: sampleBytes('go/goroutine.pb.gz'), source: 'g1' },
        { bytes: sampleBytes('go/goroutine-retaining.pb.gz'), source: 'g2' },
      ],
    };
    const c = only(assembleReport([run], { ...OPTS, check: 'gopub' }).report.checks);
    const inuse = c.metrics['go.pprof.inuse_space'].runs[0];
    assert.equal(inuse.series.length, 2);
    assert.equal(inuse.value, inuse.series[1]);
    assert.ok(inuse.value > inuse.series[0], 'the retaining profile holds more');
    const alloc = c.metrics['go.pprof.alloc_space'].runs[0];
    assert.equal(alloc.value, alloc.series[1] - alloc.series[0]);
    const goSites = c.sites.filter((s) => s.runtime === 'go');
    assert.ok(goSites.length > 0);
    assert.match(goSites[0].key, /^main\.bufferPayloads \S+:\d+$/);
    assert.equal(goSites[0].key, `${goSites[0].function} ${goSites[0].file}:${goSites[0].line}`);
    const g = c.metrics['go.goroutines'].runs[0];
    assert.equal(g.series.length, 2);
    assert.ok(g.series.every((n) => Number.isInteger(n) && n > 0));
  });

  it('measurements with no check name anywhere are refused', () => {
    assert.throws(
      () => assembleReport([{ expvar: [{ text: sample('go/vars.json'), source: 'v', at: 0 }] }], OPTS),
      /pass --check NAME/,
    );
  });

  it('a bad file anywhere in a run is a ParseError naming it', () => {
    assert.throws(
      () =>
        assembleReport([{ telemetry: [{ text: 'garbage here', source: 'bad.prom', at: 0 }] }], {
          ...OPTS,
          check: 'x',
        }),
      (err: unknown) => err instanceof ParseError && err.where === 'bad.prom',
    );
  });
});
