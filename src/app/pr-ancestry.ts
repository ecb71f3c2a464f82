/**
 * Which stored baseline a PR is compared with: the entry at the PR's merge-base or its nearest
 * stored ancestor, not simply the newest (the default branch may have moved past the PR's base).
 * The ancestry comes from the local clone when it has both commits (`actions/checkout` with
 * `fetch-depth: 0`), else from the GitHub API. Without either, the newest entry is used and the
 * log says why: a missing merge-base never fails the gate.
 */
import { DEFAULT_ANCESTRY, githubAncestry, localAncestry, type RestClient } from '../baseline/ancestry.js';
import { describeError } from '../errors.js';

/** Stored entries are one per merged commit; the nearest stored ancestor is rarely far back. */
export const PR_ANCESTRY_DEPTH = 50;

export interface AncestryQuery {
  /** The PR's base (a commit or a ref the local clone knows). */
  base: string;
  /** The PR's head commit, or HEAD. */
  head: string;
  /** The local clone. */
  cwd: string;
  /** The GitHub API, when the local clone cannot answer. */
  api?: { client: RestClient; owner: string; repo: string };
  max?: number;
}

export async function prAncestry(
  q: AncestryQuery,
  log: { warn(m: string): void },
): Promise<string[] | undefined> {
  const max = q.max ?? PR_ANCESTRY_DEPTH;
  const why: string[] = [];
  try {
    return await localAncestry({ cwd: q.cwd, base: q.base, head: q.head, max });
  } catch (err) {
    why.push(`local git: ${describeError(err)}`);
  }
  if (q.api) {
    try {
      const { client, owner, repo } = q.api;
      return await githubAncestry(client, { owner, repo }, q.base, q.head, Math.min(max, DEFAULT_ANCESTRY));
    } catch (err) {
      why.push(`GitHub API: ${describeError(err)}`);
    }
  }
  log.warn(
    `cannot find the merge-base of ${q.base.slice(0, 12)} and ${q.head.slice(0, 12)} (${why.join('; ')}); ` +
      'comparing with the newest stored baseline. Check out with fetch-depth: 0 to compare with the PR base.',
  );
  return undefined;
}
