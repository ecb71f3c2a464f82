import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

import { parse as parseYaml } from 'yaml';

import { DEFAULT_THRESHOLDS, type Policy } from '../../src/analyze/policy.js';
import { readCompareSettings } from '../../src/cli/compare.js';
import { MemgateError } from '../../src/errors.js';
import { readConfig } from '../../src/settings/action.js';
import { resolvePolicy } from '../../src/settings/policy.js';
import { RUN_DEFAULTS } from '../../src/settings/run.js';
import { bool, bytes, duration, integer, list, ratio, url } from '../../src/settings/values.js';

/** What the runner passes for inputs the workflow leaves out: action.yml's defaults. */
const ACTION_DEFAULTS: Record<string, string> = Object.fromEntries(
  Object.entries(
    (
      parseYaml(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
        inputs: Record<string, { default?: string }>;
      }
    ).inputs,
  ).map(([k, v]) => [k, String(v.default ?? '')]),
);

type File = { text: string; source: string } | undefined;

/** The action path: inputs as the runner fills them in → readConfig → resolvePolicy. */
function viaAction(given: Record<string, string>, file: File): Policy {
  const all: Record<string, string> = { ...ACTION_DEFAULTS, check: 'x', ...given };
  return resolvePolicy(file, readConfig((n) => all[n] ?? '', { commentKey: 'k' }).policy);
}

/** The CLI path: the same settings as flags → readCompareSettings → resolvePolicy. */
function viaCli(given: Record<string, string>, file: File): Policy {
  const flags = Object.entries(given).flatMap(([k, v]) => [`--${k}`, v]);
  return resolvePolicy(file, readCompareSettings(['--baseline', 'b', '--report', 'r', ...flags]).policy);
}

const yml = (text: string): File => ({ text, source: '.memgate.yml' });

describe('one settings resolver for the action and the CLI', () => {
  const rows: {
    name: string;
    given: Record<string, string>;
    file: File;
    expect: Partial<Policy['defaults']>;
    failOn?: string[];
  }[] = [
    { name: 'nothing given, no file: the defaults', given: {}, file: undefined, expect: DEFAULT_THRESHOLDS },
    {
      name: 'the file over the defaults',
      given: {},
      file: yml('threshold: 10%\nalpha: 0.01\nfail-on: [leak]'),
      expect: { threshold: 0.1, alpha: 0.01, floor: DEFAULT_THRESHOLDS.floor },
      failOn: ['leak'],
    },
    {
      name: 'inputs over the file (the action used to let the file win)',
      given: { threshold: '2%', alpha: '0.2', 'fail-on': 'regression,budget' },
      file: yml('threshold: 10%\nalpha: 0.01\nfloor: 1 MiB\nfail-on: [leak]'),
      expect: { threshold: 0.02, alpha: 0.2, floor: 1024 * 1024 },
      failOn: ['regression', 'budget'],
    },
    {
      name: 'sizes, ratios and none written the way users write them',
      given: { floor: '4KiB', 'leak-threshold': '512', warmup: '10%', 'fail-on': 'none' },
      file: undefined,
      expect: { floor: 4096, leakSlopeAbs: 512, warmup: 0.1 },
      failOn: [],
    },
    {
      name: 'creep is off by default and gates only when fail-on names it',
      given: { 'fail-on': 'regression, creep' },
      file: yml('fail-on: [leak]'),
      expect: {},
      failOn: ['regression', 'creep'],
    },
    {
      name: 'creep from the file',
      given: {},
      file: yml('fail-on: [leak, creep]'),
      expect: {},
      failOn: ['leak', 'creep'],
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const action = viaAction(row.given, row.file);
      const cli = viaCli(row.given, row.file);
      assert.deepEqual(action, cli);
      for (const [k, v] of Object.entries(row.expect))
        assert.equal(action.defaults[k as keyof Policy['defaults']], v, k);
      assert.deepEqual(action.failOn, row.failOn ?? ['regression', 'leak', 'budget']);
    });
  }

  it('rejects the same text with the same reason on both paths, with one range per setting', () => {
    const cases: [string, string, RegExp][] = [
      ['alpha', '0.7', /must be above 0 and below 0.5, got "0.7"/],
      ['alpha', '0', /must be above 0 and below 0.5/],
      ['warmup', '100%', /must be at least 0 and below 1/],
      ['threshold', 'ten', /must be a percentage/],
      ['floor', 'lots', /must be a size/],
      ['fail-on', 'slowness', /must be a list of: regression, leak, budget, creep or none; got "slowness"/],
    ];
    for (const [name, value, why] of cases) {
      for (const [path, fn, where] of [
        ['action', viaAction, `input "${name}"`],
        ['cli', viaCli, 'arguments'],
      ] as const) {
        assert.throws(
          () => fn({ [name]: value }, undefined),
          (e: unknown) => e instanceof MemgateError && e.where === where && why.test(e.message),
          `${path} ${name}=${value}`,
        );
      }
    }
    // …and in the file, the same range.
    assert.throws(
      () => resolvePolicy(yml('alpha: 0.7'), { thresholds: {} }),
      /alpha: must be above 0 and below 0.5/,
    );
  });
});

