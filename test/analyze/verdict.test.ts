/**
 * analyze(): metrics + leaks + budgets + sites + charts + waivers, and `memgate compare` end to end
 * (real files on disk, the real dispatcher).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import type { BaselineLookup } from '../../src/baseline/types.js';
import { runCli } from '../../src/cli/main.js';
import { defaultPolicy, parsePolicy } from '../../src/analyze/policy.js';
import { analyze } from '../../src/analyze/verdict.js';
import type { CheckReport, MemoryReport } from '../../src/model.js';
import type { Verdict } from '../../src/model-verdict.js';

const REAL = JSON.parse(
  readFileSync(new URL('../fixtures/analyze/check_run_alloc.json', import.meta.url), 'utf8'),
) as Record<string, number[]>;
const MiB = 1024 * 1024;

function gauge(levels: number[], slope = 0): { value: number; series: number[] }[] {
  return levels.map((l, r) => {
    const series = Array.from({ length: 20 }, (_, i) =>
      Math.round(l + slope * i + ((i * 7919 + r * 31) % 13) * 100),
    );
    return { value: Math.max(...series), series };
  });
}

function check(opts: {
  inuse: number[];
  slope?: number;
  alloc: number[];
  siteBytes: number;
  newSite?: boolean;
  untracked?: number;
}): CheckReport {
  const metrics: CheckReport['metrics'] = {
    'python.pymem.inuse': { runs: gauge(opts.inuse, opts.slope) },
    'python.check_run_alloc': {
      runs: opts.inuse.map(() => ({ value: opts.alloc[1], series: [...opts.alloc] })),
    },
  };
  if (opts.untracked !== undefined)
    metrics['c.rtloader.untracked_frees'] = {
      runs: opts.inuse.map(() => ({ value: opts.untracked ?? 0, series: [opts.untracked ?? 0] })),
    };
  const sites: CheckReport['sites'] = [
    {
      runtime: 'python',
      key: 'foo/check.py:42',
      file: 'foo/check.py',
      line: 42,
      bytes: opts.inuse.map(() => opts.siteBytes),
    },
  ];
  if (opts.newSite)
    sites.push({
      runtime: 'python',
      key: 'foo/cache.py:7',
      file: 'foo/cache.py',
      line: 7,
      bytes: opts.inuse.map(() => 4096),
    });
  return { check: { name: 'foo', version: '1.0.0' }, metrics, sites, notes: [] };
}

function report(
  c: CheckReport,
  options: MemoryReport['environment']['options'] = { 'm-gc': true },
): MemoryReport {
  return {
    schemaVersion: 1,
    tool: { name: 'memgate', version: 't' },
    createdAt: '2025-01-01T00:00:00Z',
    environment: { commit: 'abc', options },
    checks: [c],
  };
}

const BASE = check({
  inuse: [50, 51, 49, 50, 50.5].map((x) => x * MiB),
  alloc: REAL['steady-gc'],
  siteBytes: 1000,
});
const lookup =
  (b: CheckReport | undefined): (() => BaselineLookup) =>
  () =>
    b
      ? {
          baseline: b,
          provenance: { status: 'exact', requestedVersion: '1.0.0', version: '1.0.0', samples: 5 },
        }
      : { provenance: { status: 'none', requestedVersion: '1.0.0' } };

test('a clean run passes with every section filled', () => {
  const cur = check({
    inuse: [50.2, 50.8, 49.5, 50.1, 50.3].map((x) => x * MiB),
    alloc: REAL['steady-gc'],
    siteBytes: 1000,
  });
  const v = analyze(report(cur), lookup(BASE), defaultPolicy(), new Date('2025-06-01'));
  assert.equal(v.status, 'pass');
  const c = v.checks[0];
  assert.deepEqual(
    c.metrics.map((m) => m.metric),
    ['python.check_run_alloc', 'python.pymem.inuse'],
  );
  assert.ok(c.leaks.every((l) => !l.leaking));
  assert.equal(c.charts[0].metric, 'python.pymem.inuse');
  assert.equal(c.charts[0].current.length, 20);
  assert.equal(c.charts[0].baseline?.length, 20);
  assert.deepEqual(v.settings.failOn, ['regression', 'leak', 'budget']);
  // Reproducible: the bootstrap seed derives from the check and metric.
  assert.deepEqual(analyze(report(cur), lookup(BASE), defaultPolicy(), new Date('2025-06-01')), v);
});

test('a regression, a retained leak (real values), a new site and a budget all fail', () => {
  const cur = check({
    inuse: [60, 61, 59.5, 60.2, 60.7].map((x) => x * MiB),
    alloc: REAL['retaining-gc'],
    siteBytes: 9000,
    newSite: true,
  });
  const policy = parsePolicy('budgets:\n  - { check: foo, metric: python.pymem.inuse, max: 55 MiB }', 'p');
  const v = analyze(report(cur), lookup(BASE), policy, new Date('2025-06-01'));
  assert.equal(v.status, 'fail');
  const c = v.checks[0];
  const inuse = c.metrics.find((m) => m.metric === 'python.pymem.inuse');
  assert.equal(inuse?.change, 'regression');
  assert.equal(inuse?.status, 'fail');
  const leak = c.leaks.find((l) => l.metric === 'python.check_run_alloc');
  assert.equal(leak?.rule, 'retained');
  assert.equal(leak?.status, 'fail');
  assert.equal(c.budgets[0].status, 'fail');
  assert.deepEqual(
    c.sites.map((s) => [s.key, s.delta, s.isNew]),
    [
      ['foo/check.py:42', 8000, false],
      ['foo/cache.py:7', 4096, true],
    ],
  );
  // check_run_alloc is exact on both sides (0 B → 1.99 KiB a run): above the 1 KiB exact floor.
  const alloc = c.metrics.find((m) => m.metric === 'python.check_run_alloc');
  assert.equal(alloc?.rule, 'exact');
  assert.equal(alloc?.change, 'regression');
  assert.deepEqual({ r: v.counts.regressions, l: v.counts.leaks, b: v.counts.budgets }, { r: 2, l: 1, b: 1 });
});

test('fail-on decides which kinds fail; untracked frees fail regardless', () => {
  const cur = check({
    inuse: [60, 61, 59.5, 60.2, 60.7].map((x) => x * MiB),
    alloc: REAL['steady-gc'],
    siteBytes: 1000,
  });
  const onlyLeaks = analyze(report(cur), lookup(BASE), defaultPolicy({}, ['leak']));
  assert.equal(onlyLeaks.status, 'warn');
  assert.equal(onlyLeaks.counts.warnings, 1);
  const withBug = check({
    inuse: [50, 50, 50, 50, 50].map((x) => x * MiB),
    alloc: REAL['steady-gc'],
    siteBytes: 1000,
    untracked: 2,
  });
  const v = analyze(report(withBug), lookup(BASE), defaultPolicy({}, []));
  assert.equal(v.status, 'fail');
  assert.match(v.checks[0].leaks.find((l) => l.rule === 'untracked-frees')?.reason ?? '', /freed 2 pointer/);
});

test('waivers turn a failure into a warning until they expire; an expired one is a warning note', () => {
  const cur = check({
    inuse: [50, 50, 50, 50, 50].map((x) => x * MiB),
    alloc: REAL['retaining-gc'],
    siteBytes: 1000,
  });
  const policy = parsePolicy(
    'waivers:\n  - { check: foo, metric: python.check_run_alloc, reason: "cache, #7", expires: 2025-03-01 }',
    'p',
  );
  const before = analyze(report(cur), lookup(BASE), policy, new Date('2025-02-15'));
  const leak = before.checks[0].leaks.find((l) => l.metric === 'python.check_run_alloc');
  assert.equal(leak?.status, 'warn');
  assert.deepEqual(leak?.waiver, {
    check: 'foo',
    metric: 'python.check_run_alloc',
    reason: 'cache, #7',
    expires: '2025-03-01',
    expired: false,
  });
  assert.equal(before.status, 'warn');
  const after = analyze(report(cur), lookup(BASE), policy, new Date('2025-03-02'));
  assert.equal(after.status, 'fail');
  assert.equal(
    after.checks[0].leaks.find((l) => l.metric === 'python.check_run_alloc')?.waiver?.expired,
    true,
  );
  assert.ok(after.checks[0].notes.some((n) => /expired on 2025-03-01/.test(n)));
});

test('no baseline: a note, no comparison, leaks still judged', () => {
  const cur = check({
    inuse: [50, 50, 50, 50, 50].map((x) => x * MiB),
    slope: 200 * 1024,
    alloc: REAL['steady-gc'],
    siteBytes: 1000,
  });
  const v = analyze(report(cur), lookup(undefined), defaultPolicy());
  const c = v.checks[0];
  assert.ok(c.metrics.every((m) => m.change === 'no-baseline'));
  assert.ok(c.notes.some((n) => /no baseline/.test(n)));
  assert.equal(c.leaks.find((l) => l.metric === 'python.pymem.inuse')?.leaking, true);
  assert.equal(v.status, 'fail');
});

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      stdout: (t: string) => out.push(t),
      stderr: (t: string) => err.push(t),
      cwd: mkdtempSync(join(tmpdir(), 'memgate-compare-')),
      env: {},
    },
  };
}

test('memgate compare: text, --json, exit codes', async () => {
  const t = io();
  const cur = check({
    inuse: [60, 61, 59.5, 60.2, 60.7].map((x) => x * MiB),
    alloc: REAL['steady-gc'],
    siteBytes: 1000,
  });
  writeFileSync(join(t.io.cwd, 'base.json'), JSON.stringify(report(BASE)));
  writeFileSync(join(t.io.cwd, 'cur.json'), JSON.stringify(report(cur)));
  writeFileSync(join(t.io.cwd, 'same.json'), JSON.stringify(report(BASE)));
  assert.equal(await runCli(['compare', '--baseline', 'base.json', '--report', 'cur.json'], t.io), 1);
  const text = t.out.join('');
  assert.match(text, /memgate: FAIL: 1 regression/);
  assert.match(text, /python\.pymem\.inuse\s+noisy\/mann-whitney\s+50\.\d+ MiB\s+60\.\d+ MiB/);
  t.out.length = 0;
  assert.equal(
    await runCli(['compare', '--baseline', 'base.json', '--report', 'same.json', '--json'], t.io),
    0,
  );
  const v = JSON.parse(t.out.join('')) as Verdict;
  assert.equal(v.status, 'pass');
  assert.equal(v.checks[0].provenance.status, 'exact');
  t.out.length = 0;
  assert.equal(
    await runCli(['compare', '--baseline', 'base.json', '--report', 'cur.json', '--threshold', '30%'], t.io),
    0,
  );
  assert.equal(
    await runCli(['compare', '--baseline', 'base.json', '--report', 'cur.json', '--fail-on', 'leak'], t.io),
    0,
  );
});

test('memgate compare: bad input exits 2 with one line', async () => {
  const t = io();
  writeFileSync(join(t.io.cwd, 'junk.json'), '{"hello": 1}');
  writeFileSync(join(t.io.cwd, 'base.json'), JSON.stringify(report(BASE)));
  writeFileSync(join(t.io.cwd, 'bad.yml'), 'treshold: 5%');
  assert.equal(await runCli(['compare', '--baseline', 'base.json', '--report', 'junk.json'], t.io), 2);
  assert.match(t.err.join(''), /^memgate: junk\.json: \$\.schemaVersion missing/);
  assert.equal(await runCli(['compare', '--baseline', 'missing.json', '--report', 'base.json'], t.io), 2);
  assert.equal(
    await runCli(
      ['compare', '--baseline', 'base.json', '--report', 'base.json', '--config', 'bad.yml'],
      t.io,
    ),
    2,
  );
  assert.match(t.err.join(''), /bad\.yml: treshold: unknown key/);
  assert.equal(await runCli(['compare', '--report', 'base.json'], t.io), 2);
  assert.equal(
    await runCli(['compare', '--baseline', 'base.json', '--report', 'base.json', '--alpha', '2'], t.io),
    2,
  );
});

test('memgate compare accepts a stored baseline document as --baseline', async () => {
  const { appendEntry, emptyBaselineDocument, serializeBaselineDocument } =
    await import('../../src/baseline/document.js');
  const t = io();
  const doc = appendEntry(emptyBaselineDocument('foo', '1.0.0'), {
    commit: 'c0ffee',
    date: '2025-01-01T00:00:00Z',
    report: BASE,
  });
  writeFileSync(join(t.io.cwd, 'foo-1.0.0.json'), serializeBaselineDocument(doc));
  writeFileSync(join(t.io.cwd, 'same.json'), JSON.stringify(report(BASE)));
  assert.equal(
    await runCli(['compare', '--baseline', 'foo-1.0.0.json', '--report', 'same.json', '--json'], t.io),
    0,
  );
  const v = JSON.parse(t.out.join('')) as Verdict;
  assert.equal(v.checks[0].provenance.commit, 'c0ffee');
  assert.equal(v.checks[0].provenance.samples, 5);
  assert.equal(v.checks[0].metrics.find((m) => m.metric === 'python.pymem.inuse')?.change, 'unchanged');
});
