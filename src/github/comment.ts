/**
 * The sticky PR comment: one comment per key, found by its hidden marker among comments written by
 * our own account (a marker pasted by anyone else is ignored, so nobody can make memgate edit or
 * hijack their comment), then updated in place or created.
 *
 * `on-change`: no comment is created while everything passes; an existing one (from an earlier
 * failing push) is *shrunk* to a short all-clear body rather than deleted, so reviewers who were
 * notified still find what they were told about, and the edit history keeps the old report.
 *
 * A 403 (a fork PR's read-only token) is an expected outcome, returned rather than thrown: the
 * gate must never fail because it could not comment. Other errors are one-line MemgateErrors.
 */
import { MemgateError } from '../errors.js';
import { commentMarker, renderAllClear } from '../report/markdown.js';
import { apiErrorStatus, apiErrorSummary } from './api-error.js';
import type { Octokit } from './octokit.js';

export const DEFAULT_BOT_LOGIN = 'github-actions[bot]';

export interface UpsertOptions {
  owner: string;
  repo: string;
  issueNumber: number;
  key: string;
  body: string;
  mode: 'always' | 'on-change';
  passing: boolean;
  /** Our account's login; looked up (falling back to github-actions[bot]) when absent. */
  login?: string;
  /** The all-clear body for `on-change`; defaults to renderAllClear. */
  clearBody?: string;
  /** memgate's version and the run's URL, for the default all-clear body. */
  version?: string;
  runUrl?: string;
}

export type UpsertResult =
  | { status: 'created' | 'updated'; id: number; url?: string }
  | { status: 'unchanged'; id: number; url?: string }
  | { status: 'skipped'; message: string }
  | { status: 'forbidden'; message: string };

interface IssueComment {
  id: number;
  body?: string;
  html_url?: string;
  user?: { login?: string } | null;
}

export async function upsertComment(octokit: Octokit, o: UpsertOptions): Promise<UpsertResult> {
  const where = `${o.owner}/${o.repo}#${o.issueNumber}`;
  try {
    const login = o.login ?? (await ownLogin(octokit));
    const marker = commentMarker(o.key);
    const existing = await findComment(octokit, o, marker, login);
    const quiet = o.mode === 'on-change' && o.passing;
    if (quiet && !existing)
      return { status: 'skipped', message: 'everything passes and there is no earlier comment' };
    let body = quiet
      ? (o.clearBody ?? renderAllClear({ key: o.key, version: o.version ?? '', runUrl: o.runUrl }))
      : o.body;
    if (!body.startsWith(marker)) body = `${marker}\n${body}`;
    if (existing) {
      if (existing.body === body) return { status: 'unchanged', id: existing.id, url: existing.html_url };
      const { data } = await octokit.rest.issues.updateComment({
        owner: o.owner,
        repo: o.repo,
        comment_id: existing.id,
        body,
      });
      return { status: 'updated', id: data.id, url: data.html_url };
    }
    const { data } = await octokit.rest.issues.createComment({
      owner: o.owner,
      repo: o.repo,
      issue_number: o.issueNumber,
      body,
    });
    return { status: 'created', id: data.id, url: data.html_url };
  } catch (err) {
    const status = apiErrorStatus(err);
    if (status === 403) {
      return {
        status: 'forbidden',
        message: `cannot write the PR comment on ${where}: the token is read-only (a fork PR?); the report is in the job summary`,
      };
    }
    // One line: an HTML 5xx page or a cut-off answer is summarised, never pasted.
    const what = status ? `HTTP ${status}` : 'network error:';
    throw new MemgateError(`PR comment failed: ${what} ${apiErrorSummary(err)}`, where, { cause: err });
  }
}

/** The oldest comment carrying the marker written by our account, reading every page. */
async function findComment(
  octokit: Octokit,
  o: UpsertOptions,
  marker: string,
  login: string,
): Promise<IssueComment | undefined> {
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner: o.owner,
    repo: o.repo,
    issue_number: o.issueNumber,
    per_page: 100,
  });
  for await (const page of pages) {
    const hit = (page.data as IssueComment[]).find(
      (c) => c.user?.login === login && typeof c.body === 'string' && c.body.startsWith(marker),
    );
    if (hit) return hit;
  }
  return undefined;
}

/**
 * The login the token writes as. A GITHUB_TOKEN or app token cannot call GET /user (403/404), and
 * then it is github-actions[bot]; a personal token gets its own login.
 */
async function ownLogin(octokit: Octokit): Promise<string> {
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    return data.login;
  } catch {
    return DEFAULT_BOT_LOGIN;
  }
}
