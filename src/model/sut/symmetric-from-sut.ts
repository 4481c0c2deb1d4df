import { almonProductTechnology } from './almon-product-technology.js';
import { findNegatives } from './find-negatives.js';
import { leftDivide, rightDivide, supplyBlocks, type SupplyBlocks } from './supply-blocks.js';
import type { SupplyUseTables, SutRefusal, SutRowBlock, SymmetricFromSutOptions, SymmetricFromSutResult, SymmetricTable } from './types.js';

/**
 * Makes a symmetric input–output table from supply and use tables with one of the four models of
 * the Eurostat Manual of Supply, Use and Input-Output Tables (2008), ch. 11. With S the supply
 * table (products × industries), U the use table, Y final use, W value added (and any row block
 * by industry), q = S·1 the outputs of products and g = 1ᵀS those of industries:
 *
 * - A, product technology (product × product): Z = U S⁻¹ q̂, W_A = W S⁻¹ q̂, Y unchanged. Needs S
 *   square and invertible; may make negatives (listed; `negatives: 'almon'` removes them).
 * - B, industry technology (product × product): Z = U ĝ⁻¹ Sᵀ, W_B = W ĝ⁻¹ Sᵀ, Y unchanged.
 * - C, fixed industry sales structure (industry × industry): Z = ĝ S⁻¹ U, Y_C = ĝ S⁻¹ Y, W
 *   unchanged. Needs S square and invertible; may make negatives (listed).
 * - D, fixed product sales structure (industry × industry): Z = Sᵀ q̂⁻¹ U, Y_D = Sᵀ q̂⁻¹ Y, W
 *   unchanged. The use of a product no industry makes (q_i = 0) has no industry to go to: it
 *   becomes the row block "unproduced" (one row per such product), so columns still add up.
 *
 * When the tables balance (U·1 + Y·1 = q and 1ᵀU + 1ᵀW = g), every model keeps both identities:
 * Z·1 + Y·1 = x and 1ᵀZ + 1ᵀW = x, with x = q (A, B) or g (C, D); value added's total is kept.
 * S⁻¹ is never formed: S is cut into its independent square blocks (a multi-regional table into
 * its regions), each LU-factored, and solves are checked by their residual (`residual`).
 */
export function symmetricFromSut(t: SupplyUseTables, options: SymmetricFromSutOptions): SymmetricFromSutResult {
  const p = t.products.length;
  const m = t.industries.length;
  const { q, g } = outputs(t);
  const model = options.model;
  if (options.negatives === 'almon' && model !== 'A') {
    return refusal('no-primary-diagonal', `Almon's procedure resolves the negatives of model A (product technology); model ${model} ${model === 'C' ? 'has its own: use model D' : 'makes none'}`);
  }
  let blocks: SupplyBlocks | undefined;
  if (model === 'A' || model === 'C') {
    const b = supplyBlocks(p, m, t.supply);
    if (b.status !== 'ok') return blockRefusal(t, model, b.status, b.products, b.industries);
    blocks = b.value;
  }
  let table: Omit<SymmetricTable, 'negatives' | 'notes' | 'model'>;
  const notes: string[] = [];
  switch (model) {
    case 'A':
      table = productTechnology(t, q, blocks as SupplyBlocks);
      notes.push(`model A (product technology, product × product): Z = U S⁻¹ q̂, value added and extensions W S⁻¹ q̂; ${(blocks as SupplyBlocks).blocks.length} independent block(s) of the supply table LU-factored, largest relative residual ${table.residual.toExponential(1)}`);
      break;
    case 'B':
      table = industryTechnology(t, q, g);
      notes.push('model B (industry technology, product × product): Z = U ĝ⁻¹ Sᵀ, value added and extensions W ĝ⁻¹ Sᵀ');
      break;
    case 'C':
      table = industrySales(t, g, blocks as SupplyBlocks);
      notes.push(`model C (fixed industry sales structure, industry × industry): Z = ĝ S⁻¹ U, final use ĝ S⁻¹ Y; ${(blocks as SupplyBlocks).blocks.length} independent block(s) of the supply table LU-factored, largest relative residual ${table.residual.toExponential(1)}`);
      break;
    case 'D':
      table = productSales(t, q);
      notes.push('model D (fixed product sales structure, industry × industry): Z = Sᵀ q̂⁻¹ U, final use Sᵀ q̂⁻¹ Y');
      break;
  }
  if (model === 'A' || model === 'C') clearRoundOff(table, model === 'A');
  const negatives = findNegatives(t, { ...table, model });
  if (options.negatives !== 'almon' || negatives.length === 0) {
    return { status: 'ok', model, ...table, negatives, notes };
  }
  const resolved = resolveAlmon(t, q, table, options);
  if (resolved.status === 'refused') return resolved;
  notes.push(
    `${negatives.length} negative entr${negatives.length === 1 ? 'y' : 'ies'} of product technology resolved by Almon's procedure: ${resolved.table.resolution?.iterations ?? 0} iterations, ${resolved.table.resolution?.squeezed ?? 0} cell(s) squeezed; row totals kept, ${columnNote(resolved.table.resolution?.columnDifferences ?? [])}`,
  );
  return { status: 'ok', model, ...resolved.table, negatives, notes };
}

