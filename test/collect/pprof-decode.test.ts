import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import fc from 'fast-check';

import { ParseError } from '../../src/errors.js';
import {
  diffProfiles,
  parsePprof,
  topFunctions,
  topLines,
  goroutinesByFunction,
} from '../../src/collect/pprof.js';
import { parsePprofOracle } from '../support/pprof-oracle.js';

const goDir = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/go');

async function fixtures(): Promise<string[]> {
  const own = (await readdir(goDir)).filter((f) => f.endsWith('.pb.gz')).map((f) => join(goDir, f));
  const shared = (await readdir(join(goDir, 'shared-samples')))
    .filter((f) => f.endsWith('.pb.gz'))
    .map((f) => join(goDir, 'shared-samples', f));
  return [...own, ...shared];
}

/** The outcome of a decoder: the profile, or the ParseError's line. */
function outcome(decode: typeof parsePprof, bytes: Uint8Array): unknown {
  try {
    return decode(bytes, 'x');
  } catch (e) {
    if (e instanceof ParseError) return `ParseError: ${e.message}`;
    throw e;
  }
}

describe('pprof decoder against the pprof-format oracle', () => {
  it('decodes every fixture exactly as pprof-format does, so top-N and diffs are identical', async () => {
    const files = await fixtures();
    assert.ok(files.length >= 7);
    const fast = [];
    for (const file of files) {
      const bytes = await readFile(file);
      const ref = parsePprofOracle(bytes, file);
      const got = parsePprof(bytes, file);
      assert.deepEqual(got, ref, file);
      for (const t of ref.sampleTypes) {
        assert.deepEqual(
          topFunctions(got, { sampleIndex: t.type }),
          topFunctions(ref, { sampleIndex: t.type }),
        );
        assert.deepEqual(topLines(got, { sampleIndex: t.type }), topLines(ref, { sampleIndex: t.type }));
      }
      assert.deepEqual(goroutinesByFunction(got), goroutinesByFunction(ref));
      fast.push([got, ref] as const);
    }
    const heaps = fast.filter(([p]) => p.sampleTypes.length === 4);
    for (const [a, ra] of heaps)
      for (const [b, rb] of heaps) assert.deepEqual(diffProfiles(a, b, {}), diffProfiles(ra, rb, {}));
  });

  it('fails exactly where pprof-format fails, on arbitrary and on mutated bytes', async () => {
    const good = await readFile(join(goDir, 'heap-leaking.pb.gz'));
    const { gunzipSync } = await import('node:zlib');
    const raw = gunzipSync(good);
    const same = (b: Uint8Array) => assert.deepEqual(outcome(parsePprof, b), outcome(parsePprofOracle, b));
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), same), { numRuns: 300 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(raw.length - 1), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 3,
        }),
        (edits) => {
          const copy = Uint8Array.from(raw);
          for (const [i, v] of edits) copy[i] = v;
          same(copy);
          same(gzipSync(copy));
        },
      ),
      { numRuns: 200 },
    );
  });
});
