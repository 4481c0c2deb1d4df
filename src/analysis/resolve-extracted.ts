import type { CompiledEconomy } from '../compile/index.js';
import { inputError } from '../model/errors.js';

/**
 * The items a list of sector names stands for. A name is an item id (`bread@ukraine`,
 * `reg1/food`), a product id (every region's item of it: `bread`), or, in an imported table whose
 * ids are `region/sector`, a sector (every region's: `food`). A name that is none of these is an
 * error naming the option, the place in the list and the value.
 */
export function itemsOfSectors(c: CompiledEconomy, names: readonly string[], option: string): number[] {
  const out = new Set<number>();
  const ids = c.items.ids;
  names.forEach((name, k) => {
    const item = c.items.index.get(name);
    if (item !== undefined) {
      out.add(item);
      return;
    }
    const product = c.products.index.get(name);
    const found = ids.flatMap((id, i) => ((product !== undefined ? c.itemProduct[i] === product : id.slice(id.lastIndexOf('/') + 1) === name && id.includes('/')) ? [i] : []));
    if (found.length === 0) {
      const some = ids.slice(0, 8).join(', ') + (ids.length > 8 ? ', …' : '');
      throw inputError('unknown-id', `${option}: no item, product or sector is called ${JSON.stringify(name)} (items: ${some})`, { path: [option, k] }, name);
    }
    for (const i of found) out.add(i);
  });
  return [...out].sort((a, b) => a - b);
}

/** The items of a list of regions (every item located in one of them); an unknown region is a located error. */
export function itemsOfRegions(c: CompiledEconomy, names: readonly string[], option: string): number[] {
  const regions = names.map((name, k) => {
    const r = c.regions.index.get(name);
    if (r === undefined) throw inputError('unknown-id', `${option}: no region is called ${JSON.stringify(name)} (regions: ${c.regions.ids.join(', ') || 'none'})`, { path: [option, k] }, name);
    return r;
  });
  const set = new Set(regions);
  const out: number[] = [];
  for (let i = 0; i < c.items.ids.length; i++) if (set.has(c.itemRegion[i])) out.push(i);
  return out;
}