/** Product outputs q (row sums of S) and industry outputs g (column sums). */
export function outputs(t: SupplyUseTables): { q: Float64Array; g: Float64Array } {
  const p = t.products.length;
  const m = t.industries.length;
  const q = new Float64Array(p);
  const g = new Float64Array(m);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < m; j++) {
      const v = t.supply[i * m + j];
      q[i] += v;
      g[j] += v;
    }
  }
  return { q, g };
}

type Transformed = Omit<SymmetricTable, 'negatives' | 'notes' | 'model'>;

function productTechnology(t: SupplyUseTables, q: Float64Array, blocks: SupplyBlocks): Transformed {
  const p = t.products.length;
  const m = t.industries.length;
  let residual = 0;
  const divide = (rows: Float64Array, r: number): Float64Array => {
    const { values, residual: res } = rightDivide(blocks, t.supply, p, m, rows, r);
    residual = Math.max(residual, res);
    for (let i = 0; i < r; i++) for (let s = 0; s < p; s++) values[i * p + s] *= q[s];
    return values;
  };
  const Z = divide(t.use, p);
  const rowBlocks = t.rowBlocks.map((b) => ({ ...b, values: divide(b.values, b.rows.length) }));
  return { kind: 'product', labels: t.products, Z, Y: t.finalUse, x: q, rowBlocks, residual };
}

function industryTechnology(t: SupplyUseTables, q: Float64Array, g: Float64Array): Transformed {
  const p = t.products.length;
  const m = t.industries.length;
  // T = ĝ⁻¹ Sᵀ (m × p): column j of a row by industry goes to product s in the shares s_sj / g_j.
  const nz = nonZeros(t.supply, p, m);
  const apply = (rows: Float64Array, r: number): Float64Array => {
    const out = new Float64Array(r * p);
    for (const { i: s, j, v } of nz) {
      if (g[j] === 0) continue;
      const share = v / g[j];
      for (let i = 0; i < r; i++) out[i * p + s] += rows[i * m + j] * share;
    }
    return out;
  };
  const rowBlocks = t.rowBlocks.map((b) => ({ ...b, values: apply(b.values, b.rows.length) }));
  return { kind: 'product', labels: t.products, Z: apply(t.use, p), Y: t.finalUse, x: q, rowBlocks, residual: 0 };
}

function industrySales(t: SupplyUseTables, g: Float64Array, blocks: SupplyBlocks): Transformed {
  const m = t.industries.length;
  const k = t.categories.length;
  let residual = 0;
  const divide = (cols: Float64Array, c: number): Float64Array => {
    const { values, residual: res } = leftDivide(blocks, t.supply, m, cols, c);
    residual = Math.max(residual, res);
    for (let j = 0; j < m; j++) for (let l = 0; l < c; l++) values[j * c + l] *= g[j];
    return values;
  };
  const Z = divide(t.use, m);
  const Y = divide(t.finalUse, k);
  return { kind: 'industry', labels: t.industries, Z, Y, x: g, rowBlocks: t.rowBlocks, residual };
}

function productSales(t: SupplyUseTables, q: Float64Array): Transformed {
  const p = t.products.length;
  const m = t.industries.length;
  const k = t.categories.length;
  // D = Sᵀ q̂⁻¹ (m × p): product i's use goes to the industries in their shares s_ij / q_i of its output.
  const nz = nonZeros(t.supply, p, m);
  const apply = (cols: Float64Array, c: number): Float64Array => {
    const out = new Float64Array(m * c);
    for (const { i, j, v } of nz) {
      const share = v / q[i];
      for (let l = 0; l < c; l++) out[j * c + l] += share * cols[i * c + l];
    }
    return out;
  };
  const rowBlocks: SutRowBlock[] = [...t.rowBlocks];
  const unproduced: number[] = [];
  for (let i = 0; i < p; i++) if (q[i] === 0 && rowHasValue(t.use, i, m)) unproduced.push(i);
  if (unproduced.length > 0) {
    const values = new Float64Array(unproduced.length * m);
    unproduced.forEach((i, r) => values.set(t.use.subarray(i * m, (i + 1) * m), r * m));
    rowBlocks.push({ name: 'unproduced', rows: unproduced.map((i) => t.products[i]), values, valueAdded: false });
  }
  return { kind: 'industry', labels: t.industries, Z: apply(t.use, m), Y: apply(t.finalUse, k), x: outputs(t).g, rowBlocks, residual: 0 };
}

