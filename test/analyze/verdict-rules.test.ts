/**
 * analyze(), rule by rule: the order and counts of the verdict, the notes a check carries (where
 * the baseline came from, how noisy metrics were judged, expired waivers), which gc setting the
 * retained rule reads, and which metrics are judged at all. Inputs are exact (every run the same)
 * or far apart, so each expected value follows from the rule, not from the statistics.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { ASSUMED_JOB_CV } from '../../src/analyze/jobs.js';
import { defaultPolicy, parsePolicy, type Policy } from '../../src/analyze/policy.js';
import { analyze, judge, seedOf, worst, type AnalyzeOptions } from '../../src/analyze/verdict.js';
import type { BaselineJob, BaselineLookup, BaselineProvenance } from '../../src/baseline/types.js';
import type { CheckReport, MemoryReport, ProfilingOptions, RunSample } from '../../src/model.js';
import { UNKNOWN_PROFILING } from '../../src/model.js';
import type { CheckVerdict, Verdict } from '../../src/model-verdict.js';

const REAL = JSON.parse(
  readFileSync(new URL('../fixtures/analyze/check_run_alloc.json', import.meta.url), 'utf8'),
) as Record<string, number[]>;
const KiB = 1024;
const MiB = 1024 * 1024;
const NOW = new Date('2025-06-01T12:00:00Z');
const KEY = { name: 'foo', version: '1.0.0' };

/** `n` runs that all measured `level` at every one of `len` iterations: an exact metric. */
function flat(level: number, n = 5, len = 10): RunSample[] {
  return Array.from({ length: n }, () => ({ value: level, series: Array<number>(len).fill(level) }));
}
/** One run per level, each flat at its level. */
function levels(values: number[], len = 10): RunSample[] {
  return values.map((v) => ({ value: v, series: Array<number>(len).fill(v) }));
}

function checkOf(metrics: Record<string, RunSample[]>, extra: Partial<CheckReport> = {}): CheckReport {
  return {
    check: KEY,
    metrics: Object.fromEntries(Object.entries(metrics).map(([id, runs]) => [id, { runs }])),
    sites: [],
    notes: [],
    ...extra,
  };
}

function reportOf(c: CheckReport, options: MemoryReport['environment']['options'] = {}): MemoryReport {
  return {
    schemaVersion: 1,
    tool: { name: 'memgate', version: 't' },
    createdAt: '2025-06-01T00:00:00Z',
    environment: { options },
    checks: [c],
  };
}

const EXACT: BaselineProvenance = { status: 'exact', requestedVersion: '1.0.0', version: '1.0.0' };
function stored(baseline: CheckReport, extra: Partial<BaselineLookup> = {}): () => BaselineLookup {
  return () => ({ baseline, provenance: EXACT, ...extra });
}
const NONE = (): BaselineLookup => ({ provenance: { status: 'none', requestedVersion: '1.0.0' } });

function verdictOf(
  head: CheckReport,
  lookup: () => BaselineLookup,
  policy: Policy = defaultPolicy(),
  opts: AnalyzeOptions = {},
): Verdict {
  return analyze(reportOf(head), lookup, policy, NOW, opts);
}
const checkVerdict = (...args: Parameters<typeof verdictOf>): CheckVerdict => verdictOf(...args).checks[0];

test('metrics are listed in catalogue order, then unknown ids alphabetically; counts add up by change', () => {
  const base = checkOf({
    'zeta.custom': flat(1 * MiB),
    'go.memstats.heap_inuse': flat(10 * MiB),
    'alpha.custom': flat(1 * MiB),
    'python.pymem.inuse': flat(50 * MiB),
    'python.check_run_alloc': flat(20 * KiB),
  });
  const head = checkOf({
    'zeta.custom': flat(1 * MiB),
    'go.memstats.heap_inuse': flat(20 * MiB), // +100%: a regression
    'alpha.custom': flat(1 * MiB),
    'python.pymem.inuse': flat(50 * MiB),
    'python.check_run_alloc': flat(10 * KiB), // −50%, −10 KiB: an improvement
    'c.rtloader.inuse_bytes': flat(5 * MiB), // not in the baseline
  });
  const v = verdictOf(head, stored(base));
  assert.deepEqual(
    v.checks[0].metrics.map((m) => [m.metric, m.change]),
    [
      ['python.check_run_alloc', 'improvement'],
      ['python.pymem.inuse', 'unchanged'],
      ['c.rtloader.inuse_bytes', 'no-baseline'],
      ['go.memstats.heap_inuse', 'regression'],
      ['alpha.custom', 'unchanged'],
      ['zeta.custom', 'unchanged'],
    ],
  );
  // No-baseline is none of regression, improvement or unchanged.
  assert.deepEqual(v.counts, {
    regressions: 1,
    improvements: 1,
    leaks: 0,
    budgets: 0,
    warnings: 0,
    unchanged: 3,
  });
  assert.equal(v.status, 'fail');
});

