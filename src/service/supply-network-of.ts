import { supplyNetwork } from '../execution/index.js';
import type { PlentyStore } from '../store/index.js';
import { checkPeriodOfPlan } from './check-period-of-plan.js';
import { publishedOr404 } from './published-plan.js';
import { serviceContext } from './service-context.js';
import { supplyOf } from './supply-cache.js';

/** The published plan's supply network (regions, flows, lines, unserved demand), its flows, lines and unserved in one period or all. */
export async function supplyNetworkOf(store: PlentyStore, period?: string) {
  const ctx = serviceContext(store);
  const pub = await publishedOr404(ctx);
  const c = pub.compiled;
  checkPeriodOfPlan(c, period, `periods: ${c.periods.ids.join(', ')}`);
  const net = supplyNetwork(c, await supplyOf(ctx, pub));
  const only = <T extends { readonly period: string }>(list: readonly T[]): readonly T[] => (period === undefined ? list : list.filter((x) => x.period === period));
  return { planId: pub.plan.id, ...net, flows: only(net.flows), lines: only(net.lines), unserved: only(net.unserved) };
}
