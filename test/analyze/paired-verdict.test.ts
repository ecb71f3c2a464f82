/**
 * analyzePaired(): a base and a head MemoryReport of one paired job → the project's Verdict. Noisy
 * metrics are judged on their pairs (signed-rank), everything else by the ordinary rules, with the
 * paired provenance on every check.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { analyzePaired, comparePairedMetric } from '../../src/analyze/paired-verdict.js';
import { defaultPolicy, parsePolicy, thresholdsFor } from '../../src/analyze/policy.js';
import { compareMetric } from '../../src/analyze/regression.js';
import type { CheckReport, MemoryReport, RunSample } from '../../src/model.js';
import { renderComment } from '../../src/report/markdown.js';

const MiB = 1024 * 1024;
const AGAINST = { ref: 'main', sha: 'abcdef0123456789abcdef0123456789abcdef01' };
const NOW = new Date('2026-11-30T00:00:00Z');

/** A flat in-use series per run at the given level (a little wobble, no trend). */
function flat(levels: readonly number[], slope = 0): RunSample[] {
  return levels.map((l, r) => {
    const series = Array.from({ length: 20 }, (_, i) =>
      Math.round(l + slope * i + ((i * 7919 + r) % 5) * 64),
    );
    return { value: series[series.length - 1], series };
  });
}

function report(
  levels: readonly number[],
  extra: { slope?: number; untracked?: number; alloc?: number; name?: string; version?: string } = {},
): MemoryReport {
  const metrics: CheckReport['metrics'] = {
    'python.pymem.inuse': { runs: flat(levels, extra.slope) },
    'c.rtloader.allocations': { runs: levels.map(() => ({ value: extra.alloc ?? 120, series: [] })) },
  };
  if (extra.untracked !== undefined)
    metrics['c.rtloader.untracked_frees'] = {
      runs: levels.map(() => ({ value: extra.untracked ?? 0, series: [extra.untracked ?? 0] })),
    };
  return {
    schemaVersion: 1,
    tool: { name: 'memgate', version: 'test' },
    createdAt: NOW.toISOString(),
    environment: { options: { mGc: true } },
    checks: [
      {
        check: { name: extra.name ?? 'mycheck', version: extra.version ?? '1.0.0' },
        metrics,
        sites: [],
        notes: [],
      },
    ],
  };
}

/** Job-level drift: the level of each pair moves by ±30%, far more than any change we look for. */
const DRIFT = [1.0, 1.3, 0.7, 1.25, 0.75, 1.2, 0.8].map((f) => Math.round(f * 40 * MiB));
const shifted = (xs: readonly number[], by: number) => xs.map((x) => Math.round(x * (1 + by)));

test('a consistent +8% in every pair is a regression under drift that hides it from an unpaired test', () => {
  const head = shifted(DRIFT, 0.08);
  const v = analyzePaired(report(DRIFT), report(head), AGAINST, defaultPolicy(), NOW);
  const m = v.checks[0].metrics.find((x) => x.metric === 'python.pymem.inuse')!;
  assert.equal(m.rule, 'paired');
  assert.equal(m.change, 'regression');
  assert.equal(m.status, 'fail');
  assert.equal(v.status, 'fail');
  assert.equal(v.counts.regressions, 1);
  assert.ok(m.p !== undefined && m.p < 0.05, `p ${m.p}`);
  assert.ok(m.relative !== undefined && m.relative > 0.07 && m.relative < 0.1, `relative ${m.relative}`);
  assert.match(m.reason, /grew by .* over 7 pairs .*signed-rank p = /);
  // The same samples, unpaired: the drift swamps the shift (the reason paired mode exists).
  const t = thresholdsFor(defaultPolicy(), 'mycheck', 'python.pymem.inuse');
  const unpaired = compareMetric(
    'python.pymem.inuse',
    flat(DRIFT).map((r) => r.value),
    flat(head).map((r) => r.value),
    t,
  );
  assert.equal(unpaired.change, 'unchanged');
});

test('the same code on both sides passes, drift or not', () => {
  const wobble = DRIFT.map((x, i) => x + ((i * 37) % 3) * 4096);
  const v = analyzePaired(report(DRIFT), report(wobble), AGAINST, defaultPolicy(), NOW);
  assert.equal(v.status, 'pass');
  const m = v.checks[0].metrics.find((x) => x.metric === 'python.pymem.inuse')!;
  assert.equal(m.rule, 'paired');
  assert.equal(m.change, 'unchanged');
  assert.match(m.reason, /no significant change over 7 pairs/);
});

test('a consistent shift below the floor or the threshold is not a regression', () => {
  // +2% each pair: significant (p = 1/128) but below the 5% threshold.
  const small = analyzePaired(report(DRIFT), report(shifted(DRIFT, 0.02)), AGAINST, defaultPolicy(), NOW);
  const m = small.checks[0].metrics.find((x) => x.metric === 'python.pymem.inuse')!;
  assert.equal(m.change, 'unchanged');
  assert.match(m.reason, /below \+5\.0%/);
  // +8% of 100 KiB = 8 KiB: above the threshold, below the 16 KiB floor.
  const tiny = DRIFT.map((x) => Math.round(x / 400));
  const under = analyzePaired(report(tiny), report(shifted(tiny, 0.08)), AGAINST, defaultPolicy(), NOW);
  const u = under.checks[0].metrics.find((x) => x.metric === 'python.pymem.inuse')!;
  assert.equal(u.change, 'unchanged');
  assert.match(u.reason, /floor/);
});

