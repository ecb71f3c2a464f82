/**
 * Who may write a baseline. A baseline is what every later PR is judged against, so only code
 * that is on the default branch may set it. Pull-request events run code (or produce artifacts)
 * from the PR author, possibly a fork: they never write, whatever the inputs say, so a PR cannot
 * lower the bar for itself or poison it for others.
 */

/** Events whose run is driven by an unmerged pull request. */
const PR_EVENTS = new Set([
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment',
]);

/**
 * - `pull_request*` events: never.
 * - `workflow_run`: never; its report is an artifact of another run, typically a fork PR's.
 * - `update-baseline: false`: never.
 * - `update-baseline: true`: any other event (workflow_dispatch, schedule, push to any branch…).
 * - `auto` (the default): only a push to the default branch.
 */
export function mayWriteBaseline(
  event: { name: string; ref?: string; defaultBranch?: string },
  updateBaseline: 'auto' | 'true' | 'false',
): { write: boolean; reason: string } {
  if (PR_EVENTS.has(event.name) || event.name.startsWith('pull_request')) {
    return {
      write: false,
      reason: `baseline not updated: a ${event.name} event never writes baselines (update-baseline: ${updateBaseline} is ignored)`,
    };
  }
  if (event.name === 'workflow_run') {
    return {
      write: false,
      reason:
        'baseline not updated: a workflow_run event reports on another run (often a fork PR) and never writes baselines',
    };
  }
  if (updateBaseline === 'false')
    return { write: false, reason: 'baseline not updated: update-baseline is false' };
  if (updateBaseline === 'true') {
    return {
      write: true,
      reason: `baseline updated: update-baseline is true (${event.name} on ${event.ref ?? 'unknown ref'})`,
    };
  }
  if (event.name !== 'push') {
    return {
      write: false,
      reason: `baseline not updated: only a push to the default branch writes baselines (this is a ${event.name} event; set update-baseline: true to force)`,
    };
  }
  if (!event.defaultBranch) {
    return {
      write: false,
      reason: 'baseline not updated: the default branch is unknown, so this push cannot be checked',
    };
  }
  const wanted = `refs/heads/${event.defaultBranch}`;
  if (event.ref !== wanted) {
    return {
      write: false,
      reason: `baseline not updated: push to ${event.ref ?? 'unknown ref'}, not to the default branch ${wanted}`,
    };
  }
  return { write: true, reason: `baseline updated: push to the default branch ${wanted}` };
}
