import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { BaselineUnavailableError } from '../../src/baseline/unavailable.js';
import { MemgateError, ParseError } from '../../src/errors.js';
import { EnvironmentError, EXIT, exitCodeFor } from '../../src/exit-codes.js';
import { checkTimeoutSeconds, MAX_TIMEOUT_SECONDS, mib, tooLarge } from '../../src/limits.js';

describe('limits', () => {
  it('row 7: a timeout above 24 days is refused with its own line; 24 days is accepted', () => {
    assert.equal(checkTimeoutSeconds(300), 300);
    assert.equal(checkTimeoutSeconds(MAX_TIMEOUT_SECONDS), MAX_TIMEOUT_SECONDS);
    // 24 days fit a Node timer (at most 2^31 - 1 ms); one more second of margin is 24.8 days.
    assert.ok(MAX_TIMEOUT_SECONDS * 1000 <= 2 ** 31 - 1);
    assert.throws(() => checkTimeoutSeconds(1e9), {
      message: '1000000000 s is more than 24 days (2073600 s), the longest memgate can wait',
    });
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY])
      assert.throws(() => checkTimeoutSeconds(bad), /is not a positive number of seconds/);
  });

  it('row 5: a file over the cap is named with the cap in MiB', () => {
    assert.equal(
      tooLarge('big.json', 256 * 1024 * 1024).line,
      'big.json: larger than 256 MiB; memgate reads inputs of at most 256 MiB',
    );
    assert.equal(mib(1.5 * 1024 * 1024), '1.5 MiB');
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
