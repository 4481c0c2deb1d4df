import type { CompiledEconomy } from '../../src/compile/index.js';
import type { ExecutionPlan } from '../../src/execution/index.js';

/**
 * A balanced plan of the small economy, the same in both periods: bread 90 t in the south and
 * 40 t in the north; the north farm grows 80 t (50 for its bakery, 30 sent south), the south
 * farm 82.5 t; the railway hauls 60 t-km.
 */
export function smallPlan(c: CompiledEconomy): ExecutionPlan {
  const perPeriod: Record<string, number> = { farm_north: 80, farm_south: 82.5, bakery_north: 40, bakery_south: 90, haulage: 60, rail_grain_north_to_south: 30 };
  const nT = c.techniques.ids.length;
  const activity = new Float64Array(2 * nT);
  for (let t = 0; t < 2; t++) for (const [id, a] of Object.entries(perPeriod)) activity[t * nT + (c.techniques.index.get(id) ?? -1)] = a;
  return {
    activity,
    deliveries: [
      { target: 0, period: 0, amount: 90 },
      { target: 1, period: 0, amount: 40 },
      { target: 0, period: 1, amount: 90 },
      { target: 1, period: 1, amount: 40 },
    ],
  };
}
