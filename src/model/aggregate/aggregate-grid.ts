import { inputError, type Issue } from '../errors.js';
import type { Region } from '../types.js';
import { concordanceCoverage, throwIssues, type Concordance } from './concordance.js';
import type { IoModel } from './io-model.js';

/** Where one old code (region, sector or product) goes: new indices with the share each takes. */
export type Shares = readonly { readonly to: number; readonly weight: number }[];

/** The regions and products of the aggregate, and how the old ones map onto them. */
export interface AggregateGrid {
  readonly regions: readonly Region[];
  /** Per old region id: its shares of the new regions. */
  readonly regionShares: ReadonlyMap<string, Shares>;
  /** Per new product: id, region ('' none), sector. */
  readonly products: readonly { readonly id: string; readonly region: string; readonly sector: string }[];
  /** Per old product: its shares of the new products. */
  readonly productShares: readonly Shares[];
  /** Per new product: how many old products go into it. */
  readonly contributors: Int32Array;
}

/** Maps of an aggregation: absent maps leave their codes as they are. */
export interface AggregateMaps {
  readonly regions?: Concordance;
  readonly sectors?: Concordance;
}

/**
 * The grid of the aggregate: new regions in the order the model's regions reach them, new
 * products (region, sector) in the order the model's products reach them, each with id
 * `region/sector` when the aggregate has products in several regions, else `sector` (as importers
 * name products). A new region keeps the name of a region that alone goes wholly into it, and the
 * population of what goes into it (shares of it, when a region is split) when every part has one.
 * Both maps are checked against the model first: every issue of both (codes the model has not,
 * codes the map lacks) is reported at once.
 */
export function aggregateGrid(io: IoModel, maps: AggregateMaps, source: string): AggregateGrid {
  const economy = io.economy;
  const sectorCodes = [...new Set(io.sector)];
  const issues: Issue[] = [];
  if (maps.regions !== undefined) {
    const unlocated = io.region.indexOf('');
    if (unlocated >= 0) {
      throw inputError('cannot-aggregate', `product ${JSON.stringify(economy.products[unlocated].id)} is in no region, so a region map cannot place it`, { file: source, path: ['products', unlocated] }, economy.products[unlocated].id);
    }
    issues.push(...concordanceCoverage(maps.regions, economy.regions.map((r) => r.id), 'region'));
  }
  if (maps.sectors !== undefined) issues.push(...concordanceCoverage(maps.sectors, sectorCodes, 'sector'));
  throwIssues(issues);

  const regionIds: string[] = [];
  const regionAt = new Map<string, number>();
  const regionShares = new Map<string, Shares>();
  const contributorsOf: { region: Region; weight: number }[][] = [];
  const regionIndex = (id: string): number => {
    let k = regionAt.get(id);
    if (k === undefined) {
      k = regionIds.length;
      regionIds.push(id);
      regionAt.set(id, k);
      contributorsOf.push([]);
    }
    return k;
  };
  for (const r of economy.regions) {
    const rows = maps.regions?.byCode.get(r.id) ?? [{ to: r.id, weight: 1 }];
    const shares = rows.map((row) => ({ to: regionIndex(row.to), weight: row.weight }));
    shares.forEach((s) => contributorsOf[s.to].push({ region: r, weight: s.weight }));
    regionShares.set(r.id, shares);
  }
  const regions: Region[] = regionIds.map((id, k) => {
    const parts = contributorsOf[k];
    const only = parts.length === 1 && parts[0].weight === 1 ? parts[0].region : undefined;
    const pops = parts.map((p) => (p.region.population === undefined ? undefined : p.region.population * p.weight));
    const population = pops.every((v) => v !== undefined) ? pops.reduce<number>((a, v) => a + (v ?? 0), 0) : undefined;
    return { id, ...(only?.name === undefined ? {} : { name: only.name }), ...(population === undefined || parts.length === 0 ? {} : { population }) };
  });

  const sectorShares = (code: string): readonly { to: string; weight: number }[] => maps.sectors?.byCode.get(code) ?? [{ to: code, weight: 1 }];
  const keys: { region: string; sector: string }[] = [];
  const keyAt = new Map<string, number>();
  const productShares: Shares[] = io.sector.map((s, p) => {
    const from = io.region[p];
    const rs = from === '' ? [{ to: -1, weight: 1 }] : (regionShares.get(from) ?? []);
    const out: { to: number; weight: number }[] = [];
    for (const r of rs) {
      for (const sec of sectorShares(s)) {
        const region = r.to < 0 ? '' : regionIds[r.to];
        const key = `${region}\u0000${sec.to}`;
        let k = keyAt.get(key);
        if (k === undefined) {
          k = keys.length;
          keys.push({ region, sector: sec.to });
          keyAt.set(key, k);
        }
        out.push({ to: k, weight: r.weight * sec.weight });
      }
    }
    return out;
  });
  const several = new Set(keys.map((k) => k.region).filter((r) => r !== '')).size > 1;
  const products = keys.map((k) => ({ id: several && k.region !== '' ? `${k.region}/${k.sector}` : k.sector, region: k.region, sector: k.sector }));
  const seen = new Map<string, number>();
  products.forEach((p, k) => {
    const first = seen.get(p.id);
    if (first !== undefined) {
      throw inputError('cannot-aggregate', `two products of the aggregate would have the id ${JSON.stringify(p.id)} (regions ${JSON.stringify(products[first].region)} and ${JSON.stringify(p.region)})`, { file: source, path: ['products'] }, p.id);
    }
    seen.set(p.id, k);
  });
  const contributors = new Int32Array(products.length);
  for (const shares of productShares) for (const s of shares) contributors[s.to]++;
  return { regions, regionShares, products, productShares, contributors };
}
