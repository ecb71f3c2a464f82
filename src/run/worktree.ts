/**
 * The base side of paired mode: the base ref checked out in a `git worktree` in a temp directory,
 * for as long as a callback runs, and removed afterwards, also when the callback throws. A worktree
 * shares the repository's objects, so it costs no clone and no network; the ref must already be in
 * the local repository (a shallow `actions/checkout` has to fetch it).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { MemgateError } from '../errors.js';
import { runProcess } from './process.js';

export interface BaseCheckout {
  /** The ref as the user gave it (`main`, `origin/main`, a SHA). */
  ref: string;
  /** The commit it resolved to. */
  sha: string;
  /** Absolute path of the worktree. */
  dir: string;
}

const GIT_TIMEOUT_MS = 120_000;

async function git(args: string[], cwd: string, label: string): Promise<string> {
  const r = await runProcess({ argv: ['git', ...args], cwd, timeoutMs: GIT_TIMEOUT_MS, label });
  return r.stdout.trim();
}

/** The commit `ref` names in the repository at `repo`, or one line saying how to make it available. */
export async function resolveCommit(repo: string, ref: string): Promise<string> {
  if (!/^[\w./@^~-]+$/.test(ref) || ref.startsWith('-'))
    throw new MemgateError(`"${ref}" is not a git ref or commit`, 'paired base ref');
  try {
    return await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], repo, `git rev-parse ${ref}`);
  } catch {
    throw new MemgateError(
      `${ref} is not a commit in ${repo}: fetch it first (actions/checkout with fetch-depth: 0, or git fetch origin ${ref})`,
      'paired base ref',
    );
  }
}

/** Run `use` with the base ref checked out in a temporary worktree; the worktree never outlives it. */
export async function withBaseWorktree<T>(
  repo: string,
  ref: string,
  use: (base: BaseCheckout) => Promise<T>,
): Promise<T> {
  const sha = await resolveCommit(repo, ref);
  const parent = await mkdtemp(join(tmpdir(), 'memgate-base-'));
  const dir = join(parent, 'base');
  try {
    await git(['worktree', 'add', '--detach', dir, sha], repo, `git worktree add ${ref}`);
    return await use({ ref, sha, dir });
  } finally {
    // `remove --force` also drops the worktree's administrative entry; prune covers a half-made one.
    await git(['worktree', 'remove', '--force', dir], repo, 'git worktree remove').catch(() => undefined);
    await rm(parent, { recursive: true, force: true });
    await git(['worktree', 'prune'], repo, 'git worktree prune').catch(() => undefined);
  }
}
