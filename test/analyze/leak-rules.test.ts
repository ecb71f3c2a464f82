/**
 * The leak rules on series built so each verdict can be worked out by hand: straight lines (their
 * Theil-Sen slope is the line's slope, every Mann-Kendall pair rises), a rise cut by one drop, a
 * sawtooth whose collected level climbs by a fixed step, integer object counts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  COUNT_LEAK_SLOPE,
  detectLeak,
  MIN_TREND_POINTS,
  postGcSlope,
  slopeFloor,
  trendRun,
  untrackedFrees,
  warmupCount,
} from '../../src/analyze/leak.js';
import { DEFAULT_THRESHOLDS, type ResolvedThresholds } from '../../src/analyze/policy.js';
import type { RunSample } from '../../src/model.js';

const T: ResolvedThresholds = { ...DEFAULT_THRESHOLDS };
const BYTES = { unit: 'bytes' } as const;
const COUNT = { unit: 'count' } as const;
const GAUGE = 'python.pymem.inuse';
const ALLOC = 'python.check_run_alloc';

/**
 * `post` behind a warm-up the default 20% drops: a quarter of its length again, so the run has
 * 1.25 × n points and floor(0.2 × 1.25 n) = n / 4 are dropped.
 */
function withWarmup(post: readonly number[], warm = 0): number[] {
  return [...new Array<number>(Math.round(post.length / 4)).fill(warm), ...post];
}

/** A straight line after warm-up: `n` points from `start`, `slope` per iteration. */
function line(slope: number, n = 20, start = 100_000): number[] {
  return withWarmup(Array.from({ length: n }, (_, i) => start + slope * i));
}

const runs = (...series: number[][]): RunSample[] =>
  series.map((s) => ({ value: Math.max(...s), series: s }));

describe('warm-up and floors', () => {
  it('warm-up drops 20% of the iterations, rounded down, but always at least one', () => {
    assert.equal(warmupCount(25, 0.2), 5);
    assert.equal(warmupCount(9, 0.2), 1);
    assert.equal(warmupCount(10, 0.2), 2);
    assert.equal(warmupCount(3, 0.2), 1);
    assert.equal(warmupCount(10, 0), 1);
    assert.equal(warmupCount(10, 1), 10);
    assert.equal(warmupCount(0, 0.2), 0);
  });

  it('byte metrics: the absolute floor, or 0.2% of the level when that is larger', () => {
    assert.equal(slopeFloor(BYTES, T, 100_000), 1024);
    assert.equal(slopeFloor(BYTES, T, 1_000_000), 2000);
    assert.equal(slopeFloor(BYTES, T, -1_000_000), 2000, 'the size of the level, whatever its sign');
  });

  it('count metrics: half an object per iteration, unless an override sets leakSlopeAbs', () => {
    assert.equal(COUNT_LEAK_SLOPE, 0.5);
    assert.equal(slopeFloor(COUNT, T, 100), 0.5);
    assert.equal(slopeFloor(COUNT, T, 1000), 2, 'the relative floor applies unchanged');
    assert.equal(slopeFloor(COUNT, { ...T, leakSlopeAbs: 3, explicit: ['leakSlopeAbs'] }, 100), 3);
    assert.equal(slopeFloor(COUNT, { ...T, leakSlopeAbs: 3, explicit: ['alpha'] }, 100), 0.5);
  });

  it('one object every other iteration is a leak of live allocations; with a floor of 2 it is not', () => {
    // 100, 100, 101, 101, …: Theil-Sen 0.5 per iteration, exactly the count floor.
    const halfStep = withWarmup(Array.from({ length: 20 }, (_, i) => 100 + Math.floor(i / 2)));
    const m = 'c.rtloader.live_allocations';
    const v = detectLeak(m, runs(halfStep, halfStep, halfStep), T);
    assert.equal(v?.leaking, true);
    assert.equal(v?.perIteration, 0.5);
    assert.match(v?.reason ?? '', /^grows 0\.5 per iteration/);
    const raised = detectLeak(m, runs(halfStep, halfStep, halfStep), {
      ...T,
      leakSlopeAbs: 2,
      explicit: ['leakSlopeAbs'],
    });
    assert.equal(raised?.leaking, false);
  });
});

