import { outputs } from './symmetric-from-sut.js';
import type { SupplyUseTables } from './types.js';

/** A product whose use differs from its supply, or an industry whose inputs differ from its output. */
export interface SupplyUseImbalance {
  readonly kind: 'product' | 'industry';
  /** Index of the product or industry. */
  readonly index: number;
  /** Output: q_i (product) or g_j (industry), from the supply table. */
  readonly supply: number;
  /** Use: row sum of use and final use (product), or column sum of use and value added (industry). */
  readonly use: number;
}

/**
 * The two identities of supply and use tables, checked: for each product, intermediate plus
 * final use (imports as negative final use) equals output, U·1 + Y·1 = q; for each industry,
 * intermediate inputs plus value added equal output, 1ᵀU + 1ᵀW = g. Entries differing by more
 * than `relative` × max(|supply|, |use|, `floor`) are returned, largest first (the models keep
 * the identities only where the tables have them).
 */
export function supplyUseImbalances(t: SupplyUseTables, relative: number, floor = 1): SupplyUseImbalance[] {
  const p = t.products.length;
  const m = t.industries.length;
  const k = t.categories.length;
  const { q, g } = outputs(t);
  const out: (SupplyUseImbalance & { gap: number })[] = [];
  const check = (kind: 'product' | 'industry', index: number, supply: number, use: number): void => {
    const gap = Math.abs(supply - use);
    if (gap > relative * Math.max(Math.abs(supply), Math.abs(use), floor)) out.push({ kind, index, supply, use, gap });
  };
  for (let i = 0; i < p; i++) {
    let use = 0;
    for (let j = 0; j < m; j++) use += t.use[i * m + j];
    for (let c = 0; c < k; c++) use += t.finalUse[i * k + c];
    check('product', i, q[i], use);
  }
  const inputs = new Float64Array(m);
  for (let i = 0; i < p; i++) for (let j = 0; j < m; j++) inputs[j] += t.use[i * m + j];
  for (const b of t.rowBlocks) {
    if (!b.valueAdded) continue;
    for (let r = 0; r < b.rows.length; r++) for (let j = 0; j < m; j++) inputs[j] += b.values[r * m + j];
  }
  for (let j = 0; j < m; j++) check('industry', j, g[j], inputs[j]);
  out.sort((a, b) => b.gap - a.gap);
  return out.map(({ kind, index, supply, use }) => ({ kind, index, supply, use }));
}
