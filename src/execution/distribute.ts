import { InputError } from '../model/errors.js';
import type { Issue } from '../model/errors.js';

/** A region's claim on a consumer good. */
export interface DistributionRegion {
  readonly region: string;
  /** People. */
  readonly population: number;
  /** Per-capita norm, in the good's unit per person. */
  readonly norm: number;
  /** Priority tier (1 = served first). */
  readonly tier: number;
  /** What the region still needs (default norm × population); less when it has supplies of its own. */
  readonly need?: number;
}

export interface Allocation {
  readonly region: string;
  readonly tier: number;
  readonly need: number;
  readonly allocated: number;
  /** allocated ÷ need (1 when the need is 0). */
  readonly fraction: number;
}

export interface Distribution {
  readonly supply: number;
  readonly need: number;
  readonly allocated: number;
  /** Supply beyond every region's need. */
  readonly left: number;
  /** In the order of the regions given. */
  readonly allocations: readonly Allocation[];
}

/**
 * Divides a supply among regions by norms and priority tiers. Tiers are served in order, each as
 * far as the supply goes; within a tier the supply is shared in proportion to norm × population,
 * and a region whose need is met drops out and leaves the rest to the others of its tier
 * (water-filling). So no region gets more than its need, a tier gets nothing until every better
 * tier is served in full, and Σ allocated = min(supply, Σ need). Exact arithmetic apart from
 * rounding; bad numbers throw InputError naming the region's place (`regions[k].norm`) and value.
 */
export function distribute(supply: number, regions: readonly DistributionRegion[]): Distribution {
  const issues: Issue[] = [];
  if (!(Number.isFinite(supply) && supply >= 0)) issues.push({ code: 'invalid-amount', message: 'the supply must be a finite number ≥ 0', location: { path: ['supply'] }, value: supply });
  regions.forEach((r, k) => {
    for (const field of ['population', 'norm', 'need'] as const) {
      const v = r[field];
      if (v === undefined) continue;
      if (!(typeof v === 'number' && Number.isFinite(v) && v >= 0)) issues.push({ code: 'invalid-amount', message: `${field} of region "${r.region}" must be a finite number ≥ 0`, location: { path: ['regions', k, field] }, value: v });
    }
    if (!Number.isInteger(r.tier)) issues.push({ code: 'invalid-tier', message: `tier of region "${r.region}" must be a whole number`, location: { path: ['regions', k, 'tier'] }, value: r.tier });
  });
  if (issues.length > 0) throw new InputError(issues);

  const m = regions.length;
  const weight = new Float64Array(m);
  const need = new Float64Array(m);
  const given = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    weight[k] = regions[k].norm * regions[k].population;
    need[k] = regions[k].need ?? weight[k];
  }
  const tiers = [...new Set(regions.map((r) => r.tier))].sort((a, b) => a - b);
  let remaining = supply;
  for (const tier of tiers) {
    if (!(remaining > 0)) break;
    let active: number[] = [];
    for (let k = 0; k < m; k++) if (regions[k].tier === tier && need[k] > 0) active.push(k);
    let tierNeed = 0;
    for (const k of active) tierNeed += need[k];
    if (tierNeed <= remaining) {
      for (const k of active) given[k] = need[k];
      remaining -= tierNeed;
      continue;
    }
    // Short: water-fill by weight (by need in a tier whose norms are all 0).
    let tierWeight = 0;
    for (const k of active) tierWeight += weight[k];
    if (!(tierWeight > 0)) for (const k of active) weight[k] = need[k];
    for (;;) {
      let w = 0;
      for (const k of active) w += weight[k];
      if (active.length === 0) break;
      if (!(w > 0)) {
        // Only regions with norm 0 but an explicit need are left: share the rest by need.
        for (const k of active) weight[k] = need[k];
        continue;
      }
      const level = remaining / w;
      const full = active.filter((k) => weight[k] * level >= need[k]);
      if (full.length === 0) {
        for (const k of active) given[k] = weight[k] * level;
        break;
      }
      for (const k of full) {
        given[k] = need[k];
        remaining -= need[k];
      }
      active = active.filter((k) => weight[k] * level < need[k]);
    }
    break; // this tier took the rest of the supply

  }
  let totalNeed = 0;
  let allocated = 0;
  for (let k = 0; k < m; k++) {
    totalNeed += need[k];
    allocated += given[k];
  }
  return {
    supply,
    need: totalNeed,
    allocated,
    left: Math.max(0, supply - allocated),
    allocations: regions.map((r, k) => ({ region: r.region, tier: r.tier, need: need[k], allocated: given[k], fraction: need[k] > 0 ? given[k] / need[k] : 1 })),
  };
}
