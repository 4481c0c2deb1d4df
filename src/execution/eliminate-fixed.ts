import { checkSolution } from '../lp/check-solution.js';
import type { LinearProgram, LpSolution } from '../lp/lp-types.js';

/** An LP without its fixed columns and free rows, and the way back to the original's solution. */
export interface EliminatedLp {
  readonly lp: LinearProgram;
  /** Original index of each column and row kept. */
  readonly keptColumns: Int32Array;
  readonly keptRows: Int32Array;
  /** A solution of the reduced LP as a solution of the original (see eliminateFixed). */
  expand(s: LpSolution): LpSolution;
}

/**
 * Removes the columns whose bounds are equal (fixed) and the rows that then constrain nothing: free
 * rows (−∞, ∞) and rows whose entries are all on fixed columns and whose value lies within their
 * bounds. The fixed columns' part of each kept row moves into its bounds, their cost into the
 * offset. A row of fixed columns alone that breaks its bounds is kept (empty), so the reduced LP is
 * infeasible exactly when the original is.
 *
 * `expand` maps a solution back: x of fixed columns at their value, A x of every row, duals 0 on
 * removed rows, and for a fixed column the reduced cost c − Aᵀy (lp-types.ts's convention);
 * residuals and gap are recomputed on the original LP (checkSolution).
 */
export function eliminateFixed(lp: LinearProgram): EliminatedLp {
  const { A } = lp;
  const { rowPtr, colIdx, values } = A;
  const nCols = A.cols;
  const nRows = A.rows;
  const fixed = new Uint8Array(nCols);
  const newCol = new Int32Array(nCols).fill(-1);
  const keptColumnList = new Int32Array(nCols);
  let keptCols = 0;
  let offset = lp.offset ?? 0;
  for (let j = 0; j < nCols; j++) {
    if (lp.colLower[j] === lp.colUpper[j]) {
      fixed[j] = 1;
      offset += lp.c[j] * lp.colLower[j];
    } else {
      keptColumnList[keptCols] = j;
      newCol[j] = keptCols++;
    }
  }
  // Kept rows and their entries, in order (the column map is monotone, so rows stay sorted).
  const keptRowList = new Int32Array(nRows);
  const lower = new Float64Array(nRows);
  const upper = new Float64Array(nRows);
  const ptr = new Int32Array(nRows + 1);
  let kept = 0;
  const cols = new Int32Array(rowPtr[nRows]);
  const vals = new Float64Array(rowPtr[nRows]);
  let entries = 0;
  for (let i = 0; i < nRows; i++) {
    const lo = lp.rowLower[i];
    const up = lp.rowUpper[i];
    if (lo === -Infinity && up === Infinity) continue;
    let shift = 0;
    let open = 0;
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      if (fixed[colIdx[p]] === 1) shift += values[p] * lp.colLower[colIdx[p]];
      else open++;
    }
    if (open === 0 && shift >= lo && shift <= up) continue;
    keptRowList[kept] = i;
    lower[kept] = lo - shift;
    upper[kept] = up - shift;
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      if (fixed[colIdx[p]] === 1) continue;
      cols[entries] = newCol[colIdx[p]];
      vals[entries++] = values[p];
    }
    ptr[++kept] = entries;
  }
  const keptColumns = keptColumnList.slice(0, keptCols);
  const keptRows = keptRowList.slice(0, kept);
  const pickCols = (v: Float64Array): Float64Array => Float64Array.from(keptColumns, (j) => v[j]);
  const reduced: LinearProgram = {
    ...(lp.name === undefined ? {} : { name: lp.name }),
    sense: lp.sense,
    c: pickCols(lp.c),
    offset,
    A: { rows: keptRows.length, cols: keptColumns.length, rowPtr: ptr.slice(0, kept + 1), colIdx: cols.slice(0, entries), values: vals.slice(0, entries) },
    rowLower: lower.slice(0, kept),
    rowUpper: upper.slice(0, kept),
    colLower: pickCols(lp.colLower),
    colUpper: pickCols(lp.colUpper),
    ...(lp.integrality === undefined ? {} : { integrality: Uint8Array.from(keptColumns, (j) => (lp.integrality as Uint8Array)[j]) }),
    ...(lp.colNames === undefined ? {} : { colNames: Array.from(keptColumns, (j) => (lp.colNames as readonly string[])[j]) }),
    ...(lp.rowNames === undefined ? {} : { rowNames: Array.from(keptRows, (i) => (lp.rowNames as readonly string[])[i]) }),
  };
  return { lp: reduced, keptColumns, keptRows, expand: (s) => expandSolution(lp, keptColumns, keptRows, s) };
}

function expandSolution(lp: LinearProgram, keptColumns: Int32Array, keptRows: Int32Array, s: LpSolution): LpSolution {
  const { rowPtr, colIdx, values } = lp.A;
  const x = Float64Array.from(lp.colLower);
  const colDual = new Float64Array(x.length);
  const rowDual = new Float64Array(lp.A.rows);
  const complete = s.x.length === keptColumns.length && s.rowDual.length === keptRows.length && s.colDual.length === keptColumns.length;
  if (complete) {
    keptColumns.forEach((j, k) => {
      x[j] = s.x[k];
      colDual[j] = s.colDual[k];
    });
    keptRows.forEach((i, k) => (rowDual[i] = s.rowDual[k]));
  }
  const kept = new Uint8Array(x.length);
  for (const j of keptColumns) kept[j] = 1;
  const rowActivity = new Float64Array(lp.A.rows);
  // Fixed columns: reduced cost c − Aᵀy (stationarity, lp-types.ts).
  for (let j = 0; j < x.length; j++) if (kept[j] === 0) colDual[j] = lp.c[j];
  for (let i = 0; i < lp.A.rows; i++) {
    let ax = 0;
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      const j = colIdx[p];
      ax += values[p] * x[j];
      if (kept[j] === 0) colDual[j] -= values[p] * rowDual[i];
    }
    rowActivity[i] = ax;
  }
  if (!complete) return { ...s, x, rowActivity, rowDual, colDual };
  // A branch-and-bound solution's duals are those of the LP with its integer columns fixed
  // (lp-types.ts's MipReport): checked on that LP, not on the one whose integer columns are free.
  const check = checkSolution(s.mip?.duals === 'integers-fixed' ? integersFixed(lp, x) : lp, x, rowDual, colDual);
  return { ...s, x, rowActivity, rowDual, colDual, primalResidual: check.primalResidual, dualResidual: check.dualResidual, relativeGap: check.relativeGap };
}

/** The LP with its integer columns fixed at x (the LP whose duals a branch-and-bound solution reports). */
function integersFixed(lp: LinearProgram, x: Float64Array): LinearProgram {
  const { integrality } = lp;
  if (integrality === undefined) return lp;
  const colLower = Float64Array.from(lp.colLower);
  const colUpper = Float64Array.from(lp.colUpper);
  for (let j = 0; j < x.length; j++) {
    if (integrality[j] !== 0) colLower[j] = colUpper[j] = x[j];
  }
  return { ...lp, colLower, colUpper };
}
