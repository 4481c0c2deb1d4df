import { MAX_MAGNITUDE } from '../../model/magnitude.js';
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
  const rowMap: number[] = [];
  const colMap: number[] = [];
  const newCol = new Int32Array(n).fill(-1);
  for (let j = 0; j < n; j++) {
    if (keepCol[j]) {
      newCol[j] = colMap.length;
      colMap.push(j);
    }
  }
  for (let i = 0; i < m; i++) if (keepRow[i]) rowMap.push(i);
  if (rowMap.length === m && colMap.length === n) return undefined;
  // The reduced numbers must stay within what an LP may hold (|v| ≤ 1e30 where finite).
  const tooLarge = (v: number): boolean => Number.isNaN(v) || (Number.isFinite(v) && Math.abs(v) > MAX_MAGNITUDE);
  if (!Number.isFinite(offset) || tooLarge(offset)) return undefined;
  for (const v of [lo, up, cl, cu]) for (let k = 0; k < v.length; k++) if (tooLarge(v[k])) return undefined;
  const ri: number[] = [];
  const ci: number[] = [];
  const vi: number[] = [];
  rowMap.forEach((i, k) => {
    for (let p = A.rowPtr[i]; p < A.rowPtr[i + 1]; p++) {
      const j = newCol[A.colIdx[p]];
      if (j >= 0 && A.values[p] !== 0) {
        ri.push(k);
        ci.push(j);
        vi.push(A.values[p]);
      }
    }
  });
  const reduced: LinearProgram = {
    sense: lp.sense,
    c: Float64Array.from(colMap, (j) => c[j]),
    offset,
    A: csrFromTriplets(rowMap.length, colMap.length, ri, ci, vi),
    rowLower: Float64Array.from(rowMap, (i) => lo[i]),
    rowUpper: Float64Array.from(rowMap, (i) => up[i]),
    colLower: Float64Array.from(colMap, (j) => cl[j]),
    colUpper: Float64Array.from(colMap, (j) => cu[j]),
  };

  const postsolve = (rx: Float64Array, ry: Float64Array, rz: Float64Array): { x: Float64Array; rowDual: Float64Array; colDual: Float64Array } => {
    const x = Float64Array.from(xOut);
    const rowDual = new Float64Array(m);
    const colDual = new Float64Array(n);
    colMap.forEach((j, k) => {
      x[j] = rx[k];
      colDual[j] = rz[k];
    });
    rowMap.forEach((i, k) => (rowDual[i] = ry[k]));
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
    x: Float64Array.from(colMap, (j) => x[j]),
    rowDual: Float64Array.from(rowMap, (i) => rowDual[i]),
  });
  return { reduced, removedRows: m - rowMap.length, removedCols: n - colMap.length, postsolve, reduce };
}
