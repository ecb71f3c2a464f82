/** Strict, helpful input: a bare ratio above 1 and a mistyped flag or input say what was meant. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { parse as parseYaml } from 'yaml';

import { describeError } from '../../src/errors.js';
import { ACTION_INPUTS, checkInputNames } from '../../src/settings/action-inputs.js';
import { closest, editDistance } from '../../src/settings/suggest.js';
import { ratio } from '../../src/settings/values.js';
import { runCliCaptured } from '../support/cli.js';

const ROOT = new URL('../../', import.meta.url);

describe('strict, helpful input', () => {
  it('a ratio above 1 without % is refused: "did you mean 5%?"', () => {
    assert.deepEqual(ratio('5'), { ok: false, why: 'is 5: did you mean 5%?' });
    assert.deepEqual(ratio(5), { ok: false, why: 'is 5: did you mean 5%?' }, 'a YAML number too');
    assert.deepEqual(ratio('5%'), { ok: true, value: 0.05 });
    assert.deepEqual(ratio('0.05'), { ok: true, value: 0.05 });
    assert.deepEqual(ratio('1'), { ok: true, value: 1 });
  });

  it('memgate compare --threshold 5 and threshold: 5 in .memgate.yml both say it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'memgate-strict-'));
    const flag = await runCliCaptured(
      ['compare', '--baseline', 'b.json', '--report', 'r.json', '--threshold', '5'],
      dir,
    );
    assert.equal(flag.code, 2);
    assert.equal(flag.stderr.trim(), 'memgate: arguments: --threshold is 5: did you mean 5%?');
    await writeFile(join(dir, '.memgate.yml'), 'threshold: 5\n');
    const file = await runCliCaptured(
      ['compare', '--baseline', 'b.json', '--report', 'r.json', '--config', '.memgate.yml'],
      dir,
    );
    assert.equal(file.code, 2);
    assert.match(file.stderr, /threshold.*did you mean 5%\?/);
    assert.equal(file.stderr.trim().split('\n').length, 1, 'one line');
  });

  it('a mistyped flag: "did you mean --threshold?"', async () => {
    const r = await runCliCaptured(
      ['compare', '--treshold', '5%'],
      await mkdtemp(join(tmpdir(), 'memgate-')),
    );
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^memgate: arguments: unknown option --treshold: did you mean --threshold\?$/m);
    const far = await runCliCaptured(['run', '--frobnicate'], await mkdtemp(join(tmpdir(), 'memgate-')));
    assert.match(far.stderr, /^memgate: arguments: unknown option --frobnicate\n/);
  });

  it('a mistyped action input: "did you mean "threshold"?"', () => {
    assert.throws(
      () => checkInputNames({ INPUT_CHECK: 'disk', INPUT_TRESHOLD: '5%' }),
      (err) =>
        describeError(err) ===
        'input "treshold": "treshold" is not an input of memgate: did you mean "threshold"?',
    );
    assert.doesNotThrow(() =>
      checkInputNames({ 'INPUT_CHECK-TIMES': '20', INPUT_CHECK: 'disk', PATH: '/bin' }),
    );
  });

  it("the input list is action.yml's", () => {
    const action = parseYaml(readFileSync(new URL('action.yml', ROOT), 'utf8')) as { inputs: object };
    assert.deepEqual([...ACTION_INPUTS].sort(), Object.keys(action.inputs).sort());
  });

  it('the nearest name, only when close', () => {
    assert.equal(editDistance('treshold', 'threshold'), 1);
    assert.equal(closest('check-time', ['check-times', 'check']), 'check-times');
    assert.equal(closest('zzz', ['threshold', 'alpha']), undefined);
  });
});
