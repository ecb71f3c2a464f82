/**
 * The base side's git worktree, with real git: checked out at the base commit while the callback
 * runs, gone afterwards (also when the callback throws), and a ref that is not there is one line
 * saying how to fetch it.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { MemgateError } from '../../src/errors.js';
import { resolveCommit, withBaseWorktree } from '../../src/run/worktree.js';
import { git } from '../support/git.js';

/** A repository with two commits: `base` writes "base", the head writes "head". */
function repo(): { dir: string; base: string } {
  const dir = mkdtempSync(join(tmpdir(), 'memgate-wt-test-'));
  git(dir, 'init', '-q', '-b', 'main');
  writeFileSync(join(dir, 'code.txt'), 'base\n');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'base');
  const base = git(dir, 'rev-parse', 'HEAD');
  git(dir, 'tag', 'v1');
  writeFileSync(join(dir, 'code.txt'), 'head\n');
  git(dir, 'commit', '-qam', 'head');
  return { dir, base };
}

const worktrees = (dir: string) => git(dir, 'worktree', 'list', '--porcelain').split('\n\n').length;

test('the base ref is checked out beside the head while the callback runs, and removed after', async () => {
  const { dir, base } = repo();
  let seen = '';
  const result = await withBaseWorktree(dir, 'v1', async (b) => {
    assert.equal(b.sha, base);
    assert.equal(b.ref, 'v1');
    seen = b.dir;
    assert.equal(readFileSync(join(b.dir, 'code.txt'), 'utf8'), 'base\n');
    assert.equal(worktrees(dir), 2);
    return 42;
  });
  assert.equal(result, 42);
  assert.equal(existsSync(seen), false, 'the worktree directory is gone');
  assert.equal(worktrees(dir), 1, 'git no longer lists it');
  assert.equal(readFileSync(join(dir, 'code.txt'), 'utf8'), 'head\n', 'the head checkout is untouched');
});

test('the worktree is removed when the callback fails, and the failure comes through', async () => {
  const { dir } = repo();
  let seen = '';
  await assert.rejects(
    withBaseWorktree(dir, 'HEAD~1', async (b) => {
      seen = b.dir;
      throw new MemgateError('the check failed', 'run');
    }),
    /the check failed/,
  );
  assert.ok(seen);
  assert.equal(existsSync(seen), false);
  assert.equal(worktrees(dir), 1);
});

test('a ref that is not in the repository names the fix in one line', async () => {
  const { dir } = repo();
  await assert.rejects(resolveCommit(dir, 'origin/main'), (err: Error) => {
    assert.ok(err instanceof MemgateError);
    assert.match(
      err.message,
      /origin\/main is not a commit in .*: fetch it first \(actions\/checkout with fetch-depth: 0/,
    );
    assert.doesNotMatch(err.message, /\n/);
    return true;
  });
});

test('text that is not a ref is refused before git sees it', async () => {
  const { dir } = repo();
  for (const bad of ['--output=/tmp/x', 'main; rm -rf /', 'a b']) {
    await assert.rejects(resolveCommit(dir, bad), /is not a git ref or commit/);
  }
});
