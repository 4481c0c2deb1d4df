import type { CompiledEconomy } from '../compile/types.js';
import type { LpSolution } from '../lp/lp-types.js';
import type { Bottleneck, FormulatedPlan } from './plan-types.js';

/** Inputs of the ranking: prices in objective-improvement units and the limits they belong to. */
export interface BottleneckInputs {
  readonly resourcePrice: Float64Array;
  readonly available: Float64Array;
  readonly reducedCost: Float64Array;
  readonly objectiveValue: number;
}

/**
 * Binding limits (shadow price above a small tolerance) ranked by rent = price × limit, largest
 * first: the part of the objective imputed to the limit by the duals. Unlike the price per unit,
 * the rent does not depend on the unit a resource is measured in. Resources: rows with a positive
 * price; capacities: activities at their capacity with a positive net value; trade caps: exports or
 * imports at their cap with a positive column dual.
 */
export function findBottlenecks(c: CompiledEconomy, f: FormulatedPlan, solution: LpSolution, inputs: BottleneckInputs): Bottleneck[] {
  const ix = f.index;
  const { lp } = f;
  const sign = lp.sense === 'max' ? 1 : -1;
  const nR = ix.resources;
  const nT = ix.techniques;
  const tol = 1e-9 * (1 + Math.abs(inputs.objectiveValue));
  const obj = inputs.objectiveValue;
  const out: Bottleneck[] = [];
  const periodId = (t: number) => c.periods.ids[t] ?? String(t + 1);
  // A limit binds when its rent is above rounding noise (a price per unit depends on the unit, the
  // rent does not); a limit of 0 binds when its price is.
  const add = (kind: Bottleneck['kind'], id: string, t: number, price: number, limit: number): void => {
    const rent = price * limit;
    if (!(limit === 0 ? price > tol : rent > tol)) return;
    out.push({ kind, id, period: periodId(t), price, limit, rent, share: obj !== 0 ? rent / obj : null });
  };
  for (let t = 0; t < ix.periods; t++) {
    for (let r = 0; r < nR; r++) {
      const p = inputs.resourcePrice[t * nR + r];
      if (p > 0) add('resource', c.resources.ids[r], t, p, inputs.available[t * nR + r]);
    }
    for (let j = 0; j < nT; j++) {
      const col = ix.activityStart + t * nT + j;
      const d = inputs.reducedCost[t * nT + j];
      // A whole-unit activity is fixed in the LP that prices the plan (docs/optimize.md, "Whole
      // plants"): below its capacity its dual is the value of that decision, not a capacity's price.
      const whole = lp.integrality?.[col] === 1;
      const atCapacity = !whole || solution.x[col] >= Math.floor(lp.colUpper[col]) - 1e-9;
      if (d > 0 && Number.isFinite(lp.colUpper[col]) && atCapacity) add('capacity', c.techniques.ids[j], t, d, lp.colUpper[col]);
    }
    const trade = (start: number, items: Int32Array, label: string): void => {
      for (let k = 0; k < items.length; k++) {
        const col = start + t * items.length + k;
        const d = sign * solution.colDual[col];
        if (d > 0 && Number.isFinite(lp.colUpper[col])) add('trade', `${label} ${c.items.ids[items[k]]}`, t, d, lp.colUpper[col]);
      }
    };
    trade(ix.exportStart, ix.exportItems, 'export');
    trade(ix.importStart, ix.importItems, 'import');
  }
  out.sort((a, b) => b.rent - a.rent || a.id.localeCompare(b.id));
  return out;
}