test('a budget is exceeded only above its limit; only exceeded budgets are counted', () => {
  const head = checkOf({ 'python.pymem.inuse': flat(50 * MiB), 'go.memstats.heap_inuse': flat(20 * MiB) });
  const policy = parsePolicy(
    `budgets:
  - { check: foo, metric: python.pymem.inuse, max: 50 MiB }
  - { check: foo, metric: go.memstats.heap_inuse, max: 15 MiB }`,
    'p',
  );
  const v = verdictOf(head, NONE, policy);
  assert.deepEqual(
    v.checks[0].budgets.map((b) => [b.metric, b.status]),
    [
      ['python.pymem.inuse', 'pass'],
      ['go.memstats.heap_inuse', 'fail'],
    ],
  );
  assert.equal(v.counts.budgets, 1);
  assert.equal(v.status, 'fail');
});

test('worst: fail over warn over pass; no checks at all pass', () => {
  assert.equal(worst([]), 'pass');
  assert.equal(worst(['pass', 'pass']), 'pass');
  assert.equal(worst(['pass', 'warn', 'pass']), 'warn');
  assert.equal(worst(['warn', 'fail', 'pass']), 'fail');
  const empty = analyze({ ...reportOf(checkOf({})), checks: [] }, NONE, defaultPolicy(), NOW);
  assert.equal(empty.status, 'pass');
  assert.deepEqual(empty.checks, []);
});

test('where the baseline came from is the first note after the check’s own', () => {
  const head = checkOf({ 'python.pymem.inuse': flat(50 * MiB) }, { notes: ['rtloader tracking is off'] });
  const notesWith = (provenance: BaselineProvenance, baseline?: CheckReport) =>
    checkVerdict(head, () => ({ baseline, provenance })).notes;
  const base = checkOf({ 'python.pymem.inuse': flat(50 * MiB) });
  // Exact metrics, same version: nothing to say beyond the check's own note.
  assert.deepEqual(notesWith(EXACT, base), ['rtloader tracking is off']);
  assert.match(
    notesWith({ status: 'none', requestedVersion: '1.0.0' })[1],
    /^no baseline yet: .*can become the first/,
  );
  assert.equal(
    notesWith({ status: 'unreadable', requestedVersion: '1.0.0', message: 'bad JSON at 3:1' })[1],
    'baseline unreadable: bad JSON at 3:1',
  );
  assert.equal(
    notesWith({ status: 'unreadable', requestedVersion: '1.0.0' })[1],
    'baseline unreadable: unknown reason',
  );
  assert.equal(
    notesWith({ status: 'fallback', requestedVersion: '1.0.0', version: '0.9.0' }, base)[1],
    'baseline from version 0.9.0 (no baseline for 1.0.0)',
  );
  assert.equal(
    notesWith({ status: 'fallback', requestedVersion: '1.0.0' }, base)[1],
    'baseline from version ? (no baseline for 1.0.0)',
  );
});

// Noisy (not exact) runs around 50 MiB and 8 MiB, the head the same as the baseline.
const NOISY = {
  'python.pymem.inuse': levels([50, 50.4, 49.7, 50.2, 49.9].map((x) => x * MiB)),
  'c.rtloader.inuse_bytes': levels([8, 8.1, 7.9, 8.05, 7.95].map((x) => x * MiB)),
};
function job(i: number, medians: Record<string, number>): BaselineJob {
  return { commit: `c${i}`, date: `2025-05-0${i + 1}T00:00:00Z`, runs: 5, medians };
}
const JOB_MEDIANS = { 'python.pymem.inuse': 50 * MiB, 'c.rtloader.inuse_bytes': 8 * MiB };

