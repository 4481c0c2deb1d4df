import { resolveItem } from '../compile/resolve-item.js';
import type { CompiledEconomy } from '../compile/types.js';
import { InputError, type Issue } from '../model/errors.js';
import { MAX_MAGNITUDE, MAX_MAGNITUDE_TEXT } from '../model/magnitude.js';
import { amountText } from './amount-text.js';
import type { ReportedTotals } from './report-alerts.js';
import type { Report } from './types.js';

/**
 * Checks the running totals of a report's enterprise and period, this report included, for the
 * items the report names: each item's total (over every key naming it, `tractor` and
 * `tractor@ukraine` alike) must stay within MAX_MAGNITUDE. Throws InputError located at the
 * report's key (under `path`) with the report's amount; a store runs it in the report's
 * transaction, so that a refused report leaves nothing behind.
 */
export function checkReportTotals(c: CompiledEconomy, report: Report, totals: ReportedTotals, path: readonly (string | number)[] = []): void {
  const issues: Issue[] = [];
  const itemOf = (key: string): number => {
    const i = resolveItem(c, key, {});
    return typeof i === 'number' ? i : -1;
  };
  for (const field of ['outputs', 'inputs'] as const) {
    const byItem = new Map<number, number>();
    for (const [key, v] of totals[field]) {
      const i = itemOf(key);
      if (i >= 0) byItem.set(i, (byItem.get(i) ?? 0) + v);
    }
    for (const [key, v] of Object.entries(report[field])) {
      const i = itemOf(key);
      const total = byItem.get(i);
      if (i < 0 || total === undefined || total <= MAX_MAGNITUDE) continue;
      issues.push({
        code: 'too-large',
        message: `report "${report.reportId}": with this report, ${report.enterprise}'s total ${field === 'outputs' ? 'output' : 'input'} of ${c.items.ids[i]} in ${report.period} would be ${amountText(total)}, more than ${MAX_MAGNITUDE_TEXT}, the largest amount Plenty takes`,
        location: { path: [...path, field, key] },
        value: v,
      });
    }
  }
  if (issues.length > 0) throw new InputError(issues);
}
