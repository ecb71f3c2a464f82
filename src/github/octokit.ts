/**
 * The one way memgate builds an Octokit: `getOctokit` from @actions/github (proxy support, user
 * agent) plus retries of 5xx/network errors (`@octokit/plugin-retry`) and of primary/secondary rate
 * limits (`@octokit/plugin-throttling`).
 *
 * Baseline writes are read-modify-write cycles that must see a 409 (stale contents SHA) or a 422
 * (non-fast-forward ref) at once and redo the whole cycle; plugin-retry would replay the stale
 * request instead (it retries 409 by default). `conflicts: 'fail-fast'` turns that off.
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
  return getOctokit(
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
}
