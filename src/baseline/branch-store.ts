/**
 * The default baseline store: JSON files on a data branch (default `memgate-baselines`), written
 * through the GitHub Git Data API with the Octokit the caller passes in.
 *
 * A write is blobs → tree (on the head's tree) → commit (parent = head) → `PATCH ref` with
 * `force: false`: GitHub's compare-and-swap. When another writer moved the branch first (422 "not a
 * fast forward", 409, or 422 "Reference already exists" when two writers create the branch), the
 * whole read-modify-write runs again on the new head with jittered exponential back-off, so no
 * update is lost. GitHub also answers a lost race with 422 "Reference cannot be updated", which is
 * retried the same way (github-action-benchmark's gh-pages races are the failure this avoids). Every
 * request is sent with `request.retries: 0` so @octokit/plugin-retry, which retries 409 on its
 * own, never replays a write underneath this loop. Transient failures (no answer, 5xx, 429, a body
 * cut off) are first resent as the same request, which is safe for reads, for content-addressed git
 * objects and for a `force: false` ref update; only then does the whole cycle run again. A write whose response was lost but which did land is
 * recognised by its entry ids and not repeated.
 *
 * Files are read through the blobs API (the contents API stops returning content at 1 MB).
 *
 * Reads retry like writes. When they still fail, the store throws a BaselineUnavailableError (see
 * `unavailable.ts`) rather than report "no baseline". Every response is checked for the fields used:
 * Octokit turns a body cut off mid-way into `""`, which must be a retryable error, not a TypeError.
 */
import { MemgateError } from '../errors.js';
import { EnvironmentError } from '../exit-codes.js';
import { apiErrorStatus, apiErrorSummary, describeApiError } from '../github/api-error.js';
import {
  backoffDelay,
  DEFAULT_RETRY,
  sleep,
  type FileChanges,
  type RetryOptions,
  type StoreBackend,
  type StoreOptions,
  type StoreSnapshot,
} from './store.js';
import { CheckedBaselineStore } from './checked-store.js';
import { unavailable, type OnBaselineError } from './unavailable.js';

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
  /** Times one request is resent on a transient failure before the whole cycle retries (default 3). */
  requestRetries?: number;
  /** When the baselines cannot be read after retries: fail the step (default) or warn. */
  onBaselineError?: OnBaselineError;
  /** The wait between attempts (tests observe it); default a timer. */
  sleep?: (ms: number) => Promise<void>;
}

/** A failed GitHub call, with its HTTP status when there was a response. */
export class GitHubCallError extends EnvironmentError {
  constructor(
    readonly status: number | undefined,
    message: string,
    where: string,
    options?: { cause?: unknown; bodyless?: boolean },
  ) {
    super(message, where, options);
    this.name = 'GitHubCallError';
    this.bodyless = options?.bodyless ?? false;
  }

  /** The error came without GitHub's JSON body (cut off, empty, or an HTML page): its cause is unknown. */
  readonly bodyless: boolean;
}

/**
 * Worth sending the same request again at once? No answer, a 5xx, a 429, or a conflict status
 * whose body was lost (it may have been anything, and repeating a content-addressed git write or a
 * `force: false` ref update is safe). Never a conflict GitHub explained: that needs a new snapshot.
 */
export function isTransient(err: unknown): boolean {
  if (!(err instanceof GitHubCallError)) return false;
  const s = err.status;
  return s === undefined || s >= 500 || s === 429 || (err.bodyless && (s === 409 || s === 422));
}

/** Worth running the whole read-modify-write again? */
export function isRetryable(err: unknown): boolean {
  if (!(err instanceof GitHubCallError)) return false;
  if (isTransient(err) || err.status === 409) return true;
  return (
    err.status === 422 &&
    /fast.forward|already exists|reference does not exist|cannot be updated/i.test(err.message)
  );
}

interface Snapshot extends StoreSnapshot {
  head?: string;
  tree?: string;
}

