/**
 * Issue 15 rows 7 and 14 through the CLI: out-of-range numbers get memgate's own one-line message
 * and exit 2, whether negative (which node:util parseArgs used to call "ambiguous") or too large for
 * a timer.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCliCaptured } from '../support/cli.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PROFILE = join(ROOT, 'test/fixtures/go/shared-samples/heap-steady.pb.gz');

const cli = (args: string[]) => runCliCaptured(args, ROOT);

describe('CLI ranges', () => {
  it('row 14: --top -1 is memgate\'s range message, not "argument is ambiguous"', async () => {
    const r = await cli(['pprof', 'top', PROFILE, '--top', '-1']);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'memgate: arguments: --top must be a whole number ≥ 1, got "-1"\n');
    const ok = await cli(['pprof', 'top', PROFILE, '--top', '3']);
    assert.equal(ok.code, 0, ok.stderr);
  });

  it('row 7: --timeout beyond 24 days is refused before anything runs', async () => {
    for (const value of ['99999999', '1e9']) {
      const r = await cli(['run', '--command', 'true', '--timeout', value]);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /^memgate: arguments: --timeout must be /);
      assert.equal(r.stderr.split('\n').length, 2, 'one line');
    }
    const r = await cli(['run', '--command', 'true', '--timeout', '99999999']);
    assert.match(r.stderr, /at most 2073600 s \(24 days\)/);
  });
});
