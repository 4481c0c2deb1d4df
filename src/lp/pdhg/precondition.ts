import type { CsrMatrix } from '../../sparse/csr.js';
import { transpose } from '../../sparse/transpose.js';
import type { LinearProgram } from '../lp-types.js';
import type { ScaledLp } from './scaled-lp.js';

/**
 * Diagonal preconditioning as in PDLP, after optional initial column scales `initialColumns`
 * (solvePdhg passes the column scales of scaleLp's geometric scaling of the matrix bordered by its
 * bounds, so that a column of 10⁷ hectares and λ near 1 are both of order 1; and, when asked, that scaling's row scales `initialRows`): `ruizIterations` passes of Ruiz equilibration (divide each
 * row and column by the square root of its largest |entry|), then one Pock–Chambolle pass with
 * α = 1 (divide each row and column by the square root of its sum of |entries|). Empty rows and
 * columns keep scale 1. Forms Ãᵀ once. The LP itself is not changed.
 */
export function precondition(lp: LinearProgram, ruizIterations: number, initialColumns?: Float64Array, initialRows?: Float64Array): ScaledLp {
  const A = lp.A;
  const m = A.rows;
  const n = A.cols;
  const { rowPtr, colIdx } = A;
  const nz = rowPtr[m];
  const values = A.values.slice(0, nz);
  const rowScale = new Float64Array(m).fill(1);
  const colScale = new Float64Array(n).fill(1);
  const rowF = new Float64Array(m);
  const colF = new Float64Array(n);
  rowF.fill(1);
  colF.fill(1);
  if (initialRows !== undefined) rowF.set(initialRows);
  if (initialColumns !== undefined) colF.set(initialColumns);
  const apply = (): void => {
    scaleMatrix(rowPtr, colIdx, values, rowF, colF);
    multiplyBy(rowScale, rowF);
    multiplyBy(colScale, colF);
  };
  if (initialColumns !== undefined || initialRows !== undefined) apply();
  for (let it = 0; it < ruizIterations; it++) {
    largestMagnitudes(rowPtr, colIdx, values, rowF, colF);
    inverseSquareRoots(rowF);
    inverseSquareRoots(colF);
    apply();
  }
  magnitudeSums(rowPtr, colIdx, values, rowF, colF);
  inverseSquareRoots(rowF);
  inverseSquareRoots(colF);
  apply();

  const scaled: CsrMatrix = { rows: m, cols: n, rowPtr: rowPtr.subarray(0, m + 1), colIdx: colIdx.subarray(0, nz), values };
  const sense = lp.sense === 'max' ? -1 : 1;
  const c = new Float64Array(n);
  const colLower = new Float64Array(n);
  const colUpper = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const d = colScale[j];
    c[j] = sense * lp.c[j] * d;
    colLower[j] = lp.colLower[j] / d;
    colUpper[j] = lp.colUpper[j] / d;
  }
  const rowLower = new Float64Array(m);
  const rowUpper = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    rowLower[i] = lp.rowLower[i] * rowScale[i];
    rowUpper[i] = lp.rowUpper[i] * rowScale[i];
  }
  return { m, n, A: scaled, AT: transpose(scaled), c, rowLower, rowUpper, colLower, colUpper, rowScale, colScale, sense };
}

/*
 * The passes' loops, each a small function of its own (optimised by the engine within its first
 * calls, as a loop of a larger function is not: see bench/README.md, "10³ against HiGHS's PDLP").
 */

/** a_ij ← a_ij · (r_i c_j). */
function scaleMatrix(rowPtr: Int32Array, colIdx: Int32Array, values: Float64Array, r: Float64Array, c: Float64Array): void {
  for (let i = 0; i < r.length; i++) {
    const ri = r[i];
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) values[p] *= ri * c[colIdx[p]];
  }
}

/** scale ← scale · f, elementwise. */
function multiplyBy(scale: Float64Array, f: Float64Array): void {
  for (let k = 0; k < scale.length; k++) scale[k] *= f[k];
}

/** Per row and per column the largest |a_ij| (0 where empty). */
function largestMagnitudes(rowPtr: Int32Array, colIdx: Int32Array, values: Float64Array, rowMax: Float64Array, colMax: Float64Array): void {
  colMax.fill(0);
  for (let i = 0; i < rowMax.length; i++) {
    let r = 0;
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      const v = Math.abs(values[p]);
      if (v > r) r = v;
      if (v > colMax[colIdx[p]]) colMax[colIdx[p]] = v;
    }
    rowMax[i] = r;
  }
}

/** Per row and per column the sum of |a_ij|. */
function magnitudeSums(rowPtr: Int32Array, colIdx: Int32Array, values: Float64Array, rowSum: Float64Array, colSum: Float64Array): void {
  colSum.fill(0);
  for (let i = 0; i < rowSum.length; i++) {
    let r = 0;
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      const v = Math.abs(values[p]);
      r += v;
      colSum[colIdx[p]] += v;
    }
    rowSum[i] = r;
  }
}

/** f ← 1/√f where f > 0, else 1. */
function inverseSquareRoots(f: Float64Array): void {
  for (let k = 0; k < f.length; k++) f[k] = f[k] > 0 ? 1 / Math.sqrt(f[k]) : 1;
}
