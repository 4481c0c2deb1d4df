import type { CompiledEconomy } from './types.js';

/** Trade terms per item (NaN where a price is absent, Infinity where a cap is absent). */
export interface ItemTrade {
  readonly exportPrice: Float64Array;
  readonly importPrice: Float64Array;
  readonly maxExport: Float64Array;
  readonly maxImport: Float64Array;
}

/**
 * The model's trade terms per item. Terms may name a product (all its items) or one item
 * (`grain@ukraine`); an item's own terms win, as in the balance check.
 */
export function tradeByItem(c: CompiledEconomy): ItemTrade {
  const n = c.items.ids.length;
  const exportPrice = new Float64Array(n).fill(NaN);
  const importPrice = new Float64Array(n).fill(NaN);
  const maxExport = new Float64Array(n).fill(Infinity);
  const maxImport = new Float64Array(n).fill(Infinity);
  const own = new Uint8Array(n);
  for (const t of c.model.trade) {
    const p = c.products.index.get(t.product);
    const item = p === undefined ? c.items.index.get(t.product) : undefined;
    for (let i = 0; i < n; i++) {
      if (item !== undefined ? i !== item : c.itemProduct[i] !== p || own[i] === 1) continue;
      exportPrice[i] = t.exportPrice ?? NaN;
      importPrice[i] = t.importPrice ?? NaN;
      maxExport[i] = t.maxExport ?? Infinity;
      maxImport[i] = t.maxImport ?? Infinity;
      if (item !== undefined) own[i] = 1;
    }
  }
  return { exportPrice, importPrice, maxExport, maxImport };
}
