/**
 * The default baseline store: JSON files on a data branch (default `memgate-baselines`), written
 * through the GitHub Git Data API with the Octokit the caller passes in.
 *
 * A write is blobs → tree (on the head's tree) → commit (parent = head) → `PATCH ref` with
 * `force: false`: GitHub's compare-and-swap. When another writer moved the branch first (422 "not a
 * fast forward", 409, or 422 "Reference already exists" when two writers create the branch), the
 * whole read-modify-write runs again on the new head with jittered exponential back-off, so no
 * update is lost (github-action-benchmark's gh-pages races are the failure this avoids). Every
 * request is sent with `request.retries: 0` so @octokit/plugin-retry, which retries 409 on its
 * own, never replays a write underneath this loop; transient failures (5xx, dropped connections)
 * are retried here, by the same loop. A write whose response was lost but which did land is
 * recognised by its entry ids and not repeated.
 *
 * Files are read through the blobs API (the contents API stops returning content at 1 MB).
 */
import { MemgateError } from '../errors.js';
import {
  BackendBaselineStore,
  backoffDelay,
  DEFAULT_RETRY,
  sleep,
  type FileChanges,
  type RetryOptions,
  type StoreBackend,
  type StoreOptions,
  type StoreSnapshot,
} from './store.js';

export const DEFAULT_BRANCH = 'memgate-baselines';

/** The part of an Octokit this store uses; `getOctokit(...)` and `new Octokit(...)` both fit. */
export interface GitHubClient {
  request(route: string, params?: Record<string, unknown>): Promise<{ status: number; data: unknown }>;
}

export interface BranchStoreOptions extends StoreOptions {
  client: GitHubClient;
  owner: string;
  repo: string;
  /** Data branch (default memgate-baselines); created with a root commit when missing. */
  branch?: string;
  retry?: RetryOptions;
  /** Commit author; GitHub uses the token's identity when absent. */
  author?: { name: string; email: string };
}

/** A failed GitHub call, with its HTTP status when there was a response. */
export class GitHubCallError extends MemgateError {
  constructor(
    readonly status: number | undefined,
    message: string,
    where: string,
    options?: { cause?: unknown },
  ) {
    super(message, where, options);
    this.name = 'GitHubCallError';
  }
}

/** Worth running the whole read-modify-write again? */
export function isRetryable(err: unknown): boolean {
  if (!(err instanceof GitHubCallError)) return false;
  const s = err.status;
  if (s === undefined || s >= 500 || s === 409 || s === 429) return true;
  return s === 422 && /fast.forward|already exists|reference does not exist/i.test(err.message);
}

interface Snapshot extends StoreSnapshot {
  head?: string;
  tree?: string;
}

function errorStatus(err: unknown): number | undefined {
  const s = (err as { status?: unknown })?.status;
  return typeof s === 'number' ? s : undefined;
}

function errorMessage(err: unknown): string {
  const data = (err as { response?: { data?: unknown } })?.response?.data;
  if (data && typeof data === 'object' && typeof (data as { message?: unknown }).message === 'string')
    return (data as { message: string }).message;
  return err instanceof Error ? err.message : String(err);
}

/** A small insertion-ordered cache: immutable git objects, so no invalidation, only a size bound. */
function remember<V>(cache: Map<string, V>, key: string, value: V, max = 256): void {
  cache.set(key, value);
  if (cache.size > max) cache.delete(cache.keys().next().value as string);
}

class GitBranchBackend implements StoreBackend {
  readonly where: string;
  private readonly branch: string;
  private readonly retry: Required<RetryOptions>;
  private readonly commitTrees = new Map<string, string>();
  private readonly blobTexts = new Map<string, string>();

  constructor(private readonly o: BranchStoreOptions) {
    this.branch = o.branch ?? DEFAULT_BRANCH;
    this.where = `branch ${this.branch} of ${o.owner}/${o.repo}`;
    this.retry = { ...DEFAULT_RETRY, ...(o.retry ?? {}) };
  }

  private async call<T>(route: string, params: Record<string, unknown> = {}): Promise<T> {
    try {
      const res = await this.o.client.request(route, {
        owner: this.o.owner,
        repo: this.o.repo,
        ...params,
        // This store owns its retries (see the file comment).
        request: { retries: 0 },
      });
      return res.data as T;
    } catch (err) {
      const status = errorStatus(err);
      const msg = errorMessage(err);
      throw new GitHubCallError(
        status,
        `${route.replace('/repos/{owner}/{repo}/', '')}: ${status ?? 'network error'} ${msg}`,
        this.where,
        { cause: err },
      );
    }
  }

  private async headSha(): Promise<string | undefined> {
    try {
      const ref = await this.call<{ object: { sha: string } }>('GET /repos/{owner}/{repo}/git/ref/{ref}', {
        ref: `heads/${this.branch}`,
      });
      return ref.object.sha;
    } catch (err) {
      if (err instanceof GitHubCallError && err.status === 404) return undefined;
      throw err;
    }
  }