function resolveAlmon(t: SupplyUseTables, q: Float64Array, table: Transformed, options: SymmetricFromSutOptions): { status: 'ok'; table: Transformed & Pick<SymmetricTable, 'resolution'> } | SutRefusal {
  const n = t.products.length;
  if (t.industries.length !== n) return refusal('no-primary-diagonal', 'Almon’s procedure needs as many industries as products');
  for (let j = 0; j < n; j++) {
    if (!(t.supply[j * n + j] > 0)) {
      return refusal('no-primary-diagonal', `Almon’s procedure needs each industry's primary product at its own position: industry ${JSON.stringify(t.industries[j])} makes none of product ${JSON.stringify(t.products[j])}`);
    }
  }
  let r = n;
  for (const b of t.rowBlocks) r += b.rows.length;
  const inputs = new Float64Array(r * n);
  inputs.set(t.use, 0);
  let at = n * n;
  for (const b of t.rowBlocks) {
    inputs.set(b.values, at);
    at += b.values.length;
  }
  const res = almonProductTechnology({ n, supply: t.supply, inputs, r, maxIterations: options.maxIterations ?? 10_000, tolerance: options.tolerance ?? 1e-12 });
  if (!res.converged) return refusal('did-not-converge', `Almon’s procedure did not converge in ${res.iterations} iterations (secondary production too large a share of output); use model B`);
  const Z = res.flows.slice(0, n * n);
  at = n * n;
  const rowBlocks = table.rowBlocks.map((b) => {
    const values = res.flows.slice(at, at + b.values.length);
    at += b.values.length;
    return { ...b, values };
  });
  const columnDifferences: { product: string; difference: number }[] = [];
  for (let s = 0; s < n; s++) {
    let total = 0;
    for (let i = 0; i < n; i++) total += Z[i * n + s];
    for (const b of rowBlocks) if (b.valueAdded) for (let i = 0; i < b.rows.length; i++) total += b.values[i * n + s];
    const d = total - q[s];
    if (Math.abs(d) > 1e-9 * Math.max(1, Math.abs(q[s]))) columnDifferences.push({ product: t.products[s], difference: d });
  }
  return { status: 'ok', table: { ...table, Z, rowBlocks, resolution: { method: 'almon', iterations: res.iterations, squeezed: res.squeezed, columnDifferences } } };
}

/**
 * Solves leave −1e-13 where the exact value is 0: entries of flows and row blocks whose magnitude
 * is below 1e-10 of their column's output are set to 0, so that only real negatives are reported.
 */
function clearRoundOff(table: Transformed, rowBlocks: boolean): void {
  const n = table.labels.length;
  const clear = (a: Float64Array, rows: number): void => {
    for (let i = 0; i < rows; i++) {
      for (let c = 0; c < n; c++) {
        const v = a[i * n + c];
        if (v < 0 && -v <= 1e-10 * Math.abs(table.x[c])) a[i * n + c] = 0;
      }
    }
  };
  clear(table.Z, n);
  if (rowBlocks) for (const b of table.rowBlocks) clear(b.values, b.rows.length);
}

function columnNote(diffs: readonly { product: string; difference: number }[]): string {
  if (diffs.length === 0) return 'column totals equal output';
  const worst = diffs.reduce((a, b) => (Math.abs(b.difference) > Math.abs(a.difference) ? b : a));
  return `${diffs.length} column total(s) differ from output where inputs were squeezed (largest: ${JSON.stringify(worst.product)}, ${worst.difference.toPrecision(3)})`;
}

function nonZeros(a: Float64Array, rows: number, cols: number): { i: number; j: number; v: number }[] {
  const out: { i: number; j: number; v: number }[] = [];
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) if (a[i * cols + j] !== 0) out.push({ i, j, v: a[i * cols + j] });
  return out;
}

function rowHasValue(a: Float64Array, i: number, cols: number): boolean {
  for (let j = 0; j < cols; j++) if (a[i * cols + j] !== 0) return true;
  return false;
}

function refusal(code: SutRefusal['code'], message: string): SutRefusal {
  return { status: 'refused', code, message };
}

function blockRefusal(t: SupplyUseTables, model: 'A' | 'C', status: 'not-square' | 'singular', products: readonly number[], industries: readonly number[]): SutRefusal {
  const what = model === 'A' ? 'model A (product technology)' : 'model C (fixed industry sales structure)';
  const names = (labels: readonly string[], idx: readonly number[]): string => idx.slice(0, 8).map((k) => JSON.stringify(labels[k])).join(', ') + (idx.length > 8 ? `, … (${idx.length})` : '');
  const alternative = model === 'A' ? 'model B (industry technology)' : 'model D (fixed product sales structure)';
  if (status === 'not-square') {
    const p = t.products.length;
    const m = t.industries.length;
    const whole = p !== m ? `the supply table has ${p} products and ${m} industries` : `products ${names(t.products, products) || 'none'} are made by industries ${names(t.industries, industries) || 'none'} (${products.length} by ${industries.length})`;
    return refusal('not-square', `${what} needs a square supply table S (as many products as industries, S invertible): ${whole}; aggregate the table to a square one, or use ${alternative}`);
  }
  return refusal('singular', `${what} needs an invertible supply table: the block of products ${names(t.products, products)} and industries ${names(t.industries, industries)} is singular; use ${alternative}`);
}
