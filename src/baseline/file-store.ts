/**
 * The baseline store on a local directory, for the CLI and for repos that commit their
 * baselines: `<dir>/<check_name>/<check_version>.json` and `<dir>/index.json`, the same files and
 * logic as the branch store.
 *
 * Writers take an exclusive lock file (`<dir>/.memgate.lock`, created with O_EXCL) for the whole
 * read-modify-write, so concurrent processes queue instead of losing updates.
 *
 * A write is crash-safe as a whole, not file by file: every new file is first written to a temp
 * file beside its target and fsynced; then a journal (`<dir>/.memgate-journal.json`, itself written
 * atomically) lists the renames; the renames happen; the journal is removed. A writer killed before
 * the journal lands changes nothing (its temp files are swept by the next writer); one killed after
 * it is finished by the next writer, which replays the journal first. Readers take no lock and read
 * through the journal, so they see the whole write or none of it, never a document without its
 * index entry.
 *
 * Symbolic links inside the store are refused (checked with lstat on every path component before
 * each read and write): a check folder pointing elsewhere must not let a baseline be written, or
 * read, outside the store.
 *
 * A lock whose holder process is gone (same host), or older than `staleLockMs`, is removed. Two
 * waiters could both judge the same lock stale; that needs a crashed writer and two waiters in the
 * same millisecond window, and is accepted.
 */
