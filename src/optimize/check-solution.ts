import { boundNorm } from './bound-norm.js';
import type { LinearProgram } from './lp-types.js';

/** Quality of a candidate primal–dual pair, computed from the LP alone (no solver involved). */
export interface SolutionCheck {
  /**
   * max violation of row and column bounds, each relative to 1 + max(‖finite bounds‖∞, |its bound|)
   * where the norm leaves out bounds of 1e20 or more (boundNorm): for an LP without such bounds,
   * relative to 1 + ‖finite bounds‖∞.
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

  const norm = boundNorm(lp);
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
    if (lo > -Infinity && lo > xj) primalViolation = Math.max(primalViolation, relativeViolation(lo - xj, lo, norm));
    if (up < Infinity && xj > up) primalViolation = Math.max(primalViolation, relativeViolation(xj - up, up, norm));
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
    const yi = rowDual[i];
    for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
      const j = colIdx[k];
      ax += values[k] * x[j];
      r[j] -= values[k] * yi;
    }
    const lo = rowLower[i];
    const up = rowUpper[i];
    if (ax !== ax) primalViolation = Infinity;
    if (lo > -Infinity && lo > ax) primalViolation = Math.max(primalViolation, relativeViolation(lo - ax, lo, norm));
    if (up < Infinity && ax > up) primalViolation = Math.max(primalViolation, relativeViolation(ax - up, up, norm));
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

/** A bound's violation relative to 1 + max(norm, |bound|) (see SolutionCheck.primalResidual). */
export function relativeViolation(violation: number, bound: number, norm: number): number {
  return violation / (1 + Math.max(norm, Math.abs(bound)));
}
