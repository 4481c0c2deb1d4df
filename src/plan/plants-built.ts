import type { CompiledEconomy } from '../compile/types.js';
import { recordColumns } from '../model/column-records.js';
import type { PlanIndex, PlantBuilt } from './plan-types.js';

export type { PlantBuilt } from './plan-types.js';

/** Activity below this counts as not run (a plant not built). */
const RUN = 1e-9;

/** Whether technique j of the model takes a whole-plant decision (whole, min_lot or fixed_cost). */
export function isPlantTechnique(c: CompiledEconomy, j: number): boolean {
  const t = c.model.techniques[j];
  return t.whole === true || t.minLot !== undefined || t.fixedCost !== undefined;
}

/** Whether the model has a whole-plant decision anywhere. */
export function hasPlantDecisions(c: CompiledEconomy): boolean {
  // Techniques kept as columns (model/column-records.ts) hold no whole-plant field.
  if (recordColumns(c.model.techniques) !== undefined) return false;
  return c.model.techniques.some((_, j) => isPlantTechnique(c, j));
}

/**
 * The whole-plant decisions a plan takes, period by period: for every technique with whole units,
 * a minimum lot or a fixed cost that runs in a period, how many units, what they build and when
 * it comes on line. `activity` is per technique and period (period-major).
 */
export function plantsBuilt(c: CompiledEconomy, ix: PlanIndex, activity: Float64Array): PlantBuilt[] {
  const out: PlantBuilt[] = [];
  const nT = ix.techniques;
  const plants = hasPlantDecisions(c) ? c.model.techniques.map((_, j) => j).filter((j) => isPlantTechnique(c, j)) : [];
  for (let t = 0; t < ix.periods; t++) {
    for (const j of plants) {
      const tech = c.model.techniques[j];
      const a = activity[t * nT + j];
      if (!(a > RUN)) continue;
      const units = tech.whole === true ? Math.round(a) : a;
      const builds: Record<string, number> = {};
      for (const [rid, amount] of Object.entries(tech.build ?? {})) if (amount !== 0) builds[rid] = amount * units;
      const on = t + (tech.lag ?? 1);
      const kind = [tech.whole === true ? 'whole units' : '', tech.minLot !== undefined ? `minimum lot ${tech.minLot}` : '', tech.fixedCost !== undefined ? 'fixed cost' : ''].filter((s) => s !== '').join(', ');
      out.push({
        technique: tech.id,
        ...(tech.name === undefined ? {} : { name: tech.name }),
        period: c.periods.ids[t] ?? String(t + 1),
        units,
        builds,
        onLine: Object.keys(builds).length === 0 || on >= ix.periods ? null : (c.periods.ids[on] ?? String(on + 1)),
        kind,
      });
    }
  }
  return out;
}
