/**
 * Row 9 of issue 15 (store side): a 10,000-character check name or one with a lone UTF-16
 * surrogate is refused with one line naming it, before any file or API call (it used to be
 * ENAMETOOLONG or "URI malformed", exit 3).
 */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { createBranchStore } from '../../src/baseline/branch-store.js';
import { createFileStore } from '../../src/baseline/file-store.js';
import { checkKeyProblems, checkNameProblem } from '../../src/check-name.js';
import { readConfig } from '../../src/settings/action.js';
import { sample } from '../collect/samples.js';
import { MemgateError } from '../../src/errors.js';
import { createOctokit } from '../../src/github/octokit.js';
import { startGitHubApi, type FakeGitHub } from '../support/github-api.js';
import { checkReport, memoryReport } from './helpers.js';
import { runCliCaptured } from '../support/cli.js';

const LONG = 'a'.repeat(10_000);
const LONE = 'disk\ud800check';

describe('check names that cannot be a path', () => {
  it('accepts real names, refuses empty, control, lone-surrogate and overlong ones', () => {
    for (const ok of ['postgres', 'ibm_db2', 'disk-ünïcode', 'ok 🧠 emoji', '7.52.0-rc.1', 'a'.repeat(60)])
      assert.equal(checkNameProblem(ok), undefined, ok);
    assert.equal(checkNameProblem(''), 'is empty');
    assert.match(checkNameProblem(LONE) ?? '', /lone UTF-16 surrogate/);
    assert.match(checkNameProblem('\udc00') ?? '', /lone UTF-16 surrogate/);
    assert.match(checkNameProblem('a\nb') ?? '', /control character/);
    assert.match(checkNameProblem(LONG) ?? '', /10000 characters long, more than the 200 allowed/);
    // Short in characters, long once encoded (each CJK character is 9 bytes of %XX).
    assert.match(
      checkNameProblem('漢'.repeat(30)) ?? '',
      /too long to be a file name once encoded \(270 bytes/,
    );
  });

  it('names the bad part of a key, shortened and printable', () => {
    const [p] = checkKeyProblems({ name: LONG, version: '1.0.0' });
    assert.ok(p.startsWith(`check name "${'a'.repeat(39)}…" is 10000 characters long`), p);
    const [q] = checkKeyProblems({ name: 'ok', version: '1.0.0', instance: LONE });
    assert.equal(q, 'check instance "disk\ufffdcheck" contains a lone UTF-16 surrogate (not valid Unicode)');
  });

  describe('stores refuse them before any I/O', () => {
    let tmp: string;
    let gh: FakeGitHub;
    before(async () => {
      tmp = await mkdtemp(join(tmpdir(), 'memgate-names-'));
      gh = await startGitHubApi();
    });
    after(async () => {
      await rm(tmp, { recursive: true, force: true });
      await gh.close();
    });

    for (const [label, name] of [
      ['10,000 characters', LONG],
      ['lone surrogate', LONE],
    ] as const) {
      it(`file store, ${label}: one line, nothing written`, async () => {
        const dir = join(tmp, label.replace(/\W/g, '_'));
        const store = createFileStore({ dir, missingDir: 'empty' });
        const oneLine = (err: unknown) =>
          err instanceof MemgateError &&
          err.where === dir &&
          /^check name ".*" (is 10000 characters|contains a lone)/.test(err.message) &&
          err.line.length < 300;
        await assert.rejects(
          store.update(memoryReport(checkReport(name, '1.0.0', [1])), { commit: 'a'.repeat(40) }),
          oneLine,
        );
        await assert.rejects(store.read({ name, version: '1.0.0' }), oneLine);
        await assert.rejects(readdir(dir), { code: 'ENOENT' }, 'not even the directory was created');
      });

      it(`branch store, ${label}: one line, no API call`, async () => {
        const before = gh.requests.length;
        const store = createBranchStore({
          client: createOctokit('t', { baseUrl: gh.url, throttle: false }),
          owner: gh.owner,
          repo: gh.repo,
        });
        await assert.rejects(
          store.update(memoryReport(checkReport(name, '1.0.0', [1])), { commit: 'a'.repeat(40) }),
          (err: unknown) => err instanceof MemgateError && /^check name /.test(err.message),
        );
        await assert.rejects(store.read({ name, version: '1.0.0' }), /check name/);
        assert.equal(gh.requests.length, before);
      });
    }
  });

  describe('where names enter: flags, inputs and report files (exit 2, one line)', () => {
    let dir: string;
    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'memgate-names-cli-'));
      await writeFile(join(dir, 'c.json'), sample('agent/check-output.json'));
    });
    after(() => rm(dir, { recursive: true, force: true }));

    const cli = (args: string[]) => runCliCaptured(args, dir);

    it('collect --check with 10,000 characters or a lone surrogate', async () => {
      for (const name of [LONG, LONE]) {
        const r = await cli(['collect', '--check-json', 'c.json', '--check', name, '--out', 'r.json']);
        assert.equal(r.code, 2);
        assert.match(
          r.stderr,
          /^memgate: arguments: --check ".*" (is 10000 characters long|contains a lone UTF-16 surrogate)/,
        );
        assert.ok(r.stderr.length < 300 && r.stderr.split('\n').length === 2, r.stderr.slice(0, 300));
      }
    });

    it('a report whose check name is a lone surrogate: named by file and field', async () => {
      await writeFile(join(dir, 'bad.json'), JSON.stringify(memoryReport(checkReport(LONE, '1.0.0', [1]))));
      const r = await cli([
        'baseline',
        'update',
        '--store',
        'bl',
        '--report',
        'bad.json',
        '--commit',
        'a'.repeat(40),
      ]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^memgate: bad\.json: \$\.checks\[0\]\.check.*lone UTF-16 surrogate/);
      await assert.rejects(readdir(join(dir, 'bl')), { code: 'ENOENT' });
    });

    it('the action input `check` is refused when too long', () => {
      const inputs: Record<string, string> = { check: 'a'.repeat(300) };
      assert.throws(() => readConfig((n) => inputs[n] ?? '', { commentKey: 'k' }), {
        message: /^"a{39}…" is 300 characters long, more than the 200 allowed$/,
      });
    });
  });
});
