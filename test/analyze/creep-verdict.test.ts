/**
 * withCreep(): creep findings judged on the verdict like any other entry: fail-on, waivers, the
 * check's status and notes, and the verdict's counts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { CreepFinding } from '../../src/analyze/creep.js';
import { withCreep } from '../../src/analyze/creep-verdict.js';
import { analyzePaired } from '../../src/analyze/paired-verdict.js';
import { defaultPolicy, type Policy } from '../../src/analyze/policy.js';
import { checkId, type CheckReport, type MemoryReport } from '../../src/model.js';
import type { Verdict } from '../../src/model-verdict.js';

const NOW = new Date('2026-11-30T00:00:00Z');
const MiB = 1024 * 1024;

function report(name: string, inuse: number[]): MemoryReport {
  const c: CheckReport = {
    check: { name, version: '1.0.0' },
    metrics: { 'python.pymem.inuse': { runs: inuse.map((value) => ({ value, series: [] })) } },
    sites: [],
    notes: [],
  };
  return {
    schemaVersion: 1,
    tool: { name: 'memgate', version: 'test' },
    createdAt: NOW.toISOString(),
    environment: { options: {} },
    checks: [c],
  };
}

const merge = (...reports: MemoryReport[]): MemoryReport => ({
  ...reports[0],
  checks: reports.flatMap((r) => r.checks),
});

/** Two checks: `grows` regresses +8% in each of 4 pairs (too few to fail: a note says so), `same` is flat. */
function verdict(policy: Policy): Verdict {
  const base = [40, 44, 36, 42].map((x) => x * MiB);
  const head = base.map((x, i) => Math.round(x * 1.08) + i);
  return analyzePaired(
    merge(report('grows', base), report('same', base)),
    merge(report('grows', head), report('same', base)),
    { ref: 'main', sha: 'a'.repeat(40) },
    policy,
    NOW,
  );
}

function finding(metric: string, rise: number): CreepFinding {
  return {
    metric,
    window: 'last-merges',
    rise,
    merges: 10,
    since: { commit: 'b'.repeat(40), value: 100 },
    latest: { commit: 'c'.repeat(40), value: 100 * (1 + rise) },
    p: 0.001,
  };
}

describe('creep on the verdict', () => {
  const policy = defaultPolicy();
  const v = verdict(policy);
  const [grows, same] = v.checks;
  const findings = new Map([
    [checkId(same.check), [finding('python.pymem.inuse', 0.22), finding('python.pymem.alloc', 0.1)]],
  ]);

  it('without fail-on: creep every finding warns, and counts as a warning', () => {
    assert.equal(v.status, 'pass');
    const out = withCreep(v, findings, policy, NOW);
    assert.equal(out.status, 'warn');
    assert.deepEqual(
      out.checks[1].creep?.map((e) => [e.metric, e.status, e.rise]),
      [
        ['python.pymem.inuse', 'warn', 0.22],
        ['python.pymem.alloc', 'warn', 0.1],
      ],
    );
    assert.equal(out.checks[1].status, 'warn');
    assert.equal(out.counts.creep, 2);
    assert.equal(out.counts.warnings, v.counts.warnings + 2);
    assert.equal(out.checks[0].creep, undefined, 'a check without a history has no creep');
    assert.deepEqual(out.checks[0].notes, grows.notes);
  });

  it('with fail-on: creep a finding fails the check and the verdict, and is not a warning', () => {
    const failOn: Policy = { ...policy, failOn: [...policy.failOn, 'creep'] };
    const out = withCreep(verdict(failOn), findings, failOn, NOW);
    assert.equal(out.status, 'fail');
    assert.equal(out.checks[1].status, 'fail');
    assert.equal(out.counts.warnings, v.counts.warnings);
  });

  it("keeps the check's notes, and notes an expired waiver once", () => {
    const waived: Policy = {
      ...policy,
      failOn: [...policy.failOn, 'creep'],
      waivers: [{ check: 'grows', metric: 'python.pymem.alloc', reason: 'old', expires: '2020-01-01' }],
    };
    const before = verdict(waived);
    const notes = before.checks[0].notes;
    assert.equal(notes.length, 2, 'the expired waiver and the few-pairs note');
    assert.match(notes[0], /^waiver for grows python\.pymem\.alloc expired on 2020-01-01/);
    const out = withCreep(
      before,
      new Map([[checkId(grows.check), [finding('python.pymem.alloc', 0.3)]]]),
      waived,
      NOW,
    );
    assert.deepEqual(out.checks[0].notes, notes);
    assert.equal(out.checks[0].creep?.[0].status, 'fail', 'an expired waiver does not soften');
    assert.equal(out.checks[0].creep?.[0].waiver?.expired, true);
  });
});
