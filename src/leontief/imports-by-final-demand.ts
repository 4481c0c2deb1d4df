import type { CsrMatrix } from '../sparse/csr.js';
import type { RegionLayout } from './extension-accounts.js';
import { solveMany, worseStatus } from './solve.js';
import type { LeontiefOptions, LeontiefStatus, SolveReport, SpectralBounds } from './types.js';

/** D_imp of each extension asked for, and how its solves went. */
export interface ImportsSolved extends SolveReport {
  /** Per extension, in the order given: stressors × n, row-major. */
  readonly D_imp: Float64Array[];
}

/**
 * Below this share of the larger of D_cba and its domestic part, D_imp is summed directly over the
 * products outside the region instead of taken as their difference: a stressor that occurs only in
 * the region then has imports of exactly 0, not the solves' rounding. (Elsewhere the difference is
 * as accurate as the direct sum: both are made of the same solutions x_(r,s), whose error is of the
 * order of the tolerance times the whole of x, so either sum is accurate to about the tolerance
 * times the footprint D_cba.)
 */
export const DIRECT_BELOW = 1e-3;

/**
 * The imports embodied in final demand (pymrio's D_imp) of several extensions at once, by pymrio's
 * own route: the output x_(r,s) = L w_(r,s) that region r's final demand for sector s requires
 * (w_(r,s): region r's final demand for sector s from every region, zero elsewhere), then
 * D_imp[q, (r, s)] = Σ over products i outside r of S[q, i] · x_(r,s)[i]. That is n solves with A
 * (one per column of pymrio's x_diag, region by region, never all of x_diag at once) shared by all
 * extensions, where the stressors' route costs R · k transposed solves per extension: the cheaper
 * one when there are more stressors than sectors per region (EXIOBASE's satellite has 1,113).
 *
 * The sum over the products outside r is D_cba[q, (r, s)] (from the multipliers M, already solved
 * for) less the sum over r's own ns products, so each entry costs ns + R multiplications instead of
 * n − ns: on EXIOBASE's satellite (1,113 stressors, 9,800 products) 2.7·10⁹ instead of 1.1·10¹¹.
 * Where the imports are less than DIRECT_BELOW of the footprint, the entry is summed directly.
 * `S[e][q]` and `M[e][q]` are stressor q's rows of S and M of extension e.
 */
export function importsByFinalDemand(
  A: CsrMatrix,
  layout: RegionLayout,
  S: readonly (readonly Float64Array[])[],
  M: readonly (readonly Float64Array[])[],
  opts: LeontiefOptions,
): ImportsSolved {
  const { R, ns, yAgg } = layout;
  const n = R * ns;
  const D_imp = S.map((rows) => new Float64Array(rows.length * n));
  let status: LeontiefStatus = 'converged';
  let iterations = 0;
  let relativeResidual = 0;
  let spectralRadius: SpectralBounds | undefined;
  for (let r = 0; r < R && status === 'converged'; r++) {
    const y = yAgg[r];
    const w: Float64Array[] = [];
    for (let s = 0; s < ns; s++) {
      const col = new Float64Array(n);
      for (let i = s; i < n; i += ns) col[i] = y[i];
      w.push(col);
    }
    const sol = solveMany(A, w, false, opts, { quantity: 'the output for final demand by product', key: 'x_diag' });
    status = worseStatus(status, sol.status);
    iterations += sol.iterations;
    relativeResidual = Math.max(relativeResidual, sol.relativeResidual);
    if (sol.spectralRadius !== undefined) spectralRadius = sol.spectralRadius;
    const lo = r * ns;
    const hi = lo + ns;
    S.forEach((rows, e) => {
      const out = D_imp[e];
      rows.forEach((row, q) => {
        const m = M[e][q];
        for (let s = 0; s < ns; s++) {
          const x = sol.x[s];
          let total = 0;
          for (let i = s; i < n; i += ns) total += m[i] * y[i];
          let domestic = 0;
          for (let i = lo; i < hi; i++) domestic += row[i] * x[i];
          let imports = total - domestic;
          if (!(Math.abs(imports) >= DIRECT_BELOW * Math.max(Math.abs(total), Math.abs(domestic)))) {
            imports = 0;
            for (let i = 0; i < lo; i++) imports += row[i] * x[i];
            for (let i = hi; i < n; i++) imports += row[i] * x[i];
          }
          out[q * n + lo + s] = imports;
        }
      });
    });
  }
  if (status !== 'converged') for (const d of D_imp) d.fill(Number.NaN);
  return { D_imp, status, iterations, relativeResidual, ...(spectralRadius === undefined ? {} : { spectralRadius }) };
}

/**
 * The solves of each route to D_imp, counted without zero right-hand sides: by stressors, per
 * extension and region the stressors with an entry outside the region (R · k at most); by final
 * demand, per region the sectors with final demand (n at most).
 */
export function importSolveCounts(layout: RegionLayout, S: readonly (readonly Float64Array[])[]): { stressors: number; finalDemand: number } {
  const { R, ns, yAgg } = layout;
  let stressors = 0;
  for (const rows of S) {
    for (const row of rows) {
      // Regions where this stressor has a non-zero entry: it needs a solve for every region but
      // such a region when it has only that one.
      let regions = 0;
      for (let r = 0; r < R; r++) {
        for (let a = r * ns; a < (r + 1) * ns; a++) {
          if (row[a] !== 0) {
            regions++;
            break;
          }
        }
      }
      stressors += regions === 0 ? 0 : regions === 1 ? R - 1 : R;
    }
  }
  let finalDemand = 0;
  for (let r = 0; r < R; r++) {
    const y = yAgg[r];
    for (let s = 0; s < ns; s++) {
      for (let i = s; i < y.length; i += ns) {
        if (y[i] !== 0) {
          finalDemand++;
          break;
        }
      }
    }
  }
  return { stressors, finalDemand };
}
