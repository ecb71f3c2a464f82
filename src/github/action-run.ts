/**
 * One action run's surroundings, read once: the validated inputs, the event, the workspace paths, a
 * lazily created Octokit (only modes that talk to GitHub build one) and the runner's log.
 */
import { resolve } from 'node:path';

import * as core from '@actions/core';

import { readConfig, type ActionConfig } from '../settings/action.js';
import { checkInputNames } from '../settings/action-inputs.js';
import { readEventContext, type EventContext } from './context.js';
import { createOctokit, type Octokit } from './octokit.js';

export interface ActionRun {
  cfg: ActionConfig;
  ctx: EventContext;
  env: NodeJS.ProcessEnv;
  /** Absolute path of the MemoryReport this run writes. */
  reportPath: string;
  /** The client, created on first use. */
  octokit(): Octokit;
}

export function openActionRun(env: NodeJS.ProcessEnv): ActionRun {
  checkInputNames(env);
  const ctx = readEventContext(env);
  const cfg = readConfig((name) => core.getInput(name), { commentKey: defaultCommentKey(ctx) });
  let client: Octokit | undefined;
  return {
    cfg,
    ctx,
    env,
    reportPath: resolve(ctx.workspace, cfg.reportPath),
    octokit: () =>
      (client ??= createOctokit(cfg.token, { baseUrl: ctx.apiUrl, conflicts: 'fail-fast', log: core.info })),
  };
}

function defaultCommentKey(ctx: EventContext): string {
  return [ctx.workflow, ctx.job].filter(Boolean).join('/') || 'default';
}

/** The URL of this workflow run, for the comment's footer. */
export function runUrlOf(ctx: EventContext): string | undefined {
  return ctx.runId ? `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/actions/runs/${ctx.runId}` : undefined;
}
