/**
 * The PR's base commit and its ancestors, nearest first: what `lookupInSnapshot` needs to compare a
 * pull request with the baseline at its merge-base (or the nearest stored ancestor of it) instead
 * of the newest entry, which main may have moved past. Two sources:
 * - local git (`git merge-base`, then `git rev-list --first-parent`), run with execFile, no shell;
 * - the GitHub REST API through a client passed in (compare for the merge-base, then the parents of
 *   each commit through the git data API), for jobs without the history checked out.
 */
import { execFile } from 'node:child_process';

import { MemgateError } from '../errors.js';

/** How many ancestors to list: the 30 entries a document keeps rarely reach further back. */
export const DEFAULT_ANCESTRY = 200;

const SHA = /^[0-9a-f]{40}$/;

function git(args: readonly string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', [...args], { cwd, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) {
        const why = String(stderr).trim().split('\n')[0] || err.message;
        reject(new MemgateError(`git ${args[0]} failed: ${why}`, cwd));
      } else resolve(String(stdout));
    });
  });
}

/**
 * Local history: the merge-base of `base` and `head` (default HEAD) and its first-parent ancestors,
 * nearest first, at most `max`. A shallow clone lists what it has; fetch with depth ≥ the history
 * the store keeps.
 */
export async function localAncestry(opts: {
  cwd: string;
  base: string;
  head?: string;
  max?: number;
}): Promise<string[]> {
  const mergeBase = (await git(['merge-base', opts.base, opts.head ?? 'HEAD'], opts.cwd)).trim();
  if (!SHA.test(mergeBase))
    throw new MemgateError(`git merge-base gave "${mergeBase}", not a commit`, opts.cwd);
  const max = opts.max ?? DEFAULT_ANCESTRY;
  const list = await git(['rev-list', '--first-parent', `--max-count=${max}`, mergeBase], opts.cwd);
  return list.split('\n').filter((l) => SHA.test(l));
}

/** The one Octokit method the GitHub source uses (an Octokit instance fits). */
export interface RestClient {
  request(route: string, params: Record<string, unknown>): Promise<{ data: unknown }>;
}

/** A property of a JSON value that should be an object; undefined otherwise. */
function field(x: unknown, key: string): unknown {
  return typeof x === 'object' && x !== null ? (x as Record<string, unknown>)[key] : undefined;
}

function shaOf(x: unknown, what: string): string {
  const sha = field(x, 'sha');
  if (typeof sha !== 'string' || !SHA.test(sha))
    throw new MemgateError(`the GitHub API returned no commit for ${what}`, 'GitHub API');
  return sha;
}

/** The merge-base of `base` and `head` by the compare API. */
export async function githubMergeBase(
  client: RestClient,
  repo: { owner: string; repo: string },
  base: string,
  head: string,
): Promise<string> {
  const { data } = await client.request('GET /repos/{owner}/{repo}/compare/{basehead}', {
    ...repo,
    basehead: `${base}...${head}`,
    per_page: 1,
  });
  return shaOf(field(data, 'merge_base_commit'), `the merge-base of ${base} and ${head}`);
}

/** `sha` and its first-parent ancestors, nearest first, at most `max`, by the git data API. */
export async function githubAncestors(
  client: RestClient,
  repo: { owner: string; repo: string },
  sha: string,
  max = DEFAULT_ANCESTRY,
): Promise<string[]> {
  const out: string[] = [];
  let next: string | undefined = sha;
  while (next !== undefined && out.length < max) {
    out.push(next);
    const { data } = await client.request('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', {
      ...repo,
      commit_sha: next,
    });
    const parents = field(data, 'parents');
    next =
      Array.isArray(parents) && parents.length > 0 ? shaOf(parents[0], `the parent of ${next}`) : undefined;
  }
  return out;
}

/** The PR's merge-base and its ancestors through the GitHub API. */
export async function githubAncestry(
  client: RestClient,
  repo: { owner: string; repo: string },
  base: string,
  head: string,
  max = DEFAULT_ANCESTRY,
): Promise<string[]> {
  return githubAncestors(client, repo, await githubMergeBase(client, repo, base, head), max);
}
