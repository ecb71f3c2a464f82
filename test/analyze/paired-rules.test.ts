/**
 * Paired mode's rules at their edges: the signed-rank tails against scipy.stats.wilcoxon, the
 * three conditions of a paired regression at exactly their limits, and the paired rule's fallbacks,
 * reasons and notes.
 *
 * scipy 1.17, scipy.stats.wilcoxon(d, alternative=…) (exact: no ties, n ≤ 50; method='approx' for
 * the tied samples, no continuity correction):
 *   [1, −2, 3, 4, 5]           statistic 2 (W+ 13)  two-sided 0.1875  greater 0.09375  less 0.9375
 *   [1, 2, 3, 4, 5]            two-sided 0.0625  greater 0.03125  less 1.0
 *   [1, 2, −3]                 two-sided 1.0
 *   1..50 (greater)            8.881784197001252e-16 = 2^−50 (exact); 1..51: 2.572638025858828e-10 (approx)
 *   [1, 1, 2, 2, 3, 3, −1]     two-sided 0.0403197213958959  greater 0.02015986069794795  less 0.979840139302052
 *   [1, −1, 2, −2, 3, −3, 4]   statistic 10.5 (W+ 17.5)  two-sided 0.5519751592531547
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { comparePaired, walshMedian, wilcoxonSignedRank } from '../../src/analyze/paired.js';
import { analyzePaired, comparePairedMetric, pairedLookup } from '../../src/analyze/paired-verdict.js';
import { defaultPolicy, parsePolicy, thresholdsFor } from '../../src/analyze/policy.js';
import type { CheckReport, MemoryReport } from '../../src/model.js';

function close(actual: number, expected: number, what: string): void {
  assert.ok(
    Math.abs(actual - expected) <= 1e-7 * Math.max(1, Math.abs(expected)),
    `${what}: ${actual} vs ${expected}`,
  );
}

describe('Wilcoxon signed-rank tails (scipy)', () => {
  it('exact tails of five differences', () => {
    const mixed = [1, -2, 3, 4, 5];
    assert.equal(wilcoxonSignedRank(mixed, 'greater').p, 0.09375);
    assert.equal(wilcoxonSignedRank(mixed, 'less').p, 0.9375);
    const two = wilcoxonSignedRank(mixed);
    assert.deepEqual([two.wPlus, two.w, two.p, two.n], [13, 2, 0.1875, 5]);
    const up = [1, 2, 3, 4, 5];
    assert.equal(wilcoxonSignedRank(up, 'greater').p, 1 / 32);
    assert.equal(wilcoxonSignedRank(up, 'less').p, 1);
    assert.equal(wilcoxonSignedRank(up).p, 1 / 16);
    assert.equal(
      wilcoxonSignedRank(
        up.map((x) => -x),
        'less',
      ).p,
      1 / 32,
    );
  });

  it('zero differences are dropped before ranking; the two-sided p is capped at 1', () => {
    const r = wilcoxonSignedRank([0, 1, 0, 2, 3, 4, 5], 'greater');
    assert.deepEqual([r.n, r.p, r.method], [5, 1 / 32, 'exact']);
    assert.equal(wilcoxonSignedRank([1, 2, -3]).p, 1);
    for (const alternative of ['two-sided', 'greater', 'less'] as const)
      assert.deepEqual(wilcoxonSignedRank([0, 0], alternative), {
        wPlus: 0,
        w: 0,
        p: 1,
        n: 0,
        method: 'exact',
      });
  });

  it('exact up to 50 differences, the normal approximation from 51', () => {
    const upTo = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);
    const fifty = wilcoxonSignedRank(upTo(50), 'greater');
    assert.equal(fifty.method, 'exact');
    assert.equal(fifty.p, 2 ** -50);
    const more = wilcoxonSignedRank(upTo(51), 'greater');
    assert.equal(more.method, 'asymptotic');
    close(more.p, 2.572638025858828e-10, '51 differences');
  });

  it('ties: the normal approximation with the tie correction, each tail', () => {
    const tied = [1, 1, 2, 2, 3, 3, -1];
    close(wilcoxonSignedRank(tied).p, 0.0403197213958959, 'two-sided');
    close(wilcoxonSignedRank(tied, 'greater').p, 0.02015986069794795, 'greater');
    close(wilcoxonSignedRank(tied, 'less').p, 0.979840139302052, 'less');
    close(
      wilcoxonSignedRank(
        tied.map((x) => -x),
        'less',
      ).p,
      0.02015986069794795,
      'mirrored, less',
    );
    const half = wilcoxonSignedRank([1, -1, 2, -2, 3, -3, 4]);
    assert.deepEqual([half.wPlus, half.w], [17.5, 10.5]);
    close(half.p, 0.5519751592531547, 'two-sided, W+ above the mean');
  });

  it('Hodges-Lehmann: the median of the Walsh averages', () => {
    // (0+0)/2 ×3, (0+10)/2 ×2, (10+10)/2: 0, 0, 0, 5, 5, 10 → 2.5
    assert.equal(walshMedian([0, 0, 10]), 2.5);
  });
});

describe('a paired regression needs all three conditions, each at its edge', () => {
  const BASE = [100, 100, 100, 100, 100];
  // Differences 3..7: all positive (p = 1/32 one-sided), Hodges-Lehmann shift 5 = 5% of 100.
  const HEAD = [103, 104, 105, 106, 107];
  const T = { alpha: 0.05, threshold: 0.05, floor: 0 };

  it('a shift of exactly the threshold and a p below α regress', () => {
    const v = comparePaired(BASE, HEAD, T);
    assert.equal(v.change, 'regression');
    assert.deepEqual([v.shift, v.relative, v.p, v.pairs], [5, 0.05, 1 / 32, 5]);
    assert.deepEqual(v.checks, { test: true, effect: true, floor: true });
  });

  it('a p exactly at α is not significant', () => {
    const v = comparePaired(BASE, HEAD, { ...T, alpha: 1 / 32 });
    assert.equal(v.change, 'unchanged');
    assert.deepEqual(v.checks, { test: false, effect: true, floor: true });
  });

  it('a shift exactly at the floor is not beyond it', () => {
    const v = comparePaired(BASE, HEAD, { ...T, floor: 5 });
    assert.equal(v.change, 'unchanged');
    assert.deepEqual(v.checks, { test: true, effect: true, floor: false });
    assert.equal(comparePaired(BASE, HEAD, { ...T, floor: 4.99 }).change, 'regression');
  });

  it('a shift just under the threshold has no effect', () => {
    const v = comparePaired(BASE, HEAD, { ...T, threshold: 0.0501 });
    assert.equal(v.change, 'unchanged');
    assert.deepEqual(v.checks, { test: true, effect: false, floor: true });
  });

  it('the mirror image is an improvement, tested on the lower tail', () => {
    // −5 from a base median of 105: −4.8%, past a 4% threshold.
    const v = comparePaired(HEAD, BASE, { ...T, threshold: 0.04 });
    assert.equal(v.change, 'improvement');
    assert.equal(v.shift, -5);
    assert.equal(v.p, 1 / 32);
  });

  it('relative to the size of the base median, so a negative level keeps the sign of the shift', () => {
    const v = comparePaired(
      BASE.map((x) => -x),
      HEAD.map((x) => x - 200),
      T,
    );
    assert.equal(v.relative, 0.05);
  });

  it('from a base median of 0 there is no relative shift: only the floor', () => {
    const v = comparePaired([0, 0, 0, 0, 0], [3, 4, 5, 6, 7], { ...T, threshold: 10 });
    assert.equal(v.change, 'regression');
    assert.ok(!('relative' in v), 'no relative key');
  });

  it('no shift is tested as growth: the upper tail', () => {
    // Differences [0, 0, 0, 1]: Walsh averages six 0s, three 0.5s and a 1 → median 0. The one
    // non-zero difference: P(W+ ≥ 1) = 1/2 (the lower tail would be 1).
    const v = comparePaired([5, 5, 5, 5], [5, 5, 5, 6], T);
    assert.equal(v.shift, 0);
    assert.equal(v.p, 0.5);
    assert.equal(v.change, 'unchanged');
  });

  it('needs as many base as head runs, and at least one', () => {
    assert.throws(() => comparePaired([], [], T), /needs as many base as head runs \(got 0 and 0\)/);
  });
});

const MiB = 1024 * 1024;
const INUSE = 'python.pymem.inuse';
const NOW = new Date('2026-11-30T00:00:00Z');
const AGAINST = { ref: 'main', sha: '0123456789abcdef0123456789abcdef01234567' };

function check(runs: Record<string, number[]>, instance?: string): CheckReport {
  return {
    check:
      instance === undefined ? { name: 'c', version: '1.0.0' } : { name: 'c', version: '1.0.0', instance },
    metrics: Object.fromEntries(
      Object.entries(runs).map(([m, values]) => [
        m,
        { runs: values.map((value) => ({ value, series: [] })) },
      ]),
    ),
    sites: [],
    notes: [],
  };
}

function report(...checks: CheckReport[]): MemoryReport {
  return {
    schemaVersion: 1,
    tool: { name: 'memgate', version: 'test' },
    createdAt: NOW.toISOString(),
    environment: { options: {} },
    checks,
  };
}

/** Seven pairs at about 40 MiB, 1.4% apart (not exact), so no two differences tie. */
const BASE7 = [0, 1, 2, 3, 4, 5, 6].map((i) => 40 * MiB + i * 97 * 1024);
const grown = (by: number, xs = BASE7): number[] => xs.map((x, i) => Math.round(x * (1 + by)) + i * 13);

