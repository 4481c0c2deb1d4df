import { luFactor, type LuFactors } from '../../sparse/lu-factor.js';
import { luSolve } from '../../sparse/lu-solve.js';
import { luSolveTransposed } from '../../sparse/lu-solve-transposed.js';

/**
 * The supply matrix S (p products × m industries) cut into its independent square blocks, each
 * LU-factored: the connected components of the graph whose edges are S's non-zeros. A
 * multi-regional supply table falls apart into its regions (GLORIA's into single product–industry
 * pairs), a national one into groups of industries that share products. Solves with S or Sᵀ then
 * cost one dense LU per block: blocks of up to a few thousand rows (n² doubles each: 3,000 →
 * 72 MB, about 2·10¹⁰ flops), any number of them.
 */
export interface SupplyBlocks {
  readonly blocks: readonly SupplyBlock[];
}

export interface SupplyBlock {
  /** Product indices of the block, ascending. */
  readonly products: Int32Array;
  /** Industry indices of the block, ascending (as many as products). */
  readonly industries: Int32Array;
  readonly factors: LuFactors;
}

export type SupplyBlocksResult =
  | { readonly status: 'ok'; readonly value: SupplyBlocks }
  | { readonly status: 'not-square'; readonly products: readonly number[]; readonly industries: readonly number[] }
  | { readonly status: 'singular'; readonly products: readonly number[]; readonly industries: readonly number[] };

/** Splits S into connected square blocks and factors each; a block that is not square or is singular is reported. */
export function supplyBlocks(p: number, m: number, S: Float64Array): SupplyBlocksResult {
  // Union–find over products 0..p-1 and industries p..p+m-1.
  const parent = new Int32Array(p + m);
  for (let k = 0; k < p + m; k++) parent[k] = k;
  const find = (k: number): number => {
    let r = k;
    while (parent[r] !== r) r = parent[r];
    while (parent[k] !== r) {
      const next = parent[k];
      parent[k] = r;
      k = next;
    }
    return r;
  };
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < m; j++) {
      if (S[i * m + j] !== 0) {
        const a = find(i);
        const b = find(p + j);
        if (a !== b) parent[a] = b;
      }
    }
  }
  const groups = new Map<number, { products: number[]; industries: number[] }>();
  for (let k = 0; k < p + m; k++) {
    const root = find(k);
    let g = groups.get(root);
    if (g === undefined) {
      g = { products: [], industries: [] };
      groups.set(root, g);
    }
    if (k < p) g.products.push(k);
    else g.industries.push(k - p);
  }
  const blocks: SupplyBlock[] = [];
  for (const g of groups.values()) {
    if (g.products.length !== g.industries.length) return { status: 'not-square', ...g };
    const n = g.products.length;
    const a = new Float64Array(n * n);
    for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) a[r * n + c] = S[g.products[r] * m + g.industries[c]];
    const f = luFactor(n, a);
    if (f.status === 'singular') return { status: 'singular', ...g };
    blocks.push({ products: Int32Array.from(g.products), industries: Int32Array.from(g.industries), factors: f });
  }
  return { status: 'ok', value: { blocks } };
}

/**
 * Row solves x S = b for each row b (length m, by industry) of `rows` (r × m): x (length p, by
 * product) is b S⁻¹. Returns r × p and the largest relative residual ‖x S − b‖∞ / ‖b‖∞.
 */
export function rightDivide(blocks: SupplyBlocks, S: Float64Array, p: number, m: number, rows: Float64Array, r: number): { values: Float64Array; residual: number } {
  const out = new Float64Array(r * p);
  let residual = 0;
  for (const b of blocks.blocks) {
    const n = b.products.length;
    const rhs = new Float64Array(n);
    for (let i = 0; i < r; i++) {
      let any = false;
      for (let c = 0; c < n; c++) {
        rhs[c] = rows[i * m + b.industries[c]];
        if (rhs[c] !== 0) any = true;
      }
      if (!any) continue;
      // x S_b = rhs  ⇔  S_bᵀ xᵀ = rhsᵀ
      const x = luSolveTransposed(b.factors, rhs);
      for (let c = 0; c < n; c++) out[i * p + b.products[c]] = x[c];
      residual = Math.max(residual, blockResidual(n, rhs, (c) => {
        let s = 0;
        for (let k = 0; k < n; k++) s += x[k] * S[b.products[k] * m + b.industries[c]];
        return s;
      }));
    }
  }
  return { values: out, residual };
}

/**
 * Column solves S y = b for each column b (length p, by product) of `cols` (p × k): y (length m,
 * by industry) is S⁻¹ b. Returns m × k and the largest relative residual.
 */
export function leftDivide(blocks: SupplyBlocks, S: Float64Array, m: number, cols: Float64Array, k: number): { values: Float64Array; residual: number } {
  const out = new Float64Array(m * k);
  let residual = 0;
  for (const b of blocks.blocks) {
    const n = b.products.length;
    const rhs = new Float64Array(n);
    for (let c = 0; c < k; c++) {
      let any = false;
      for (let r = 0; r < n; r++) {
        rhs[r] = cols[b.products[r] * k + c];
        if (rhs[r] !== 0) any = true;
      }
      if (!any) continue;
      const y = luSolve(b.factors, rhs);
      for (let r = 0; r < n; r++) out[b.industries[r] * k + c] = y[r];
      residual = Math.max(residual, blockResidual(n, rhs, (r) => {
        let s = 0;
        for (let t = 0; t < n; t++) s += S[b.products[r] * m + b.industries[t]] * y[t];
        return s;
      }));
    }
  }
  return { values: out, residual };
}

function blockResidual(n: number, rhs: Float64Array, product: (c: number) => number): number {
  let err = 0;
  let size = 0;
  for (let c = 0; c < n; c++) {
    err = Math.max(err, Math.abs(product(c) - rhs[c]));
    size = Math.max(size, Math.abs(rhs[c]));
  }
  return size === 0 ? 0 : err / size;
}
