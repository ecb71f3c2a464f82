/**
 * A read-only baseline store on a branch of a local git clone: `git:<ref>`, e.g.
 * `git:origin/memgate-baselines` after `git fetch origin memgate-baselines`. It reads the same files
 * the branch store writes, through `git ls-tree` and `git cat-file` (execFile, no shell), pinned to
 * the commit the ref named when the snapshot was taken, so one snapshot never mixes two commits.
 * It plugs into the shared lookup (`lookupInSnapshot`) like any other store; writes are refused.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';

import { MemgateError } from '../errors.js';
import { createFileStore } from './file-store.js';
import { BackendBaselineStore, type StoreBackend, type StoreOptions, type StoreSnapshot } from './store.js';

export const GIT_PREFIX = 'git:';

/** Blobs up to this size are read (history files of 2,000 points are well under 1 MiB). */
const MAX_BLOB = 256 * 1024 * 1024;

function git(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    execFile('git', args, { cwd, maxBuffer: MAX_BLOB, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (err) reject(Object.assign(err, { stderr: String(stderr) }));
      else resolvePromise(stdout);
    });
  });
}

function gitFailure(err: unknown, ref: string, where: string): MemgateError {
  const e = err as NodeJS.ErrnoException & { stderr?: string };
  if (e.code === 'ENOENT')
    return new MemgateError('git is not installed (needed for a git: baseline)', where);
  const first = (e.stderr ?? e.message).split('\n').find((l) => l.trim() !== '') ?? 'git failed';
  return new MemgateError(
    `cannot read ref "${ref}" (${first.trim()}); fetch it first, e.g. git fetch origin memgate-baselines`,
    where,
  );
}

/** A snapshot of the files at `ref` in the repository at `repoDir`. */
export async function gitSnapshot(repoDir: string, ref: string): Promise<StoreSnapshot> {
  const where = `${GIT_PREFIX}${ref}`;
  if (ref === '' || ref.startsWith('-'))
    throw new MemgateError('expected a branch or ref name after "git:"', where);
  let commit: string;
  let listing: string;
  try {
    commit = (await git(repoDir, ['rev-parse', '--verify', '--end-of-options', `${ref}^{commit}`])).trim();
    listing = await git(repoDir, ['ls-tree', '-r', '-z', '--name-only', commit]);
  } catch (err) {
    throw gitFailure(err, ref, where);
  }
  const paths = listing.split('\0').filter((p) => p !== '');
  const present = new Set(paths);
  return {
    paths,
    async read(path: string): Promise<string | undefined> {
      if (!present.has(path)) return undefined;
      try {
        return await git(repoDir, ['cat-file', 'blob', `${commit}:${path}`]);
      } catch (err) {
        throw gitFailure(err, ref, `${where}: ${path}`);
      }
    },
  };
}

class GitBackend implements StoreBackend {
  readonly where: string;

  constructor(
    private readonly repoDir: string,
    private readonly ref: string,
  ) {
    this.where = `${GIT_PREFIX}${ref}`;
  }

  snapshot(): Promise<StoreSnapshot> {
    return gitSnapshot(this.repoDir, this.ref);
  }

  transact(): Promise<{ attempts: number }> {
    return Promise.reject(
      new MemgateError(
        'a git: baseline is read-only; update baselines through the action or a directory',
        this.where,
      ),
    );
  }
}

export function createGitStore(opts: StoreOptions & { repoDir: string; ref: string }): BackendBaselineStore {
  return new BackendBaselineStore(new GitBackend(opts.repoDir, opts.ref), opts);
}

/**
 * The store a `--baseline` argument names: `git:<ref>` (read from the git repository at `cwd`),
 * else a baseline directory relative to `cwd`.
 */
export function storeFromSpec(spec: string, cwd: string, opts: StoreOptions = {}): BackendBaselineStore {
  if (spec.startsWith(GIT_PREFIX))
    return createGitStore({ ...opts, repoDir: cwd, ref: spec.slice(GIT_PREFIX.length) });
  return createFileStore({ ...opts, dir: resolve(cwd, spec) });
}
