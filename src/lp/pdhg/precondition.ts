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
  if (initialRows !== undefined) rowF.set(initialRows);
  if (initialColumns !== undefined) colF.set(initialColumns);
  const apply = (): void => {
    for (let i = 0; i < m; i++) {
      const ri = rowF[i];
      rowScale[i] *= ri;
      for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) values[p] *= ri * colF[colIdx[p]];
    }
    for (let j = 0; j < n; j++) colScale[j] *= colF[j];
  };
  if (initialColumns !== undefined || initialRows !== undefined) apply();
  for (let it = 0; it < ruizIterations; it++) {
    rowF.fill(0);
    colF.fill(0);
    for (let i = 0; i < m; i++) {
      let r = 0;
      for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
        const v = Math.abs(values[p]);
        if (v > r) r = v;
        if (v > colF[colIdx[p]]) colF[colIdx[p]] = v;
      }
      rowF[i] = r;
    }
    for (let i = 0; i < m; i++) rowF[i] = rowF[i] > 0 ? 1 / Math.sqrt(rowF[i]) : 1;
    for (let j = 0; j < n; j++) colF[j] = colF[j] > 0 ? 1 / Math.sqrt(colF[j]) : 1;
    apply();
  }
  rowF.fill(0);
  colF.fill(0);
  for (let i = 0; i < m; i++) {
    let r = 0;
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      const v = Math.abs(values[p]);
      r += v;
      colF[colIdx[p]] += v;
    }
    rowF[i] = r;
  }
  for (let i = 0; i < m; i++) rowF[i] = rowF[i] > 0 ? 1 / Math.sqrt(rowF[i]) : 1;
  for (let j = 0; j < n; j++) colF[j] = colF[j] > 0 ? 1 / Math.sqrt(colF[j]) : 1;
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
