import type { RegionalFootprints } from './footprints-by-region.js';

/** Footprints per person (pymrio's D_cba_cap): each region's footprint over its population. */
export interface FootprintsPerCapita {
  /** The regions with a population above zero, in the footprints' order. */
  readonly regions: readonly string[];
  readonly population: readonly number[];
  /** Per resource row: the footprint per person of each of those regions. */
  readonly rows: readonly (readonly number[])[];
}

/**
 * Footprints per capita: the footprint of each region's final demand divided by the region's
 * population. Regions without a population (or with none), 'unassigned' and 'all' are left out;
 * undefined when no region is left.
 */
export function footprintsPerCapita(f: RegionalFootprints, population: (region: string) => number | undefined): FootprintsPerCapita | undefined {
  const keep = f.regions.flatMap((region, g) => {
    const p = population(region);
    return p !== undefined && p > 0 ? [{ region, g, p }] : [];
  });
  if (keep.length === 0) return undefined;
  return {
    regions: keep.map((k) => k.region),
    population: keep.map((k) => k.p),
    rows: f.rows.map((row) => keep.map((k) => row[k.g] / k.p)),
  };
}
