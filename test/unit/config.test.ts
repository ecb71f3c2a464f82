import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

import { parse as parseYaml } from 'yaml';

import { readConfig } from '../../src/settings/action.js';
import { MemgateError } from '../../src/errors.js';

/** The defaults the runner passes as INPUT_* for inputs the workflow leaves out, read from action.yml. */
function actionDefaults(): Record<string, string> {
  const action = parseYaml(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  return Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, String(v.default ?? '')]));
}

function inputs(overrides: Record<string, string>) {
  const all: Record<string, string> = { ...actionDefaults(), 'github-token': 'tkn', ...overrides };
  return (name: string) => all[name] ?? '';
}

describe('readConfig', () => {
  it('applies action.yml defaults', () => {
    const c = readConfig(inputs({ check: 'postgres' }), { commentKey: 'wf/job' });
    assert.equal(c.mode, 'run');
    assert.equal(c.repeat, 5);
    assert.equal(c.checkTimes, 20);
    // Policy inputs have no action.yml default: unset, they leave .memgate.yml and the defaults alone.
    assert.deepEqual(c.policy, { thresholds: {} });
    assert.equal(c.baselineStore, 'branch');
    assert.equal(c.baselineBranch, 'memgate-baselines');
    assert.equal(c.commentKey, 'wf/job');
    assert.equal(c.expvarUrl, 'http://localhost:5000/debug/vars');
    assert.equal(c.pprofUrl, undefined);
    assert.equal(c.flamegraph, true);
  });

  it('turns the flame graph off with `flamegraph: false`, and names the input on a typo', () => {
    assert.equal(
      readConfig(inputs({ check: 'x', flamegraph: 'false' }), { commentKey: 'k' }).flamegraph,
      false,
    );
    assert.throws(
      () => readConfig(inputs({ check: 'x', flamegraph: 'sometimes' }), { commentKey: 'k' }),
      (e: unknown) => e instanceof MemgateError && /^input "flamegraph": /.test(e.line),
    );
  });

  it('names the input and the allowed values on a bad value', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [
        { check: 'x', mode: 'gate' },
        /^input "mode": must be one of: run, collect, aggregate, comment, live; got "gate"$/,
      ],
      [{ check: 'x', comment: 'sometimes' }, /^input "comment": must be one of: always, on-change, never/],
      [{ check: 'x', repeat: 'five' }, /^input "repeat": must be a whole number ≥ 1, got "five"$/],
      [{ check: 'x', threshold: 'ten' }, /^input "threshold": must be a percentage/],
      [{ check: 'x', floor: '16 bananas' }, /^input "floor": must be a size/],
      [{ check: 'x', alpha: '0.7' }, /^input "alpha": must be above 0 and below 0.5, got "0.7"$/],
      [{ check: 'x', timeout: 'soon' }, /^input "timeout": must be a duration in seconds/],
      [
        { check: 'x', 'fail-on': 'regression,slowness' },
        /^input "fail-on": must be a list of: regression, leak, budget, creep or none; got "slowness"$/,
      ],
      [{ check: 'x', 'expvar-url': 'file:///etc/passwd' }, /^input "expvar-url": must be an http\(s\) URL/],
      [{}, /^input "check": is required/],
      [{ check: 'a', command: 'b' }, /^input "command": cannot be used together/],
      [{ check: 'a; rm -rf /' }, /^input "check": must be a check name/],
    ];
    for (const [over, re] of cases) {
      assert.throws(
        () => readConfig(inputs(over), { commentKey: 'k' }),
        (e: unknown) => e instanceof MemgateError && re.test(e.line),
        `expected ${re} for ${JSON.stringify(over)}`,
      );
    }
  });

  it('reads sizes, ratios and lists the way users write them', () => {
    const c = readConfig(
      inputs({
        check: 'x',
        threshold: '0.1',
        floor: '1 MiB',
        'leak-threshold': '512',
        'fail-on': 'leak',
        'expvar-url': '',
      }),
      { commentKey: 'k' },
    );
    assert.deepEqual(c.policy, {
      thresholds: { threshold: 0.1, floor: 1024 * 1024, leakSlopeAbs: 512 },
      failOn: ['leak'],
    });
    assert.equal(c.expvarUrl, undefined);
  });

  it('does not require a check in aggregate and comment modes', () => {
    assert.equal(readConfig(inputs({ mode: 'aggregate' }), { commentKey: 'k' }).mode, 'aggregate');
    assert.equal(readConfig(inputs({ mode: 'comment' }), { commentKey: 'k' }).mode, 'comment');
  });
});
