import { MAX_MAGNITUDE } from '../../model/magnitude.js';
import type { CsrMatrix } from '../../sparse/csr.js';
import { csrFromTriplets } from '../../sparse/from-triplets.js';
import type { LinearProgram } from '../lp-types.js';

/** A reduced LP and the way back to a primal–dual point of the original. */
export interface Presolved {
  readonly reduced: LinearProgram;
  /** Rows and columns removed, for the message. */
  readonly removedRows: number;
  readonly removedCols: number;
  /** x, rowDual, colDual of the original LP from those of the reduced one (Plenty's dual convention). */
  postsolve(x: Float64Array, rowDual: Float64Array, colDual: Float64Array): { x: Float64Array; rowDual: Float64Array; colDual: Float64Array };
  /** A point of the original LP (x, rowDual) restricted to the reduced one's columns and rows (for a warm start). */
  reduce(x: Float64Array, rowDual: Float64Array): { x: Float64Array; rowDual: Float64Array };
}

/**
 * One pass of the simplest reductions (Andersen & Andersen 1995), each exact: fixed columns
 * (lower = upper) go into the row bounds and the objective's offset; rows left empty go (when
 * their bounds hold 0); rows with one entry become bounds of their column; columns without
 * entries go to the bound their cost prefers. The duals come back exactly: a singleton row takes
 * its column's reduced cost when its bound is the one the column rests on, a fixed column's
 * reduced cost is c − Aᵀy, an empty column's is c. Returns undefined when nothing is removed or a
 * reduction would need a decision (an empty row whose bounds exclude 0, a singleton row whose bound
 * crosses the column's other bound, an empty column whose cost has no finite bound to rest on):
 * PDHG then settles those cases itself.
 */
export function presolve(lp: LinearProgram): Presolved | undefined {
  const { A, c, rowLower, rowUpper, colLower, colUpper } = lp;
  const m = A.rows;
  const n = A.cols;
  const max = lp.sense === 'max';
  const fixed = new Uint8Array(n);
  for (let j = 0; j < n; j++) if (colLower[j] === colUpper[j]) fixed[j] = 1;
  // Row bounds after the fixed columns, and each row's count of other entries.
  const lo = Float64Array.from(rowLower);
  const up = Float64Array.from(rowUpper);
  const count = new Int32Array(m);
  const colCount = new Int32Array(n);
  let offset = lp.offset ?? 0;
  for (let j = 0; j < n; j++) if (fixed[j]) offset += c[j] * colLower[j];
  for (let i = 0; i < m; i++) {
    let shift = 0;
    for (let p = A.rowPtr[i]; p < A.rowPtr[i + 1]; p++) {
      const j = A.colIdx[p];
      const a = A.values[p];
      if (a === 0) continue;
      if (fixed[j]) shift += a * colLower[j];
      else count[i]++;
    }
    lo[i] -= shift;
    up[i] -= shift;
  }
  // Singleton rows become column bounds; empty rows go.
  const keepRow = new Uint8Array(m).fill(1);
  const cl = Float64Array.from(colLower);
  const cu = Float64Array.from(colUpper);
  const lowerFrom = new Int32Array(n).fill(-1);
  const upperFrom = new Int32Array(n).fill(-1);
  const singleCoef = new Float64Array(m);
  const singleCol = new Int32Array(m).fill(-1);
  for (let i = 0; i < m; i++) {
    if (count[i] === 0) {
      if (lo[i] > 1e-9 * (1 + Math.abs(rowLower[i])) || up[i] < -1e-9 * (1 + Math.abs(rowUpper[i]))) return undefined;
      keepRow[i] = 0;
    } else if (count[i] === 1) {
      let j = -1;
      let a = 0;
      for (let p = A.rowPtr[i]; p < A.rowPtr[i + 1]; p++) {
        if (A.values[p] !== 0 && !fixed[A.colIdx[p]]) {
          j = A.colIdx[p];
          a = A.values[p];
        }
      }
      const l = a > 0 ? lo[i] / a : up[i] / a;
      const u = a > 0 ? up[i] / a : lo[i] / a;
      if (l > cl[j]) {
        cl[j] = l;
        lowerFrom[j] = i;
      }
      if (u < cu[j]) {
        cu[j] = u;
        upperFrom[j] = i;
      }
      if (cl[j] > cu[j]) return undefined;
      keepRow[i] = 0;
      singleCoef[i] = a;
      singleCol[i] = j;
    }
  }
  for (let i = 0; i < m; i++) {
    if (!keepRow[i]) continue;
    for (let p = A.rowPtr[i]; p < A.rowPtr[i + 1]; p++) if (A.values[p] !== 0) colCount[A.colIdx[p]]++;
  }
  // Columns without entries in the kept rows rest on the bound their cost prefers.
  const keepCol = new Uint8Array(n).fill(1);
  const xOut = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    if (fixed[j]) {
      keepCol[j] = 0;
      xOut[j] = colLower[j];
    } else if (colCount[j] === 0) {
      const cost = max ? -c[j] : c[j];
      const v = cost > 0 ? cl[j] : cost < 0 ? cu[j] : Math.min(Math.max(0, cl[j]), cu[j]);
      if (!Number.isFinite(v)) return undefined;
      keepCol[j] = 0;
      xOut[j] = v;
      offset += c[j] * v;
    }
  }
  const newCol = new Int32Array(n).fill(-1);
  let keptCols = 0;
  for (let j = 0; j < n; j++) if (keepCol[j]) newCol[j] = keptCols++;
  let keptRows = 0;
  for (let i = 0; i < m; i++) if (keepRow[i]) keptRows++;
  if (keptRows === m && keptCols === n) return undefined;
  const colMap = new Int32Array(keptCols);
  for (let j = 0; j < n; j++) if (keepCol[j]) colMap[newCol[j]] = j;
  const rowMap = new Int32Array(keptRows);
  for (let i = 0, k = 0; i < m; i++) if (keepRow[i]) rowMap[k++] = i;
  // The reduced numbers must stay within what an LP may hold (|v| ≤ 1e30 where finite).
  if (!Number.isFinite(offset) || tooLarge(offset)) return undefined;
  if (anyTooLarge(lo) || anyTooLarge(up) || anyTooLarge(cl) || anyTooLarge(cu)) return undefined;
  const reduced: LinearProgram = {
    sense: lp.sense,
    c: gather(c, colMap),
    offset,
    A: keptRowsAndColumns(A, rowMap, newCol, keptCols),
    rowLower: gather(lo, rowMap),
    rowUpper: gather(up, rowMap),
    colLower: gather(cl, colMap),
    colUpper: gather(cu, colMap),
  };
  let anyFixed = false;
  for (let j = 0; j < n; j++) if (fixed[j]) anyFixed = true;

  const postsolve = (rx: Float64Array, ry: Float64Array, rz: Float64Array): { x: Float64Array; rowDual: Float64Array; colDual: Float64Array } => {
    const x = Float64Array.from(xOut);
    const rowDual = new Float64Array(m);
    const colDual = new Float64Array(n);
    scatter(rx, colMap, x);
    scatter(rz, colMap, colDual);
    scatter(ry, rowMap, rowDual);
    // An empty column's reduced cost is its cost (its singleton rows come next).
    for (let j = 0; j < n; j++) if (!keepCol[j] && !fixed[j]) colDual[j] = c[j];
    // A singleton row takes its column's reduced cost when the column rests on the row's bound.
    for (let i = 0; i < m; i++) {
      const j = singleCol[i];
      if (j < 0 || fixed[j]) continue;
      const z = colDual[j];
      if (z === 0) continue;
      const atLower = z > 0 !== max;
      if ((atLower && lowerFrom[j] === i) || (!atLower && upperFrom[j] === i)) {
        rowDual[i] = z / singleCoef[i];
        colDual[j] = 0;
      }
    }
    if (!anyFixed) return { x, rowDual, colDual };
    // Fixed columns: the reduced cost c − Aᵀy.
    const aty = new Float64Array(n);
    for (let i = 0; i < m; i++) {
      const y = rowDual[i];
      if (y === 0) continue;
      for (let p = A.rowPtr[i]; p < A.rowPtr[i + 1]; p++) aty[A.colIdx[p]] += A.values[p] * y;
    }
    for (let j = 0; j < n; j++) if (fixed[j]) colDual[j] = c[j] - aty[j];
    return { x, rowDual, colDual };
  };
  const reduce = (x: Float64Array, rowDual: Float64Array): { x: Float64Array; rowDual: Float64Array } => ({
    x: gather(x, colMap),
    rowDual: gather(rowDual, rowMap),
  });
  return { reduced, removedRows: m - keptRows, removedCols: n - keptCols, postsolve, reduce };
}

