import type { CsrMatrix } from '../../sparse/csr.js';
import type { SupplyUseTables, SutModel, SutRefusal, SutRowBlock, SymmetricTable } from './types.js';

/**
 * Supply and use tables held sparse, for multi-regional systems of 10⁴–10⁵ products (GLORIA: 164
 * regions × 120 sectors) whose dense p × m tables would take gigabytes each: SupplyUseTables with
 * supply and use as sparse matrices. Final use and the row blocks stay dense (p × k and r × m are
 * small beside p × m).
 */
export interface SparseSupplyUse extends Omit<SupplyUseTables, 'supply' | 'use'> {
  /** The supply table by product: p × m, s_ij, product i made by industry j. */
  readonly supply: CsrMatrix;
  /** The use table by industry: m × p, row j holding column j of use (u_ij, product i used by industry j). */
  readonly useByIndustry: CsrMatrix;
}

/** A symmetric table made of sparse supply and use tables: its flows by column. */
export interface SparseSymmetricTable extends Omit<SymmetricTable, 'Z' | 'negatives' | 'resolution' | 'residual'> {
  /** The flows by column: n × n, row j holding column j of Z (the inputs of j: row indices i, values z_ij), ascending. */
  readonly zByColumn: CsrMatrix;
}

export type SparseSymmetricResult = ({ readonly status: 'ok' } & SparseSymmetricTable) | SutRefusal;

/**
 * The four models of symmetricFromSut (Eurostat's Manual, ch. 11; the formulas are documented
 * there) on sparse tables, with the same results:
 *
 * - B (industry technology) and D (fixed product sales structure) need no inverse: each column of
 *   Z is a sum of columns of U weighted by the supply table's shares, made in one pass over U's
 *   non-zeros and S's (a dense accumulator of one column at a time: memory of the result, not of
 *   p × m);
 * - A (product technology) and C (fixed industry sales structure) need S⁻¹. Here they are made only
 *   when every product is made by exactly one industry and every industry makes exactly one product
 *   (S is a permuted diagonal, as GLORIA's is): then A's Z is U with its columns taken in the order
 *   of the products' industries, and C's Z is U with its rows so taken — exact, no solve. Any other
 *   supply table is refused for A and C, with the way out (B or D, or symmetricFromSut on dense
 *   tables of a size that allows them).
 *
 * Negative flows are not looked for: with non-negative supply and use (what an importer checks)
 * none of B, D and the permuted A and C can make one.
 */
export function sparseSymmetricFromSut(t: SparseSupplyUse, model: SutModel): SparseSymmetricResult {
  const p = t.products.length;
  const m = t.industries.length;
  const S = t.supply;
  const q = new Float64Array(p);
  const g = new Float64Array(m);
  for (let i = 0; i < p; i++) {
    for (let e = S.rowPtr[i]; e < S.rowPtr[i + 1]; e++) {
      q[i] += S.values[e];
      g[S.colIdx[e]] += S.values[e];
    }
  }
  switch (model) {
    case 'B':
      return { status: 'ok', ...industryTechnology(t, q, g) };
    case 'D':
      return { status: 'ok', ...productSales(t, q, g) };
    case 'A':
    case 'C': {
      const industryOf = matching(t);
      if (typeof industryOf === 'string') {
        const what = model === 'A' ? 'model A (product technology)' : 'model C (fixed industry sales structure)';
        const way = model === 'A' ? 'model B (industry technology)' : 'model D (fixed product sales structure)';
        return { status: 'refused', code: 'not-square', message: `${what} on a table this size is made only when each industry makes exactly one product and each product is made by one industry: ${industryOf}; use ${way}` };
      }
      return { status: 'ok', ...(model === 'A' ? permutedProductTechnology(t, industryOf, q) : permutedIndustrySales(t, industryOf, g)) };
    }
  }
}

/** Per product, the one industry that makes it, when S is a permuted diagonal; else why not, naming the product or industry. */
function matching(t: SparseSupplyUse): Int32Array | string {
  const S = t.supply;
  const p = t.products.length;
  const m = t.industries.length;
  if (p !== m) return `the supply table has ${p} products and ${m} industries`;
  const industryOf = new Int32Array(p);
  const taken = new Uint8Array(m);
  for (let i = 0; i < p; i++) {
    let count = 0;
    for (let e = S.rowPtr[i]; e < S.rowPtr[i + 1]; e++) {
      if (S.values[e] === 0) continue;
      count++;
      industryOf[i] = S.colIdx[e];
    }
    if (count !== 1) return `product ${JSON.stringify(t.products[i])} is made by ${count} industries`;
    if (taken[industryOf[i]] === 1) return `industry ${JSON.stringify(t.industries[industryOf[i]])} makes more than one product`;
    taken[industryOf[i]] = 1;
  }
  return industryOf;
}

