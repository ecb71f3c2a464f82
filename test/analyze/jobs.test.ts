/**
 * The job-level check and its statistics. Quantiles are checked against published tables
 * (Student t: NIST/SEMATECH e-Handbook §1.3.6.7.2, "Critical values of the Student's t
 * distribution"; normal: 1.959964 for 97.5%).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  ASSUMED_JOB_CV,
  ASSUMED_RHO,
  driftFactor,
  jobInterval,
  lagOneCorrelation,
  medianNoise,
  sinceLevelChange,
  unknownJobsText,
  type JobInterval,
  type UnknownJobs,
} from '../../src/analyze/jobs.js';
import { setAsideOutliers } from '../../src/analyze/outliers.js';
import {
  incompleteBeta,
  mulberry32,
  normalQuantile,
  sampleSd,
  studentTCdf,
  studentTQuantile,
} from '../../src/analyze/stats.js';

/** The interval, which must be the "between-job noise unknown" kind. */
function unknown(i: JobInterval): UnknownJobs {
  if (i.known) assert.fail('expected between-job noise unknown');
  return i;
}

function close(actual: number, expected: number, tol: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= tol, `${what}: ${actual} vs ${expected} (tol ${tol})`);
}

test('Student t and normal quantiles match the published tables', () => {
  const table: [number, number, number][] = [
    [0.975, 1, 12.706],
    [0.975, 2, 4.303],
    [0.95, 9, 1.833],
    [0.975, 29, 2.045],
    [0.99, 5, 3.365],
    [0.9, 3, 1.638],
  ];
  for (const [p, df, t] of table) close(studentTQuantile(p, df), t, 5e-4, `t(${p}, ${df})`);
  close(studentTQuantile(0.025, 4), -2.776, 5e-4, 't(0.025, 4)');
  close(normalQuantile(0.975), 1.959964, 1e-6, 'z(0.975)');
  close(normalQuantile(0.05), -1.644854, 1e-6, 'z(0.05)');
  close(studentTCdf(0, 7), 0.5, 1e-12, 'T cdf at 0');
  close(incompleteBeta(0.5, 2, 2), 0.5, 1e-12, 'I_0.5(2,2)');
  close(incompleteBeta(0.3, 1, 1), 0.3, 1e-12, 'I_x(1,1) = x');
  assert.throws(() => studentTQuantile(1, 3), RangeError);
  assert.throws(() => normalQuantile(0), RangeError);
  assert.equal(sampleSd([5]), 0);
  close(sampleSd([2, 4, 4, 4, 5, 5, 7, 9]), 2.13809, 1e-5, 'sample sd');
});

test('prediction interval of k job medians: mean ± t(1 − α/4, k − 1) · sd · √(1 + 1/k)', () => {
  const jobs = [100, 102, 98, 101, 99];
  const i = jobInterval(
    jobs,
    { baseline: [100], current: [100] },
    { alpha: 0.05, threshold: 0.05, minRuns: 4 },
  );
  assert.equal(i.known, true);
  assert.equal(i.jobs, 5);
  close(i.centre, 100, 1e-9, 'centre');
  const half = studentTQuantile(1 - 0.0125, 4) * sampleSd(jobs) * Math.sqrt(1.2);
  close(i.high, 100 + half, 1e-9, 'high');
  close(i.low, 100 - half, 1e-9, 'low');
});

test('fewer than 3 jobs: the spread is assumed (2% of the level plus the median noise)', () => {
  const baseline = [100, 100, 100, 100, 100];
  const i = unknown(
    jobInterval([100], { baseline, current: baseline }, { alpha: 0.05, threshold: 0.05, minRuns: 4 }),
  );
  assert.equal(i.rho, ASSUMED_RHO, 'five runs are too few to show their correlation');
  close(i.sd, ASSUMED_JOB_CV * 100, 1e-9, 'sd with no run noise');
  close(i.high, 100 + normalQuantile(1 - 0.0125) * 2 * Math.SQRT2, 1e-9, 'high');
  const none = jobInterval([], { baseline, current: baseline }, { alpha: 0.05, threshold: 0.05, minRuns: 4 });
  close(none.high, i.high, 1e-9, 'no job at all counts as one');
});