describe('the shared value parsers', () => {
  it('accept what users write and say why otherwise', () => {
    assert.deepEqual(ratio('5%'), { ok: true, value: 0.05 });
    assert.deepEqual(ratio(0.05), { ok: true, value: 0.05 });
    assert.deepEqual(ratio('0.5', { max: 0.5, open: true }).ok, false);
    assert.deepEqual(bytes('1.5 MiB'), { ok: true, value: 1.5 * 1024 * 1024 });
    assert.deepEqual(integer('12', 1), { ok: true, value: 12 });
    assert.equal(integer('1.5', 1).ok, false);
    assert.equal(integer('0', 1).ok, false);
    assert.deepEqual(duration('5m'), { ok: true, value: 300 });
    assert.deepEqual(duration('300'), { ok: true, value: 300 });
    assert.equal(duration('0').ok, false);
    assert.deepEqual(url('http://localhost:5000/debug/vars'), {
      ok: true,
      value: 'http://localhost:5000/debug/vars',
    });
    assert.deepEqual(url('file:///etc/passwd'), {
      ok: false,
      why: 'must be an http(s) URL, got "file:///etc/passwd"',
    });
    assert.deepEqual(list('regression, leak budget'), ['regression', 'leak', 'budget']);
    assert.deepEqual(list(['a', ' b ']), ['a', 'b']);
    assert.deepEqual(bool('on'), { ok: true, value: true });
    assert.equal(bool('maybe').ok, false);
  });
});

describe('run defaults', () => {
  it('action.yml declares the same defaults as memgate run', () => {
    assert.equal(ACTION_DEFAULTS['agent-bin'], RUN_DEFAULTS.agentBin);
    assert.equal(Number(ACTION_DEFAULTS.repeat), RUN_DEFAULTS.repeat);
    assert.equal(Number(ACTION_DEFAULTS['check-times']), RUN_DEFAULTS.checkTimes);
    assert.equal(Number(ACTION_DEFAULTS.timeout), RUN_DEFAULTS.timeoutSeconds);
    assert.equal(Number(ACTION_DEFAULTS['sample-interval']), RUN_DEFAULTS.sampleIntervalMs);
    const cfg = readConfig((n) => (n === 'check' ? 'x' : ''), { commentKey: 'k' });
    assert.deepEqual(
      [cfg.agentBin, cfg.repeat, cfg.checkTimes, cfg.timeoutSeconds, cfg.sampleIntervalMs],
      [
        RUN_DEFAULTS.agentBin,
        RUN_DEFAULTS.repeat,
        RUN_DEFAULTS.checkTimes,
        RUN_DEFAULTS.timeoutSeconds,
        RUN_DEFAULTS.sampleIntervalMs,
      ],
    );
  });
});