describe('the paired rule in a verdict', () => {
  const t = thresholdsFor(defaultPolicy(), 'c', INUSE);

  it('without base runs the ordinary rule says there is no baseline', () => {
    assert.equal(comparePairedMetric(INUSE, undefined, BASE7, t).reason, 'no baseline to compare against');
    assert.equal(comparePairedMetric(INUSE, [], BASE7, t).reason, 'no baseline to compare against');
  });

  it('a constant base against a varying head is still judged on its pairs', () => {
    const flatBase = new Array<number>(7).fill(40 * MiB);
    const m = comparePairedMetric(INUSE, flatBase, grown(0.08), t);
    assert.equal(m.rule, 'paired');
    assert.equal(m.change, 'regression');
    assert.equal(m.status, 'fail');
    assert.equal(m.kind, 'noisy');
  });

  it("runs that cannot be paired get the ordinary rule with the caller's options, without the stored jobs", () => {
    const uneven = BASE7.slice(0, 6);
    const same = BASE7.map((x, i) => x + (i % 2 ? 1 : -1) * (i + 1));
    const lazy = comparePairedMetric(INUSE, uneven, same, t, { lazyCi: true, jobs: [1, 2, 3] });
    assert.equal(lazy.rule, 'mann-whitney');
    assert.equal(lazy.ci, undefined, 'lazyCi skipped the bootstrap of an unchanged metric');
    assert.doesNotMatch(lazy.reason, /job/);
    assert.notEqual(comparePairedMetric(INUSE, uneven, same, t).ci, undefined);
  });

  it('an improvement passes and says it shrank', () => {
    const m = comparePairedMetric(INUSE, grown(0.08), BASE7, t);
    assert.equal(m.change, 'improvement');
    assert.equal(m.status, 'pass');
    assert.ok(m.relative !== undefined && m.relative < -0.07, `relative ${m.relative}`);
    assert.match(
      m.reason,
      /^shrank by [\d.]+ MiB \(-7\.\d%\) over 7 pairs .*: signed-rank p = 0\.0078 < 0\.05, beyond \+5\.0% and the .* floor$/,
    );
  });

  it('from a base median of 0 the reason says so and there is no relative change', () => {
    const m = comparePairedMetric(
      INUSE,
      new Array<number>(7).fill(0),
      grown(
        0,
        [1, 2, 3, 4, 5, 6, 7].map((i) => i * MiB),
      ),
      t,
    );
    assert.equal(m.change, 'regression');
    assert.ok(!('relative' in m), 'no relative key');
    assert.match(m.reason, /^grew by .* from a base median of 0 over 7 pairs/);
  });

  it('an unchanged metric names every condition that failed, and only those', () => {
    const same = comparePairedMetric(
      INUSE,
      BASE7,
      BASE7.map((x, i) => x + (i % 2 ? 1 : -1) * (i + 1)),
      t,
    );
    assert.equal(same.change, 'unchanged');
    assert.match(
      same.reason,
      /^no significant change over 7 pairs: signed-rank p = .* ≥ α 0\.05; the shift .* is below \+5\.0%; the shift .* is below the 16\.00 KiB floor$/,
    );
    const small = comparePairedMetric(INUSE, BASE7, grown(0.02), t);
    assert.match(small.reason, /^no significant change over 7 pairs: the shift .* is below \+5\.0%$/);
  });
});

