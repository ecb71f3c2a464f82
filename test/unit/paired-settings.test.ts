/**
 * Paired mode's settings and edges: the `compare-with` / `base-ref` / `checks-dir` inputs, the
 * environment that points the Agent at one side's check code, the base ref a pull request defaults
 * to, and the refusals that come before any process starts (one line each).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { delimiter } from 'node:path';
import { describe, it } from 'node:test';

import { parse as parseYaml } from 'yaml';

import { baseReportPath, checkCodeEnv, measurePaired } from '../../src/app/paired.js';
import { runCli } from '../../src/cli/main.js';
import { describeError, MemgateError } from '../../src/errors.js';
import { pairedBaseRef } from '../../src/github/action-paired.js';
import type { ActionRun } from '../../src/github/action-run.js';
import { readConfig } from '../../src/settings/action.js';

function inputs(overrides: Record<string, string>) {
  const action = parseYaml(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  const all: Record<string, string> = {
    ...Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, String(v.default ?? '')])),
    ...overrides,
  };
  return (name: string) => all[name] ?? '';
}

describe('paired mode inputs', () => {
  it('default to the stored baselines; paired reads base-ref and checks-dir', () => {
    const plain = readConfig(inputs({ check: 'postgres' }), { commentKey: 'k' });
    assert.equal(plain.compareWith, 'baseline');
    const c = readConfig(
      inputs({
        check: 'postgres',
        'compare-with': 'paired',
        'base-ref': 'origin/main',
        'checks-dir': 'checks.d',
      }),
      { commentKey: 'k' },
    );
    assert.equal(c.compareWith, 'paired');
    assert.equal(c.baseRef, 'origin/main');
    assert.equal(c.checksDir, 'checks.d');
  });

  it('refuse an unknown value, and paired outside mode run, naming the input', () => {
    assert.throws(
      () => readConfig(inputs({ check: 'x', 'compare-with': 'stored' }), { commentKey: 'k' }),
      (e: Error) =>
        e instanceof MemgateError &&
        describeError(e) === 'input "compare-with": must be one of: baseline, paired; got "stored"',
    );
    assert.throws(
      () =>
        readConfig(inputs({ check: 'x', mode: 'collect', 'compare-with': 'paired' }), { commentKey: 'k' }),
      (e: Error) => /^input "compare-with": .*needs mode "run", not "collect"$/.test(describeError(e)),
    );
  });

  it('a pull request pairs with origin/<its base branch> unless base-ref says otherwise', () => {
    const run = (baseRef: string | undefined, pr?: { baseRef: string }) =>
      ({
        cfg: { baseRef },
        ctx: { eventName: pr ? 'pull_request' : 'push', pullRequest: pr },
      }) as unknown as ActionRun;
    assert.equal(pairedBaseRef(run(undefined, { baseRef: 'main' })), 'origin/main');
    assert.equal(pairedBaseRef(run('v1.2.0', { baseRef: 'main' })), 'v1.2.0');
    assert.throws(
      () => pairedBaseRef(run(undefined)),
      (e: Error) =>
        /^input "base-ref": .* on a push event needs the ref to compare with$/.test(describeError(e)),
    );
  });
});

describe('paired mode edges', () => {
  it("points the Agent at one side's check code, ahead of any PYTHONPATH already set", () => {
    const env = checkCodeEnv({ PYTHONPATH: '/opt/lib', KEEP: '1' }, '/tmp/base', 'checks.d');
    assert.equal(env.DD_ADDITIONAL_CHECKSD, '/tmp/base/checks.d');
    assert.equal(env.PYTHONPATH, `/tmp/base/checks.d${delimiter}/opt/lib`);
    assert.equal(env.KEEP, '1');
    assert.equal(checkCodeEnv({}, '/w', 'my_check').PYTHONPATH, '/w/my_check');
  });

  it('writes the base report beside the head one', () => {
    assert.equal(baseReportPath('/r/memgate-report.json'), '/r/memgate-report.base.json');
    assert.equal(baseReportPath('/r/out'), '/r/out.base.json');
  });

  it('refuses a check without checks-dir, and a docker exec Agent, before running anything', async () => {
    const run = { check: 'c', repeat: 5, checkTimes: 3, timeoutMs: 1000, sampleIntervalMs: 50 };
    const common = {
      baseRef: 'main',
      repo: '/nonexistent',
      out: '/nonexistent/r.json',
      warn: () => undefined,
    };
    await assert.rejects(measurePaired({ ...common, run }), /needs the directory of the check code/);
    await assert.rejects(
      measurePaired({
        ...common,
        checksDir: 'checks',
        run: { ...run, agentBin: 'docker exec dd-agent agent' },
      }),
      /docker exec.*run the Agent on the runner/,
    );
  });

  it('memgate run: --checks-dir without --paired is one line with exit 2', async () => {
    let err = '';
    const code = await runCli(['run', '--check', 'c', '--checks-dir', 'checks'], {
      stdout: () => undefined,
      stderr: (t) => void (err += t),
      cwd: process.cwd(),
      env: {},
    });
    assert.equal(code, 2);
    assert.equal(err, 'memgate: arguments: --checks-dir only applies with --paired\n');
  });
});
