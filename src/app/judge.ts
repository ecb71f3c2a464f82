/**
 * Use case `judge`: read each check's baseline from a source (a store, a baseline directory, a
 * document or another report), then hand everything to the pure analysis. A baseline that cannot be
 * read is a warning and an "unreadable" provenance, never a crash: the gate still judges leaks,
 * budgets and UntrackedFrees, which need no baseline. A store that cannot be read at all
 * (BaselineUnavailableError) is different: a gate that could not look ends the step.
 */
import type { Policy } from '../analyze/policy.js';
import { analyze } from '../analyze/verdict.js';
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
): Promise<Map<string, BaselineLookup>> {
  const lookups = new Map<string, BaselineLookup>();
  for (const c of report.checks) {
    const requestedVersion = c.check.version;
    try {
      lookups.set(checkId(c.check), await source.read(c.check));
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

export async function judge(
  report: MemoryReport,
  source: BaselineSource,
  policy: Policy,
  opts: { warn?: (message: string) => void; now?: Date } = {},
): Promise<Verdict> {
  const lookups = await lookupBaselines(report, source, opts.warn ?? (() => undefined));
  return analyze(
    report,
    (check) => lookups.get(checkId(check)) ?? { provenance: noneProvenance(check.version) },
    policy,
    opts.now ?? new Date(),
  );
}
