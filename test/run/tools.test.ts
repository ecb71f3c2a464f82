import assert from 'node:assert/strict';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { requireTool, skipWithout, toolPath } from '../support/tools.js';

describe('test tool gate (test/support/tools.ts)', () => {
  let bin: string;
  before(async () => {
    bin = await mkdtemp(join(tmpdir(), 'memgate-tools-'));
    await writeFile(join(bin, 'chromium'), '#!/bin/sh\n');
    await chmod(join(bin, 'chromium'), 0o755);
    await writeFile(join(bin, 'go'), 'not executable');
  });
  after(() => rm(bin, { recursive: true, force: true }));

  it('finds an executable on PATH and skips with "<tool> not installed" when it is missing', () => {
    const env = { PATH: bin };
    assert.equal(toolPath('chromium', env), join(bin, 'chromium'));
    assert.equal(skipWithout('chromium', env), false);
    assert.equal(toolPath('go', env), undefined, 'a file without the x bit is not the tool');
    assert.equal(skipWithout('go', env), 'go not installed');
    const skipped: string[] = [];
    assert.equal(requireTool({ skip: (m) => skipped.push(m ?? '') }, 'go', env), false);
    assert.deepEqual(skipped, ['go not installed']);
  });

  it('fails instead of skipping when MEMGATE_REQUIRE_<TOOL>=1', () => {
    assert.throws(
      () => skipWithout('go', { PATH: bin, MEMGATE_REQUIRE_GO: '1' }),
      /go not installed, and MEMGATE_REQUIRE_GO=1 requires it/,
    );
    assert.throws(
      () =>
        requireTool({ skip: () => undefined }, 'chromium', {
          PATH: '/nonexistent',
          MEMGATE_REQUIRE_CHROMIUM: '1',
        }),
      /chromium not installed, and MEMGATE_REQUIRE_CHROMIUM=1/,
    );
    assert.equal(skipWithout('chromium', { PATH: bin, MEMGATE_REQUIRE_CHROMIUM: '1' }), false);
  });
});
