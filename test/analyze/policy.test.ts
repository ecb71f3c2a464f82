import assert from 'node:assert/strict';
import { test } from 'node:test';

import { ParseError } from '../../src/errors.js';
import {
  DEFAULT_THRESHOLDS,
  defaultPolicy,
  parsePolicy,
  readFailKinds,
  thresholdsFor,
  waiverExpired,
} from '../../src/analyze/policy.js';

test('defaults match the documented values', () => {
  const p = defaultPolicy();
  assert.equal(p.defaults.alpha, 0.05);
  assert.equal(p.defaults.threshold, 0.05);
  assert.equal(p.defaults.floor, 16384);
  assert.equal(p.defaults.minRuns, 4);
  assert.deepEqual(p.failOn, ['regression', 'leak', 'budget']);
  assert.equal(parsePolicy('', '.memgate.yml').defaults.floor, DEFAULT_THRESHOLDS.floor);
});

test('parses sizes, percentages, overrides, budgets and waivers', () => {
  const p = parsePolicy(
    `
threshold: 10%
floor: 64 KiB
leak-threshold: 2KiB
fail-on: regression,leak
overrides:
  - check: postgres
    threshold: 0.2
  - check: postgres
    metric: python.pymem.inuse
    floor: 1 MiB
  - metric: go.*
    alpha: 0.01
budgets:
  - { check: postgres, metric: python.pymem.inuse, max: 64 MiB }
waivers:
  - check: postgres
    metric: go.goroutines
    reason: "known, tracked in #12"
    expires: 2030-01-31
`,
    '.memgate.yml',
  );
  assert.equal(p.defaults.threshold, 0.1);
  assert.equal(p.defaults.floor, 65536);
  assert.equal(p.defaults.leakSlopeAbs, 2048);
  assert.deepEqual(p.failOn, ['regression', 'leak']);
  assert.deepEqual(p.budgets, [{ check: 'postgres', metric: 'python.pymem.inuse', max: 64 * 1024 * 1024 }]);
  assert.equal(p.waivers[0].expires, '2030-01-31');
  const t = thresholdsFor(p, 'postgres', 'python.pymem.inuse');
  assert.equal(t.threshold, 0.2);
  assert.equal(t.floor, 1024 * 1024);
  assert.deepEqual(t.explicit?.sort(), ['floor', 'threshold']);
  assert.equal(thresholdsFor(p, 'redis', 'go.memstats.heap_inuse').alpha, 0.01);
  assert.equal(thresholdsFor(p, 'redis', 'python.pymem.inuse').threshold, 0.1);
  assert.equal(waiverExpired(p.waivers[0], new Date('2030-01-31T23:59:00Z')), false);
  assert.equal(waiverExpired(p.waivers[0], new Date('2030-02-01T00:00:00Z')), true);
});

function fails(text: string, pattern: RegExp): void {
  assert.throws(
    () => parsePolicy(text, '.memgate.yml'),
    (err: unknown) => err instanceof ParseError && err.where === '.memgate.yml' && pattern.test(err.message),
  );
}

test('bad input names the key and what it accepts', () => {
  fails('treshold: 5%', /treshold: unknown key "treshold"/);
  fails('overrides:\n  - check: a\n    flor: 1KiB', /overrides\[0\]\.flor: unknown key/);
  fails('floor: lots', /floor: must be a size such as 16384, "16KiB" or "1 MiB", got "lots"/);
  fails('threshold: 5 percent', /threshold: must be a percentage such as "5%"/);
  // One range per setting: alpha is in (0, 0.5) in the file as in the inputs and flags.
  fails('alpha: 1.5', /alpha: must be above 0 and below 0.5, got "1.5"/);
  fails('alpha: 0.7', /alpha: must be above 0 and below 0.5/);
  fails('warmup: 100%', /warmup: must be at least 0 and below 1/);
  fails('min-runs: 2.5', /min-runs/);
  fails('fail-on: [regression, leaks]', /unknown kind "leaks"/);
  fails('budgets:\n  - { check: a, metric: b, max: huge }', /budgets\[0\]\.max/);
  fails('budgets:\n  - { check: a, metric: b, max: 1, limit: 2 }', /budgets\[0\]\.limit: unknown key/);
  fails(
    'waivers:\n  - { check: a, reason: r, expires: soon }',
    /waivers\[0\]\.expires: "soon" is not a date/,
  );
  fails('waivers:\n  - { check: a, expires: 2030-01-01 }', /waivers\[0\]\.reason/);
  fails('overrides:\n  - threshold: 5%', /needs a check or a metric/);
  fails('- a\n- b', /must be a mapping/);
  fails('a: [', /not valid YAML/);
  fails('version: 2', /version 1/);
});

test('fail-on: the file sets it, the defaults fill in what it leaves out', () => {
  assert.deepEqual(parsePolicy('threshold: 10%', 'f').failOn, ['regression', 'leak', 'budget']);
  assert.deepEqual(parsePolicy('fail-on: [budget]', 'f').failOn, ['budget']);
  assert.deepEqual(parsePolicy('fail-on: none', 'f').failOn, []);
  assert.deepEqual(parsePolicy('fail-on: [leak, creep]', 'f').failOn, ['leak', 'creep']);
  assert.deepEqual(readFailKinds('regression, leak'), { kinds: ['regression', 'leak'] });
  assert.deepEqual(readFailKinds(['leak', 'slowness']), { unknown: 'slowness' });
});