describe('a sustained rise', () => {
  it('a steady rise of 2 KiB per iteration leaks, in every run, with the evidence per run', () => {
    const s = line(2048);
    const v = detectLeak(GAUGE, runs(s, s, s), T);
    assert.equal(v?.status, 'fail');
    assert.equal(v?.rule, 'trend');
    assert.equal(v?.runsLeaking, 3);
    assert.equal(v?.perIteration, 2048);
    assert.equal(v?.growth, 19 * 2048, 'last − first point after warm-up');
    assert.equal(
      v?.reason,
      'grows 2.00 KiB per iteration (Theil-Sen, Mann-Kendall p < 0.05, still growing through every half and third) in 3 of 3 runs',
    );
    assert.deepEqual(
      v?.runs.map((r) => [r.run, r.leaking, r.slope, r.growth, r.retained]),
      [0, 1, 2].map((i) => [i, true, 2048, 19 * 2048, undefined]),
    );
    assert.ok(v?.runs.every((r) => r.p !== undefined && r.p < 1e-6));
    assert.equal(trendRun(s, BYTES, T).shape, 'rising');
  });

  it('a slope exactly at the floor leaks; just below it does not', () => {
    assert.equal(trendRun(line(1024), BYTES, T).leaking, true);
    assert.equal(trendRun(line(1023.9), BYTES, T).leaking, false);
  });

  it('a rise that slows to exactly half the floor in its second half still grows through it', () => {
    // 2 KiB per iteration up to point 10, then 512 B: the second half and the last third rise at
    // exactly 512 B, half the 1 KiB floor, which is enough; the whole series' Theil-Sen is 1,358 B.
    const slowing = withWarmup(
      Array.from({ length: 20 }, (_, i) => 100_000 + 2048 * Math.min(i, 10) + 512 * Math.max(0, i - 10)),
    );
    const tr = trendRun(slowing, BYTES, T);
    assert.equal(tr.secondHalfSlope, 512);
    assert.equal(tr.leaking, true);
    assert.equal(tr.shape, 'rising');
  });

  it('the second half of an odd number of points starts at the middle point', () => {
    // y = i² for i = 0…8 after two warm-up points; the slope between points a and b is a + b, so the
    // second half (i = 4…8) has the median of 9, 10, 11, 11, 12, 12, 13, 13, 14, 15: 12.
    const tr = trendRun([0, 0, ...Array.from({ length: 9 }, (_, i) => i * i)], COUNT, T);
    assert.equal(tr.secondHalfSlope, 12);
    assert.equal(tr.growth, 64);
  });

  it('rising through every half and third at 800 B, below the 1 KiB floor, is not a leak', () => {
    // Each half and third rises at 800 B ≥ half the floor; only the whole-series floor stops it.
    const tr = trendRun(line(800), BYTES, T);
    assert.equal(tr.leaking, false);
    assert.equal(tr.slope, 800);
    assert.equal(tr.secondHalfSlope, 800);
  });

  it('a rise that pauses for a whole third of the run is not sustained, whichever third', () => {
    // 24 points after warm-up, thirds of points 0–8, 8–16, 16–23: 4 KiB per iteration except
    // through one third, where the level holds. The halves still rise (Theil-Sen ≥ 512 B,
    // Mann-Kendall significant) and so does the whole series; the paused third's slope is 0.
    const rise = (f: (i: number) => number) =>
      withWarmup(Array.from({ length: 24 }, (_, i) => 100_000 + 4096 * f(i)));
    const pauses = {
      first: rise((i) => Math.max(0, i - 8)),
      middle: rise((i) => Math.min(i, 8) + Math.max(0, i - 16)),
      last: rise((i) => Math.min(i, 16)),
    };
    for (const [which, s] of Object.entries(pauses)) {
      const tr = trendRun(s, BYTES, T);
      assert.ok(tr.slope >= tr.floor && tr.p < 0.05, which);
      assert.equal(tr.leaking, false, `paused through the ${which} third`);
    }
    assert.ok(trendRun(pauses.last, BYTES, T).secondHalfSlope >= 512, 'the second half alone would pass');
  });

  it('a filled cache that creeps at a quarter of the floor is not a leak, even climbing out of a dip', () => {
    // 2 KiB per iteration up to point 10, then 256 B (a quarter of the floor), with a 10 KiB dip at
    // points 12–14. The second half rises significantly (out of the dip), and the last third's
    // Theil-Sen slope is large for the same reason, but the second half's own slope is 256 B < 512 B.
    const cache = withWarmup(
      Array.from(
        { length: 20 },
        (_, i) =>
          100_000 + 2048 * Math.min(i, 10) + 256 * Math.max(0, i - 10) - (i >= 12 && i < 15 ? 10_240 : 0),
      ),
    );
    const tr = trendRun(cache, BYTES, T);
    assert.equal(tr.secondHalfSlope, 256);
    assert.ok(tr.slope >= tr.floor && tr.p < 0.05);
    assert.equal(tr.leaking, false);
  });

  it('a rise cut by one big drop: every half and third rises, the whole series is no significant trend', () => {
    // 20 points rising 10 KiB-ish (10,000 B) a step, 125,000 B lower from point 11 on. Mann-Kendall:
    // the pairs across the drop that are closer than 12.5 steps fall: 11+11+10+9+8+7+6+5+4 = 71 of
    // 190, so S = 190 − 142 = 48, Var S = 20·19·45/18 = 950, z = 47/√950 = 1.525, p = 0.064 > 0.05.
    // Theil-Sen of the whole is still 2,647 B ≥ the floor, and every half and third rises 10,000 B.
    const cut = withWarmup(
      Array.from({ length: 20 }, (_, i) => 200_000 + 10_000 * i - (i >= 11 ? 125_000 : 0)),
    );
    const tr = trendRun(cut, BYTES, T);
    assert.ok(Math.abs(tr.p - 0.0636) < 1e-4, String(tr.p));
    assert.ok(tr.slope >= tr.floor);
    assert.equal(tr.leaking, false);
    assert.equal(tr.postGcSlope, undefined, 'one drop is no sawtooth');
  });

  it('fewer than six points after warm-up: too short for a trend, said so', () => {
    assert.equal(MIN_TREND_POINTS, 6);
    const five = withWarmup([1e5, 2e5, 3e5, 4e5, 5e5]); // 6 points, 1 dropped
    assert.equal(five.length, 6);
    const tr = trendRun(five, BYTES, T);
    assert.deepEqual(
      [tr.tooShort, tr.leaking, tr.slope, tr.secondHalfSlope, tr.p, tr.growth],
      [true, false, 1e5, 0, 1, 4e5],
    );
    const v = detectLeak(GAUGE, runs(five, five, five), T);
    assert.equal(v?.leaking, false);
    assert.equal(v?.reason, 'too few iterations after warm-up (< 6) for a trend test');
    assert.ok(v?.runs.every((r) => r.p === undefined && r.slope === 1e5));
    // Only some runs too short: the others were tested, and that is the reason given.
    const mixed = detectLeak(GAUGE, runs(five, line(0), line(0)), T);
    assert.match(mixed?.reason ?? '', /^no leak: slope 0 B per iteration/);
  });

  it('six points after warm-up are enough for the test, though a 3-point half can never be significant', () => {
    const six = [0, 1e5, 2e5, 3e5, 4e5, 5e5, 6e5]; // 7 points, 1 dropped
    const tr = trendRun(six, BYTES, T);
    assert.equal(tr.tooShort, false);
    assert.ok(tr.p < 0.05);
    assert.equal(tr.leaking, false);
    const v = detectLeak(GAUGE, runs(six, six, six), T);
    assert.match(
      v?.reason ?? '',
      /^no leak: slope 97\.66 KiB per iteration, no significant and sustained growth/,
    );
    // Seven points after warm-up: halves of four points, each strictly rising (p = 0.045).
    assert.equal(trendRun([0, ...six], BYTES, T).leaking, true);
  });
});

