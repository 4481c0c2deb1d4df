import { fulfilment } from '../execution/index.js';
import type { PlentyStore } from '../store/index.js';
import { checkPeriodOfPlan } from './check-period-of-plan.js';
import { publishedOr404 } from './published-plan.js';
import { publishedReports } from './published-reports.js';
import { refusedInput } from './refused-input.js';
import { serviceContext } from './service-context.js';

/**
 * How far the published plan is fulfilled by the stored reports: per enterprise, per item and per
 * target, in one period or all, of one enterprise or all (reports that do not fit the plan's
 * economy are refused as `the reports`).
 */
export async function fulfilmentOf(store: PlentyStore, filter: { readonly period?: string | undefined; readonly enterprise?: string | undefined }) {
  const pub = await publishedOr404(serviceContext(store));
  const c = pub.compiled;
  checkPeriodOfPlan(c, filter.period, `periods: ${c.periods.ids.join(', ')}`);
  const reports = await publishedReports(store, c, filter.enterprise === undefined ? {} : { enterprise: filter.enterprise });
  const f = await refusedInput('the reports', () => fulfilment(c, pub.execution, reports, filter.period === undefined ? {} : { period: filter.period }));
  const enterprises = filter.enterprise === undefined ? f.enterprises : f.enterprises.filter((e) => e.enterprise === filter.enterprise);
  return { planId: pub.plan.id, reports: reports.length, enterprises, items: f.items, targets: f.targets };
}
