import type { LinearProgram } from '../../src/lp/lp-types.js';

/** An answer's quality, recomputed by the benchmark from the LP (as read from the MPS file) alone. */
export interface AnswerCheck {
  /** cᵀx + offset. */
  readonly objective: number;
  /** Largest row violation relative to 1 + max(|its bound|, Σ_j |a_ij x_j|), and column violation relative to 1 + |bound|. */
  readonly primal: number;
  /** Largest row or column violation relative to 1 + the largest finite bound (PDLP's ∞-norm form). */
  readonly primalGlobal: number;
  /** max_j |c_j − (Aᵀy)_j − z_j| / (1 + ‖c‖∞), with y and z in the solver's own convention (c = Aᵀy + z at an optimum, HiGHS's and Plenty's alike). */
  readonly stationarity: number;
}

/**
 * Checks (x, y, z) against `lp`: objective, primal violations (per row and in the global measure)
 * and stationarity of the duals. Independent of the solvers' own reports: one pass over A.
 */
export function checkAnswer(lp: LinearProgram, x: Float64Array, y: Float64Array, z: Float64Array): AnswerCheck {
  const { A, c, rowLower, rowUpper, colLower, colUpper } = lp;
  let objective = lp.offset ?? 0;
  let cNorm = 0;
  let bNorm = 0;
  for (const v of [rowLower, rowUpper, colLower, colUpper]) for (const b of v) if (Number.isFinite(b) && Math.abs(b) > bNorm) bNorm = Math.abs(b);
  let primal = 0;
  let worst = 0;
  const r = new Float64Array(A.cols);
  for (let j = 0; j < A.cols; j++) {
    objective += c[j] * x[j];
    cNorm = Math.max(cNorm, Math.abs(c[j]));
    r[j] = c[j] - z[j];
    const v = x[j] < colLower[j] ? colLower[j] - x[j] : x[j] > colUpper[j] ? x[j] - colUpper[j] : 0;
    if (v > 0) {
      primal = Math.max(primal, v / (1 + Math.abs(x[j] < colLower[j] ? colLower[j] : colUpper[j])));
      worst = Math.max(worst, v);
    }
  }
  for (let i = 0; i < A.rows; i++) {
    let ax = 0;
    let terms = 0;
    for (let p = A.rowPtr[i]; p < A.rowPtr[i + 1]; p++) {
      const j = A.colIdx[p];
      const t = A.values[p] * x[j];
      ax += t;
      terms += Math.abs(t);
      r[j] -= A.values[p] * y[i];
    }
    const lo = rowLower[i];
    const up = rowUpper[i];
    const v = ax < lo ? lo - ax : ax > up ? ax - up : 0;
    if (v > 0) {
      primal = Math.max(primal, v / (1 + Math.max(Math.abs(ax < lo ? lo : up), terms)));
      worst = Math.max(worst, v);
    }
  }
  let stationarity = 0;
  for (let j = 0; j < A.cols; j++) stationarity = Math.max(stationarity, Math.abs(r[j]));
  return { objective, primal, primalGlobal: worst / (1 + bNorm), stationarity: stationarity / (1 + cNorm) };
}