describe('a strict majority of runs', () => {
  const up = line(2048);
  const flat = line(0);

  it('two of three runs leaking is a leak; one of two, or two of four, is not', () => {
    assert.equal(detectLeak(GAUGE, runs(up, up, flat), T)?.leaking, true);
    const half = detectLeak(GAUGE, runs(up, flat), T);
    assert.equal(half?.leaking, false);
    assert.equal(half?.runsLeaking, 1);
    assert.equal(half?.reason, 'leak signs in 1 of 2 runs only (a leak must show in most runs)');
    assert.equal(detectLeak(GAUGE, runs(up, up, flat, flat), T)?.leaking, false);
  });

  it('runs without a series are left out, and the others keep their run numbers', () => {
    const v = detectLeak(GAUGE, [{ value: 0, series: [] }, ...runs(up, flat, up)], T);
    assert.equal(v?.runsTotal, 3);
    assert.deepEqual(
      v?.runs.map((r) => [r.run, r.leaking]),
      [
        [1, true],
        [2, false],
        [3, true],
      ],
    );
    assert.equal(v?.perIteration, 2048, 'median of 2048, 0, 2048');
  });
});

describe('under a GC sawtooth', () => {
  /**
   * Teeth of five iterations: +30, +34, +31, +35 KB, then collected back by the 130 KB they
   * gained, while the collected level climbs `leak` bytes per iteration.
   */
  function sawtooth(leak: number): number[] {
    const steps = [30_000, 34_000, 31_000, 35_000];
    const out: number[] = [];
    let v = 1_000_000;
    for (let i = 0; i < 20; i++) {
      if (i > 0) v += i % 5 === 0 ? -130_000 : steps[(i % 5) - 1];
      out.push(v + leak * i);
    }
    return out;
  }

  it('the collected level rising 3,000 B per iteration leaks, by exactly that slope', () => {
    // The points after the drops (iterations 5, 10, 15): 1,015,000, 1,030,000, 1,045,000.
    const got = postGcSlope(sawtooth(3000), 2185, 0.05);
    assert.deepEqual(got, { slope: 3000, leaking: true });
    const s = withWarmup(sawtooth(3000), 1_000_000);
    const tr = trendRun(s, BYTES, T);
    assert.equal(tr.shape, 'post-gc');
    assert.equal(tr.postGcSlope, 3000);
    const v = detectLeak(GAUGE, runs(s, s, s), T);
    assert.equal(v?.leaking, true);
    assert.deepEqual(
      v?.runs.map((r) => r.slope),
      [3000, 3000, 3000],
      'each run reports the post-GC slope, not the Theil-Sen slope of the sawtooth',
    );
    assert.equal(
      v?.reason,
      'the level after each GC rises 2.93 KiB per iteration (post-GC points under a sawtooth, p < 0.05) in 3 of 3 runs',
    );
  });

  it('a collected level rising slower than the floor, or flat, is no leak', () => {
    assert.deepEqual(postGcSlope(sawtooth(3000), 3001, 0.05), { slope: 3000, leaking: false });
    const flat = trendRun(withWarmup(sawtooth(0), 1_000_000), BYTES, T);
    assert.equal(flat.leaking, false);
    assert.equal(flat.postGcSlope, 0);
    assert.equal(flat.shape, undefined, 'no leak, no shape');
    // A run that does not leak reports its Theil-Sen slope, not the post-GC one.
    const flatSaw = withWarmup(sawtooth(0), 1_000_000);
    const v = detectLeak(GAUGE, runs(flatSaw, flatSaw, flatSaw), T);
    assert.equal(v?.perIteration, flat.slope);
    assert.match(v?.reason ?? '', /^no leak: slope 2\.66 KiB per iteration/);
  });

  it('the reason names the shape most leaking runs had: two sawtooth runs of three', () => {
    const saw = withWarmup(sawtooth(3000), 1_000_000);
    const v = detectLeak(GAUGE, runs(saw, saw, line(4096)), T);
    assert.match(v?.reason ?? '', /^the level after each GC rises 2\.93 KiB per iteration/);
    const w = detectLeak(GAUGE, runs(saw, line(4096), line(4096)), T);
    assert.match(w?.reason ?? '', /^grows 4\.00 KiB per iteration/);
    // Two of four leaking runs under a sawtooth is not most of them.
    const x = detectLeak(GAUGE, runs(saw, saw, line(4096), line(4096)), T);
    assert.match(x?.reason ?? '', /^grows /);
  });

  it('the post-GC rise must be significant against the spread of the steps between collections', () => {
    // Teeth of five: steps 30,000 ∓ s and two of 30,000, then −105,000: the collected level climbs
    // 15,000 per tooth, 3,000 B per iteration (1,015,000, 1,030,000, 1,045,000 at 5, 10, 15).
    // Between the drops half the steps deviate by s, so MAD = s/2 and σ = 1.4826 · (s/2) / √2;
    // the slope's z = 3000 · √50 / σ (Σ(x − x̄)² = 50): 2.53 for s = 16,000, 1.62 for s = 25,000,
    // against the one-sided 5% quantile 1.645.
    const teeth = (spread: number) => {
      const steps = [30_000 - spread, 30_000, 30_000, 30_000 + spread];
      const out = [1_000_000];
      for (let i = 1; i < 20; i++) out.push(out[i - 1] + (i % 5 === 0 ? -105_000 : steps[(i % 5) - 1]));
      return out;
    };
    assert.deepEqual(
      postGcSlope(teeth(16_000), 3000, 0.05),
      { slope: 3000, leaking: true },
      'a slope at the floor',
    );
    assert.deepEqual(postGcSlope(teeth(25_000), 3000, 0.05), { slope: 3000, leaking: false });
  });

  it('steps with no spread (MAD 0) give no yardstick for a drop: two dips are no sawtooth', () => {
    // Steps of +10 but two of −5: most steps are equal, so the MAD of the steps is 0.
    assert.equal(postGcSlope([0, 10, 20, 30, 25, 35, 45, 40, 50, 60], 1, 0.05), undefined);
  });

  it('a drop is a step more than 3.5 modified z-scores below the median step; exactly 3.5 is not', () => {
    // Steps 10,000, 12,698, drop, 7,302 and again, then 10,000: median step 10,000, MAD 2,698.
    // A step of −4,000 is 14,000 below: z = 0.6745 × 14,000 / 2,698 = 3.5 exactly.
    const series = (drop: number) => {
      const out = [100_000];
      for (const d of [10_000, 12_698, drop, 7_302, 10_000, 12_698, drop, 7_302, 10_000])
        out.push(out[out.length - 1] + d);
      return out;
    };
    assert.equal(postGcSlope(series(-4000), 1, 0.05), undefined);
    assert.ok(postGcSlope(series(-4001), 1, 0.05), 'a byte further and both are drops');
  });

  it('a single collection is no sawtooth, however clear the drop', () => {
    const teeth = [
      1_000_000, 1_014_000, 1_044_000, 1_074_000, 1_120_000, 1_015_000, 1_029_000, 1_059_000, 1_089_000,
      1_135_000,
    ];
    assert.equal(postGcSlope(teeth, 1, 0.05), undefined);
    assert.ok(postGcSlope([...teeth, 1_030_000], 1, 0.05), 'a second drop makes it one');
  });

  it('between drops alike (no spread to scale by): a rising collected level is significant', () => {
    // Steps +10, +11, +10, +11, then −5; +10, +11, +10, then −5. Between the drops the steps are
    // 10 ×4 and 11 ×3 (MAD 0), the −5s stand out (MAD of all steps 1). After the drops: 1037, 1063.
    const s = [1000, 1010, 1021, 1031, 1042, 1037, 1047, 1058, 1068, 1063];
    assert.deepEqual(postGcSlope(s, 5, 0.05), { slope: 6.5, leaking: true });
    assert.deepEqual(postGcSlope(s, 7, 0.05), { slope: 6.5, leaking: false });
  });
});