test('fewer than 3 stored jobs: one note says the between-job spread was assumed, and how wide', () => {
  const unknownNote = (c: CheckVerdict) => c.notes.filter((n) => n.startsWith('between-job noise unknown'));
  const one = checkVerdict(checkOf(NOISY), stored(checkOf(NOISY), { jobs: [job(0, JOB_MEDIANS)] }));
  assert.deepEqual(
    one.metrics.map((m) => [m.jobs?.known, m.jobs?.count]),
    [
      [false, 1],
      [false, 1],
    ],
  );
  const notes = unknownNote(one);
  assert.equal(notes.length, 1, 'two noisy metrics, one note');
  assert.match(notes[0], /fewer than 3 stored jobs for this baseline/);
  assert.ok(notes[0].includes(`assumes a ${ASSUMED_JOB_CV * 100}% job-to-job spread`), notes[0]);
  // Three stored jobs measure the spread: no note.
  const three = checkVerdict(
    checkOf(NOISY),
    stored(checkOf(NOISY), { jobs: [0, 1, 2].map((i) => job(i, JOB_MEDIANS)) }),
  );
  assert.deepEqual(
    three.metrics.map((m) => [m.jobs?.known, m.jobs?.count]),
    [
      [true, 3],
      [true, 3],
    ],
  );
  assert.deepEqual(unknownNote(three), []);
  // A stored job that did not measure a metric does not count for it.
  const partial = checkVerdict(
    checkOf(NOISY),
    stored(checkOf(NOISY), {
      jobs: [job(0, JOB_MEDIANS), job(1, JOB_MEDIANS), job(2, { 'python.pymem.inuse': 50 * MiB })],
    }),
  );
  assert.deepEqual(
    partial.metrics.map((m) => [m.metric, m.jobs?.known, m.jobs?.count]),
    [
      ['python.pymem.inuse', true, 3],
      ['c.rtloader.inuse_bytes', false, 2],
    ],
  );
  assert.equal(unknownNote(partial).length, 1);
});

test('too few runs: one note that noisy metrics were compared by threshold only, with the per-check minimum', () => {
  const three = (m: Record<string, RunSample[]>) =>
    Object.fromEntries(Object.entries(m).map(([k, runs]) => [k, runs.slice(0, 3)]));
  const thresholdNotes = (c: CheckVerdict) => c.notes.filter((n) => /compared by threshold only/.test(n));
  const few = checkVerdict(checkOf(three(NOISY)), stored(checkOf(three(NOISY))));
  assert.ok(few.metrics.every((m) => m.rule === 'threshold-only'));
  assert.deepEqual(thresholdNotes(few), [
    'fewer than 4 runs on a side: noisy metrics were compared by threshold only, without a statistical test',
  ]);
  // Five runs are enough by default, not when the policy asks for six.
  const five = checkVerdict(checkOf(NOISY), stored(checkOf(NOISY)));
  assert.ok(five.metrics.every((m) => m.rule === 'mann-whitney'));
  assert.deepEqual(thresholdNotes(five), []);
  const six = checkVerdict(
    checkOf(NOISY),
    stored(checkOf(NOISY)),
    parsePolicy('overrides:\n  - { check: foo, min-runs: 6 }', 'p'),
  );
  assert.match(thresholdNotes(six)[0], /^fewer than 6 runs on a side/);
  // Exact metrics are never threshold-only.
  const exact = checkVerdict(
    checkOf({ 'python.pymem.inuse': flat(50 * MiB, 3) }),
    stored(checkOf({ 'python.pymem.inuse': flat(50 * MiB, 3) })),
  );
  assert.deepEqual(thresholdNotes(exact), []);
});

test('an expired waiver of the check warns even when nothing fails, and is named once', () => {
  const same = checkOf({ 'python.pymem.inuse': flat(50 * MiB) });
  const waived = (yaml: string) => checkVerdict(same, stored(same), parsePolicy(`waivers:\n${yaml}`, 'p'));
  const expired = waived('  - { check: foo, reason: "old cache", expires: 2025-03-01 }');
  assert.equal(expired.status, 'warn');
  assert.deepEqual(expired.notes, [
    'waiver for foo expired on 2025-03-01 ("old cache"): it no longer applies',
  ]);
  // Another check's expired waiver, or one still in force, says nothing here.
  const other = waived('  - { check: bar, reason: "old cache", expires: 2025-03-01 }');
  assert.equal(other.status, 'pass');
  assert.deepEqual(other.notes, []);
  const live = waived('  - { check: foo, reason: "known", expires: 2025-12-31 }');
  assert.equal(live.status, 'pass');
  assert.deepEqual(live.notes, []);
});

