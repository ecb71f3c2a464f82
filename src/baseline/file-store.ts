/**
 * The baseline store on a local directory, for the CLI and for repos that commit their
 * baselines: `<dir>/<check_name>/<check_version>.json` and `<dir>/index.json`, the same files and
 * logic as the branch store.
 *
 * Writers take an exclusive lock file (`<dir>/.memgate.lock`, created with O_EXCL) for the whole
 * read-modify-write, so concurrent processes queue instead of losing updates. Every file is
 * written to a temp file, fsynced and renamed over the old one, so a reader (which takes no lock)
 * sees the old or the new file, never half of one. The document is renamed before index.json; a
 * crash between the two leaves a stale index, which the next write rebuilds.
 *
 * A lock whose holder process is gone (same host), or older than `staleLockMs`, is removed. Two
 * waiters could both judge the same lock stale; that needs a crashed writer and two waiters in the
 * same millisecond window, and is accepted.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';

import { MemgateError } from '../errors.js';
import {
  BackendBaselineStore,
  backoffDelay,
  sleep,
  type FileChanges,
  type RetryOptions,
  type StoreBackend,
  type StoreOptions,
  type StoreSnapshot,
} from './store.js';

export const LOCK_FILE = '.memgate.lock';

export interface FileStoreOptions extends StoreOptions {
  dir: string;
  /** How long a writer waits for the lock before giving up (default 60 s). */
  lockTimeoutMs?: number;
  /** A lock older than this is abandoned (default 10 min). */
  staleLockMs?: number;
  /** Back-off between lock attempts (ceiling doubles, full jitter; default 10 ms → 1 s). */
  retry?: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs'>;
}

function code(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException)?.code;
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if (code(err) === 'ENOENT') return undefined;
    throw err;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return code(err) === 'EPERM';
  }
}

/** Write-then-rename: the path holds the old or the new content at every instant. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  const fh = await open(tmp, 'wx');
  try {
    await fh.writeFile(text, 'utf8');
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}

class DirectoryBackend implements StoreBackend {
  readonly where: string;
  private readonly lockPath: string;

  constructor(private readonly o: FileStoreOptions) {
    this.where = o.dir;
    this.lockPath = join(o.dir, LOCK_FILE);
  }

  async snapshot(): Promise<StoreSnapshot> {
    const paths: string[] = [];
    let top: import('node:fs').Dirent[];
    try {
      top = await readdir(this.o.dir, { withFileTypes: true });
    } catch (err) {
      if (code(err) === 'ENOENT') return { paths: [], read: async () => undefined };
      throw new MemgateError(`cannot read the baseline directory (${(err as Error).message})`, this.o.dir);
    }
    for (const d of top) {
      if (d.isFile() && !d.name.includes('.tmp-')) paths.push(d.name);
      if (!d.isDirectory()) continue;
      for (const f of await readdir(join(this.o.dir, d.name), { withFileTypes: true })) {
        if (f.isFile() && !f.name.includes('.tmp-')) paths.push(`${d.name}/${f.name}`);
      }
    }
    return { paths, read: (p) => readOptional(join(this.o.dir, ...p.split('/'))) };
  }

  async transact(
    compute: (snap: StoreSnapshot) => Promise<{ changes: FileChanges; message: string }>,
  ): Promise<{ attempts: number }> {
    await mkdir(this.o.dir, { recursive: true });
    const attempts = await this.lock();
    try {
      const { changes } = await compute(await this.snapshot());
      // Documents first, index.json last (see the file comment).
      const ordered = [...changes.entries()].sort(
        ([a], [b]) => Number(a === 'index.json') - Number(b === 'index.json'),
      );
      for (const [path, text] of ordered) await writeFileAtomic(join(this.o.dir, ...path.split('/')), text);
    } finally {
      await unlink(this.lockPath).catch(() => undefined);
    }
    return { attempts };
  }

  /** Take the lock; returns how many tries it took. */
  private async lock(): Promise<number> {
    const timeout = this.o.lockTimeoutMs ?? 60_000;
    const stale = this.o.staleLockMs ?? 10 * 60_000;
    const backoff = { attempts: 0, baseDelayMs: 10, maxDelayMs: 1000, ...(this.o.retry ?? {}) };
    const started = Date.now();
    const me = JSON.stringify({ pid: process.pid, host: hostname(), at: new Date().toISOString() });
    for (let attempt = 0; ; attempt++) {
      try {
        const fh = await open(this.lockPath, 'wx');
        try {
          await fh.writeFile(me, 'utf8');
        } finally {
          await fh.close();
        }
        return attempt + 1;
      } catch (err) {
        if (code(err) !== 'EEXIST')
          throw new MemgateError(`cannot create the lock file (${(err as Error).message})`, this.lockPath);
      }
      if (await this.isStale(stale)) {
        await unlink(this.lockPath).catch(() => undefined);
        continue;
      }
      if (Date.now() - started > timeout) {
        throw new MemgateError(
          `another memgate has held the baseline lock for over ${Math.round(timeout / 1000)} s; if no other memgate is running, delete the file`,
          this.lockPath,
        );
      }
      await sleep(Math.max(1, backoffDelay(Math.min(attempt, 20), backoff)));
    }
  }

  private async isStale(staleMs: number): Promise<boolean> {
    const text = await readOptional(this.lockPath);
    if (text === undefined) return false;
    try {
      const holder = JSON.parse(text) as { pid?: number; host?: string; at?: string };
      if (holder.host === hostname() && typeof holder.pid === 'number' && !processAlive(holder.pid))
        return true;
      const at = Date.parse(holder.at ?? '');
      return Number.isFinite(at) && Date.now() - at > staleMs;
    } catch {
      // Empty or half-written: being created right now, or its writer died in between; judge by age.
      const st = await stat(this.lockPath).catch(() => undefined);
      return st !== undefined && Date.now() - st.mtimeMs > staleMs;
    }
  }
}

export class FileStore extends BackendBaselineStore {
  readonly dir: string;

  constructor(opts: FileStoreOptions) {
    super(new DirectoryBackend(opts), opts);
    this.dir = opts.dir;
  }
}

export function createFileStore(opts: FileStoreOptions): FileStore {
  return new FileStore(opts);
}
