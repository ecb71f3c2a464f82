/**
 * The action's sinks for `publish`: each one small adapter from a judged report to the outside
 * world (step outputs, job summary, annotations, PR comment, baseline update, job status).
 */
import * as core from '@actions/core';

import type { Sink } from '../app/publish.js';
import type { BaselineStore } from '../baseline/store.js';
import { mayWriteBaseline } from '../baseline/write-policy.js';
import { describeError } from '../errors.js';
import { findingLines } from '../report/log-lines.js';
import type { Verdict } from '../model-verdict.js';
import type { RenderOptions } from '../report/markdown.js';
import { VERSION } from '../version.js';
import type { ActionRun } from './action-run.js';
import { emitAnnotations } from './annotations.js';
import { upsertComment } from './comment.js';
import { createOctokit, type Octokit } from './octokit.js';
import { branchOf } from './context.js';
import { writeVerdictSummary } from './summary.js';

export function outputsSink(body: string): Sink {
  return ({ verdict }) => {
    core.setOutput('verdict', verdict.status);
    core.setOutput('regressions', String(verdict.counts.regressions));
    core.setOutput('leaks', String(verdict.counts.leaks));
    core.setOutput('comment-body', body);
  };
}

export function summarySink(opts: RenderOptions): Sink {
  return async ({ verdict }) => void (await writeVerdictSummary(verdict, opts));
}

export function annotationsSink(workspace: string): Sink {
  return ({ verdict }) => void emitAnnotations(verdict, workspace);
}

/**
 * The comment is a view of the verdict, not the verdict: a fork's read-only token (403), an outage or
 * a rate limit is a warning, and the gate still passes or fails on memory alone.
 */
export function commentSink(a: ActionRun, issueNumber: number, body: string, runUrl?: string): Sink {
  return async ({ verdict }) => {
    const budgetMs = Number(a.env.MEMGATE_COMMENT_BUDGET_MS) || COMMENT_BUDGET_MS;
    const budget = new AbortController();
    const timer = setTimeout(
      () => budget.abort(new Error(`no answer from the GitHub API within ${budgetMs / 1000} s`)),
      budgetMs,
    );
    try {
      const upsert = upsertComment(budgetedClient(a, budget.signal), {
        owner: a.ctx.owner,
        repo: a.ctx.repo,
        issueNumber,
        key: a.cfg.commentKey,
        body,
        mode: a.cfg.comment === 'on-change' ? 'on-change' : 'always',
        passing: verdict.status === 'pass',
        version: VERSION,
        runUrl,
      });
      const result = await Promise.race([upsert, abortion(budget.signal)]);
      if (result.status === 'forbidden') {
        core.warning(
          `memgate could not comment on PR #${issueNumber} (${result.message}): a fork PR's token is read-only. ` +
            'The job summary and the comment-body output carry the report; see the README section "Fork PRs".',
        );
      } else core.info(`PR comment ${result.status}`);
    } catch (err) {
      core.warning(
        `memgate could not comment on PR #${issueNumber}: ${describeError(err)}; the job summary has the report`,
      );
    } finally {
      clearTimeout(timer);
    }
  };
}

/** The comment step's total time (every API call and retry in it); after it, warn and move on. */
export const COMMENT_BUDGET_MS = 30_000;

/** A client whose every request is cut when the comment step's budget runs out. */
function budgetedClient(a: ActionRun, signal: AbortSignal): Octokit {
  const client = createOctokit(a.cfg.token, {
    baseUrl: a.ctx.apiUrl,
    conflicts: 'fail-fast',
    log: core.info,
  });
  client.hook.before('request', (options) => {
    options.request = { ...options.request, signal };
  });
  return client;
}

function abortion(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error)));
}

/** Write the report into the baseline store when the event and `update-baseline` allow it. */
export function baselineSink(a: ActionRun, store: BaselineStore): Sink {
  return async ({ report }) => {
    const { ctx } = a;
    const decision = mayWriteBaseline(
      { name: ctx.eventName, ref: ctx.ref, defaultBranch: ctx.defaultBranch },
      a.cfg.updateBaseline,
    );
    core.info(decision.reason);
    if (!decision.write) return;
    const { written } = await store.update(report, {
      commit: ctx.sha,
      date: ctx.commitDate,
      ref: branchOf(ctx.ref) ?? ctx.ref,
    });
    core.info(`baseline files written: ${written.join(', ') || 'none'}`);
  };
}

function creepingNames(v: Verdict): string {
  return v.checks.flatMap((c) => (c.creep ?? []).map((e) => `${c.check.name} ${e.metric}`)).join(', ');
}

/** Fail the job on a failing verdict (`failJob`), else log the outcome. */
export function statusSink(failJob: boolean): Sink {
  return ({ verdict }) => {
    const c = verdict.counts;
    for (const line of findingLines(verdict)) core.info(line);
    // Creep is named only when some metric creeps, so the line stays as it was otherwise.
    const creep = c.creep ? `, ${c.creep} creeping metric(s) (${creepingNames(verdict)})` : '';
    if (verdict.status === 'fail' && failJob) {
      core.setFailed(
        `memgate: ${c.regressions} regression(s), ${c.leaks} leak(s), ${c.budgets} budget(s) exceeded${creep}`,
      );
    } else {
      core.info(
        `memgate: ${verdict.status} (${c.regressions} regressions, ${c.leaks} leaks, ${c.warnings} warnings${creep})`,
      );
    }
  };
}