test('an expired waiver over a failing metric: the failure stands, the waiver is named once', () => {
  const base = checkOf({ 'python.pymem.inuse': flat(50 * MiB), 'go.memstats.heap_inuse': flat(10 * MiB) });
  const head = checkOf({ 'python.pymem.inuse': flat(60 * MiB), 'go.memstats.heap_inuse': flat(20 * MiB) });
  const c = checkVerdict(
    head,
    stored(base),
    parsePolicy('waivers:\n  - { check: foo, reason: "old", expires: 2025-03-01 }', 'p'),
  );
  assert.equal(c.status, 'fail');
  assert.ok(c.metrics.every((m) => m.change === 'regression' && m.status === 'fail' && m.waiver?.expired));
  assert.deepEqual(c.notes, ['waiver for foo expired on 2025-03-01 ("old"): it no longer applies']);
});

test('judge: fail-on, then waivers; an expired waiver is noted once however many entries it covered', () => {
  const policy = (failOn: Policy['failOn'], expires: string, metric?: string): Policy => ({
    ...defaultPolicy({}, failOn),
    waivers: [{ check: 'foo', reason: 'r', expires, ...(metric ? { metric } : {}) }],
  });
  const fresh = () => ({ metric: 'python.pymem.inuse', status: 'fail' as 'pass' | 'warn' | 'fail' });
  const notes: string[] = [];

  const live = fresh();
  judge(live, 'regression', KEY, policy(['regression'], '2025-12-31'), NOW, notes);
  assert.equal(live.status, 'warn');
  assert.deepEqual(live, {
    metric: 'python.pymem.inuse',
    status: 'warn',
    waiver: { check: 'foo', reason: 'r', expires: '2025-12-31', expired: false },
  });

  const notFailing = fresh();
  judge(notFailing, 'leak', KEY, policy(['regression'], '2025-12-31'), NOW, notes);
  assert.equal(notFailing.status, 'warn', 'fail-on without leak already softened it');

  const always = fresh();
  judge(always, 'always', KEY, policy([], '2025-01-01'), NOW, notes);
  assert.equal(always.status, 'fail', 'untracked frees fail whatever fail-on says; the waiver expired');

  const twice = [fresh(), fresh()];
  for (const e of twice)
    judge(e, 'regression', KEY, policy(['regression'], '2025-01-01', 'python.*'), NOW, notes);
  assert.deepEqual(
    twice.map((e) => [e.status, (e as { waiver?: { expired: boolean } }).waiver?.expired]),
    [
      ['fail', true],
      ['fail', true],
    ],
  );
  assert.deepEqual(notes, [
    'waiver for foo expired on 2025-01-01 ("r"): it no longer applies',
    'waiver for foo python.* expired on 2025-01-01 ("r"): it no longer applies',
  ]);

  const passing = { metric: 'python.pymem.inuse', status: 'pass' as const };
  judge(passing, 'regression', KEY, policy(['regression'], '2025-12-31'), NOW, notes);
  assert.deepEqual(passing, { metric: 'python.pymem.inuse', status: 'pass' }, 'nothing to waive');
});

test('the bootstrap seed is the FNV-1a hash of the check id and metric, so a CI is the same on every machine', () => {
  // Published FNV-1a 32-bit test vectors (Fowler/Noll/Vo reference, test_fnv.c).
  assert.equal(seedOf(''), 0x811c9dc5);
  assert.equal(seedOf('a'), 0xe40c292c);
  assert.equal(seedOf('foobar'), 0xbf9cf968);
  const base = checkOf({ 'python.pymem.inuse': NOISY['python.pymem.inuse'] });
  const head = checkOf({ 'python.pymem.inuse': levels([55, 55.6, 54.8, 55.3, 55.1].map((x) => x * MiB)) });
  const ci = (opts: AnalyzeOptions) => checkVerdict(head, stored(base), defaultPolicy(), opts).metrics[0].ci;
  const byDefault = ci({ resamples: 200 });
  assert.deepEqual(byDefault, ci({ resamples: 200, seed: seedOf('foo@1.0.0\u0000python.pymem.inuse') }));
  assert.notDeepEqual(byDefault, ci({ resamples: 200, seed: seedOf('bar@1.0.0\u0000python.pymem.inuse') }));
});

/** check_run_alloc keeping ~2 KiB a check run (the real retaining-gc capture), no baseline. */
const RETAINING = checkOf({
  'python.check_run_alloc': [1, 2, 3].map(() => ({ value: 2035, series: [...REAL['retaining-gc']] })),
});
function allocLeak(options: MemoryReport['environment']['options'], profiling?: Partial<ProfilingOptions>) {
  const head = profiling ? { ...RETAINING, profiling: { ...UNKNOWN_PROFILING, ...profiling } } : RETAINING;
  const v = analyze(reportOf(head, options), NONE, defaultPolicy(), NOW);
  const leak = v.checks[0].leaks.find((l) => l.metric === 'python.check_run_alloc');
  assert.ok(leak);
  return leak;
}

