/**
 * .memgate.yml, the parts users get wrong: what each section accepts, what an error names, how
 * overrides of different specificity combine, globs, and which waiver covers what.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { ParseError } from '../../src/errors.js';
import { findWaiver, matches, parsePolicy, thresholdsFor } from '../../src/analyze/policy.js';

function fails(text: string, pattern: RegExp): void {
  assert.throws(
    () => parsePolicy(text, '.memgate.yml'),
    (err: unknown) => err instanceof ParseError && pattern.test(err.message),
    pattern.source,
  );
}

test('the file must be a mapping of mappings: scalars, nulls and non-lists are refused where they stand', () => {
  assert.deepEqual(parsePolicy('# nothing set yet\n', 'f').failOn, ['regression', 'leak', 'budget']);
  fails('just a sentence', /\$: must be a mapping/);
  fails('overrides:\n  -\n  - check: a', /overrides\[0\]: must be a mapping/);
  fails('overrides: 5', /overrides: must be a list/);
  fails('fail-on: 5', /fail-on: must be a list/);
  fails('fail-on: [leak, ""]', /fail-on\[1\]: must be a non-empty string/);
  fails('threshold: [5%]', /threshold: must be a number or a string, got \["5%"\]/);
  fails('floor: true', /floor: must be a number or a string, got true/);
});

test('an unknown key lists every name the place accepts', () => {
  fails('treshold: 5%', /unknown key "treshold" \(expected one of alpha, threshold, floor, .*, waivers\)/);
  fails(
    'overrides:\n  - { check: a, tresh: 5% }',
    /overrides\[0\]\.tresh: unknown key "tresh" \(expected one of alpha, .*topSites, check, metric\)/,
  );
  fails(
    'waivers:\n  - { check: a, reason: r, expires: 2030-01-01, until: x }',
    /expected check, metric, reason, expires\)/,
  );
});

test('version 1 is read, and so is a file without a version', () => {
  assert.equal(parsePolicy('version: 1\nthreshold: 10%', 'f').defaults.threshold, 0.1);
  assert.equal(parsePolicy('threshold: 10%', 'f').defaults.threshold, 0.1);
  fails('version: 2', /version: is 2; this memgate reads version 1/);
});

test('fail-on: the camelCase key and a list are read like fail-on; the error lists the kinds', () => {
  assert.deepEqual(parsePolicy('failOn: [leak]', 'f').failOn, ['leak']);
  assert.deepEqual(parsePolicy('fail-on: budget creep', 'f').failOn, ['budget', 'creep']);
  fails(
    'fail-on: leaks',
    /fail-on: unknown kind "leaks" \(expected regression, leak, budget, creep or none\)/,
  );
});

test('budgets: a size as bytes or with a unit; anything else is refused with an example', () => {
  const p = parsePolicy('budgets:\n  - { check: 42, metric: " python.pymem.inuse ", max: 1048576 }', 'f');
  // A numeric check name is a name; names are trimmed.
  assert.deepEqual(p.budgets, [{ check: '42', metric: 'python.pymem.inuse', max: 1024 * 1024 }]);
  fails(
    'budgets:\n  - { check: a, metric: b, max: [64 MiB] }',
    /budgets\[0\]\.max: must be a size such as 64 MiB, got 64 MiB/,
  );
  fails(
    'budgets:\n  - { check: a, metric: b }',
    /budgets\[0\]\.max: must be a size such as 64 MiB, got undefined/,
  );
  fails(
    'budgets:\n  - { check: a, metric: b, max: lots }',
    /budgets\[0\]\.max: must be a size such as 16384/,
  );
  fails(
    'budgets:\n  - { check: "  ", metric: b, max: 1 }',
    /budgets\[0\]\.check: must be a non-empty string/,
  );
});

test('waivers: a check-wide waiver, a YAML timestamp, and dates that are not YYYY-MM-DD', () => {
  const p = parsePolicy(
    'waivers:\n  - { check: postgres, reason: "migration, #9", expires: !!timestamp 2030-01-31 }',
    'f',
  );
  assert.deepEqual(p.waivers, [{ check: 'postgres', reason: 'migration, #9', expires: '2030-01-31' }]);
  fails('waivers:\n  - { check: a, reason: r, expires: "2030-01-31x" }', /"2030-01-31x" is not a date/);
  fails('waivers:\n  - { check: a, reason: r, expires: "on 2030-01-31" }', /"on 2030-01-31" is not a date/);
  // Text around the date that Date.parse alone would accept (an extended year; an unclosed comment).
  fails('waivers:\n  - { check: a, reason: r, expires: "+002030-01-31" }', /"\+002030-01-31" is not a date/);
  fails(
    'waivers:\n  - { check: a, reason: r, expires: "2030-01-31 (until Q1" }',
    /"2030-01-31 \(until Q1" is not a date/,
  );
  // The right shape but no such month.
  fails('waivers:\n  - { check: a, reason: r, expires: "2030-13-01" }', /"2030-13-01" is not a date/);
});

test('overrides: the most specific wins whatever the file order; equally specific ones in file order', () => {
  const p = parsePolicy(
    `
overrides:
  - { check: postgres, metric: python.pymem.inuse, threshold: 20% }
  - { check: postgres, threshold: 30%, floor: 1 MiB }
  - { metric: python.pymem.inuse, threshold: 40% }
  - { check: redis, threshold: 15% }
  - { metric: "go.*", threshold: 25% }
`,
    'f',
  );
  const both = thresholdsFor(p, 'postgres', 'python.pymem.inuse');
  assert.equal(both.threshold, 0.2, 'check and metric beat check only and metric only');
  assert.equal(both.floor, 1024 * 1024, 'a less specific override still sets what the specific one leaves');
  assert.deepEqual(both.explicit?.sort(), ['floor', 'threshold']);
  // Check only (postgres, 30%) and metric only (go.*, 25%) are equally specific: the later in the file wins.
  assert.equal(thresholdsFor(p, 'postgres', 'go.goroutines').threshold, 0.25);
  // Metric only (40%) then check only (redis, 15%): again the later one.
  assert.equal(thresholdsFor(p, 'redis', 'python.pymem.inuse').threshold, 0.15);
  assert.equal(thresholdsFor(p, 'mysql', 'python.check_run_alloc').threshold, 0.05);
  assert.deepEqual(thresholdsFor(p, 'mysql', 'python.check_run_alloc').explicit, []);
});

test('globs: * is any run of characters, everything else literal, anchored at both ends', () => {
  assert.equal(matches(undefined, 'anything'), true);
  assert.equal(matches('postgres', 'postgres'), true);
  assert.equal(matches('postgres', 'postgres2'), false);
  assert.equal(matches('post*', 'postgres'), true);
  assert.equal(matches('post*', 'mypostgres'), false);
  assert.equal(matches('*gres', 'postgresql'), false);
  assert.equal(matches('go.*', 'go.goroutines'), true);
  assert.equal(matches('go.*', 'goXgoroutines'), false, 'the dot is literal');
  assert.equal(matches('a+b(c)*', 'a+b(c)d'), true);
  assert.equal(matches('a+b(c)*', 'aab(c)d'), false);
});

test('findWaiver: a waiver covers its check, and only its metric when it names one', () => {
  const p = parsePolicy(
    `
waivers:
  - { check: postgres, metric: go.goroutines, reason: r1, expires: 2030-01-01 }
  - { check: "redis*", reason: r2, expires: 2030-01-01 }
`,
    'f',
  );
  assert.equal(findWaiver(p, 'postgres', 'go.goroutines')?.reason, 'r1');
  assert.equal(findWaiver(p, 'postgres', 'python.pymem.inuse'), undefined);
  assert.equal(findWaiver(p, 'mysql', 'go.goroutines'), undefined);
  assert.equal(findWaiver(p, 'redis-cluster', 'python.pymem.inuse')?.reason, 'r2');
});
