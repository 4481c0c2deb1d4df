import { inputError, type Location } from '../../errors.js';
import { checkModelId } from '../model-id.js';

/** A label of a multi-regional table split into its region and its code (sector or category). */
export interface RegionCode {
  readonly region: string;
  readonly code: string;
}

/** Regions and sectors of a table, region-major: product r · sectors + s. */
export interface ProductGrid {
  readonly regions: readonly string[];
  readonly sectors: readonly string[];
  /** Product of each label given (its index in the grid). */
  readonly productOf: Int32Array;
  /** Product by region and code (`region\u0000code`). */
  readonly byKey: ReadonlyMap<string, number>;
}

export const gridKey = (region: string, code: string): string => `${region}\u0000${code}`;

/**
 * The product grid of the labels of a table's industry (or product) columns: regions in the order
 * they first appear, sectors in the order of the first region. Every region must have every sector
 * once (a missing or repeated one is an InputError at `place(j)`); labels of regions that `merge`
 * maps to another (CN1 → CHN) fall on that region's products, which then sum them.
 */
export function productGrid(labels: readonly RegionCode[], place: (j: number) => Location, merge: (region: string) => string = (r) => r): ProductGrid {
  const regions: string[] = [];
  const sectors: string[] = [];
  const sectorSet = new Set<string>();
  const first = labels.length > 0 ? merge(labels[0].region) : '';
  for (let j = 0; j < labels.length; j++) {
    const region = merge(labels[j].region);
    checkModelId(region, 'a region code', place(j));
    checkModelId(labels[j].code, 'a sector code', place(j));
    if (!regions.includes(region)) regions.push(region);
    if (region === first && !sectorSet.has(labels[j].code)) {
      sectorSet.add(labels[j].code);
      sectors.push(labels[j].code);
    }
  }
  const S = sectors.length;
  const sectorIndex = new Map(sectors.map((s, k) => [s, k]));
  const byKey = new Map<string, number>();
  for (let r = 0; r < regions.length; r++) for (let s = 0; s < S; s++) byKey.set(gridKey(regions[r], sectors[s]), r * S + s);
  const productOf = new Int32Array(labels.length);
  // Each original region (before merging) must list every sector exactly once.
  const seen = new Map<string, Set<string>>();
  for (let j = 0; j < labels.length; j++) {
    const { region: raw, code } = labels[j];
    const s = sectorIndex.get(code);
    if (s === undefined) throw inputError('unknown-sector', `sector ${JSON.stringify(code)} is not a sector of the first region ${first} (${sectors.slice(0, 8).join(', ')}${S > 8 ? ', …' : ''})`, place(j), code);
    const got = seen.get(raw) ?? new Set<string>();
    if (got.has(code)) throw inputError('duplicate-label', `${raw}_${code} appears twice`, place(j), `${raw}_${code}`);
    got.add(code);
    seen.set(raw, got);
    productOf[j] = regions.indexOf(merge(raw)) * S + s;
  }
  for (const [raw, got] of seen) {
    if (got.size !== S) {
      const missing = sectors.find((s) => !got.has(s)) ?? '';
      const last = labels.map((l) => l.region).lastIndexOf(raw);
      throw inputError('missing-sector', `region ${raw} lacks sector ${missing}: every region must have the ${S} sectors of ${first}`, place(last), missing);
    }
  }
  return { regions, sectors, productOf, byKey };
}

/**
 * Final-demand columns on the grid's regions: categories in the order they first appear, column
 * r · categories + c. A column of a region the grid does not have is an InputError at `place(j)`.
 */
export function categoryColumns(labels: readonly RegionCode[], regions: readonly string[], place: (j: number) => Location, merge: (region: string) => string = (r) => r): { categories: string[]; columnOf: Int32Array } {
  const categories: string[] = [];
  for (const l of labels) if (!categories.includes(l.code)) categories.push(l.code);
  const columnOf = new Int32Array(labels.length);
  for (let j = 0; j < labels.length; j++) {
    checkModelId(labels[j].code, 'a final-demand category', place(j));
    const r = regions.indexOf(merge(labels[j].region));
    if (r < 0) throw inputError('unknown-region', `final demand of ${labels[j].region}, which has no industries in the table (regions: ${regions.slice(0, 10).join(', ')}${regions.length > 10 ? ', …' : ''})`, place(j), labels[j].region);
    columnOf[j] = r * categories.length + categories.indexOf(labels[j].code);
  }
  return { categories, columnOf };
}
