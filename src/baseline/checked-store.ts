/**
 * The base of the concrete stores: the shared store logic, plus the guard every store needs before
 * any I/O, since check names become paths in it (see check-name.ts): a name that cannot be one is
 * refused with one line naming it, instead of ENAMETOOLONG or "URI malformed" half-way through.
 */
import { assertCheckKeys } from '../check-name.js';
import type { CheckKey, MemoryReport } from '../model.js';
import { BackendBaselineStore, type LookupOptions, type UpdateResult } from './store.js';
import type { BaselineLookup } from './types.js';

export class CheckedBaselineStore extends BackendBaselineStore {
  override async read(check: CheckKey, lookup?: LookupOptions): Promise<BaselineLookup> {
    assertCheckKeys([check], this.backend.where);
    return super.read(check, lookup);
  }

  override async update(
    report: MemoryReport,
    meta: { commit: string; date?: string; ref?: string },
  ): Promise<UpdateResult> {
    assertCheckKeys(
      report.checks.map((c) => c.check),
      this.backend.where,
    );
    return super.update(report, meta);
  }
}
