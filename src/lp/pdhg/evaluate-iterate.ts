import { columnViolation, rowViolation } from '../check-solution.js';
import type { ScaledLp } from './scaled-lp.js';

/** Quality of an iterate of the scaled problem, measured both in scaled and in original units. */
export interface IterateQuality {
  /** Primal and dual objective of the minimisation. */
  readonly primalObjective: number;
  readonly dualObjective: number;
  /**
   * Largest bound violation in original units, each on its own scale (checkSolution's measure): a
   * row's relative to 1 + max(|its bound|, Σ_j |a_ij x_j|), a column's relative to 1 + |its bound|.
   */
  readonly relativePrimal: number;
  /**
   * The worse of two measures of dual infeasibility: the largest violation in original units
   * relative to 1 + ‖c‖∞ (PDLP's), and what the violations are worth at this x, Σ_j |d_j x_j|,
   * relative to 1 + |primal| + |dual objective| (dualWorth). The second is unchanged by the units
   * of the columns: a reduced cost off by 1e-7 on a column of 10⁷ hectares moves the objective by
   * 1, which the first does not see when c is λ's 1.
   */
  readonly relativeDual: number;
  /** |primal − dual| / (1 + |primal| + |dual|). */
  readonly relativeGap: number;
  /** Squared 2-norms of the primal and dual residual vectors in scaled units (for restarts). */
  readonly primal2: number;
  readonly dual2: number;
  readonly gap: number;
}

/** The worst of the three relative measures: the iterate is optimal to ε when this is ≤ ε. */
export function worstMeasure(q: IterateQuality): number {
  return Math.max(q.relativePrimal, q.relativeDual, q.relativeGap);
}

/** PDLP's weighted KKT error √(ω‖r_p‖² + ‖r_d‖²/ω + gap²) in scaled units. */
export function kktError(q: IterateQuality, omega: number): number {
  return Math.sqrt(omega * q.primal2 + q.dual2 / omega + q.gap * q.gap);
}

/**
 * Residuals and gap of the scaled iterate (x, y) with Ax = Ã x and ATy = Ãᵀ y already known.
 * The reduced costs c̃ − Ãᵀy are split into their feasible part λ (non-zero only on the side of a
 * finite column bound) and the dual residual. No matrix products: the size of a row's terms
 * (Σ_j |ã_ij x̃_j|, for its relative violation) is summed only over the rows that are violated.
 */
export function evaluateIterate(
  s: ScaledLp,
  x: Float64Array,
  y: Float64Array,
  Ax: Float64Array,
  ATy: Float64Array,
  cNorm: number,
): IterateQuality {
  const { rowPtr, colIdx, values } = s.A;
  const { m, n, c, rowLower, rowUpper, colLower, colUpper, rowScale, colScale } = s;
  let primalObjective = 0;
  let dualObjective = 0;
  let primal2 = 0;
  let primalInf = 0;
  for (let i = 0; i < m; i++) {
    const v = Ax[i];
    const lo = rowLower[i];
    const up = rowUpper[i];
    const viol = v < lo ? lo - v : v > up ? v - up : 0;
    primal2 += viol * viol;
    if (viol > 0) {
      // In original units every term, the bound and the violation are divided by D_r[i].
      let terms = 0;
      for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) terms += Math.abs(values[p] * x[colIdx[p]]);
      const r = rowScale[i];
      const u = rowViolation(viol / r, (v < lo ? lo : up) / r, terms / r);
      if (u > primalInf) primalInf = u;
    }
    const yi = y[i];
    if (yi > 0) dualObjective += yi * lo;
    else if (yi < 0) dualObjective += yi * up;
  }
  let dual2 = 0;
  let dualInf = 0;
  let dualWorth = 0;
  for (let j = 0; j < n; j++) {
    const xj = x[j];
    primalObjective += c[j] * xj;
    const lo = colLower[j];
    const up = colUpper[j];
    const viol = xj < lo ? lo - xj : xj > up ? xj - up : 0;
    if (viol > 0) {
      const u = columnViolation(viol * colScale[j], (xj < lo ? lo : up) * colScale[j]);
      if (u > primalInf) primalInf = u;
    }
    const r = c[j] - ATy[j];
    let lambda = 0;
    if (r > 0) {
      if (lo > -Infinity) {
        lambda = r;
        dualObjective += r * lo;
      }
    } else if (r < 0 && up < Infinity) {
      lambda = r;
      dualObjective += r * up;
    }
    const d = r - lambda;
    dual2 += d * d;
    const du = Math.abs(d) / colScale[j];
    if (du > dualInf) dualInf = du;
    // d̃_j x̃_j = d_j x_j: the same in scaled and original units.
    dualWorth += Math.abs(d * xj);
  }
  const gap = Math.abs(primalObjective - dualObjective);
  return {
    primalObjective,
    dualObjective,
    relativePrimal: primalInf,
    relativeDual: Math.max(dualInf / (1 + cNorm), dualWorth / (1 + Math.abs(primalObjective) + Math.abs(dualObjective))),
    relativeGap: gap / (1 + Math.abs(primalObjective) + Math.abs(dualObjective)),
    primal2,
    dual2,
    gap,
  };
}
