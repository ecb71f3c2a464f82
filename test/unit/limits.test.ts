import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { BaselineUnavailableError } from '../../src/baseline/unavailable.js';
import { MemgateError, ParseError } from '../../src/errors.js';
import { EnvironmentError, EXIT, exitCodeFor } from '../../src/exit-codes.js';
import { MAX_TIMEOUT_SECONDS, mib, tooLarge } from '../../src/limits.js';
import { RUN_PARSERS } from '../../src/settings/run.js';

describe('limits', () => {
  it('row 7: a timeout above 24 days is refused by the one timeout parser; 24 days is accepted', () => {
    const parse = RUN_PARSERS.timeout;
    assert.deepEqual(parse('300'), { ok: true, value: 300 });
    assert.deepEqual(parse(String(MAX_TIMEOUT_SECONDS)), { ok: true, value: MAX_TIMEOUT_SECONDS });
    // 24 days fit a Node timer (at most 2^31 - 1 ms, 24.8 days); beyond, setTimeout fires at once.
    assert.ok(MAX_TIMEOUT_SECONDS * 1000 <= 2 ** 31 - 1);
    assert.deepEqual(parse('1000000000'), {
      ok: false,
      why: 'must be at most 2073600 s (24 days), the longest memgate can wait; got "1000000000"',
    });
    assert.equal(parse('1e9').ok, false);
    assert.equal(parse('600h').ok, false, '600 h is 25 days');
  });

  it('row 5: a file over the cap is named with the cap in MiB', () => {
    assert.equal(
      tooLarge('big.json', 256 * 1024 * 1024).line,
      'big.json: larger than 256 MiB; memgate reads inputs of at most 256 MiB',
    );
    assert.equal(mib(1.5 * 1024 * 1024), '1.5 MiB');
    assert.equal(mib(100), '100 bytes');
  });
});

describe('exit codes (row 18)', () => {
  it('usage 2, gate 1, internal 3, environment 4', () => {
    assert.deepEqual(EXIT, { pass: 0, gateFailed: 1, usage: 2, internal: 3, failed: 4 });
    assert.equal(exitCodeFor(new MemgateError('bad flag', 'arguments')), 2);
    assert.equal(exitCodeFor(new ParseError('x.json', 'not JSON')), 2);
    assert.equal(exitCodeFor(new EnvironmentError('the check crashed')), 4);
    assert.equal(exitCodeFor(new BaselineUnavailableError('GitHub 500', 'branch x')), 4);
    assert.equal(exitCodeFor(new BaselineUnavailableError('no such directory', 'dir', { exitCode: 2 })), 2);
    assert.equal(exitCodeFor(new TypeError('undefined is not a function')), 3);
    assert.equal(exitCodeFor('a string'), 3);
  });
});
