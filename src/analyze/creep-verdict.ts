/**
 * Creep on the verdict: each check's creep findings (from `headCreep`, over the store's history
 * with the head appended) become entries judged like any other: a finding fails, `fail-on` without
 * `creep` (the default) turns it into a warning, and a waiver of the check and metric softens it.
 * Pure: verdict, findings and policy in, a new verdict out.
 */
import { checkId } from '../model.js';
import type { CheckVerdict, CreepVerdict, Verdict } from '../model-verdict.js';
import type { CreepFinding } from './creep.js';
import type { Policy } from './policy.js';
import { judge, worst } from './verdict.js';

function creepCheck(
  c: CheckVerdict,
  findings: readonly CreepFinding[],
  policy: Policy,
  now: Date,
): CheckVerdict {
  const notes = [...c.notes];
  const creep = findings.map((f): CreepVerdict => {
    const entry: CreepVerdict = { ...f, status: 'fail' };
    judge(entry, 'creep', c.check, policy, now, notes);
    return entry;
  });
  return { ...c, creep, notes, status: worst([c.status, ...creep.map((e) => e.status)]) };
}

/** The verdict with `creep` set on every check that has a history (keyed by `checkId`). */
export function withCreep(
  verdict: Verdict,
  findings: ReadonlyMap<string, readonly CreepFinding[]>,
  policy: Policy,
  now: Date,
): Verdict {
  const checks = verdict.checks.map((c) => {
    const found = findings.get(checkId(c.check));
    return found === undefined ? c : creepCheck(c, found, policy, now);
  });
  const creeping = checks.flatMap((c) => c.creep ?? []);
  return {
    ...verdict,
    status: worst(checks.map((c) => c.status)),
    checks,
    counts: {
      ...verdict.counts,
      creep: creeping.length,
      warnings: verdict.counts.warnings + creeping.filter((e) => e.status === 'warn').length,
    },
  };
}
