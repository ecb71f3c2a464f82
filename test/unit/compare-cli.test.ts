import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { runCliCaptured } from '../support/cli.js';

const fixtures = fileURLToPath(new URL('../fixtures/tracemalloc/', import.meta.url));

/** A report of one fixture case (real tracemalloc runs of the simulator), filed under one check name. */
async function collect(dir: string, fixture: string, out: string): Promise<void> {
  const r = await runCliCaptured(
    [
      'collect',
      '--check-json',
      join(fixtures, fixture, 'check.json'),
      '--tracemalloc',
      join(fixtures, fixture, 'm-dir'),
      '--check',
      'queue_stats',
      '--out',
      out,
    ],
    dir,
  );
  assert.equal(r.code, 0, r.stderr);
}

describe('memgate compare against a baseline directory', () => {
  it('prints the PR comment with --format markdown and exits 1 on a leak', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'memgate-compare-'));
    await collect(dir, 'steady-gc', 'base.json');
    await collect(dir, 'leaky-gc-positive', 'head.json');
    const update = await runCliCaptured(
      ['baseline', 'update', '--store', 'baselines', '--report', 'base.json', '--commit', 'c0ffee'],
      dir,
    );
    assert.equal(update.code, 0, update.stderr);

    const md = await runCliCaptured(
      ['compare', '--baseline', 'baselines', '--report', 'head.json', '--format', 'markdown'],
      dir,
    );
    assert.equal(md.code, 1, md.stderr);
    assert.match(md.stdout, /^<!-- memgate:cli -->\n/);
    assert.match(md.stdout, /🩸 1 leak/);
    assert.match(md.stdout, /commit `c0ffee`/);
    assert.match(md.stdout, /leaky\/check\.py:\d+/);

    const json = await runCliCaptured(
      ['compare', '--baseline', 'baselines', '--report', 'head.json', '--json'],
      dir,
    );
    const verdict = JSON.parse(json.stdout) as {
      status: string;
      checks: { provenance: { status: string } }[];
    };
    assert.equal(verdict.status, 'fail');
    assert.equal(verdict.checks[0].provenance.status, 'exact');

    const same = await runCliCaptured(['compare', '--baseline', 'baselines', '--report', 'base.json'], dir);
    assert.equal(same.code, 0, same.stdout);
  });

  it('rejects an unknown format in one line', async () => {
    const r = await runCliCaptured(
      ['compare', '--baseline', 'x', '--report', 'y', '--format', 'html'],
      tmpdir(),
    );
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'memgate: arguments: --format must be text, json or markdown, got "html"\n');
  });
});
