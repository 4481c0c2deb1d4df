import type { CompiledEconomy } from '../compile/types.js';
import type { Plan } from '../model/types.js';
import type { DecodedOptimalPlan } from '../report/plan-document-schema.js';

/**
 * One period of a stored optimal plan as a plan file states it (what `plan --write-plan` writes):
 * its activities and trade; what it draws from or adds to stocks (opening stock: the model's
 * initial stock in the first period, else the closing stock of the period before); and what
 * investment built, as the availability the plan had above the model's own.
 */
export function storedPlanOfPeriod(c: CompiledEconomy, doc: DecodedOptimalPlan, period: number, name: string): Plan {
  const p = c.periods.ids[period];
  const last = c.periods.ids.length - 1;
  const fromStock: Record<string, number> = {};
  const toStock: Record<string, number> = {};
  c.items.ids.forEach((id, i) => {
    const product = c.model.products[c.itemProduct[i]];
    if (product.storable === false) return;
    const opening = period === 0 ? (product.initialStock ?? 0) : (doc.stock[c.periods.ids[period - 1]]?.[id] ?? 0);
    const closing = period < last ? (doc.stock[p]?.[id] ?? 0) : 0;
    if (opening > closing) fromStock[id] = opening - closing;
    else if (closing > opening) toStock[id] = closing - opening;
  });
  const built: Record<string, number> = {};
  const nP = c.periods.ids.length;
  c.resources.ids.forEach((id, r) => {
    const had = doc.resources[p]?.[id]?.available;
    const own = c.available[r * nP + period];
    if (had !== undefined && Number.isFinite(had) && Number.isFinite(own) && had > own) built[id] = had - own;
  });
  const some = (o: Record<string, number>): boolean => Object.keys(o).length > 0;
  return {
    name,
    period: p,
    activity: { ...(doc.activity[p] ?? {}) },
    ...(doc.imports?.[p] !== undefined && some({ ...doc.imports[p] }) ? { imports: { ...doc.imports[p] } } : {}),
    ...(doc.exports?.[p] !== undefined && some({ ...doc.exports[p] }) ? { exports: { ...doc.exports[p] } } : {}),
    ...(some(fromStock) ? { fromStock } : {}),
    ...(some(toStock) ? { toStock } : {}),
    ...(some(built) ? { built } : {}),
  };
}