import { randomBytes } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { lstat, mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';

import { MemgateError } from '../errors.js';
import { EnvironmentError, EXIT } from '../exit-codes.js';
import {
  backoffDelay,
  sleep,
  type FileChanges,
  type RetryOptions,
  type StoreBackend,
  type StoreOptions,
  type StoreSnapshot,
} from './store.js';
import { CheckedBaselineStore } from './checked-store.js';
import { unavailable, type OnBaselineError } from './unavailable.js';

export const LOCK_FILE = '.memgate.lock';
export const JOURNAL_FILE = '.memgate-journal.json';

export interface FileStoreOptions extends StoreOptions {
  dir: string;
  /** How long a writer waits for the lock before giving up (default 60 s). */
  lockTimeoutMs?: number;
  /** A lock older than this is abandoned (default 10 min). */
  staleLockMs?: number;
  /** Back-off between lock attempts (ceiling doubles, full jitter; default 10 ms → 1 s). */
  retry?: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs'>;
  /**
   * A directory that does not exist when reading: an error (default; a mistyped path must not
   * pass as "no baseline"), or an empty store (a first run that will create it).
   */
  missingDir?: 'error' | 'empty';
  /** When the directory cannot be read: fail the step (default) or warn. */
  onBaselineError?: OnBaselineError;
}

/** One staged file of a write: its temp file, renamed over `path` when the journal is replayed. */
interface Staged {
  path: string;
  tmp: string;
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

const isTemp = (name: string) => name.includes('.tmp-');

/** Write to a fresh temp file beside `path` and fsync it; returns the temp file's path. */
async function writeTemp(path: string, text: string): Promise<string> {
  const tmp = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  const fh = await open(tmp, 'wx');
  try {
    await fh.writeFile(text, 'utf8');
    await fh.sync();
  } finally {
    await fh.close();
  }
  return tmp;
}

/** Write-then-rename: the path holds the old or the new content at every instant. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = await writeTemp(path, text);
  try {
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}

/** Rename, where a missing source means an earlier replay already did it. */
async function renameIfPresent(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (err) {
    if (code(err) !== 'ENOENT') throw err;
  }
}

class DirectoryBackend implements StoreBackend {
  readonly where: string;
  private readonly lockPath: string;
  private readonly journalPath: string;

  constructor(private readonly o: FileStoreOptions) {
    this.where = o.dir;
    this.lockPath = join(o.dir, LOCK_FILE);
    this.journalPath = join(o.dir, JOURNAL_FILE);
  }

  private full(rel: string): string {
    return join(this.o.dir, ...rel.split('/'));
  }

  /** Refuse a path under the store whose existing components include a symbolic link. */
  private async refuseLinks(rel: string): Promise<void> {
    let at = this.o.dir;
    for (const part of rel.split('/')) {
      at = join(at, part);
      const st = await lstat(at).catch((err: unknown) => {
        if (code(err) === 'ENOENT') return undefined;
        throw err;
      });
      if (!st) return;
      if (st.isSymbolicLink())
        throw new MemgateError(
          'is a symbolic link; memgate never reads or writes a baseline through one',
          at,
        );
    }
  }

  private async listRoot(): Promise<Dirent[] | undefined> {
    try {
      return await readdir(this.o.dir, { withFileTypes: true });
    } catch (err) {
      if (code(err) === 'ENOTDIR') throw new MemgateError('not a directory', this.o.dir);
      if (code(err) === 'ENOENT' && this.o.missingDir === 'empty') return undefined;
      const why =
        code(err) === 'ENOENT'
          ? 'no such directory (to start with no baselines, create it empty)'
          : `cannot read the baseline directory (${(err as Error).message})`;
      // A path that is not there is the user's to fix (2); one the disk refuses is the environment (4).
      const exitCode = code(err) === 'ENOENT' ? EXIT.usage : EXIT.failed;
      throw unavailable(why, this.o.dir, this.o.onBaselineError, { cause: err, exitCode });
    }
  }

  async snapshot(): Promise<StoreSnapshot> {
    const top = await this.listRoot();
    if (!top) return { paths: [], read: async () => undefined };
    const paths: string[] = [];
    for (const d of top) {
      if (d.isSymbolicLink()) await this.refuseLinks(d.name);
      if (d.isFile() && !isTemp(d.name) && d.name !== JOURNAL_FILE) paths.push(d.name);
      if (!d.isDirectory()) continue;
      for (const f of await readdir(join(this.o.dir, d.name), { withFileTypes: true })) {
        if (f.isSymbolicLink()) await this.refuseLinks(`${d.name}/${f.name}`);
        if (f.isFile() && !isTemp(f.name)) paths.push(`${d.name}/${f.name}`);
      }
    }
    // An interrupted write: read it as if finished (its renames are due, see the file comment).
    const pending = new Map((await this.journal()).map((s) => [s.path, s.tmp]));
    for (const p of pending.keys()) if (!paths.includes(p)) paths.push(p);
    const read = async (p: string) => {
      await this.refuseLinks(p);
      const tmp = pending.get(p);
      const staged = tmp === undefined ? undefined : await readOptional(this.full(tmp));
      return staged ?? readOptional(this.full(p));
    };
    return { paths, read };
  }

  /** The renames of a write that was interrupted after its journal landed (none if there is none). */
  private async journal(): Promise<Staged[]> {
    const text = await readOptional(this.journalPath);
    if (text === undefined) return [];
    try {
      const parsed = JSON.parse(text) as { renames?: unknown };
      const list = Array.isArray(parsed.renames) ? (parsed.renames as Partial<Staged>[]) : [];
      return list.filter(
        (s): s is Staged => typeof s.path === 'string' && typeof s.tmp === 'string' && isTemp(s.tmp),
      );
    } catch {
      // The journal is written atomically, so it is whole or absent; anything else is not ours.
      throw new MemgateError(
        'is not a memgate journal; delete it if no memgate is running',
        this.journalPath,
      );
    }
  }

  /** Under the lock: finish an interrupted write, then sweep temp files nobody will rename. */
  private async recover(): Promise<void> {
    const staged = await this.journal();
    for (const s of staged) await renameIfPresent(this.full(s.tmp), this.full(s.path));
    if (staged.length > 0 || (await readOptional(this.journalPath)) !== undefined)
      await unlink(this.journalPath).catch(() => undefined);
    for (const d of await readdir(this.o.dir, { withFileTypes: true })) {
      if (d.isFile() && isTemp(d.name)) await unlink(join(this.o.dir, d.name)).catch(() => undefined);
      if (!d.isDirectory()) continue;
      for (const f of await readdir(join(this.o.dir, d.name), { withFileTypes: true }))
        if (f.isFile() && isTemp(f.name))
          await unlink(join(this.o.dir, d.name, f.name)).catch(() => undefined);
    }
  }

  /** Stage every file, commit the journal, rename, drop the journal (see the file comment). */
  private async commit(changes: FileChanges): Promise<void> {
    // Documents before index.json: the order a replay renames in, too.
    const ordered = [...changes.entries()].sort(
      ([a], [b]) => Number(a === 'index.json') - Number(b === 'index.json'),
    );
    const staged: Staged[] = [];
    for (const [path, text] of ordered) {
      await this.refuseLinks(path);
      await mkdir(dirname(this.full(path)), { recursive: true });
      const tmp = await writeTemp(this.full(path), text);
      staged.push({
        path,
        tmp: tmp
          .slice(this.o.dir.length + 1)
          .split(/[\\/]/)
          .join('/'),
      });
    }
    await writeFileAtomic(this.journalPath, JSON.stringify({ renames: staged }));
    for (const s of staged) await rename(this.full(s.tmp), this.full(s.path));
    await unlink(this.journalPath);
  }

  private async ensureDir(): Promise<void> {
    try {
      await mkdir(this.o.dir, { recursive: true });
    } catch (err) {
      if (code(err) === 'EEXIST' || code(err) === 'ENOTDIR')
        throw new MemgateError('not a directory', this.o.dir);
      throw new MemgateError(`cannot create the baseline directory (${(err as Error).message})`, this.o.dir);
    }
  }

  async transact(
    compute: (snap: StoreSnapshot) => Promise<{ changes: FileChanges; message: string }>,
  ): Promise<{ attempts: number }> {
    await this.ensureDir();
    const attempts = await this.lock();
    try {
      await this.recover();
      const { changes } = await compute(await this.snapshot());
      if (changes.size > 0) await this.commit(changes);
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
        throw new EnvironmentError(
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

export class FileStore extends CheckedBaselineStore {
  readonly dir: string;

  constructor(opts: FileStoreOptions) {
    super(new DirectoryBackend(opts), opts);
    this.dir = opts.dir;
  }
}

export function createFileStore(opts: FileStoreOptions): FileStore {
  return new FileStore(opts);
}
