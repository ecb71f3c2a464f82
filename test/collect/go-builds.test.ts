/**
 * Issue 12 item 4: Go sites are keyed by the package import path and file name, not the absolute
 * build path, so two builds of one program in two directories compare as the same sites.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { parsePprof, topLines } from '../../src/collect/pprof.js';
import { validateMemoryReport } from '../../src/model.js';
import type { Verdict } from '../../src/model-verdict.js';
import { runCliCaptured } from '../support/cli.js';
import { skipWithout } from '../support/tools.js';

const run = promisify(execFile);
const goSource = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/go/main.go');

describe('Go sites across two builds in two directories', { skip: skipWithout('go') }, () => {
  let work: string;
  /** Profiles of build `dir` run in `mode`. */
  const profiles = async (dir: string, mode: string): Promise<string> => {
    const out = join(work, dir, mode);
    await mkdir(out, { recursive: true });
    await run(join(work, dir, 'fixture'), ['-mode', mode, '-out', out, '-iterations', '20']);
    return out;
  };

  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'memgate-gobuilds-'));
    for (const dir of ['build-a', 'elsewhere/build-b']) {
      await mkdir(join(work, dir), { recursive: true });
      await copyFile(goSource, join(work, dir, 'main.go'));
      await run('go', ['build', '-o', 'fixture', 'main.go'], {
        cwd: join(work, dir),
        env: { ...process.env, GOFLAGS: '' },
      });
    }
  });
  after(() => rm(work, { recursive: true, force: true }));

  it('the profiles record two different absolute paths for main.go', async () => {
    const a = parsePprof(await readFile(join(await profiles('build-a', 'steady'), 'heap-end.pb.gz')), 'a');
    const files = new Set(a.locations.flat().map((f) => f.file));
    assert.ok([...files].includes(join(work, 'build-a', 'main.go')), [...files].join(', '));
    // The aggregation keys them by package path and file name.
    assert.ok(topLines(a, { sampleIndex: 'inuse_space' }).some((r) => r.file === 'main/main.go'));
  });

  it('collect then compare names only the real grower', async () => {
    const collect = async (dir: string, mode: string) => {
      const out = await profiles(dir, mode);
      const report = join(work, `${dir.replace('/', '-')}-${mode}.json`);
      const r = await runCliCaptured(
        [
          'collect',
          '--pprof',
          join(out, 'heap-start.pb.gz'),
          '--pprof',
          join(out, 'heap-end.pb.gz'),
          '--check',
          'gofixture',
          '--check-version',
          '1.0.0',
          '--out',
          report,
        ],
        work,
      );
      assert.equal(r.code, 0, r.stderr);
      return report;
    };
    const base = await collect('build-a', 'steady');
    const head = await collect('elsewhere/build-b', 'leaking');
    const headReport = validateMemoryReport(JSON.parse(await readFile(head, 'utf8')), head);
    // Within the run alone, the grower is named too (issue 12 item 6).
    assert.equal(headReport.checks[0].growth?.[0].function, 'main.leakyCache');
    const r = await runCliCaptured(['compare', '--baseline', base, '--report', head, '--json'], work);
    const verdict = JSON.parse(r.stdout) as Verdict;
    const sites = verdict.checks[0].sites;
    // The grower is first, under its build-independent path.
    assert.equal(sites[0].function, 'main.leakyCache');
    assert.equal(sites[0].file, 'main/main.go');
    // Code both builds ran is the same site on both sides: never new, whatever directory it was built in.
    for (const fn of ['main.fillRegistry', 'main.(*tracker).malloc', 'main.bufferPayloads'])
      assert.ok(!sites.some((s) => s.function === fn && s.isNew), `${fn} reported as new`);
    // Only the leak grows by more than sampling noise: everything else together is under 1% of it
    // (the registry alone, seen as new under another build's path, would be 2%).
    const leak = sites.filter((s) => s.function === 'main.leakyCache').reduce((n, s) => n + s.delta, 0);
    const rest = sites.filter((s) => s.function !== 'main.leakyCache').reduce((n, s) => n + s.delta, 0);
    assert.ok(leak > 10 * 1024 * 1024, `leak ${leak}`);
    assert.ok(rest < 0.01 * leak, `other sites grew ${rest} B against ${leak} B`);
  });
});
