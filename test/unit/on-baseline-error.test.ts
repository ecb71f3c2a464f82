import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { readConfig } from '../../src/settings/action.js';

const read = (inputs: Record<string, string>) =>
  readConfig((n) => ({ check: 'postgres', ...inputs })[n] ?? '', { commentKey: 'k' });

describe('the on-baseline-error input (row 2)', () => {
  it('defaults to fail; warn opts out; anything else is refused naming the input', () => {
    assert.equal(read({}).onBaselineError, 'fail');
    assert.equal(read({ 'on-baseline-error': 'warn' }).onBaselineError, 'warn');
    assert.throws(() => read({ 'on-baseline-error': 'ignore' }), {
      message: 'must be one of: fail, warn; got "ignore"',
    });
  });
});