describe('paired provenance and notes', () => {
  it('finds the base check of the same instance, and counts its pairs', () => {
    const base = report(
      check({ [INUSE]: [1, 2, 3] }, 'a'),
      check({ [INUSE]: [1] }, 'b'),
      check({ [INUSE]: [1, 2] }),
    );
    const b = pairedLookup(base, { name: 'c', version: '1.0.0', instance: 'b' }, AGAINST);
    assert.equal(b.provenance.samples, 1);
    assert.deepEqual(b.provenance.commits, [AGAINST.sha]);
    assert.equal(b.provenance.message, 'paired A/B in this job against main (0123456789ab), 1 pair');
    assert.equal(pairedLookup(base, { name: 'c', version: '1.0.0' }, AGAINST).provenance.samples, 2);
    assert.equal(
      pairedLookup(base, { name: 'd', version: '1.0.0', instance: 'a' }, AGAINST).baseline,
      undefined,
    );
  });

  it('the few-pairs note: 2^−n must be below α, and the advice is the smallest repeat that reaches it', () => {
    // α = 1/16: four pairs reach p = 1/16 at best, which is not below α; five pairs do.
    const policy = parsePolicy('alpha: 0.0625\n', 'test');
    const four = BASE7.slice(0, 4);
    const v = analyzePaired(
      report(check({ [INUSE]: four })),
      report(check({ [INUSE]: grown(0.08, four) })),
      AGAINST,
      policy,
      NOW,
    );
    assert.deepEqual(
      v.checks[0].notes.filter((n) => /cannot reach/.test(n)),
      [
        'with 4 pairs the signed-rank test cannot reach p < 0.0625: noisy metrics cannot fail; use repeat ≥ 5',
      ],
    );
    const five = BASE7.slice(0, 5);
    const ok = analyzePaired(
      report(check({ [INUSE]: five })),
      report(check({ [INUSE]: grown(0.08, five) })),
      AGAINST,
      policy,
      NOW,
    );
    assert.ok(ok.checks[0].notes.every((n) => !/cannot reach/.test(n)));
  });

  it('the note counts only the metrics judged on pairs', () => {
    // Two runs of an exact metric: the exact rule, not a pair test, so no note.
    const metrics = (xs: number[]) => ({ [INUSE]: xs, 'c.rtloader.allocations': [120, 120] });
    const v = analyzePaired(
      report(check(metrics(BASE7))),
      report(check(metrics(grown(0.08)))),
      AGAINST,
      defaultPolicy(),
      NOW,
    );
    assert.equal(v.checks[0].metrics.find((m) => m.metric === 'c.rtloader.allocations')?.rule, 'exact');
    assert.ok(
      v.checks[0].notes.every((n) => !/cannot reach/.test(n)),
      v.checks[0].notes.join(' | '),
    );
  });

  it('the note counts the metric with the fewest pairs', () => {
    const metrics = (xs: number[]) => ({ [INUSE]: xs, 'python.pymem.alloc': xs.slice(0, 4) });
    const v = analyzePaired(
      report(check(metrics(BASE7))),
      report(check(metrics(grown(0.08)))),
      AGAINST,
      defaultPolicy(),
      NOW,
    );
    assert.ok(
      v.checks[0].notes.some((n) => n.startsWith('with 4 pairs the signed-rank test cannot reach p < 0.05')),
      v.checks[0].notes.join(' | '),
    );
  });
});
