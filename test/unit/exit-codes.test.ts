/**
 * Issue 15 row 18 through `memgate run`: a usage error exits 2, a check that fails or times out
 * exits 4 (it used to be 2 for both), each with one line.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tmpdir } from 'node:os';

import { EXIT } from '../../src/exit-codes.js';
import { runCliCaptured } from '../support/cli.js';

const cli = (args: string[]) => runCliCaptured(args, tmpdir());

const QUIET = ['--no-expvar', '--repeat', '1', '--out', 'memgate-exit-test.json'];

describe('exit codes of memgate run', () => {
  it('usage: 2', async () => {
    const r = await cli(['run', '--repeat', '2']);
    assert.equal(r.code, EXIT.usage);
    assert.match(r.stderr, /^memgate: arguments: give exactly one of --check NAME or --command/);
  });

  it('the command fails: 4', async () => {
    const r = await cli(['run', '--command', 'false', ...QUIET]);
    assert.equal(r.code, EXIT.failed, r.stderr);
    assert.match(r.stderr, /^memgate: run: run 1 of 1 exited with code 1: false/m);
  });

  it('the command is not installed: 4', async () => {
    const r = await cli(['run', '--command', 'memgate-no-such-binary-42', ...QUIET]);
    assert.equal(r.code, EXIT.failed, r.stderr);
    assert.match(r.stderr, /command not found: memgate-no-such-binary-42/);
  });

  it('the command times out: 4', async () => {
    const r = await cli(['run', '--command', 'sleep 30', '--timeout', '1', ...QUIET]);
    assert.equal(r.code, EXIT.failed, r.stderr);
    assert.match(r.stderr, /timed out after 1s/);
  });
});