function tooLarge(v: number): boolean {
  return Number.isNaN(v) || (Number.isFinite(v) && Math.abs(v) > MAX_MAGNITUDE);
}

function anyTooLarge(v: Float64Array): boolean {
  for (let k = 0; k < v.length; k++) if (tooLarge(v[k])) return true;
  return false;
}

/** v at the indices `map`, in their order. */
function gather(v: Float64Array, map: Int32Array): Float64Array {
  const out = new Float64Array(map.length);
  for (let k = 0; k < map.length; k++) out[k] = v[map[k]];
  return out;
}

/** out at the indices `map` set to v. */
function scatter(v: Float64Array, map: Int32Array, out: Float64Array): void {
  for (let k = 0; k < map.length; k++) out[map[k]] = v[k];
}

/**
 * The rows `rowMap` of A (in that order) and its columns j with newCol[j] ≥ 0 (renumbered so),
 * without explicit zeros: as csrFromTriplets would build it from those entries.
 */
function keptRowsAndColumns(A: CsrMatrix, rowMap: Int32Array, newCol: Int32Array, cols: number): CsrMatrix {
  const { rowPtr, colIdx, values } = A;
  let nz = 0;
  let sorted = true;
  for (let k = 0; k < rowMap.length; k++) {
    const i = rowMap[k];
    let last = -1;
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      const j = newCol[colIdx[p]];
      if (j < 0 || values[p] === 0) continue;
      if (j <= last) sorted = false;
      last = j;
      nz++;
    }
  }
  const ptr = new Int32Array(rowMap.length + 1);
  const idx = new Int32Array(nz);
  const val = new Float64Array(nz);
  let q = 0;
  for (let k = 0; k < rowMap.length; k++) {
    const i = rowMap[k];
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      const j = newCol[colIdx[p]];
      if (j < 0 || values[p] === 0) continue;
      idx[q] = j;
      val[q] = values[p];
      q++;
    }
    ptr[k + 1] = q;
  }
  if (sorted) return { rows: rowMap.length, cols, rowPtr: ptr, colIdx: idx, values: val };
  // Columns out of order or repeated within a row: sorted and summed as from triplets.
  const rowOf = new Int32Array(nz);
  for (let k = 0; k < rowMap.length; k++) rowOf.fill(k, ptr[k], ptr[k + 1]);
  return csrFromTriplets(rowMap.length, cols, rowOf, idx, val);
}
