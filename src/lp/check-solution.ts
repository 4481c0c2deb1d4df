import type { LinearProgram } from './lp-types.js';

/** Quality of a candidate primal–dual pair, computed from the LP alone (no solver involved). */
export interface SolutionCheck {
  /**
   * max violation of row and column bounds, each measured on its own scale: a row's violation
   * relative to 1 + max(|its bound|, Σ_j |a_ij x_j|) (the size of the terms it adds up), a column's
   * relative to 1 + |its bound| (rowViolation, columnViolation). A row with a small right-hand side
   * (a target row delivery − amount·λ ≥ 0) is not measured against the largest bound of the LP.
   */
  readonly primalResidual: number;
  /**
   * max violation of dual feasibility, relative to 1 + ‖c‖∞: of stationarity c = Aᵀ·rowDual + colDual,
   * and of the duals' signs (a dual may only be non-zero on the side of a finite bound; see
   * lp-types.ts for the convention).
   */
  readonly dualResidual: number;
  /** |primal − dual objective| / (1 + |primal| + |dual|). */
  readonly relativeGap: number;
  /** cᵀx + offset. */
  readonly primalObjective: number;
  /**
   * offset + Σ rowDual·(bound its sign selects) + Σ colDual·(bound its sign selects). A dual whose
   * selected bound is infinite contributes nothing here (it is counted in dualResidual instead).
   */
  readonly dualObjective: number;
}

/**
 * Residuals and duality gap of (x, rowDual, colDual) for `lp`, with the duals in Plenty's
 * convention: dual = ∂(optimal objective)/∂(active bound). Then, in both senses, stationarity is
 * c = Aᵀy + z, and for a minimisation a dual is ≥ 0 at a lower bound and ≤ 0 at an upper bound
 * (the other way round for a maximisation). Every backend reports the residuals computed here.
 */
export function checkSolution(lp: LinearProgram, x: Float64Array, rowDual: Float64Array, colDual: Float64Array): SolutionCheck {
  const { A, c, rowLower, rowUpper, colLower, colUpper } = lp;
  const m = A.rows;
  const n = A.cols;
  const { rowPtr, colIdx, values } = A;
  const max = lp.sense === 'max';
  const offset = lp.offset ?? 0;

  let primalViolation = 0;
  let primalObjective = offset;
  let dualObjective = offset;
  let signViolation = 0;
  // Stationarity residual r = c − Aᵀy − z, accumulated column-wise.
  const r = new Float64Array(n);
  let cNorm = 0;

  for (let j = 0; j < n; j++) {
    const lo = colLower[j];
    const up = colUpper[j];
    const xj = x[j];
    const cj = c[j];
    if (Math.abs(cj) > cNorm) cNorm = Math.abs(cj);
    primalObjective += cj * xj;
    if (xj !== xj) primalViolation = Infinity; // NaN
    if (lo > -Infinity && lo > xj) primalViolation = Math.max(primalViolation, columnViolation(lo - xj, lo));
    if (up < Infinity && xj > up) primalViolation = Math.max(primalViolation, columnViolation(xj - up, up));
    const zj = colDual[j];
    r[j] = cj - zj;
    // For min, z > 0 uses the lower bound; for max, z > 0 uses the upper bound.
    const pos = max ? up : lo;
    const neg = max ? lo : up;
    if (zj > 0) {
      if (Number.isFinite(pos)) dualObjective += zj * pos;
      else if (zj > signViolation) signViolation = zj;
    } else if (zj < 0) {
      if (Number.isFinite(neg)) dualObjective += zj * neg;
      else if (-zj > signViolation) signViolation = -zj;
    }
  }

  for (let i = 0; i < m; i++) {
    let ax = 0;
    let terms = 0;
    const yi = rowDual[i];
    for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
      const j = colIdx[k];
      const t = values[k] * x[j];
      ax += t;
      terms += Math.abs(t);
      r[j] -= values[k] * yi;
    }
    const lo = rowLower[i];
    const up = rowUpper[i];
    if (ax !== ax) primalViolation = Infinity;
    if (lo > -Infinity && lo > ax) primalViolation = Math.max(primalViolation, rowViolation(lo - ax, lo, terms));
    if (up < Infinity && ax > up) primalViolation = Math.max(primalViolation, rowViolation(ax - up, up, terms));
    const pos = max ? up : lo;
    const neg = max ? lo : up;
    if (yi > 0) {
      if (Number.isFinite(pos)) dualObjective += yi * pos;
      else if (yi > signViolation) signViolation = yi;
    } else if (yi < 0) {
      if (Number.isFinite(neg)) dualObjective += yi * neg;
      else if (-yi > signViolation) signViolation = -yi;
    }
  }

  let stationarity = 0;
  for (let j = 0; j < n; j++) if (Math.abs(r[j]) > stationarity) stationarity = Math.abs(r[j]);

  const primalResidual = primalViolation;
  const dualResidual = Math.max(stationarity, signViolation) / (1 + cNorm);
  const relativeGap = Math.abs(primalObjective - dualObjective) / (1 + Math.abs(primalObjective) + Math.abs(dualObjective));
  return { primalResidual, dualResidual, relativeGap, primalObjective, dualObjective };
}

/**
 * A row bound's violation relative to 1 + max(|bound|, terms), terms = Σ_j |a_ij x_j| (see
 * SolutionCheck.primalResidual). The per-row form of PDLP's ‖Ax − b‖ / (1 + max(‖Ax‖, ‖b‖)): a
 * balance row adding up millions is allowed a proportionate error, a target row of 30 turbines is
 * not allowed to be short by 14 because some other row counts hectares by the million.
 */
export function rowViolation(violation: number, bound: number, terms: number): number {
  return violation / (1 + Math.max(Math.abs(bound), terms));
}

/** A column bound's violation relative to 1 + |bound|. */
export function columnViolation(violation: number, bound: number): number {
  return violation / (1 + Math.abs(bound));
}