test('every check says it was paired, against which ref and commit, and how many pairs', () => {
  const v = analyzePaired(report(DRIFT), report(DRIFT), AGAINST, defaultPolicy(), NOW);
  const p = v.checks[0].provenance;
  assert.equal(p.status, 'paired');
  assert.equal(p.commit, AGAINST.sha);
  assert.equal(p.samples, 7);
  assert.equal(p.message, 'paired A/B in this job against main (abcdef012345), 7 pairs');
  const md = renderComment(v, { key: 'k', version: 'test' });
  // A passing paired check is a quiet one: its line still says what it was paired with.
  assert.match(
    md,
    /- `mycheck` 1\.0\.0: baseline paired A\/B in this job against main \(abcdef012345\), 7 pairs\./,
  );
  const failing = analyzePaired(report(DRIFT), report(shifted(DRIFT, 0.08)), AGAINST, defaultPolicy(), NOW);
  assert.match(
    renderComment(failing, { key: 'k', version: 'test' }),
    /^Baseline: paired A\/B in this job against main \(abcdef012345\), 7 pairs\.$/m,
  );
});

test('the base ref is PR-controlled text: the comment escapes it', () => {
  const v = analyzePaired(
    report(DRIFT),
    report(DRIFT),
    { ref: 'x<img src=1>*', sha: AGAINST.sha },
    defaultPolicy(),
    NOW,
  );
  const md = renderComment(v, { key: 'k', version: 'test' });
  assert.doesNotMatch(md, /<img src=1>/);
});

test('exact metrics keep the exact rule; leaks and UntrackedFrees are judged on the head as always', () => {
  const v = analyzePaired(
    report(DRIFT),
    report(DRIFT, { alloc: 200, slope: 512 * 1024, untracked: 1 }),
    AGAINST,
    defaultPolicy(),
    NOW,
  );
  const c = v.checks[0];
  const allocs = c.metrics.find((x) => x.metric === 'c.rtloader.allocations')!;
  assert.equal(allocs.rule, 'exact');
  assert.equal(allocs.change, 'regression');
  const trend = c.leaks.find((l) => l.metric === 'python.pymem.inuse')!;
  assert.equal(trend.leaking, true);
  assert.equal(trend.status, 'fail');
  const untracked = c.leaks.find((l) => l.rule === 'untracked-frees')!;
  assert.equal(untracked.status, 'fail');
  assert.equal(v.status, 'fail');
});

test('fail-on applies to paired regressions as to any other', () => {
  const head = report(shifted(DRIFT, 0.08));
  const leaksOnly = parsePolicy('fail-on: [leak]\n', 'test');
  const v = analyzePaired(report(DRIFT), head, AGAINST, leaksOnly, NOW);
  const m = v.checks[0].metrics.find((x) => x.metric === 'python.pymem.inuse')!;
  assert.equal(m.change, 'regression');
  assert.equal(m.status, 'warn');
  assert.equal(v.status, 'warn');
});

test('runs that cannot be paired, or too few pairs, fall back to the ordinary rule and say so', () => {
  const t = thresholdsFor(defaultPolicy(), 'mycheck', 'python.pymem.inuse');
  const uneven = comparePairedMetric('python.pymem.inuse', DRIFT.slice(0, 6), shifted(DRIFT, 0.08), t);
  assert.equal(uneven.rule, 'mann-whitney');
  assert.match(uneven.reason, /^6 base and 7 head runs cannot be paired, compared unpaired: /);
  const few = comparePairedMetric('python.pymem.inuse', DRIFT.slice(0, 3), DRIFT.slice(0, 3), t);
  assert.equal(few.rule, 'threshold-only');
});

test('a check the base ref does not have: no baseline, and the provenance says why', () => {
  const v = analyzePaired(report(DRIFT, { name: 'other' }), report(DRIFT), AGAINST, defaultPolicy(), NOW);
  const c = v.checks[0];
  assert.equal(c.provenance.status, 'paired');
  assert.match(c.provenance.message ?? '', /the check does not exist there$/);
  assert.ok(c.metrics.every((m) => m.rule === 'no-baseline'));
});

test('a version bump in the PR is still paired with the base version of the same check', () => {
  const v = analyzePaired(
    report(DRIFT),
    report(shifted(DRIFT, 0.08), { version: '1.1.0' }),
    AGAINST,
    defaultPolicy(),
    NOW,
  );
  const c = v.checks[0];
  assert.equal(c.provenance.version, '1.0.0');
  assert.equal(c.provenance.requestedVersion, '1.1.0');
  assert.equal(c.metrics.find((x) => x.metric === 'python.pymem.inuse')!.change, 'regression');
});

test('with too few pairs for the signed-rank test to reach α, the check says so', () => {
  const four = DRIFT.slice(0, 4);
  const v = analyzePaired(report(four), report(shifted(four, 0.08)), AGAINST, defaultPolicy(), NOW);
  const m = v.checks[0].metrics.find((x) => x.metric === 'python.pymem.inuse')!;
  assert.equal(m.rule, 'paired');
  assert.equal(m.change, 'unchanged');
  assert.equal(m.p, 1 / 16);
  assert.ok(
    v.checks[0].notes.includes(
      'with 4 pairs the signed-rank test cannot reach p < 0.05: noisy metrics cannot fail; use repeat ≥ 5',
    ),
    v.checks[0].notes.join(' | '),
  );
  const five = DRIFT.slice(0, 5);
  const ok = analyzePaired(report(five), report(shifted(five, 0.08)), AGAINST, defaultPolicy(), NOW);
  assert.ok(ok.checks[0].notes.every((n) => !/cannot reach/.test(n)));
  assert.equal(ok.status, 'fail');
});
