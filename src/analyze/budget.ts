/**
 * Budgets: absolute upper bounds per check and metric from the policy. The value judged is the
 * largest run aggregate (e.g. peak pymem inuse), because a budget is a promise about every run.
 */
import { describeMetric } from '../metrics.js';
import type { CheckReport } from '../model.js';
import type { BudgetVerdict } from '../model-verdict.js';
import { matches, type Policy } from './policy.js';
import { fmt } from './regression.js';

export function checkBudgets(report: CheckReport, policy: Policy): BudgetVerdict[] {
  const out: BudgetVerdict[] = [];
  for (const b of policy.budgets) {
    if (!matches(b.check, report.check.name)) continue;
    for (const [metric, samples] of Object.entries(report.metrics)) {
      if (!matches(b.metric, metric) || samples.runs.length === 0) continue;
      const unit = describeMetric(metric).unit;
      const value = Math.max(...samples.runs.map((r) => r.value));
      const over = value > b.max;
      out.push({
        metric,
        limit: b.max,
        value,
        status: over ? 'fail' : 'pass',
        reason: over
          ? `${fmt(value, unit)} exceeds the budget of ${fmt(b.max, unit)} by ${fmt(value - b.max, unit)}`
          : `${fmt(value, unit)} is within the budget of ${fmt(b.max, unit)}`,
      });
    }
  }
  return out;
}
