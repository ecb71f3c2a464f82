/**
 * The comparison step shared by the action and the CLI: read each check's baseline from whatever
 * store is configured, then hand everything to the pure analysis. A store that cannot be read is
 * a warning and an "unreadable" provenance, never a crash: the gate still judges leaks, budgets and
 * UntrackedFrees, which need no baseline.
 */
import type { Policy } from './analyze/policy.js';
import { analyze } from './analyze/verdict.js';
import type { BaselineStore } from './baseline/store.js';
import type { BaselineLookup } from './baseline/types.js';
import { noneProvenance } from './baseline/versions.js';
import { describeError } from './errors.js';
import { checkId, type MemoryReport } from './model.js';
import type { Verdict } from './verdict.js';

async function lookupBaselines(
  report: MemoryReport,
  store: Pick<BaselineStore, 'read'>,
  warn: (message: string) => void = () => undefined,
): Promise<Map<string, BaselineLookup>> {
  const lookups = new Map<string, BaselineLookup>();
  for (const c of report.checks) {
    const requestedVersion = c.check.version;
    try {
      lookups.set(checkId(c.check), await store.read(c.check));
    } catch (err) {
      const message = describeError(err);
      warn(`cannot read the baseline of ${c.check.name} ${requestedVersion}: ${message}`);
      lookups.set(checkId(c.check), { provenance: { status: 'unreadable', requestedVersion, message } });
    }
  }
  return lookups;
}

export async function evaluate(
  report: MemoryReport,
  store: Pick<BaselineStore, 'read'>,
  policy: Policy,
  opts: { warn?: (message: string) => void; now?: Date } = {},
): Promise<Verdict> {
  const lookups = await lookupBaselines(report, store, opts.warn);
  return analyze(
    report,
    (check) => lookups.get(checkId(check)) ?? { provenance: noneProvenance(check.version) },
    policy,
    opts.now ?? new Date(),
  );
}