describe('the retained rule (check_run_alloc with gc on)', () => {
  const flatAt = (v: number) => withWarmup(new Array<number>(20).fill(v), 50_000);

  it('a mean kept per check run exactly at the floor is within it; a byte more is a leak', () => {
    const at = detectLeak(ALLOC, runs(flatAt(1024), flatAt(1024), flatAt(1024)), T, { gc: true });
    assert.equal(at?.leaking, false);
    assert.equal(at?.rule, 'retained');
    assert.equal(at?.perIteration, 1024, 'the warm-up (50,000 B) is left out of the mean');
    assert.equal(
      at?.reason,
      'retained per check run 1.00 KiB on average (median over runs), within the 1.00 KiB floor or in fewer than 2 check runs; no rising trend',
    );
    const over = detectLeak(ALLOC, runs(flatAt(1025), flatAt(1025), flatAt(1025)), T, { gc: true });
    assert.equal(over?.leaking, true);
    assert.equal(
      over?.reason,
      'each check run keeps 1.00 KiB on average after warm-up (memory kept in 20 check runs of a process, median) in 3 of 3 runs, above the 1.00 KiB floor',
    );
    assert.deepEqual(
      over?.runs.map((r) => r.retained),
      [1025, 1025, 1025],
    );
  });

  it('a single-point series has no warm-up to drop: its one check run is the mean', () => {
    const v = detectLeak(ALLOC, runs([5000], [5000], [5000]), T, { gc: true });
    assert.equal(v?.perIteration, 5000);
    assert.equal(v?.growth, 0, 'nothing after warm-up to grow');
    assert.equal(v?.leaking, false, 'one check run keeping memory is not recurring retention');
    assert.equal(
      v?.reason,
      'too few iterations after warm-up (< 6) for a trend test; retained size within the floor',
    );
  });

  it('a rising check_run_alloc that keeps nothing on average is judged by its trend', () => {
    // −19,000 B rising 2,000 B per check run: mean 0 after warm-up, but a sustained rise.
    const rising = withWarmup(Array.from({ length: 20 }, (_, i) => -19_000 + 2000 * i));
    const v = detectLeak(ALLOC, runs(rising, rising, rising), T, { gc: true });
    assert.equal(v?.leaking, true);
    assert.equal(v?.rule, 'trend');
    assert.equal(v?.perIteration, 2000);
    assert.match(v?.reason ?? '', /^grows 1\.95 KiB per iteration/);
  });

  it('a trend in some runs and retention in most: the retained rule reports', () => {
    const rising = withWarmup(Array.from({ length: 20 }, (_, i) => -19_000 + 2000 * i));
    const v = detectLeak(ALLOC, runs(flatAt(4096), flatAt(4096), rising), T, { gc: true });
    assert.equal(v?.rule, 'retained');
    assert.equal(v?.perIteration, 4096);
    assert.equal(v?.runsLeaking, 3);
  });

  it('with gc off the trend rule alone judges check_run_alloc, and the reason says the rule is off', () => {
    const v = detectLeak(ALLOC, runs(flatAt(4096), flatAt(4096), flatAt(4096)), T, { gc: false });
    assert.equal(v?.rule, 'trend');
    assert.equal(v?.leaking, false);
    assert.deepEqual(
      v?.runs.map((r) => r.retained),
      [4096, 4096, 4096],
      'the mean is still shown',
    );
    assert.match(
      v?.reason ?? '',
      /^no leak: slope 0 B per iteration.*; retained-per-run rule off \(measured without gc/,
    );
    assert.doesNotMatch(detectLeak(GAUGE, runs(flatAt(0)), T)?.reason ?? '', /retained-per-run/);
  });

  it('gc on does not turn the retained rule on for other metrics', () => {
    const v = detectLeak(GAUGE, runs(flatAt(4096), flatAt(4096), flatAt(4096)), T, { gc: true });
    assert.equal(v?.rule, 'trend');
    assert.equal(v?.leaking, false);
    assert.equal(v?.runs[0].retained, undefined);
  });
});

describe('untracked frees', () => {
  it('a run value above 0 counts even when its series shows none; negative values are none', () => {
    const v = untrackedFrees([
      { value: 3, series: [0, 0] },
      { value: -2, series: [-1, 0] },
    ]);
    assert.equal(v?.status, 'fail');
    assert.equal(v?.growth, 3);
    assert.equal(v?.perIteration, 0);
    assert.equal(v?.runsTotal, 2);
    assert.deepEqual(v?.runs, [
      { run: 0, leaking: true, slope: 0, growth: 3 },
      { run: 1, leaking: false, slope: 0, growth: 0 },
    ]);
    assert.match(v?.reason ?? '', /freed 3 pointer\(s\) .*in 1 of 2 runs/);
    assert.equal(untrackedFrees([{ value: -2, series: [-1] }])?.status, 'pass');
  });
});