test('gc off in any spelling turns the retained rule off; gc on in any spelling turns it on', () => {
  type Options = MemoryReport['environment']['options'];
  const offs: Options[] = [{ 'm-gc': false }, { gc: 0 }, { mGc: '0' }, { profile_memory_gc: 'false' }];
  const ons: Options[] = [{ 'm-gc': true }, { gc: 1 }, { mGc: '1' }, { profile_memory_gc: 'true' }];
  for (const off of offs) {
    const leak = allocLeak(off);
    assert.equal(leak.rule, 'trend', JSON.stringify(off));
    assert.equal(leak.leaking, false, JSON.stringify(off));
    assert.match(leak.reason, /measured without gc/, JSON.stringify(off));
  }
  for (const on of ons) {
    const leak = allocLeak(on);
    assert.equal(leak.rule, 'retained', JSON.stringify(on));
    assert.equal(leak.leaking, true, JSON.stringify(on));
  }
  assert.match(allocLeak({}).reason, /gc unknown/);
  // The first spelling present decides.
  assert.equal(allocLeak({ 'm-gc': false, gc: true }).rule, 'trend');
});

test('the gc the check recorded wins over the environment; an unknown one falls back to it', () => {
  assert.equal(allocLeak({ 'm-gc': false }, { gc: true }).rule, 'retained');
  assert.equal(allocLeak({ 'm-gc': true }, { gc: 'unknown' }).rule, 'retained');
  assert.match(allocLeak({}, { gc: 'unknown' }).reason, /gc unknown/);
});

test('what is judged: no runs, no series, non-leak metrics and untracked frees', () => {
  const base = checkOf({ 'python.pymem.inuse': flat(50 * MiB) });
  const rising = Array.from({ length: 20 }, (_, i) => (1 + i) * MiB);
  const head = checkOf({
    'python.pymem.inuse': flat(50 * MiB),
    'go.memstats.heap_inuse': [], // measured nothing
    'c.rtloader.inuse_bytes': [1, 2, 3, 4, 5].map(() => ({ value: 4 * MiB, series: [] })), // aggregates only
    'go.memstats.heap_alloc': [1, 2, 3].map(() => ({ value: 20 * MiB, series: rising })), // not a leak signal
    'c.rtloader.untracked_frees': [1, 2, 3].map(() => ({ value: 0, series: [0, 0] })),
  });
  const c = checkVerdict(head, stored(base));
  assert.deepEqual(
    c.metrics.map((m) => [m.metric, m.change]),
    [
      ['python.pymem.inuse', 'unchanged'],
      ['c.rtloader.inuse_bytes', 'no-baseline'],
      ['go.memstats.heap_alloc', 'no-baseline'],
    ],
  );
  assert.deepEqual(
    c.leaks.map((l) => [l.metric, l.rule, l.leaking]),
    [
      ['python.pymem.inuse', 'trend', false],
      ['c.rtloader.untracked_frees', 'untracked-frees', false],
    ],
  );
  assert.equal(c.status, 'pass');
});

test('sites are not compared when the two sides keyed them with different options', () => {
  const site = (bytes: number) => [
    {
      runtime: 'python' as const,
      key: 'foo/check.py:42',
      file: 'foo/check.py',
      line: 42,
      bytes: [bytes, bytes, bytes],
    },
  ];
  const base = checkOf(
    { 'python.pymem.inuse': flat(50 * MiB, 3) },
    { sites: site(1000), profiling: { ...UNKNOWN_PROFILING, gc: true } },
  );
  const head = checkOf(
    { 'python.pymem.inuse': flat(50 * MiB, 3) },
    { sites: site(9000), profiling: { ...UNKNOWN_PROFILING, gc: true } },
  );
  assert.deepEqual(
    checkVerdict(head, stored(base)).sites.map((s) => s.delta),
    [8000],
  );
  const differently = { ...head, profiling: { ...UNKNOWN_PROFILING, gc: false } };
  const c = checkVerdict(differently, stored(base));
  assert.deepEqual(c.sites, []);
  assert.ok(c.notes.some((n) => /allocation sites not compared/.test(n)));
});