/** The string at `keys` in a response body, or a retryable error naming what was missing. */
function field(data: unknown, route: string, ...keys: string[]): string {
  let v: unknown = data;
  for (const k of keys)
    v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  if (typeof v === 'string') return v;
  throw new GitHubCallError(
    undefined,
    `${shortRoute(route)}: network error: the response was cut off or malformed (no ${keys.join('.')})`,
    route,
  );
}

function shortRoute(route: string): string {
  return route.replace('/repos/{owner}/{repo}/', '');
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

  /**
   * One API call, resent on transient failures (see `isTransient`) up to `requestRetries` times, and
   * its body checked by `pick` inside the same loop (a cut-off body is transient too).
   */
  private async call<T = unknown>(
    route: string,
    params: Record<string, unknown> = {},
    pick: (data: unknown) => T = (d) => d as T,
  ): Promise<T> {
    for (let i = 0; ; i++) {
      try {
        return pick(await this.send(route, params));
      } catch (err) {
        if (!isTransient(err) || i >= (this.o.requestRetries ?? 3)) throw err;
        await (this.o.sleep ?? sleep)(
          backoffDelay(i, { ...this.retry, baseDelayMs: this.retry.baseDelayMs / 2 }),
        );
      }
    }
  }

  private async send(route: string, params: Record<string, unknown>): Promise<unknown> {
    try {
      const res = await this.o.client.request(route, {
        owner: this.o.owner,
        repo: this.o.repo,
        ...params,
        // This store owns its retries (see the file comment).
        request: { retries: 0 },
      });
      return res.data;
    } catch (err) {
      const data = (err as { response?: { data?: unknown } })?.response?.data;
      throw new GitHubCallError(
        apiErrorStatus(err),
        `${shortRoute(route)}: ${describeApiError(err)}`,
        this.where,
        {
          cause: err,
          bodyless: !(data !== null && typeof data === 'object'),
        },
      );
    }
  }

  private async headSha(): Promise<string | undefined> {
    const route = 'GET /repos/{owner}/{repo}/git/ref/{ref}';
    try {
      return await this.call(route, { ref: `heads/${this.branch}` }, (d) => field(d, route, 'object', 'sha'));
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
      const route = 'GET /repos/{owner}/{repo}/git/commits/{commit_sha}';
      treeSha = await this.call(route, { commit_sha: head }, (d) => field(d, route, 'tree', 'sha'));
      remember(this.commitTrees, head, treeSha);
    }
    const route = 'GET /repos/{owner}/{repo}/git/trees/{tree_sha}';
    const tree = await this.call(route, { tree_sha: treeSha, recursive: '1' }, (d) => {
      if (!Array.isArray((d as { tree?: unknown } | null)?.tree)) field(d, route, 'tree');
      return d as { tree: unknown[]; truncated?: boolean };
    });
    if (tree.truncated)
      throw new MemgateError('the data branch has too many files to list (tree truncated)', this.where);
    const items = tree.tree as { path: string; type: string; sha: string }[];
    const blobs = new Map(items.filter((e) => e.type === 'blob').map((e) => [e.path, e.sha]));
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
    const route = 'GET /repos/{owner}/{repo}/git/blobs/{file_sha}';
    const blob = await this.call(route, { file_sha: sha }, (d) => ({
      content: field(d, route, 'content'),
      base64: (d as { encoding?: unknown }).encoding === 'base64',
    }));
    return Buffer.from(blob.content, blob.base64 ? 'base64' : 'utf8').toString('utf8');
  }

  /**
   * Reads retry transient failures too: a flaky read must not turn into "no baseline". After the
   * retries, the store cannot be read (see `unavailable.ts`).
   */
  async snapshot(): Promise<StoreSnapshot> {
    const snap = await this.readWithRetry(() => this.takeSnapshot());
    // Every baseline is read lazily but through the same retry.
    return { paths: snap.paths, read: (p) => this.readWithRetry(() => snap.read(p)) };
  }

  private async readWithRetry<T>(fn: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await fn();
      } catch (err) {
        if (!(err instanceof GitHubCallError)) throw err;
        if (!isRetryable(err) || attempt + 1 >= this.retry.attempts) {
          const tries = attempt + 1 > 1 ? ` (after ${attempt + 1} attempts)` : '';
          throw unavailable(`${err.message}${tries}`, this.where, this.o.onBaselineError, { cause: err });
        }
        await this.pause(attempt);
      }
    }
  }

  /** Full-jitter back-off before attempt `attempt + 1`. */
  private pause(attempt: number): Promise<void> {
    return (this.o.sleep ?? sleep)(backoffDelay(attempt, this.retry));
  }

  /**
   * Attempts that failed while another writer landed (the head moved between our snapshot and the
   * next one) are progress, not a stall: they do not count toward `retry.attempts`, so N writers
   * racing at once all land however large N is. Failures with no progress anywhere (errors, a
   * stuck ref) give up after `retry.attempts`; nothing gives up later than 10 × `retry.attempts`.
   */
  async transact(
    compute: (snap: StoreSnapshot) => Promise<{ changes: FileChanges; message: string }>,
  ): Promise<{ attempts: number }> {
    let last: unknown;
    let stalls = 0;
    let failedHead: string | null = null;
    let tries = 0;
    while (stalls < this.retry.attempts && tries < 10 * this.retry.attempts) {
      if (tries > 0) await this.pause(Math.min(tries, stalls + 4) - 1);
      tries += 1;
      let snap: Snapshot | undefined;
      try {
        snap = await this.takeSnapshot();
        // Someone landed since our failed attempt: that failure was a lost race, not a stall.
        if (failedHead !== null && snap.head !== failedHead) stalls -= 1;
        failedHead = null;
        const { changes, message } = await compute(snap);
        if (changes.size > 0) await this.commit(snap, changes, message);
        return { attempts: tries };
      } catch (err) {
        if (!isRetryable(err)) throw this.explain(err);
        last = err;
        stalls += 1;
        failedHead = snap ? (snap.head ?? '') : null;
      }
    }
    throw new EnvironmentError(
      `baseline update gave up after ${tries} attempts (last: ${last instanceof Error ? last.message : apiErrorSummary(last)}); nothing was written by this run, rerun the job`,
      this.where,
      { cause: last },
    );
  }

  private explain(err: unknown): unknown {
    if (err instanceof GitHubCallError && (err.status === 403 || err.status === 401)) {
      return new EnvironmentError(
        `the token cannot write to the data branch (${err.message}); give the workflow "contents: write", or note that a fork PR's token is read-only`,
        this.where,
        { cause: err },
      );
    }
    return err;
  }

  private async commit(snap: Snapshot, changes: FileChanges, message: string): Promise<void> {
    const post = async (what: string, params: Record<string, unknown>): Promise<string> => {
      const route = `POST /repos/{owner}/{repo}/git/${what}`;
      return this.call(route, params, (d) => field(d, route, 'sha'));
    };
    const entries = await Promise.all(
      [...changes.entries()].map(async ([path, text]) => {
        const sha = await post('blobs', {
          content: Buffer.from(text, 'utf8').toString('base64'),
          encoding: 'base64',
        });
        return { path, mode: '100644', type: 'blob', sha };
      }),
    );
    const tree = await post('trees', { ...(snap.tree ? { base_tree: snap.tree } : {}), tree: entries });
    const commit = await post('commits', {
      message,
      tree,
      // No parent on the first write: the data branch shares no history with the code.
      parents: snap.head ? [snap.head] : [],
      ...(this.o.author ? { author: this.o.author } : {}),
    });
    if (snap.head) {
      await this.call('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
        ref: `heads/${this.branch}`,
        sha: commit,
        force: false,
      });
    } else {
      await this.call('POST /repos/{owner}/{repo}/git/refs', {
        ref: `refs/heads/${this.branch}`,
        sha: commit,
      });
    }
  }
}

export class BranchStore extends CheckedBaselineStore {
  readonly branch: string;

  constructor(opts: BranchStoreOptions) {
    super(new GitBranchBackend(opts), opts);
    this.branch = opts.branch ?? DEFAULT_BRANCH;
  }
}

export function createBranchStore(opts: BranchStoreOptions): BranchStore {
  return new BranchStore(opts);
}
