import { recordColumns } from '../model/column-records.js';
import type { CompiledEconomy } from '../compile/types.js';
import { matvec } from '../sparse/matvec.js';
import type { LpSolution } from '../lp/lp-types.js';
import type { FormulatedPlan, PlanQuantities } from './plan-types.js';

export type { PlanQuantities } from './plan-types.js';

/**
 * Reads a solution of a formulated plan. Duals are turned into objective improvements: an item's
 * valuation is the improvement per extra unit of it in the period, a resource's price the
 * improvement per extra unit available, a technique's reduced cost the improvement per unit of
 * activity forced in (so, for a minimisation, the saving).
 */
export function readPlanSolution(c: CompiledEconomy, f: FormulatedPlan, s: LpSolution): PlanQuantities {
  const ix = f.index;
  const { lp } = f;
  const sign = lp.sense === 'max' ? 1 : -1;
  const nPer = ix.periods;
  const nT = ix.techniques;
  const n = ix.items;
  const nR = ix.resources;
  const x = s.x;

  const activity = x.slice(ix.activityStart, ix.activityStart + nPer * nT);
  const output = new Float64Array(nPer * n);
  const intermediate = new Float64Array(nPer * n);
  const production = new Float64Array(nPer * nR);
  for (let t = 0; t < nPer; t++) {
    const a = activity.subarray(t * nT, (t + 1) * nT);
    matvec(c.outputs, a, output.subarray(t * n, (t + 1) * n));
    matvec(c.inputs, a, intermediate.subarray(t * n, (t + 1) * n));
    matvec(c.resourceUse, a, production.subarray(t * nR, (t + 1) * nR));
  }
  // Whole plants: the fixed cost of opening, in every period in which a plant is open.
  const nOpen = ix.openTechniques.length;
  for (let k = 0; k < nOpen; k++) {
    const fixed = c.model.techniques[ix.openTechniques[k]].fixedCost ?? {};
    for (const [rid, amount] of Object.entries(fixed)) {
      const r = c.resources.index.get(rid);
      if (r === undefined) continue;
      for (let t = 0; t < nPer; t++) production[t * nR + r] += amount * x[ix.openStart + t * nOpen + k];
    }
  }
  const exports = new Float64Array(nPer * n);
  const imports = new Float64Array(nPer * n);
  const stock = new Float64Array(nPer * n);
  const currencyNet = new Float64Array(nPer);
  const nExp = ix.exportItems.length;
  const nImp = ix.importItems.length;
  const nS = ix.stockItems.length;
  for (let t = 0; t < nPer; t++) {
    for (let k = 0; k < nExp; k++) {
      const v = x[ix.exportStart + t * nExp + k];
      exports[t * n + ix.exportItems[k]] = v;
      currencyNet[t] -= v * ix.exportPrice[k];
    }
    for (let k = 0; k < nImp; k++) {
      const v = x[ix.importStart + t * nImp + k];
      imports[t * n + ix.importItems[k]] = v;
      currencyNet[t] += v * ix.importPrice[k];
    }
    if (t < nPer - 1) for (let k = 0; k < nS; k++) stock[t * n + ix.stockItems[k]] = x[ix.stockStart + t * nS + k];
  }
  const surplus = new Float64Array(nPer * n);
  const valuation = new Float64Array(nPer * n);
  for (let k = 0; k < nPer * n; k++) {
    const row = ix.balanceStart + k;
    surplus[k] = Math.max(0, s.rowActivity[row] - lp.rowLower[row]);
    valuation[k] = -sign * s.rowDual[row];
  }
  const nD = ix.deliveryTarget.length;
  const delivered = x.slice(ix.deliveryStart, ix.deliveryStart + nD);
  const fulfilment = new Float64Array(nD);
  for (let g = 0; g < nD; g++) fulfilment[g] = ix.deliveryAmount[g] > 0 ? delivered[g] / ix.deliveryAmount[g] : 1;

  // Investment on line, per resource and period.
  const built = new Float64Array(nPer * nR);
  // Techniques kept as columns (model/column-records.ts) build nothing: not walked record by record.
  const techniques = recordColumns(c.model.techniques) !== undefined ? [] : c.model.techniques;
  techniques.forEach((tech, j) => {
    if (tech.build === undefined) return;
    const lag = tech.lag ?? 1;
    for (const [rid, amount] of Object.entries(tech.build)) {
      const r = c.resources.index.get(rid);
      if (r === undefined) continue;
      let cumulative = 0;
      for (let t = 0; t < nPer; t++) {
        if (t - lag >= 0) cumulative += amount * activity[(t - lag) * nT + j];
        built[t * nR + r] += cumulative;
      }
    }
  });
  const resourceUse = new Float64Array(nPer * nR);
  const available = new Float64Array(nPer * nR);
  const resourcePrice = new Float64Array(nPer * nR);
  for (let t = 0; t < nPer; t++) {
    for (let r = 0; r < nR; r++) {
      const k = t * nR + r;
      resourceUse[k] = production[k] + ix.directUse[r] + (r === ix.currency ? currencyNet[t] : 0);
      available[k] = ix.baseAvailable[k] + built[k];
      const row = ix.resourceRow[k];
      resourcePrice[k] = row < 0 ? 0 : sign * s.rowDual[row];
    }
  }
  const reducedCost = new Float64Array(nPer * nT);
  for (let k = 0; k < nPer * nT; k++) reducedCost[k] = sign * s.colDual[ix.activityStart + k];
  return { activity, output, intermediate, exports, imports, stock, surplus, delivered, fulfilment, resourceUse, available, built, valuation, resourcePrice, reducedCost };
}