  private async takeSnapshot(): Promise<Snapshot> {
    const head = await this.headSha();
    if (!head) return { paths: [], read: async () => undefined };
    // Commits, trees and blobs are immutable: a retry after losing a race re-fetches only the ref
    // and what changed, which keeps the window between read and ref update short.
    let treeSha = this.commitTrees.get(head);
    if (!treeSha) {
      const commit = await this.call<{ tree: { sha: string } }>(
        'GET /repos/{owner}/{repo}/git/commits/{commit_sha}',
        {
          commit_sha: head,
        },
      );
      treeSha = commit.tree.sha;
      remember(this.commitTrees, head, treeSha);
    }
    const tree = await this.call<{ tree: { path: string; type: string; sha: string }[]; truncated: boolean }>(
      'GET /repos/{owner}/{repo}/git/trees/{tree_sha}',
      { tree_sha: treeSha, recursive: '1' },
    );
    if (tree.truncated)
      throw new MemgateError('the data branch has too many files to list (tree truncated)', this.where);
    const blobs = new Map(tree.tree.filter((e) => e.type === 'blob').map((e) => [e.path, e.sha]));
    const read = async (path: string): Promise<string | undefined> => {
      const sha = blobs.get(path);
      if (!sha) return undefined;
      const cached = this.blobTexts.get(sha);
      if (cached !== undefined) return cached;
      const text = await this.readBlob(sha);
      remember(this.blobTexts, sha, text);
      return text;
    };
    return { head, tree: treeSha, paths: [...blobs.keys()], read };
  }

  private async readBlob(sha: string): Promise<string> {
    const blob = await this.call<{ content: string; encoding: string }>(
      'GET /repos/{owner}/{repo}/git/blobs/{file_sha}',
      {
        file_sha: sha,
      },
    );
    return Buffer.from(blob.content, blob.encoding === 'base64' ? 'base64' : 'utf8').toString('utf8');
  }

  /** Reads retry transient failures too: a flaky read should not turn into "no baseline". */
  async snapshot(): Promise<StoreSnapshot> {
    for (let attempt = 0; ; attempt++) {
      try {
        const snap = await this.takeSnapshot();
        // Read every baseline lazily but through the same retry: wrap `read`.
        return { paths: snap.paths, read: (p) => this.withRetry(() => snap.read(p)) };
      } catch (err) {
        if (!isRetryable(err) || attempt + 1 >= this.retry.attempts) throw err;
        await sleep(backoffDelay(attempt, this.retry));
      }
    }
  }

  private async withRetry<T>(fn: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await fn();
      } catch (err) {
        if (!isRetryable(err) || attempt + 1 >= this.retry.attempts) throw err;
        await sleep(backoffDelay(attempt, this.retry));
      }
    }
  }

  async transact(
    compute: (snap: StoreSnapshot) => Promise<{ changes: FileChanges; message: string }>,
  ): Promise<{ attempts: number }> {
    let last: unknown;
    for (let attempt = 0; attempt < this.retry.attempts; attempt++) {
      if (attempt > 0) await sleep(backoffDelay(attempt - 1, this.retry));
      try {
        const snap = await this.takeSnapshot();
        const { changes, message } = await compute(snap);
        if (changes.size === 0) return { attempts: attempt + 1 };
        await this.commit(snap, changes, message);
        return { attempts: attempt + 1 };
      } catch (err) {
        if (!isRetryable(err)) throw this.explain(err);
        last = err;
      }
    }
    throw new MemgateError(
      `baseline update gave up after ${this.retry.attempts} attempts (last: ${errorMessage(last)}); nothing was written by this run, rerun the job`,
      this.where,
      { cause: last },
    );
  }

  private explain(err: unknown): unknown {
    if (err instanceof GitHubCallError && (err.status === 403 || err.status === 401)) {
      return new MemgateError(
        `the token cannot write to the data branch (${err.message}); give the workflow "contents: write", or note that a fork PR's token is read-only`,
        this.where,
        { cause: err },
      );
    }
    return err;
  }

  private async commit(snap: Snapshot, changes: FileChanges, message: string): Promise<void> {
    const entries = await Promise.all(
      [...changes.entries()].map(async ([path, text]) => {
        const blob = await this.call<{ sha: string }>('POST /repos/{owner}/{repo}/git/blobs', {
          content: Buffer.from(text, 'utf8').toString('base64'),
          encoding: 'base64',
        });
        return { path, mode: '100644', type: 'blob', sha: blob.sha };
      }),
    );
    const tree = await this.call<{ sha: string }>('POST /repos/{owner}/{repo}/git/trees', {
      ...(snap.tree ? { base_tree: snap.tree } : {}),
      tree: entries,
    });
    const commit = await this.call<{ sha: string }>('POST /repos/{owner}/{repo}/git/commits', {
      message,
      tree: tree.sha,
      // No parent on the first write: the data branch shares no history with the code.
      parents: snap.head ? [snap.head] : [],
      ...(this.o.author ? { author: this.o.author } : {}),
    });
    if (snap.head) {
      await this.call('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
        ref: `heads/${this.branch}`,
        sha: commit.sha,
        force: false,
      });
    } else {
      await this.call('POST /repos/{owner}/{repo}/git/refs', {
        ref: `refs/heads/${this.branch}`,
        sha: commit.sha,
      });
    }
  }
}

export class BranchStore extends BackendBaselineStore {
  readonly branch: string;

  constructor(opts: BranchStoreOptions) {
    super(new GitBranchBackend(opts), opts);
    this.branch = opts.branch ?? DEFAULT_BRANCH;
  }
}

export function createBranchStore(opts: BranchStoreOptions): BranchStore {
  return new BranchStore(opts);
}