test('runs that drift together widen the median noise; independent ones do not', () => {
  assert.equal(lagOneCorrelation([[1, 2, 3, 4, 5, 6, 7, 8]]).estimate > 0.5, true);
  assert.deepEqual(
    lagOneCorrelation([[1, -1, 1, -1, 1, -1]]),
    { estimate: 0, upper: 0 },
    'negative: clipped to 0',
  );
  assert.deepEqual(lagOneCorrelation([[1, 2, 3]]), { estimate: 0, upper: 0 }, 'too short to say');
  close(medianNoise(2, 4), (1.2533 * 2) / 2, 1e-12, 'independent: 1.2533 · sd / √n');
  close(
    medianNoise(2, 5, 0.8),
    medianNoise(2, 5) * Math.sqrt(driftFactor(5, 0.8)),
    1e-12,
    'scaled by √drift',
  );
  assert.equal(medianNoise(5, 1), 0);
});

test('drift factor: Var(job mean) / (E[s²] / n) of AR(1) runs, exact for short jobs', () => {
  assert.equal(driftFactor(10, 0), 1);
  // n = 5, ρ = 0.8: f = 1 + 2 Σ (1 − k/5) 0.8^k = 3.62144; (f · 4) / (5 − f) = 10.5079.
  close(driftFactor(5, 0.8), 10.5079, 1e-4, 'n = 5, ρ = 0.8');
  close(driftFactor(2, 0.5), 3, 1e-12, 'n = 2: (1 + ρ) / (1 − ρ)');
  close(driftFactor(2000, 0.8), 9, 0.05, 'long jobs: (1 + ρ) / (1 − ρ)');
  // The same ratio by simulation of AR(1) jobs of 5 runs.
  const r = mulberry32(7);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  let means = 0;
  let meanSq = 0;
  let within = 0;
  const jobs = 40_000;
  for (let j = 0; j < jobs; j++) {
    const xs = [gauss()];
    for (let i = 1; i < 5; i++) xs.push(0.8 * xs[i - 1] + Math.sqrt(1 - 0.64) * gauss());
    const m = xs.reduce((a, b) => a + b, 0) / 5;
    means += m;
    meanSq += m * m;
    within += sampleSd(xs) ** 2;
  }
  const varMean = meanSq / jobs - (means / jobs) ** 2;
  close(varMean / (within / jobs / 5), driftFactor(5, 0.8), 0.5, 'simulated');
});

test('lag-one correlation is corrected for its small-sample bias', () => {
  const r = mulberry32(11);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const ar = (n: number, rho: number) => {
    const xs = [gauss()];
    for (let i = 1; i < n; i++) xs.push(rho * xs[i - 1] + Math.sqrt(1 - rho * rho) * gauss());
    return xs;
  };
  // Pooled over many sequences of 10 runs at ρ 0.6 (below the clip), the raw estimate is about
  // 0.6 − 2.8 / 10 = 0.32; the corrected one is back near 0.6.
  const sequences = Array.from({ length: 3000 }, () => ar(10, 0.6));
  close(lagOneCorrelation(sequences).estimate, 0.6, 0.06, 'ρ 0.6 from jobs of 10');
  // Independent runs: the raw estimate is about −1/n; corrected, about 0.
  close(lagOneCorrelation(Array.from({ length: 3000 }, () => ar(10, 0))).estimate, 0, 0.03, 'ρ 0');
  // One job of 10 runs: the upper bound is one standard error, (10 / 7) / √9, above the estimate
  // (r = 0.2242 raw: (0.2242 + 0.1) · 10 / 7 = 0.4632).
  const slow = lagOneCorrelation([[1, 1.2, 1.1, 0.9, 1.0, 1.2, 1.3, 1.1, 0.9, 1.0]]);
  close(slow.estimate, 0.4632, 1e-4, 'corrected estimate');
  close(slow.upper - slow.estimate, 10 / 7 / 3, 1e-9, 'one standard error above');
  // Runs in pairs: r = −0.1 = −1/n, which the correction reads as 0; the upper bound does not.
  const pairs = lagOneCorrelation([[1, 2, 2, 1, 1, 2, 2, 1, 1, 2]]);
  assert.equal(pairs.estimate, 0);
  close(pairs.upper, 10 / 7 / 3, 1e-9, 'the bound before the clip');
});

