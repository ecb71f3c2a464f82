/**
 * Budgets: the largest run value of each matching check and metric against the policy's max.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { checkBudgets } from '../../src/analyze/budget.js';
import { defaultPolicy, type Budget } from '../../src/analyze/policy.js';
import type { CheckReport } from '../../src/model.js';

const KiB = 1024;
const MiB = 1024 * KiB;

function report(name: string, metrics: Record<string, number[]>): CheckReport {
  return {
    check: { name, version: '1.0.0' },
    metrics: Object.fromEntries(
      Object.entries(metrics).map(([id, values]) => [
        id,
        { runs: values.map((value) => ({ value, series: [] })) },
      ]),
    ),
    sites: [],
    notes: [],
  };
}

function policy(...budgets: Budget[]) {
  return { ...defaultPolicy(), budgets };
}

describe('budgets', () => {
  it('judges the largest run: one run over the budget fails, by how much', () => {
    const r = report('queue_stats', { 'python.pymem.inuse': [10 * MiB, 12 * MiB, 11 * MiB] });
    const [v] = checkBudgets(
      r,
      policy({ check: 'queue_stats', metric: 'python.pymem.inuse', max: 11 * MiB }),
    );
    assert.equal(v.metric, 'python.pymem.inuse');
    assert.equal(v.value, 12 * MiB);
    assert.equal(v.limit, 11 * MiB);
    assert.equal(v.status, 'fail');
    assert.equal(v.reason, '12.000 MiB exceeds the budget of 11.000 MiB by 1.000 MiB');
  });

  it('a run exactly at the budget is within it', () => {
    const r = report('queue_stats', { 'python.pymem.inuse': [10 * MiB, 11 * MiB] });
    const [v] = checkBudgets(
      r,
      policy({ check: 'queue_stats', metric: 'python.pymem.inuse', max: 11 * MiB }),
    );
    assert.equal(v.status, 'pass');
    assert.equal(v.value, 11 * MiB);
    assert.equal(v.reason, '11.000 MiB is within the budget of 11.000 MiB');
  });

  it('count metrics are shown as counts, not bytes', () => {
    const r = report('queue_stats', { 'go.goroutines': [40, 52] });
    const [v] = checkBudgets(r, policy({ check: 'queue_stats', metric: 'go.goroutines', max: 50 }));
    assert.equal(v.reason, '52 exceeds the budget of 50 by 2');
  });

  it('only budgets whose check and metric patterns match apply; a metric without runs is skipped', () => {
    const r = report('queue_stats', {
      'python.pymem.inuse': [2 * MiB],
      'python.pymem.alloc': [3 * MiB],
      'go.heap.inuse': [],
    });
    const got = checkBudgets(
      r,
      policy(
        { check: 'other_check', metric: 'python.pymem.inuse', max: 1 },
        { check: 'queue_*', metric: 'python.pymem.*', max: 4 * MiB },
        { check: '*', metric: 'go.*', max: 1 },
      ),
    );
    assert.deepEqual(
      got.map((v) => [v.metric, v.status]),
      [
        ['python.pymem.inuse', 'pass'],
        ['python.pymem.alloc', 'pass'],
      ],
    );
  });
});
