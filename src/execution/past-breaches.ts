import type { CompiledEconomy } from '../compile/types.js';
import { tradeByItem } from '../compile/trade-by-item.js';
import type { PlanIndex } from '../plan/plan-types.js';
import type { PastRecord } from './past-record.js';

/**
 * A limit of the plan that the past broke:
 * - `balance`: an item used (inputs, exports, closing stock) beyond what there was (output,
 *   imports, opening stock), even with nothing delivered; limit = supply, actual = use;
 * - `resource`: a resource used (production, direct use, net currency spending) beyond its
 *   availability including investment on line; limit = available, actual = use;
 * - `capacity`: a technique run beyond its capacity; limit = capacity, actual = activity;
 * - `export`, `import`: trade beyond the model's cap; limit = cap, actual = traded.
 */
export interface PastBreach {
  readonly kind: 'balance' | 'resource' | 'capacity' | 'export' | 'import';
  /** Item, resource or technique id. */
  readonly id: string;
  readonly period: string;
  readonly limit: number;
  readonly actual: number;
  /** actual − limit (> 0). */
  readonly excess: number;
}

/**
 * Relative tolerance below which an excess is rounding, not a breach: a published plan holds its
 * limits to the solver's tolerance (about 10⁻⁹ of the flows), so actuals equal to it break nothing.
 */
export const BREACH_TOLERANCE = 1e-7;

/**
 * The limits the past broke, period by period: balances, resources, capacities and trade caps
 * (see PastBreach), each with its excess beyond BREACH_TOLERANCE × the flows involved. Re-planning
 * reports them; it neither relaxes the limit nor changes the past to fit.
 */
export function pastBreaches(c: CompiledEconomy, ix: PlanIndex, past: PastRecord): PastBreach[] {
  const out: PastBreach[] = [];
  const n = ix.items;
  const nT = ix.techniques;
  const add = (kind: PastBreach['kind'], id: string, t: number, limit: number, actual: number, scale: number): void => {
    if (actual - limit > BREACH_TOLERANCE * Math.max(1, scale)) out.push({ kind, id, period: c.periods.ids[t], limit, actual, excess: actual - limit });
  };
  const trade = tradeByItem(c);
  const { use, available, gross } = pastResourceUse(c, ix, past);
  for (let t = 0; t < past.periods; t++) {
    for (let i = 0; i < n; i++) {
      const k = t * n + i;
      add('balance', c.items.ids[i], t, past.supply[k], past.use[k], past.supply[k] + past.use[k]);
    }
    for (let r = 0; r < ix.resources; r++) {
      const k = t * ix.resources + r;
      if (ix.resourceRow[k] >= 0) add('resource', c.resources.ids[r], t, available[k], use[k], gross[k]);
    }
    for (let j = 0; j < nT; j++) add('capacity', c.techniques.ids[j], t, c.capacity[j], past.activity[t * nT + j], c.capacity[j]);
    for (const i of ix.exportItems) add('export', c.items.ids[i], t, trade.maxExport[i], past.exports[t * n + i], trade.maxExport[i]);
    for (const i of ix.importItems) add('import', c.items.ids[i], t, trade.maxImport[i], past.imports[t * n + i], trade.maxImport[i]);
  }
  return out;
}

/**
 * Per past period × resource: use (production + direct use + for the currency, import spending −
 * export earnings), availability including what investment of earlier past periods put on line,
 * and the gross flows (the scale of the tolerance).
 */
function pastResourceUse(c: CompiledEconomy, ix: PlanIndex, past: PastRecord): { use: Float64Array; available: Float64Array; gross: Float64Array } {
  const nR = ix.resources;
  const nT = ix.techniques;
  const n = ix.items;
  const from = past.periods;
  const use = new Float64Array(from * nR);
  const available = new Float64Array(from * nR);
  const gross = new Float64Array(from * nR);
  const { rowPtr, colIdx, values } = c.resourceUse;
  for (let t = 0; t < from; t++) {
    for (let r = 0; r < nR; r++) {
      let s = ix.directUse[r];
      let g = Math.abs(s);
      for (let p = rowPtr[r]; p < rowPtr[r + 1]; p++) {
        const v = values[p] * past.activity[t * nT + colIdx[p]];
        s += v;
        g += Math.abs(v);
      }
      if (r === ix.currency) {
        for (let k = 0; k < ix.exportItems.length; k++) {
          const v = ix.exportPrice[k] * past.exports[t * n + ix.exportItems[k]];
          s -= v;
          g += Math.abs(v);
        }
        for (let k = 0; k < ix.importItems.length; k++) {
          const v = ix.importPrice[k] * past.imports[t * n + ix.importItems[k]];
          s += v;
          g += Math.abs(v);
        }
      }
      use[t * nR + r] = s;
      available[t * nR + r] = ix.baseAvailable[t * nR + r];
      gross[t * nR + r] = g + Math.abs(ix.baseAvailable[t * nR + r]);
    }
  }
  c.model.techniques.forEach((tech, j) => {
    if (tech.build === undefined) return;
    const lag = tech.lag ?? 1;
    for (const [rid, amount] of Object.entries(tech.build)) {
      const r = c.resources.index.get(rid);
      if (r === undefined) continue;
      for (let t = lag; t < from; t++) {
        for (let tau = 0; tau + lag <= t; tau++) {
          const v = amount * past.activity[tau * nT + j];
          available[t * nR + r] += v;
          gross[t * nR + r] += Math.abs(v);
        }
      }
    }
  });
  return { use, available, gross };
}