test('unknown spread: never below the measured spread of two jobs, and scaled by the runs', () => {
  const flat = [100, 100, 100, 100, 100];
  const t = { alpha: 0.05, threshold: 0.2, minRuns: 4 };
  const two = jobInterval([100, 110], { baseline: flat, current: flat }, t);
  assert.equal(two.known, false);
  close(two.centre, 105, 1e-9, 'centre: the mean of the job medians');
  close(two.sd, sampleSd([100, 110]), 1e-9, 'the two jobs differ by more than 2% of the level');
  close(two.high, 105 + normalQuantile(1 - 0.0125) * two.sd * Math.sqrt(1.5), 1e-9, 'high');
  // Noisy runs, five of them: the median noise at the assumed ρ 0.8 dominates the 2%. The spread is
  // each side's sd relative to its median, pooled over their degrees of freedom: √62.5 on 100 (4 df)
  // and 0 (4 df) → √(62.5 / 2) on a level of 100.
  const noisy = [100, 110, 90, 105, 95];
  const i = jobInterval([100], { baseline: noisy, current: flat }, t);
  close(i.sd, Math.hypot(2, medianNoise(Math.sqrt(62.5 / 2), 5, ASSUMED_RHO)), 1e-9, 'pooled');
  // A head shifted by the change under test keeps the same relative spread: the same margin.
  const shifted = jobInterval([100], { baseline: noisy, current: noisy.map((v) => v * 1.3) }, t);
  close(
    shifted.sd,
    Math.hypot(2, medianNoise(Math.sqrt(62.5), 5, ASSUMED_RHO)),
    1e-9,
    'relative, not absolute',
  );
  // An outlier run is set aside first, as the rank test does: the 160 does not widen the margin.
  const kept = [100, 101, 99, 100.5];
  const spiked = jobInterval([100], { baseline: noisy, current: [...kept, 160] }, t);
  const keptRel = sampleSd(kept) / (400.5 / 4);
  const pooled = Math.sqrt((4 * 62.5e-4 + 3 * keptRel ** 2) / 7) * 100;
  close(spiked.sd, Math.hypot(2, medianNoise(pooled, 5, ASSUMED_RHO)), 1e-9, 'the 160 run is set aside');
  // Ten runs that alternate: their own (zero) correlation is trusted.
  const ten = [95, 105, 95, 105, 95, 105, 95, 105, 95, 105];
  const own = unknown(jobInterval([100], { baseline: ten, current: ten }, t));
  assert.equal(own.rho, 0);
  close(own.sd, Math.hypot(2, medianNoise(sampleSd(ten), 10, 0)), 1e-9, 'ten runs show their correlation');
});

test('since the last change of level: a sustained step cuts the history, one odd job does not', () => {
  const step = [100, 101, 99, 100, 120, 121, 119, 120.5];
  assert.deepEqual(sinceLevelChange(step, 0.05), [120, 121, 119, 120.5]);
  const blip = [100, 101, 99, 130, 100, 100.5, 99.5];
  assert.deepEqual(sinceLevelChange(blip, 0.05), blip);
  const oldest = [130, 100, 101, 99];
  assert.deepEqual(sinceLevelChange(oldest, 0.05), [100, 101, 99]);
  assert.deepEqual(sinceLevelChange([5], 0.05), [5]);
});

