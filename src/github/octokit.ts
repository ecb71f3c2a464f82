/**
 * The one way memgate builds an Octokit: `getOctokit` from @actions/github (proxy support, user
 * agent) plus retries of 5xx/network errors (`@octokit/plugin-retry`) and of primary/secondary rate
 * limits (`@octokit/plugin-throttling`).
 *
 * Baseline writes are read-modify-write cycles that must see a 409 (stale contents SHA) or a 422
 * (non-fast-forward ref) at once and redo the whole cycle; plugin-retry would replay the stale
 * request instead (it retries 409 by default). `conflicts: 'fail-fast'` turns that off.
 *
 * Every HTTP exchange has a deadline (`timeoutMs`, default 30 s, counted from sending the request
 * to the end of the body): an API that accepts the connection and never answers must end the step
 * with an error, not hold the job until its 6 h limit. Each retry gets a fresh deadline.
 */
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

export type Octokit = ReturnType<typeof getOctokit>;

export interface OctokitOptions {
  /** API root, e.g. `https://api.github.com` or a GHES `/api/v3` URL (tests: the fake server). */
  baseUrl?: string;
  /** Retries of 5xx, network errors and rate limits (default 3). */
  retries?: number;
  /** Base wait in ms for plugin-retry's quadratic back-off (default 1000; tests use a few ms). */
  retryAfterBaseValue?: number;
  /** `fail-fast`: never retry 409/422, for baseline writes that redo their own cycle. */
  conflicts?: 'retry' | 'fail-fast';
  /**
   * Rate-limit handling (default on). It also spaces writes ~3 s apart as GitHub advises, which
   * tests against a local server turn off.
   */
  throttle?: boolean;
  /** Where rate-limit waits are reported (the action passes core.info). */
  log?: (message: string) => void;
  /** Deadline of one HTTP exchange in ms (default 30,000). */
  timeoutMs?: number;
}

export const DEFAULT_API_TIMEOUT_MS = 30_000;

/** What a timed-out exchange throws; Octokit keeps it as the `cause` of its RequestError. */
export class ApiTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no answer from the GitHub API within ${timeoutMs / 1000} s`);
    this.name = 'ApiTimeoutError';
  }
}

type Fetch = typeof globalThis.fetch;
const TIMED = Symbol('memgate.timedFetch');

/** `fetch` with a deadline per call, combined with the caller's own abort signal if any. */
export function fetchWithTimeout(fetch: Fetch, timeoutMs: number): Fetch {
  if ((fetch as Fetch & { [TIMED]?: true })[TIMED]) return fetch;
  const timed = async (input: Parameters<Fetch>[0], init?: Parameters<Fetch>[1]): Promise<Response> => {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    try {
      const res = await fetch(input, { ...init, signal });
      // The body is read later, under the same signal: a body that never ends aborts too.
      return res;
    } catch (err) {
      if (deadline.aborted) throw new ApiTimeoutError(timeoutMs);
      throw err;
    }
  };
  return Object.assign(timed, { [TIMED]: true as const });
}

/** HTTP statuses plugin-retry must not retry: its defaults, plus 409 for fail-fast writers. */
export function doNotRetry(conflicts: OctokitOptions['conflicts']): number[] {
  const base = [400, 401, 403, 404, 410, 422, 451];
  return conflicts === 'fail-fast' ? [...base, 409] : base;
}

export function createOctokit(token: string, opts: OctokitOptions = {}): Octokit {
  const retries = opts.retries ?? 3;
  const log = opts.log ?? (() => undefined);
  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      options: { method?: string; url?: string },
      _octokit: unknown,
      retryCount: number,
    ) => {
      log(
        `GitHub ${kind} rate limit on ${options.method ?? ''} ${options.url ?? ''}: waiting ${retryAfter}s`,
      );
      return retryCount < retries;
    };
  const octokit = getOctokit(
    token,
    {
      ...(opts.baseUrl ? { baseUrl: opts.baseUrl } : {}),
      retry: {
        retries,
        doNotRetry: doNotRetry(opts.conflicts),
        ...(opts.retryAfterBaseValue !== undefined ? { retryAfterBaseValue: opts.retryAfterBaseValue } : {}),
      },
      throttle:
        opts.throttle === false
          ? { enabled: false }
          : {
              onRateLimit: onLimit('primary'),
              onSecondaryRateLimit: onLimit('secondary'),
              ...(opts.retryAfterBaseValue !== undefined
                ? { retryAfterBaseValue: opts.retryAfterBaseValue }
                : {}),
            },
    },
    retry,
    throttling,
  );
  const timeoutMs = opts.timeoutMs ?? DEFAULT_API_TIMEOUT_MS;
  // Outermost hook: runs once per call; the fetch it installs puts a fresh deadline on each retry.
  octokit.hook.before('request', (options) => {
    const request = (options.request ?? {}) as { fetch?: Fetch };
    options.request = { ...request, fetch: fetchWithTimeout(request.fetch ?? globalThis.fetch, timeoutMs) };
  });
  return octokit;
}
