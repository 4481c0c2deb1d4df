import { NO_REGION } from '../binary/binary-format.js';
import type { CoefficientColumns, ModelFolder } from '../binary/index.js';
import { economyToFile } from '../serialize-economy.js';
import { economyShell, tableOutput, type IoTableToEconomyOptions } from './io-table-to-economy.js';
import type { SparseIoTable } from './types.js';

/** Coefficient rows per piece written (each piece 24 bytes a row: some 100 MB). */
const PIECE = 1 << 22;

/**
 * A sparse table (SparseIoTable) as the parts of a model folder (the binary format's version 2,
 * docs/binary-format.md), made as ioTableToEconomy makes a model of a dense table — the same
 * products, techniques, coefficients, resources, targets, direct use and plan, in the same order —
 * but with no object per coefficient or per target: techniques, targets and coefficients are typed
 * columns, and the coefficients are made piece by piece as the folder is written (never all at
 * once). A table of 2·10⁴ products and 10⁸ flows becomes a model this way; its records would not
 * fit in memory.
 */
export function sparseTableToModelFolder(t: SparseIoTable, options: IoTableToEconomyOptions = {}): ModelFolder {
  const x = tableOutput(t);
  const { economy, ids } = economyShell(t, x, options);
  const n = ids.length;
  const S = t.sectors.length;
  const C = t.categories.length;
  const K = t.regions.length * C;
  const priority = options.priority ?? 1;

  // The model's file shape without products, techniques and targets (the folder's tables hold them).
  const model = economyToFile({ ...economy, techniques: [], targets: [] }) as Record<string, unknown>;
  const productRecords = model.products as Record<string, unknown>[];
  delete model.products;
  delete model.techniques;
  delete model.targets;
  const productMore = productRecords.map(({ id: _i, unit: _u, region: _r, ...rest }) => (Object.keys(rest).length === 0 ? null : JSON.stringify(rest)));
  const regionOf = (k: number): number => Math.floor(k / S);

  let count = 0;
  for (let i = 0; i < n; i++) for (let c = 0; c < K; c++) if (t.Y[i * K + c] > 0) count++;
  const targets = { product: new Int32Array(count), amount: new Float64Array(count), priority: new Int32Array(count).fill(priority), region: new Int32Array(count), period: new Int32Array(count).fill(-1), category: new Int32Array(count), categories: [...t.categories] };
  let at = 0;
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < K; c++) {
      const y = t.Y[i * K + c];
      if (!(y > 0)) continue;
      targets.product[at] = i;
      targets.amount[at] = y;
      targets.region[at] = Math.floor(c / C);
      targets.category[at] = c % C;
      at++;
    }
  }

  return {
    model,
    products: { id: ids, unit: ids.map(() => t.unit), region: Int32Array.from(ids, (_, k) => regionOf(k)), more: productMore },
    techniques: { id: ids, region: Int32Array.from(ids, (_, k) => regionOf(k)) },
    targets,
    coefficients: coefficientPieces(t, x),
  };
}

/** Technique j's coefficients in ioTableToEconomy's order: produces j (1), consumes z_ij / x_j (i ascending), uses f_sj / x_j (extension by extension); nothing but produces where x_j = 0. */
function* coefficientPieces(t: SparseIoTable, x: Float64Array): Generator<CoefficientColumns> {
  const n = x.length;
  const z = t.zByColumn;
  const stressors = t.extensions.reduce((a, e) => a + e.stressors.length, 0);
  let piece = newPiece();
  let k = 0;
  const put = (technique: number, role: number, item: number, value: number): void => {
    piece.technique[k] = technique;
    piece.role[k] = role;
    piece.item[k] = item;
    piece.region[k] = NO_REGION;
    piece.value[k] = value;
    k++;
  };
  for (let j = 0; j < n; j++) {
    // Room for the whole technique: a piece may grow past PIECE by one technique.
    const need = 1 + (z.rowPtr[j + 1] - z.rowPtr[j]) + stressors;
    if (k + need > piece.value.length) {
      if (k > 0) yield cut(piece, k);
      piece = newPiece(Math.max(PIECE, need));
      k = 0;
    }
    put(j, 0, j, 1);
    const xj = x[j];
    if (xj === 0) continue;
    for (let e = z.rowPtr[j]; e < z.rowPtr[j + 1]; e++) if (z.values[e] !== 0) put(j, 1, z.colIdx[e], z.values[e] / xj);
    let r = 0;
    for (const ext of t.extensions) {
      const m = ext.stressors.length;
      for (let s = 0; s < m; s++) {
        const f = ext.F[s * n + j];
        if (f !== 0) put(j, 2, r + s, f / xj);
      }
      r += m;
    }
  }
  if (k > 0) yield cut(piece, k);
}

function newPiece(size = PIECE): { technique: Int32Array; role: Int32Array; item: Int32Array; region: Int32Array; value: Float64Array } {
  return { technique: new Int32Array(size), role: new Int32Array(size), item: new Int32Array(size), region: new Int32Array(size), value: new Float64Array(size) };
}

function cut(p: CoefficientColumns, k: number): CoefficientColumns {
  return { technique: p.technique.subarray(0, k), role: p.role.subarray(0, k), item: p.item.subarray(0, k), region: p.region.subarray(0, k), value: p.value.subarray(0, k) };
}
