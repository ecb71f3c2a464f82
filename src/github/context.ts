/**
 * The workflow event, read as a pure function of the environment and the event payload. The
 * `context` object of @actions/github is frozen at import time, which makes it untestable and wrong
 * for anything that sets the environment later; this reads what the runner provides, when asked.
 */
import { readFileSync } from 'node:fs';

import { MemgateError } from '../errors.js';

export interface PullRequestInfo {
  number: number;
  headSha: string;
  headRef: string;
  baseRef: string;
  /** The base branch's commit when the event fired; the merge-base is found from it and the head. */
  baseSha: string;
  /** The PR comes from another repository: its token is read-only and secrets are absent. */
  isFork: boolean;
}

export interface EventContext {
  eventName: string;
  owner: string;
  repo: string;
  sha: string;
  ref: string;
  /** When the pushed head commit was made (push events), so baselines order by commit time. */
  commitDate?: string;
  defaultBranch?: string;
  workflow: string;
  job: string;
  runId: number;
  serverUrl: string;
  apiUrl: string;
  workspace: string;
  pullRequest?: PullRequestInfo;
  /** For `workflow_run` events: the run that triggered this one, and the PR it was for. */
  workflowRun?: {
    id: number;
    event: string;
    headSha: string;
    conclusion?: string;
    pullRequestNumber?: number;
    isFork: boolean;
  };
}

type Payload = Record<string, unknown>;

export function readEventContext(env: NodeJS.ProcessEnv): EventContext {
  return eventContextFrom(env, readEventPayload(env));
}

/**
 * The event payload at GITHUB_EVENT_PATH (empty when unset), or one MemgateError naming the file:
 * unreadable, not JSON, or not a JSON object. A UTF-8 BOM is accepted.
 */
export function readEventPayload(env: NodeJS.ProcessEnv): Payload {
  const path = env.GITHUB_EVENT_PATH;
  if (!path) return {};
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new MemgateError(
      `cannot read the event payload (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
      path,
    );
  }
  let payload: unknown;
  try {
    payload = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new MemgateError(`the event payload is not valid JSON (${(err as Error).message})`, path);
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
    throw new MemgateError('the event payload is not a JSON object', path);
  return payload as Payload;
}

export function eventContextFrom(env: NodeJS.ProcessEnv, payload: Payload): EventContext {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const repository = obj(payload.repository);
  const pr = obj(payload.pull_request);
  const run = obj(payload.workflow_run);
  const ctx: EventContext = {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    owner: owner || str(obj(repository.owner).login),
    repo: repo || str(repository.name),
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    defaultBranch: str(repository.default_branch) || undefined,
    commitDate: str(obj(payload.head_commit).timestamp) || undefined,
    workflow: env.GITHUB_WORKFLOW ?? '',
    job: env.GITHUB_JOB ?? '',
    runId: Number(env.GITHUB_RUN_ID ?? 0),
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
  };
  if (Object.keys(pr).length > 0) {
    const head = obj(pr.head);
    const base = obj(pr.base);
    ctx.pullRequest = {
      number: Number(pr.number ?? payload.number),
      headSha: str(head.sha),
      headRef: str(head.ref),
      baseRef: str(base.ref),
      baseSha: str(base.sha),
      isFork: str(obj(head.repo).full_name) !== str(obj(base.repo).full_name),
    };
  }
  if (Object.keys(run).length > 0) {
    const prs = Array.isArray(run.pull_requests) ? (run.pull_requests as Payload[]) : [];
    const headRepo = str(obj(run.head_repository).full_name);
    ctx.workflowRun = {
      id: Number(run.id),
      event: str(run.event),
      headSha: str(run.head_sha),
      conclusion: str(run.conclusion) || undefined,
      pullRequestNumber: prs.length > 0 ? Number(obj(prs[0]).number) : undefined,
      isFork: headRepo !== '' && headRepo !== str(obj(run.repository).full_name),
    };
  }
  return ctx;
}

/** `refs/heads/main` → `main`. */
export function branchOf(ref: string): string | undefined {
  return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
}

function obj(x: unknown): Payload {
  return typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Payload) : {};
}

function str(x: unknown): string {
  return typeof x === 'string' ? x : '';
}