/** Columns made one at a time into a CSR of n rows (row j: column j), entries ascending. */
class ColumnBuilder {
  private readonly rowPtr: Int32Array;
  private colIdx: Int32Array;
  private values: Float64Array;
  private size = 0;
  private readonly acc: Float64Array;
  private readonly mark: Uint8Array;
  private readonly touched: Int32Array;
  private count = 0;

  constructor(
    private readonly n: number,
    private readonly height: number,
    estimate: number,
  ) {
    this.rowPtr = new Int32Array(n + 1);
    this.colIdx = new Int32Array(Math.max(16, estimate));
    this.values = new Float64Array(Math.max(16, estimate));
    this.acc = new Float64Array(height);
    this.mark = new Uint8Array(height);
    this.touched = new Int32Array(height);
  }

  add(i: number, v: number): void {
    if (this.mark[i] === 0) {
      this.mark[i] = 1;
      this.touched[this.count++] = i;
    }
    this.acc[i] += v;
  }

  /** Ends column j: its entries (non-zero sums) sorted by row. */
  end(j: number): void {
    const rows = this.touched.subarray(0, this.count).sort();
    this.reserve(this.count);
    for (const i of rows) {
      const v = this.acc[i];
      this.acc[i] = 0;
      this.mark[i] = 0;
      if (v === 0) continue;
      this.colIdx[this.size] = i;
      this.values[this.size++] = v;
    }
    this.count = 0;
    this.rowPtr[j + 1] = this.size;
  }

  private reserve(extra: number): void {
    if (this.size + extra <= this.colIdx.length) return;
    const length = Math.max(this.size + extra, Math.ceil(this.colIdx.length * 1.5));
    const c = new Int32Array(length);
    c.set(this.colIdx.subarray(0, this.size));
    const v = new Float64Array(length);
    v.set(this.values.subarray(0, this.size));
    this.colIdx = c;
    this.values = v;
  }

  done(): CsrMatrix {
    return { rows: this.n, cols: this.height, rowPtr: this.rowPtr, colIdx: this.colIdx.slice(0, this.size), values: this.values.slice(0, this.size) };
  }
}

type Made = Omit<SparseSymmetricTable, 'model'> & { readonly model: SutModel };

/** B: Z = U ĝ⁻¹ Sᵀ, W ĝ⁻¹ Sᵀ: column s of Z sums the columns j of U in the shares s_sj / g_j. */
function industryTechnology(t: SparseSupplyUse, q: Float64Array, g: Float64Array): Made {
  const p = t.products.length;
  const m = t.industries.length;
  const S = t.supply;
  const U = t.useByIndustry;
  const z = new ColumnBuilder(p, p, U.colIdx.length);
  for (let s = 0; s < p; s++) {
    for (let e = S.rowPtr[s]; e < S.rowPtr[s + 1]; e++) {
      const j = S.colIdx[e];
      if (g[j] === 0) continue;
      const share = S.values[e] / g[j];
      for (let f = U.rowPtr[j]; f < U.rowPtr[j + 1]; f++) z.add(U.colIdx[f], U.values[f] * share);
    }
    z.end(s);
  }
  const rowBlocks = t.rowBlocks.map((b) => {
    const r = b.rows.length;
    const out = new Float64Array(r * p);
    for (let s = 0; s < p; s++) {
      for (let e = S.rowPtr[s]; e < S.rowPtr[s + 1]; e++) {
        const j = S.colIdx[e];
        if (g[j] === 0) continue;
        const share = S.values[e] / g[j];
        for (let k = 0; k < r; k++) out[k * p + s] += b.values[k * m + j] * share;
      }
    }
    return { ...b, values: out };
  });
  return { model: 'B', kind: 'product', labels: t.products, zByColumn: z.done(), Y: t.finalUse, x: q, rowBlocks, notes: ['model B (industry technology, product × product): Z = U ĝ⁻¹ Sᵀ, value added and extensions W ĝ⁻¹ Sᵀ'] };
}

