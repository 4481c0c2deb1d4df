import type { CompiledEconomy } from '../compile/types.js';
import type { CoefficientMultipliersResult } from './coefficient-multipliers.js';
import { sumOverflow } from './sum-overflow.js';

/** Consumption-based footprints per region of final demand (pymrio's D_cba_reg). */
export interface RegionalFootprints {
  /** Regions of final demand: the model's, then 'unassigned' (only when something falls there); or 'all'. */
  readonly regions: readonly string[];
  /** Per resource row (the multipliers' order): the footprint of each region's final demand. */
  readonly rows: readonly (readonly number[])[];
}

/**
 * Footprints of final demand by region: for each resource row with multipliers m (per unit of
 * final demand), Σ_i m_i y_i over the final demand y of each region (the period's targets by
 * their region, targets without one in 'unassigned'), plus final demand's own direct use of the
 * resource (the model's direct uses). With `demand` (a demand file) there is one column, 'all',
 * for the whole of it and no direct use. A footprint beyond the magnitude rule (1e30) is an
 * InputError naming the resource and the region.
 */
export function footprintsByRegion(c: CompiledEconomy, m: CoefficientMultipliersResult, period: number, demand?: Float64Array): RegionalFootprints {
  const fromFile = demand !== undefined;
  const regions = fromFile || c.regions.ids.length === 0 ? ['all'] : [...c.regions.ids, 'unassigned'];
  const perRegion: Float64Array[] = regions.map(() => new Float64Array(c.items.ids.length));
  const t = c.targets;
  if (demand !== undefined) perRegion[0].set(demand);
  else {
    for (let k = 0; k < t.item.length; k++) {
      if (t.period[k] >= 0 && t.period[k] !== period) continue;
      const g = regions.length === 1 ? 0 : t.region[k] >= 0 ? t.region[k] : regions.length - 1;
      perRegion[g][t.item[k]] += t.amount[k];
    }
  }
  const values = m.names.map((_, r) =>
    perRegion.map((yr) => {
      let s = 0;
      const mr = m.multipliers[r];
      for (let i = 0; i < yr.length; i++) if (yr[i] !== 0) s += mr[i] * yr[i];
      return s;
    }),
  );
  if (!fromFile) {
    // Final demand's direct use, in one pass (each entry added where it belongs, in the entries' order).
    const d = c.directUse;
    for (let k = 0; k < d.resource.length; k++) {
      const row = values[d.resource[k]] as number[] | undefined;
      if (row === undefined) continue;
      row[regions.length === 1 ? 0 : d.region[k] >= 0 ? d.region[k] : regions.length - 1] += d.amount[k];
    }
  }
  sumOverflow(m.names.flatMap((name, r) => regions.map((region, g): [string, number] => [`the footprint of ${region}'s final demand in ${name}`, values[r][g]])));
  const keep = regions.map((_, g) => g).filter((g) => regions[g] !== 'unassigned' || values.some((row) => row[g] !== 0));
  return { regions: keep.map((g) => regions[g]), rows: values.map((row) => keep.map((g) => row[g])) };
}
