/**
 * The job-level check and its statistics. Quantiles are checked against published tables
 * (Student t: NIST/SEMATECH e-Handbook §1.3.6.7.2, "Critical values of the Student's t
 * distribution"; normal: 1.959964 for 97.5%).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  ASSUMED_JOB_CV,
  jobInterval,
  lagOneCorrelation,
  medianNoise,
  sinceLevelChange,
} from '../../src/analyze/jobs.js';
import { setAsideOutliers } from '../../src/analyze/outliers.js';
import {
  incompleteBeta,
  normalQuantile,
  sampleSd,
  studentTCdf,
  studentTQuantile,
} from '../../src/analyze/stats.js';

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
  const i = jobInterval(jobs, { baseline: [100], current: [100] }, { alpha: 0.05, threshold: 0.05 });
  assert.equal(i.known, true);
  assert.equal(i.jobs, 5);
  close(i.centre, 100, 1e-9, 'centre');
  const half = studentTQuantile(1 - 0.0125, 4) * sampleSd(jobs) * Math.sqrt(1.2);
  close(i.high, 100 + half, 1e-9, 'high');
  close(i.low, 100 - half, 1e-9, 'low');
});

test('fewer than 3 jobs: the spread is assumed (2% of the level plus the median noise)', () => {
  const baseline = [100, 100, 100, 100, 100];
  const i = jobInterval([100], { baseline, current: baseline }, { alpha: 0.05, threshold: 0.05 });
  assert.equal(i.known, false);
  close(i.sd, ASSUMED_JOB_CV * 100, 1e-9, 'sd with no run noise');
  close(i.high, 100 + normalQuantile(1 - 0.0125) * 2 * Math.SQRT2, 1e-9, 'high');
  const none = jobInterval([], { baseline, current: baseline }, { alpha: 0.05, threshold: 0.05 });
  close(none.high, i.high, 1e-9, 'no job at all counts as one');
});

test('runs that drift together widen the median noise; independent ones do not', () => {
  assert.equal(lagOneCorrelation([[1, 2, 3, 4, 5, 6, 7, 8]]) > 0.5, true);
  assert.equal(lagOneCorrelation([[1, -1, 1, -1, 1, -1]]), 0, 'negative correlation is clipped to 0');
  assert.equal(lagOneCorrelation([[1, 2]]), 0, 'too short to say');
  const runs = [10, 11, 9, 10.5, 9.5];
  close(medianNoise(runs, 0.8), medianNoise(runs) * 3, 1e-9, '√(1.8 / 0.2) = 3');
  assert.equal(medianNoise([5]), 0);
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
  close(lagOneCorrelation([up, [9, 1]]), lagOneCorrelation([up]), 1e-12, 'a 2-run sequence adds nothing');
  assert.ok(lagOneCorrelation([up, [3, 1, 3, 1, 3, 1]]) < lagOneCorrelation([up]));
  assert.equal(lagOneCorrelation([[5, 5, 5, 5]]), 0, 'no variance');
  assert.equal(lagOneCorrelation([Array.from({ length: 50 }, (_, i) => i)]), 0.9, 'clipped at 0.9');
});

test('the worst outlier goes first when only one may go; 3 jobs are enough to measure, 2 are not', () => {
  assert.deepEqual(setAsideOutliers([100, 101, 99, 140, 160], 4), {
    kept: [100, 101, 99, 140],
    setAside: [160],
  });
  assert.deepEqual(setAsideOutliers([100, 101, 99, 60, 40], 4).setAside, [40]);
  const runs = { baseline: [100, 100, 100], current: [100, 100, 100] };
  const t = { alpha: 0.05, threshold: 0.05 };
  assert.equal(jobInterval([100, 101, 99], runs, t).known, true);
  assert.equal(jobInterval([100, 101], runs, t).known, false);
  assert.equal(jobInterval([100, 101], runs, t).jobs, 2);
  // A downward step is a change of level too.
  assert.deepEqual(sinceLevelChange([100, 100.2, 99.8, 80, 80.1, 79.9], 0.05), [80, 80.1, 79.9]);
});
