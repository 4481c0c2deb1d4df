import type { Plan } from '../model/types.js';
import type { PlanResult } from './plan-types.js';

/**
 * One period of an optimal plan as a plan file (docs/model.md, *Plans*): activity per technique,
 * imports and exports per item, stock drawn or added (opening minus closing stock), and what
 * investment of earlier periods has built, non-zero entries only (values below `threshold` × the
 * largest of their kind are dropped as solver noise). `plenty balance MODEL --plan FILE` checks it:
 * every period of an optimal plan balances on its own.
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
  const last = c.periods.ids.length - 1;
  const initial = r.formulated.index.initialStock;
  const drawn = new Float64Array(n);
  const added = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const opening = period === 0 ? initial[i] : r.stock[(period - 1) * n + i];
    const closing = period < last ? r.stock[period * n + i] : 0;
    if (opening > closing) drawn[i] = opening - closing;
    else added[i] = closing - opening;
  }
  const fromStock = pick(drawn, 0, n, c.items.ids);
  const toStock = pick(added, 0, n, c.items.ids);
  const nR = c.resources.ids.length;
  const built = pick(r.built, period * nR, nR, c.resources.ids);
  return {
    name: `Optimal plan (${r.objective.kind})${c.periods.ids.length > 1 ? `, ${c.periods.ids[period]}` : ''}`,
    period: c.periods.ids[period],
    activity: pick(r.activity, period * nT, nT, c.techniques.ids),
    ...(Object.keys(imports).length > 0 ? { imports } : {}),
    ...(Object.keys(exports).length > 0 ? { exports } : {}),
    ...(Object.keys(fromStock).length > 0 ? { fromStock } : {}),
    ...(Object.keys(toStock).length > 0 ? { toStock } : {}),
    ...(Object.keys(built).length > 0 ? { built } : {}),
  };
}