/** D: Z = Sᵀ q̂⁻¹ U, Y_D = Sᵀ q̂⁻¹ Y: product i's use goes to the industries in their shares s_ij / q_i of its output. */
function productSales(t: SparseSupplyUse, q: Float64Array, g: Float64Array): Made {
  const p = t.products.length;
  const m = t.industries.length;
  const k = t.categories.length;
  const S = t.supply;
  const U = t.useByIndustry;
  const z = new ColumnBuilder(m, m, U.colIdx.length);
  const unproducedRow = new Int32Array(p).fill(-1);
  const unproduced: number[] = [];
  for (let l = 0; l < m; l++) {
    for (let f = U.rowPtr[l]; f < U.rowPtr[l + 1]; f++) {
      const i = U.colIdx[f];
      if (q[i] === 0) {
        if (unproducedRow[i] < 0) {
          unproducedRow[i] = unproduced.length;
          unproduced.push(i);
        }
        continue;
      }
      const u = U.values[f];
      // (s_ij / q_i) · u_il, summed over i in order: as symmetricFromSut sums it, to the bit.
      for (let e = S.rowPtr[i]; e < S.rowPtr[i + 1]; e++) z.add(S.colIdx[e], (S.values[e] / q[i]) * u);
    }
    z.end(l);
  }
  const Y = new Float64Array(m * k);
  for (let i = 0; i < p; i++) {
    if (q[i] === 0) continue;
    for (let e = S.rowPtr[i]; e < S.rowPtr[i + 1]; e++) {
      const share = S.values[e] / q[i];
      const j = S.colIdx[e];
      for (let c = 0; c < k; c++) Y[j * k + c] += share * t.finalUse[i * k + c];
    }
  }
  const rowBlocks: SutRowBlock[] = [...t.rowBlocks];
  if (unproduced.length > 0) {
    // In the order of the products (as symmetricFromSut lists them), each row that product's use by industry.
    unproduced.sort((a, b) => a - b);
    unproduced.forEach((i, r) => (unproducedRow[i] = r));
    const values = new Float64Array(unproduced.length * m);
    for (let l = 0; l < m; l++) {
      for (let f = U.rowPtr[l]; f < U.rowPtr[l + 1]; f++) {
        const r = unproducedRow[U.colIdx[f]];
        if (r >= 0 && q[U.colIdx[f]] === 0) values[r * m + l] = U.values[f];
      }
    }
    rowBlocks.push({ name: 'unproduced', rows: unproduced.map((i) => t.products[i]), values, valueAdded: false });
  }
  return { model: 'D', kind: 'industry', labels: t.industries, zByColumn: z.done(), Y, x: g, rowBlocks, notes: ['model D (fixed product sales structure, industry × industry): Z = Sᵀ q̂⁻¹ U, final use Sᵀ q̂⁻¹ Y'] };
}

/** A with S a permuted diagonal: Z = U S⁻¹ q̂ takes column s of Z from column industryOf[s] of U (and of W). */
function permutedProductTechnology(t: SparseSupplyUse, industryOf: Int32Array, q: Float64Array): Made {
  const p = t.products.length;
  const m = t.industries.length;
  const U = t.useByIndustry;
  const z = new ColumnBuilder(p, p, U.colIdx.length);
  for (let s = 0; s < p; s++) {
    const j = industryOf[s];
    for (let f = U.rowPtr[j]; f < U.rowPtr[j + 1]; f++) z.add(U.colIdx[f], U.values[f]);
    z.end(s);
  }
  const rowBlocks = t.rowBlocks.map((b) => {
    const r = b.rows.length;
    const out = new Float64Array(r * p);
    for (let k = 0; k < r; k++) for (let s = 0; s < p; s++) out[k * p + s] = b.values[k * m + industryOf[s]];
    return { ...b, values: out };
  });
  return { model: 'A', kind: 'product', labels: t.products, zByColumn: z.done(), Y: t.finalUse, x: q, rowBlocks, notes: ['model A (product technology, product × product): Z = U S⁻¹ q̂; each industry makes one product, so S⁻¹ q̂ takes each product’s column from its industry (no solve)'] };
}

/** C with S a permuted diagonal: Z = ĝ S⁻¹ U takes row industryOf[s] of Z (and of Y) from row s of U (and of Y). */
function permutedIndustrySales(t: SparseSupplyUse, industryOf: Int32Array, g: Float64Array): Made {
  const m = t.industries.length;
  const k = t.categories.length;
  const U = t.useByIndustry;
  const z = new ColumnBuilder(m, m, U.colIdx.length);
  for (let l = 0; l < m; l++) {
    for (let f = U.rowPtr[l]; f < U.rowPtr[l + 1]; f++) z.add(industryOf[U.colIdx[f]], U.values[f]);
    z.end(l);
  }
  const Y = new Float64Array(m * k);
  for (let s = 0; s < t.products.length; s++) Y.set(t.finalUse.subarray(s * k, (s + 1) * k), industryOf[s] * k);
  return { model: 'C', kind: 'industry', labels: t.industries, zByColumn: z.done(), Y, x: g, rowBlocks: t.rowBlocks, notes: ['model C (fixed industry sales structure, industry × industry): Z = ĝ S⁻¹ U, final use ĝ S⁻¹ Y; each industry makes one product, so ĝ S⁻¹ takes each industry’s row from its product (no solve)'] };
}
