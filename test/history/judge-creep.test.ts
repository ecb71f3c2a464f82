/**
 * Issue 16 item 3 through the `judge` use case: a file store written by the real `memgate baseline
 * update` (ten +2% merges, none over the 5% threshold) makes a creep finding on the verdict, shown in
 * the comment and the text output, and it fails the gate only with `fail-on: creep`.
 */
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';

import { defaultPolicy, DEFAULT_FAIL_KINDS, FAIL_KINDS, type Policy } from '../../src/analyze/policy.js';
import { judge } from '../../src/app/judge.js';
import { createFileStore } from '../../src/baseline/file-store.js';
import { emptyReport, type CheckReport, type MemoryReport } from '../../src/model.js';
import { renderComment } from '../../src/report/markdown.js';
import { renderText } from '../../src/report/verdict-text.js';
import { VERSION } from '../../src/version.js';
import { buildStore, KIB, report, sha } from './store-builder.js';

const INUSE = 'python.pymem.inuse';

/** The store builder's report with pymem.inuse at `level` and no check_run_alloc (nothing retained). */
function inuseAt(level: number, seed: number): CheckReport {
  const r = report('ramp', 0, seed);
  return {
    ...r,
    metrics: { ...r.metrics, [INUSE]: report('ramp', level, seed).metrics['python.check_run_alloc'] },
  };
}

function head(level: number): MemoryReport {
  const r = { ...emptyReport(VERSION, { options: {} }), checks: [inuseAt(level, 99)] };
  r.environment.commit = 'f'.repeat(40);
  return r;
}

const withFailOn = (failOn: Policy['failOn']): Policy => defaultPolicy({}, failOn);

describe('judge: creeping growth over the store history', () => {
  const levels = Array.from({ length: 11 }, (_, i) => 8 * 1024 * KIB * 1.02 ** i);
  let store: string;

  before(async () => {
    const tmp = await mkdtemp(join(tmpdir(), 'memgate-judge-creep-'));
    store = join(tmp, 'store');
    await buildStore(tmp, store, 'ramp', levels, (level, i) => inuseAt(level, i + 1));
  });

  it('creep is a fail kind that is off by default', () => {
    assert.ok(FAIL_KINDS.includes('creep'));
    assert.ok(!DEFAULT_FAIL_KINDS.includes('creep'));
    assert.deepEqual(defaultPolicy().failOn, ['regression', 'leak', 'budget']);
  });

  it('a ramp of ten +2% merges warns by default and fails with fail-on: creep', async () => {
    const now = new Date(Date.UTC(2026, 1, 2));
    const current = head(levels[10] * 1.02);
    const warned = await judge(current, createFileStore({ dir: store }), defaultPolicy(), { now });
    assert.equal(warned.counts.regressions, 0, 'no single merge crosses the threshold');
    assert.equal(warned.counts.leaks, 0);
    assert.equal(warned.status, 'warn');
    assert.equal(warned.counts.creep, 1);
    const [finding] = warned.checks[0].creep ?? [];
    assert.equal(finding.metric, INUSE);
    assert.equal(finding.status, 'warn');
    assert.ok(finding.rise > 0.19 && finding.rise < 0.25, `rise ${finding.rise}`);

    const failed = await judge(current, createFileStore({ dir: store }), withFailOn([...FAIL_KINDS]), {
      now,
    });
    assert.equal(failed.status, 'fail');
    assert.equal(failed.checks[0].status, 'fail');
    assert.equal(failed.checks[0].creep?.[0].status, 'fail');

    const body = renderComment(failed, { key: 'k', version: VERSION });
    assert.ok([sha(0), sha(1)].includes(finding.since.commit), 'measured from the start of the ramp');
    const since = finding.since.commit.slice(0, 7);
    assert.ok(
      body.includes(
        `- ❌ \`ramp\`: pymem.inuse has risen ${Math.round(finding.rise * 100)}% over the last ${finding.merges} merges (since \`${since}\`)`,
      ),
      body,
    );
    assert.match(
      renderText(failed),
      /creep: FAIL: pymem\.inuse has risen \d+% over the last \d+ merges \(since [0-9a-f]{7}\)/,
    );
  });

  it('a waiver of the check and metric turns the creep failure into a warning', async () => {
    const policy = withFailOn([...FAIL_KINDS]);
    policy.waivers.push({ check: 'ramp', metric: INUSE, reason: 'known, #16', expires: '2099-01-01' });
    const v = await judge(head(levels[10] * 1.02), createFileStore({ dir: store }), policy);
    assert.equal(v.status, 'warn');
    assert.equal(v.checks[0].creep?.[0].waiver?.reason, 'known, #16');
    assert.match(renderComment(v, { key: 'k', version: VERSION }), /has risen \d+% .*\(waived\)/);
  });

  it('a flat history creeps nowhere, and a check without history gets no creep at all', async () => {
    const tmp = await mkdtemp(join(tmpdir(), 'memgate-judge-flat-'));
    const flat = join(tmp, 'store');
    await buildStore(tmp, flat, 'ramp', Array(11).fill(levels[0]), (level, i) => inuseAt(level, i + 1));
    const v = await judge(head(levels[0]), createFileStore({ dir: flat }), withFailOn([...FAIL_KINDS]));
    assert.deepEqual(v.checks[0].creep, []);
    assert.equal(v.status, 'pass');
    assert.doesNotMatch(renderComment(v, { key: 'k', version: VERSION }), /Creeping growth/);

    const empty = await judge(
      head(levels[0]),
      createFileStore({ dir: await mkdtemp(join(tmp, 'empty-')) }),
      withFailOn([...FAIL_KINDS]),
    );
    assert.equal(empty.checks[0].creep, undefined);
    assert.equal(empty.counts.creep, 0);
    assert.equal(empty.status, 'pass');
  });
});
