import type { Issue, Location } from '../model/errors.js';
import { parseProductRef } from '../model/product-ref.js';
import { didYouMean } from '../model/suggest.js';
import type { CompiledEconomy } from './types.js';

/**
 * The item a plan key names: an item id (`grain`, `grain@ukraine`), or a product id whose product
 * has exactly one item. Returns the item index, or an issue explaining why there is none.
 */
export function resolveItem(c: CompiledEconomy, key: string, location: Location): number | Issue {
  const direct = c.items.index.get(key);
  if (direct !== undefined) return direct;
  const ref = parseProductRef(key);
  const p = c.products.index.get(ref.product);
  if (p === undefined) {
    return { code: 'unknown-id', message: `unknown product "${ref.product}"${didYouMean(ref.product, c.products.ids)}`, location, value: key };
  }
  const candidates: number[] = [];
  for (let i = 0; i < c.itemProduct.length; i++) {
    if (c.itemProduct[i] !== p) continue;
    const r = c.itemRegion[i];
    if (ref.region === undefined || (r >= 0 && c.regions.ids[r] === ref.region)) candidates.push(i);
  }
  if (candidates.length === 1) return candidates[0];
  if (candidates.length === 0) {
    return {
      code: 'unknown-item',
      message: `no technique, target or trade uses "${key}", so it has no balance`,
      location,
      value: key,
    };
  }
  return {
    code: 'ambiguous-item',
    message: `"${key}" is made in several regions; name one: ${candidates.map((i) => c.items.ids[i]).join(', ')}`,
    location,
    value: key,
  };
}
