import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  chartCaption,
  cumulative,
  MAX_POINTS,
  renderChart,
  sampleIndices,
  yRange,
  yScale,
} from '../../src/report/chart.js';

describe('chart', () => {
  it('downsamples evenly, keeping the first and last point', () => {
    const idx = sampleIndices(1000);
    assert.equal(idx.length, MAX_POINTS);
    assert.equal(idx[0], 0);
    assert.equal(idx[idx.length - 1], 999);
    const gaps = idx.slice(1).map((v, i) => v - idx[i]);
    assert.ok(Math.max(...gaps) - Math.min(...gaps) <= 1, 'even spacing');
    assert.deepEqual(sampleIndices(5), [0, 1, 2, 3, 4]);
  });

  it('scales bytes to a readable unit', () => {
    assert.deepEqual(yScale([3 * 1024 * 1024], 'bytes'), { divisor: 1024 * 1024, label: 'MiB' });
    assert.deepEqual(yScale([40 * 1024], 'bytes'), { divisor: 1024, label: 'KiB' });
    assert.deepEqual(yScale([900], 'bytes'), { divisor: 1, label: 'B' });
    assert.deepEqual(yScale([12], 'count'), { divisor: 1, label: 'count' });
  });

  it('renders two lines of equal length, baseline first, at most 50 points', () => {
    const current = Array.from({ length: 200 }, (_, i) => 20 * 1024 * 1024 + i * 4096);
    const baseline = Array.from({ length: 180 }, () => 20 * 1024 * 1024);
    const src = renderChart({ metric: 'python.pymem.inuse', unit: 'bytes', current, baseline });
    assert.ok(src);
    const lines = [...src.matchAll(/^ {2}line \[(.*)\]$/gm)].map((m) => m[1].split(', ').map(Number));
    assert.equal(lines.length, 2);
    assert.equal(lines[0].length, lines[1].length);
    assert.ok(lines[0].length <= MAX_POINTS);
    assert.ok(
      lines[0].every((v) => v === 20),
      'baseline flat at 20 MiB',
    );
    assert.ok(lines[1][lines[1].length - 1] > lines[1][0], 'current rises');
    const x = /x-axis "check run \(one point each, in one process\)" \[(.*)\]/.exec(src);
    assert.equal(x?.[1].split(', ')[0], '1');
    const y = /y-axis "MiB" ([\d.]+) --> ([\d.]+)/.exec(src);
    assert.ok(y && Number(y[1]) <= 20 && Number(y[2]) >= Math.max(...lines[1]));
  });

  it('draws nothing for fewer than two points', () => {
    assert.equal(renderChart({ metric: 'm', unit: 'bytes', current: [1] }), undefined);
  });

  it('a baseline at 0 is drawn above the axis, not on it', () => {
    const src = renderChart({
      metric: 'python.check_run_alloc',
      unit: 'bytes',
      current: [80 * 1024, 80 * 1024, 80 * 1024],
      baseline: [0, 0, 0],
    });
    const y = /y-axis "KiB" (-?[\d.]+) --> ([\d.]+)/.exec(src ?? '');
    assert.ok(y, src);
    assert.ok(Number(y[1]) < 0, `the range starts below 0 (${y[1]})`);
    assert.ok(Number(y[2]) >= 80);
    assert.deepEqual(yRange([5, 10]).lo >= 0, true, 'positive data never gets a negative range');
  });

  it('a retained-per-run leak draws as growth: its running total', () => {
    assert.deepEqual(cumulative([3, 3, 3, 3]), [3, 6, 9, 12]);
    const src = renderChart(
      {
        metric: 'python.check_run_alloc',
        unit: 'bytes',
        current: [4096, 4096, 4096, 4096],
        baseline: [0, 0, 0, 0],
      },
      { cumulative: true },
    );
    const lines = [...(src ?? '').matchAll(/^ {2}line \[(.*)\]$/gm)].map((m) => m[1].split(', ').map(Number));
    assert.deepEqual(lines[1], [4, 8, 12, 16]);
    assert.deepEqual(lines[0], [0, 0, 0, 0]);
    assert.match(chartCaption(true, true), /running total/);
    assert.match(chartCaption(false), /each point: the value after one check run/);
  });
});
