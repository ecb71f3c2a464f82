/**
 * Issue 15 row 6: a small .pb.gz that inflates to gigabytes is stopped at the inflate cap (default
 * 512 MiB, `--max-inflate` to change it) with one line naming the file, instead of 2 GB of RSS or a
 * segfault.
 */
import assert from 'node:assert/strict';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createGzip, gzipSync } from 'node:zlib';

import { parsePprof } from '../../src/collect/pprof.js';
import { profileBytes } from '../../src/collect/pprof-wire.js';
import { ParseError } from '../../src/errors.js';
import { runCliCaptured } from '../support/cli.js';

const MiB = 1024 * 1024;
const PROFILE = fileURLToPath(new URL('../fixtures/go/shared-samples/heap-steady.pb.gz', import.meta.url));

/** A gzip file of `mib` MiB of zeros, written as a stream (no big buffer in the test either). */
async function bomb(path: string, mib: number): Promise<void> {
  const zero = Buffer.alloc(MiB);
  async function* zeros() {
    for (let i = 0; i < mib; i++) yield zero;
  }
  await pipeline(Readable.from(zeros()), createGzip(), createWriteStream(path));
}

describe('gzip inflate cap', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'memgate-gzip-'));
    await bomb(join(dir, 'bomb.pb.gz'), 600);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  const cli = (args: string[]) => runCliCaptured(args, dir);

  it('a 600 MiB bomb of under 1 MB stops at the default 512 MiB cap: one line, exit 2', async () => {
    assert.ok((await stat(join(dir, 'bomb.pb.gz'))).size < 2 * MiB);
    const r = await cli(['pprof', 'top', 'bomb.pb.gz']);
    assert.equal(r.code, 2);
    assert.equal(
      r.stderr,
      'memgate: bomb.pb.gz: inflates to more than 512 MiB; not inflated further (raise the limit with --max-inflate if the profile is real)\n',
    );
  });

  it('--max-inflate lowers or raises the cap; a real profile is unaffected', async () => {
    const small = gzipSync(Buffer.alloc(20 * MiB));
    assert.throws(
      () => profileBytes(small, 's.pb.gz', 8 * MiB),
      (err: unknown) => err instanceof ParseError && /more than 8 MiB/.test(err.message),
    );
    // Under a higher cap the zeros inflate, and are then refused for what they are: not a profile.
    assert.throws(
      () => parsePprof(small, 's.pb.gz', 64 * MiB),
      (err: unknown) => err instanceof ParseError && !/inflates/.test(err.message),
    );
    const r = await cli(['pprof', 'top', PROFILE, '--max-inflate', '1MiB', '--top', '1']);
    assert.equal(r.code, 0, r.stderr);
    const tight = await cli(['pprof', 'top', PROFILE, '--max-inflate', '100']);
    assert.equal(tight.code, 2);
    assert.match(tight.stderr, /heap-steady\.pb\.gz: inflates to more than 100 bytes;/);
    const bad = await cli(['pprof', 'top', PROFILE, '--max-inflate', 'lots']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^memgate: arguments: --max-inflate must be a size/);
    assert.ok((await readFile(PROFILE)).length > 0);
  });
});
