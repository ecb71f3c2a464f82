/** The committed simulator fixtures parse with memgate's collectors and keep their semantics. */
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { parseCheckJson } from '../../src/collect/check-json.js';
import { readProfileDir } from '../../src/run/profile-files.js';
import { parseProfilePrintout, parseTracemallocText } from '../../src/collect/tracemalloc.js';
import { ROOT } from './sim-support.js';

const DIR = join(ROOT, 'test', 'fixtures', 'tracemalloc');

describe('simulator fixtures', async () => {
  const cases = (await readdir(DIR, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name);

  it('has the generated cases', () => {
    assert.ok(cases.includes('steady-gc') && cases.includes('leaky-gc-positive'));
  });

  for (const name of cases) {
    it(`${name}: JSON, files and printout parse, and the totals agree`, async () => {
      const [inst] = parseCheckJson(await readFile(join(DIR, name, 'check.json'), 'utf8'), name);
      assert.equal(inst.checkRunAlloc.length, 6);
      assert.equal(inst.totalErrors, 0);
      const [files] = await readProfileDir(join(DIR, name, 'm-dir'));
      assert.equal(files.snapshots.length, 6);
      assert.equal(files.diffs.length, 5);
      files.snapshots.forEach((s, i) => {
        const dump = parseTracemallocText(s.text, s.name);
        assert.equal(dump.kind, 'snapshot');
        // The printed total is the gauge, rounded as printed.
        const tolerance = inst.checkRunAlloc[i] < 1024 ? 0 : 0.006 * inst.checkRunAlloc[i];
        assert.ok(
          Math.abs(dump.total - inst.checkRunAlloc[i]) <= tolerance,
          `${s.name}: ${dump.total} vs ${inst.checkRunAlloc[i]}`,
        );
      });
      const printed = parseProfilePrintout(await readFile(join(DIR, name, 'printout.txt'), 'utf8'), name);
      assert.equal(printed.length, 1);
      assert.ok(printed[0].diff);
    });
  }

  it('steady with gc is 0 after the first run; leaky with gc rises', async () => {
    const allocs = async (name: string) =>
      parseCheckJson(await readFile(join(DIR, name, 'check.json'), 'utf8'), name)[0].checkRunAlloc;
    assert.deepEqual((await allocs('steady-gc')).slice(1), [0, 0, 0, 0, 0]);
    const leaky = await allocs('leaky-gc-positive');
    assert.ok(leaky[5] > leaky[1]);
  });
});