test('outliers: one run in five set aside by the modified z-score (> 5), never below the minimum', () => {
  assert.deepEqual(setAsideOutliers([100, 101, 99, 100.5, 140], 4), {
    kept: [100, 101, 99, 100.5],
    setAside: [140],
  });
  assert.deepEqual(setAsideOutliers([100, 101, 99, 100.5, 140], 5).setAside, [], 'minRuns 5 keeps all');
  assert.deepEqual(setAsideOutliers([100, 101, 99, 140], 3).setAside, [], 'four runs: none');
  assert.deepEqual(setAsideOutliers([100, 101, 99, 100.5, 103], 4).setAside, [], 'z 3.4: within');
  assert.deepEqual(setAsideOutliers([100, 101, 99, 100.5, 104], 4).setAside, [], 'z 4.7: within 5');
  assert.deepEqual(setAsideOutliers([100, 101, 99, 100.5, 104.5], 4).setAside, [104.5], 'z 5.4: set aside');
  assert.deepEqual(setAsideOutliers([100, 100, 100, 100, 140], 4).setAside, [], 'MAD 0: nothing');
  const ten = [100, 101, 99, 100.5, 99.5, 100.2, 99.8, 60, 140, 100.1];
  assert.deepEqual(setAsideOutliers(ten, 4).setAside.sort(), [140, 60]);
});

test('level change band: 4σ of the job-to-job steps when that is wider than the threshold', () => {
  // Steps of ~3 between jobs (σ ≈ 3 / (0.6745 √2) ≈ 3.1, 4σ ≈ 12.6): a +10 shift is noise here …
  const noisy = [100, 103, 100, 97, 100, 110, 113, 110];
  assert.deepEqual(sinceLevelChange(noisy, 0.05), noisy);
  // … but with quiet jobs the same +10 is a change of level (the 5% threshold decides).
  const quiet = [100, 100.1, 99.9, 100, 110, 110.1, 109.9];
  assert.deepEqual(sinceLevelChange(quiet, 0.05), [110, 110.1, 109.9]);
  assert.deepEqual(sinceLevelChange(quiet, 0.2), quiet, 'below a 20% threshold: one level');
  assert.deepEqual(sinceLevelChange([], 0.05), []);
});

test('lag-one correlation pools sequences and skips ones too short to say', () => {
  const up = [1, 2, 3, 4, 5, 6];
  assert.deepEqual(
    lagOneCorrelation([up, [9, 1, 5]]),
    lagOneCorrelation([up]),
    'a 3-run sequence adds nothing',
  );
  assert.ok(lagOneCorrelation([up, [3, 1, 3, 1, 3, 1]]).estimate < lagOneCorrelation([up]).estimate);
  assert.deepEqual(lagOneCorrelation([[5, 5, 5, 5]]), { estimate: 0, upper: 0 }, 'no variance');
  assert.equal(
    lagOneCorrelation([Array.from({ length: 50 }, (_, i) => i)]).estimate,
    0.95,
    'clipped at 0.95',
  );
});

test('the worst outlier goes first when only one may go; 3 jobs are enough to measure, 2 are not', () => {
  assert.deepEqual(setAsideOutliers([100, 101, 99, 140, 160], 4), {
    kept: [100, 101, 99, 140],
    setAside: [160],
  });
  assert.deepEqual(setAsideOutliers([100, 101, 99, 60, 40], 4).setAside, [40]);
  const runs = { baseline: [100, 100, 100], current: [100, 100, 100] };
  const t = { alpha: 0.05, threshold: 0.05, minRuns: 4 };
  assert.equal(jobInterval([100, 101, 99], runs, t).known, true);
  assert.equal(jobInterval([100, 101], runs, t).known, false);
  assert.equal(jobInterval([100, 101], runs, t).jobs, 2);
  // A downward step is a change of level too.
  assert.deepEqual(sinceLevelChange([100, 100.2, 99.8, 80, 80.1, 79.9], 0.05), [80, 80.1, 79.9]);
});

