/**
 * Use case `judge`: read each check's baseline from a source (a store, a baseline directory, a
 * document or another report), then hand everything to the pure analysis. A baseline that cannot be
 * read is a warning and an "unreadable" provenance, never a crash: the gate still judges leaks,
 * budgets and UntrackedFrees, which need no baseline. A store that cannot be read at all
 * (BaselineUnavailableError) is different: a gate that could not look ends the step. A source that
 * is a store (it has `snapshot`) also gives each check's history, and with it creeping growth
 * (`headCreep`); a history that cannot be read is a warning and no creep line, never a failed gate.
 */
import type { CreepFinding } from '../analyze/creep.js';
import { withCreep } from '../analyze/creep-verdict.js';
import { headCreep } from '../analyze/history-analysis.js';
import { thresholdsFor, type Policy } from '../analyze/policy.js';
import { analyze } from '../analyze/verdict.js';
import { readHistory } from '../baseline/history-store.js';
import type { StoreSnapshot } from '../baseline/store.js';
import type { BaselineLookup } from '../baseline/types.js';
import { BaselineUnavailableError } from '../baseline/unavailable.js';
import { noneProvenance } from '../baseline/versions.js';
import { describeError } from '../errors.js';
import { checkId, type MemoryReport } from '../model.js';
import type { Verdict } from '../model-verdict.js';
import type { BaselineSource } from './baseline-source.js';

async function lookupBaselines(
  report: MemoryReport,
  source: BaselineSource,
  warn: (message: string) => void,
  ancestry: readonly string[] | undefined,
): Promise<Map<string, BaselineLookup>> {
  const lookups = new Map<string, BaselineLookup>();
  for (const c of report.checks) {
    const requestedVersion = c.check.version;
    try {
      lookups.set(checkId(c.check), await source.read(c.check, { ancestry }));
    } catch (err) {
      // A store that could not be read at all ends the step (see baseline/unavailable.ts).
      if (err instanceof BaselineUnavailableError) throw err;
      const message = describeError(err);
      warn(`cannot read the baseline of ${c.check.name} ${requestedVersion}: ${message}`);
      lookups.set(checkId(c.check), { provenance: { status: 'unreadable', requestedVersion, message } });
    }
  }
  return lookups;
}

/** Per check (by `checkId`), the creep findings of the head over the store's history of that check. */
async function lookupCreep(
  report: MemoryReport,
  snapshot: () => Promise<StoreSnapshot>,
  policy: Policy,
  warn: (message: string) => void,
): Promise<Map<string, CreepFinding[]>> {
  const found = new Map<string, CreepFinding[]>();
  let snap: StoreSnapshot;
  try {
    snap = await snapshot();
  } catch (err) {
    warn(`cannot read the history for creeping growth: ${describeError(err)}`);
    return found;
  }
  const head = report.environment.commit ?? 'head';
  for (const c of report.checks) {
    try {
      const doc = await readHistory(snap, c.check.name, 'the baseline store');
      if (!doc) continue;
      const t = thresholdsFor(policy, c.check.name, '');
      found.set(
        checkId(c.check),
        headCreep(doc, c, head, { creep: { threshold: t.threshold, alpha: t.alpha } }),
      );
    } catch (err) {
      warn(`cannot read the history of ${c.check.name}: ${describeError(err)}`);
    }
  }
  return found;
}

export async function judge(
  report: MemoryReport,
  source: BaselineSource,
  policy: Policy,
  opts: {
    warn?: (message: string) => void;
    now?: Date;
    /** The PR's merge-base and its ancestors, nearest first: the baseline is the nearest stored one. */
    ancestry?: readonly string[];
  } = {},
): Promise<Verdict> {
  const warn = opts.warn ?? (() => undefined);
  const now = opts.now ?? new Date();
  const lookups = await lookupBaselines(report, source, warn, opts.ancestry);
  const verdict = analyze(
    report,
    (check) => lookups.get(checkId(check)) ?? { provenance: noneProvenance(check.version) },
    policy,
    now,
  );
  const snapshot = source.snapshot?.bind(source);
  // A store that could not be read for the baselines has been reported once already; its history
  // is unreadable for the same reason, and a second warning would only repeat it.
  const unreadable = [...lookups.values()].some((l) => l.provenance.status === 'unreadable');
  if (!snapshot || unreadable) return verdict;
  const creep = await lookupCreep(report, snapshot, policy, warn);
  return withCreep(verdict, creep, policy, now);
}
