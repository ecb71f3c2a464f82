/**
 * What the branch's history adds to a verdict's report: one line per creeping metric (issue 16:
 * "check_run_alloc has risen 22% over the last 10 merges (since `abc1234`)") and where the
 * differential flame graph is. Kept apart from the per-check tables, which judge this change only.
 */
import { creepLine } from '../analyze/creep.js';
import type { CheckKey } from '../model.js';
import type { CreepVerdict, Verdict } from '../model-verdict.js';
import { safeUrl } from './escape.js';

const MARK: Record<CreepVerdict['status'], string> = { pass: '📈', warn: '📈', fail: '❌' };

/** Where the action put the flame graph: the workflow run, whose page lists its artifacts. */
export interface FlamegraphLink {
  runUrl?: string;
  /** The artifact's name, e.g. `flamegraph-memgate-report`. */
  artifact: string;
}

/** The check as people name it: the history spans versions, so no version; the instance when there are several. */
function checkName(k: CheckKey): string {
  return k.instance ? `${k.name} (${k.instance})` : k.name;
}

function waived(e: CreepVerdict): string {
  return e.waiver && !e.waiver.expired ? ' (waived)' : '';
}

/** Markdown lines for the comment and the job summary; empty when there is nothing to say. */
export function historySection(v: Verdict, flamegraph?: FlamegraphLink): string[] {
  const out: string[] = [];
  for (const c of v.checks)
    for (const e of c.creep ?? [])
      out.push(`- ${MARK[e.status]} ${creepLine(e, { check: checkName(c.check) })}${waived(e)}`);
  if (out.length > 0)
    out.unshift('**Creeping growth** (over the baseline history, this change included):', '');
  if (flamegraph) {
    const url = safeUrl(flamegraph.runUrl);
    const where = url ? `[the run's artifacts](${url}#artifacts)` : "the run's artifacts";
    if (out.length > 0) out.push('');
    out.push(
      `🔥 Flame graph of the allocation sites against the baseline: in ${where} (\`${flamegraph.artifact.replace(/`/g, '')}\`).`,
    );
  }
  return out.length > 0 ? [...out, ''] : [];
}

/** Plain-text lines of one check's creep findings, for `memgate compare`. */
export function creepText(creep: readonly CreepVerdict[] | undefined): string[] {
  return (creep ?? []).map(
    (e) => `  creep: ${e.status.toUpperCase()}${waived(e)}: ${creepLine(e, { format: 'text' })}`,
  );
}
