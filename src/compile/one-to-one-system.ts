import { inMagnitude } from '../model/magnitude.js';
import { locationOf } from '../model/source-locations.js';
import type { CsrMatrix } from '../sparse/csr.js';
import { WASM_MIN_NNZ, wasmCsrArrays } from '../sparse/product/to-wasm-csr.js';
import { sortRowRange } from '../sparse/sort-row-range.js';
import type { CompiledEconomy, LeontiefSystem } from './types.js';

/**
 * Each column of `m` (items × techniques) divided by its technique's output and moved to the
 * column of the item it makes (`itemOf`); entries that become 0 are dropped, as csrFromTriplets
 * drops them. A square result of WASM_MIN_NNZ entries or more is written straight into the
 * solvers' memory (wasmCsrArrays: its first solve copies nothing), unless entries are dropped.
 * Undefined when an entry breaks the magnitude rule (the general path names it).
 */
function perUnitOfOutput(m: CsrMatrix, cols: number, itemOf: Int32Array, scale: Float64Array, monotone: boolean): CsrMatrix | undefined {
  const nz = m.rowPtr[m.rows];
  const resident = m.rows === cols && nz >= WASM_MIN_NNZ ? wasmCsrArrays(cols, nz) : undefined;
  const rowPtr = resident?.rowPtr ?? new Int32Array(m.rows + 1);
  const colIdx = resident?.colIdx ?? new Int32Array(nz);
  const values = resident?.values ?? new Float64Array(nz);
  let out = 0;
  for (let i = 0; i < m.rows; i++) {
    const start = out;
    for (let p = m.rowPtr[i]; p < m.rowPtr[i + 1]; p++) {
      const j = m.colIdx[p];
      const v = m.values[p] * scale[j];
      if (!inMagnitude(v)) return undefined;
      if (v === 0) continue;
      colIdx[out] = itemOf[j];
      values[out++] = v;
    }
    if (!monotone) sortRowRange(colIdx, values, start, out);
    rowPtr[i + 1] = out;
  }
  return out === nz ? { rows: m.rows, cols, rowPtr, colIdx, values } : { rows: m.rows, cols, rowPtr, colIdx: colIdx.slice(0, out), values: values.slice(0, out) };
}

/**
 * The Leontief system of a compiled economy in which every item is made by exactly one technique
 * and every technique makes exactly one item (no choice, no joint products): A and the primary
 * inputs built in one pass over the input and resource-use rows, each entry divided by its
 * technique's output — no transposes and no triplets (at 2·10⁸ coefficients those cost gigabytes).
 * Undefined when the economy is not of that shape or a coefficient per unit of output breaks the
 * magnitude rule; leontiefSystem then takes its general path, which gives the same system.
 */
export function oneToOneSystem(c: CompiledEconomy): LeontiefSystem | undefined {
  const n = c.items.ids.length;
  const nT = c.techniques.ids.length;
  const out = c.outputs;
  if (n !== nT || out.rowPtr[n] !== n) return undefined;
  const technique = new Int32Array(n).fill(-1);
  const itemOf = new Int32Array(nT).fill(-1);
  const scale = new Float64Array(nT);
  let monotone = true;
  for (let i = 0; i < n; i++) {
    if (out.rowPtr[i + 1] - out.rowPtr[i] !== 1) return undefined;
    const p = out.rowPtr[i];
    const j = out.colIdx[p];
    if (itemOf[j] >= 0 || !(out.values[p] > 0)) return undefined;
    itemOf[j] = i;
    technique[i] = j;
    scale[j] = 1 / out.values[p];
  }
  for (let j = 1; j < nT && monotone; j++) if (itemOf[j] < itemOf[j - 1]) monotone = false;
  let same = true;
  for (let j = 0; j < nT && same; j++) same = itemOf[j] === j && scale[j] === 1;
  // Technique j makes one unit of item j: A is the input matrix itself (shared, not copied; its
  // entries are non-zero and keep the magnitude rule already), and so are the primary inputs.
  const square = (m: CsrMatrix): CsrMatrix | undefined => (same ? { rows: m.rows, cols: n, rowPtr: m.rowPtr, colIdx: m.colIdx, values: m.values } : perUnitOfOutput(m, n, itemOf, scale, monotone));
  const A = square(c.inputs);
  const primary = A === undefined ? undefined : square(c.resourceUse);
  if (A === undefined || primary === undefined) return undefined;
  return {
    items: c.items,
    resources: c.resources,
    A,
    primary,
    technique,
    itemLocation: (item) => locationOf(c.model, ['products', c.itemProduct[item]]),
  };
}
