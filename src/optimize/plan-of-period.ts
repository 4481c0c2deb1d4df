import type { Plan } from '../model/types.js';
import type { PlanResult } from './plan-types.js';

/**
 * One period of an optimal plan as a plan file (docs/model.md, *Plans*): activity per technique,
 * imports and exports per item, non-zero entries only (values below `threshold` × the largest
 * activity are dropped as solver noise). `plenty balance MODEL --plan FILE` checks it. A balance of
 * one period knows nothing of stocks: in periods after the first, stock drawn from the period
 * before shows there as a deficit of that size (the plan's `stock` says how much).
 */
export function planOfPeriod(r: PlanResult, period: number, threshold = 1e-12): Plan {
  const c = r.economy;
  const nT = c.techniques.ids.length;
  const n = c.items.ids.length;
  const pick = (values: Float64Array, offset: number, count: number, ids: readonly string[]): Record<string, number> => {
    let max = 0;
    for (let k = 0; k < count; k++) max = Math.max(max, values[offset + k]);
    const out: Record<string, number> = {};
    for (let k = 0; k < count; k++) {
      const v = values[offset + k];
      if (v > threshold * max && v > 0) out[ids[k]] = v;
    }
    return out;
  };
  const imports = pick(r.imports, period * n, n, c.items.ids);
  const exports = pick(r.exports, period * n, n, c.items.ids);
  return {
    name: `Optimal plan (${r.objective.kind})${c.periods.ids.length > 1 ? `, ${c.periods.ids[period]}` : ''}`,
    period: c.periods.ids[period],
    activity: pick(r.activity, period * nT, nT, c.techniques.ids),
    ...(Object.keys(imports).length > 0 ? { imports } : {}),
    ...(Object.keys(exports).length > 0 ? { exports } : {}),
  };
}