test('the unknown margin, term by term: which runs show the correlation, and from how many runs', () => {
  const t = { alpha: 0.05, threshold: 0.05, minRuns: 4 };
  const drifting = [100, 101, 103, 104, 103, 101, 100, 99];
  const jumpy = [100, 103, 99, 102, 100, 103, 99, 102];
  // One stored job: its runs and the head's show the correlation together; 8 runs are enough.
  const one = unknown(jobInterval([101], { baseline: drifting, current: jumpy }, t));
  assert.equal(one.rho, lagOneCorrelation([jumpy, drifting]).upper);
  assert.notEqual(one.rho, lagOneCorrelation([jumpy]).upper);
  // Two stored jobs: the baseline's runs span two jobs, so only the head's runs are read.
  const two = unknown(jobInterval([101, 101.5], { baseline: jumpy, current: drifting }, t));
  assert.equal(two.rho, lagOneCorrelation([drifting]).upper);
  assert.ok(two.rho > lagOneCorrelation([drifting, jumpy]).upper, 'the jumpy baseline is not read');
  // Seven runs are too few: the assumed 0.8.
  assert.equal(
    unknown(jobInterval([101], { baseline: drifting.slice(1), current: jumpy.slice(1) }, t)).rho,
    ASSUMED_RHO,
  );
  // A 4-run sequence counts; a side of one run or with a level of 0 adds nothing to the spread.
  assert.ok(lagOneCorrelation([[1, 2, 3, 4]]).estimate > 0);
  close(medianNoise(1, 2), 1.2533 / Math.SQRT2, 1e-12, 'two runs: √drift(2, 0) = 1');
  const single = jobInterval([], { baseline: [5], current: [7] }, t);
  close(single.sd, 0.1, 1e-12, 'no spread to pool: 2% of the level 5');
  const zeros = [0, 0, 0, 0, 0];
  assert.equal(jobInterval([0], { baseline: zeros, current: zeros }, t).sd, 0, 'a level of 0 has no spread');
  close(single.low, 5 - normalQuantile(1 - 0.0125) * 0.1 * Math.SQRT2, 1e-12, 'low');
  const twoRuns = jobInterval([100], { baseline: [100, 110], current: [100, 100, 100, 100, 100] }, t);
  // √((1 · (7.071 / 105)² + 4 · 0) / 5) of the level: the 2-run side counts with its one df.
  const rel = Math.sqrt((sampleSd([100, 110]) / 105) ** 2 / 5);
  close(twoRuns.sd, Math.hypot(2, medianNoise(rel * 100, 5, ASSUMED_RHO)), 1e-9, 'a 2-run side');
  assert.equal(
    unknownJobsText(one),
    `between-job noise unknown: 1 stored job(s), fewer than 3, so a 2% job-to-job spread and runs that drift together (lag-1 correlation ${one.rho.toFixed(2)}) are assumed`,
  );
});

test('level change band: 4σ of the steps, σ = median |Δ| / (0.6745 √2), and an exact band does not cut', () => {
  // Steps of 3 (σ = 3 / 0.9539 = 3.145, 4σ = 12.58) and one step up between the jobs at index 3 and 4.
  const up = (shift: number) => [100, 103, 100, 103, 100 + shift, 103 + shift, 100 + shift, 103 + shift];
  // +12: no older job lies more than 12 below the newer jobs' median (112 once the walk reaches
  // the oldest, which alone could cut): 12 < 12.58, one level.
  assert.equal(sinceLevelChange(up(12), 0.05).length, 8, '12 < 12.58: one level');
  // +16: 14.5 and 17.5 below: a change of level.
  assert.equal(sinceLevelChange(up(16), 0.05).length, 4, '14.5 > 12.58: cut');
  // Quiet jobs (σ = 0): the threshold decides; exactly at it is not beyond it, either way.
  assert.equal(sinceLevelChange([110, 110, 110, 100, 100, 100], 0.1).length, 6, 'exactly 10% above');
  assert.equal(sinceLevelChange([90, 90, 90, 100, 100, 100], 0.1).length, 6, 'exactly 10% below');
  assert.equal(sinceLevelChange([111, 111, 111, 100, 100, 100], 0.1).length, 3, '11% above');
  // Two older jobs on opposite sides are not a level: the walk goes on to the oldest alone.
  assert.deepEqual(
    sinceLevelChange([130, 70, 100, 100, 100, 100, 100, 100], 0.05),
    [70, 100, 100, 100, 100, 100, 100],
  );
});
