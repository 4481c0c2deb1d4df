import type { CsrMatrix } from '../sparse/csr.js';

/**
 * A linear program in the general form every solver backend takes:
 *
 *   minimise or maximise  cᵀx + offset
 *   subject to            rowLower ≤ A x ≤ rowUpper
 *                         colLower ≤ x ≤ colUpper
 *
 * Bounds may be ±Infinity (no bound); every other number is finite and at most 1e30 in magnitude
 * (validateLp, at each backend), and 1e30 is a bound like any other. An equality row has
 * rowLower = rowUpper.
 */
export interface LinearProgram {
  readonly name?: string;
  readonly sense: 'min' | 'max';
  /** Objective coefficients, one per variable. */
  readonly c: Float64Array;
  readonly offset?: number;
  /** rows × variables. */
  readonly A: CsrMatrix;
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
  readonly colLower: Float64Array;
  readonly colUpper: Float64Array;
  readonly colNames?: readonly string[];
  readonly rowNames?: readonly string[];
  /**
   * Per variable: 1 where it must take a whole value, 0 where it is continuous. Absent (or all 0):
   * a linear program. With a 1 anywhere it is a mixed-integer program, which only HiGHS solves
   * (hasIntegers); PDHG refuses it.
   */
  readonly integrality?: Uint8Array;
}

/** Whether `lp` has a variable that must take a whole value (a mixed-integer program). */
export function hasIntegers(lp: LinearProgram): boolean {
  const z = lp.integrality;
  if (z === undefined) return false;
  for (let j = 0; j < z.length; j++) if (z[j] !== 0) return true;
  return false;
}

/**
 * What branch and bound proved about a mixed-integer program's solution. A MIP has no duals: the
 * solution's duals are those of the LP with every integer variable fixed at its value in the
 * solution (`duals: 'integers-fixed'`), i.e. the valuations of the continuous decisions given the
 * whole-unit ones; 'none' when that LP did not solve.
 */
export interface MipReport {
  /** Relative gap between the solution's objective (the incumbent) and the best bound: |bound − objective| / max(1, |objective|) as HiGHS computes it. */
  readonly gap: number;
  /** Best bound on the optimum, in the objective's own direction (an upper bound for a max). */
  readonly bound: number;
  /** Branch-and-bound nodes explored. */
  readonly nodes: number;
  /** The relative gap asked for: a solution within it is reported optimal. */
  readonly requestedGap: number;
  readonly duals: 'integers-fixed' | 'none';
}

export type LpStatus =
  | 'optimal'
  | 'infeasible'
  | 'unbounded'
  /** Infeasible or unbounded; the solver could not tell which. */
  | 'infeasible-or-unbounded'
  | 'time-limit'
  | 'iteration-limit'
  /** The solver stopped without an optimum or a certificate (HiGHS's PDLP "unknown", PDHG's iterates diverging): `message` says what is known. */
  | 'unknown'
  /** The solver failed (out of memory, numerical trouble); `message` says why. */
  | 'error';

/**
 * A solution with its duals. Sign convention, the same for every backend and every sense:
 *
 *   rowDual[i] = ∂(optimal objective) / ∂(active bound of row i)
 *   colDual[j] = ∂(optimal objective) / ∂(active bound of variable j)   (the reduced cost)
 *
 * i.e. how much the objective, in its own direction, changes per unit the binding bound is
 * relaxed upward. For a maximisation with a resource row A x ≤ b, rowDual ≥ 0 is the resource's
 * shadow price (Kantorovich's objectively determined valuation); for a minimisation with a demand
 * row A x ≥ d, rowDual ≥ 0 is the marginal cost of the demand. Rows or bounds that do not bind
 * have dual 0 (complementary slackness). docs/optimize.md shows the convention on Kantorovich's
 * machine-tool example.
 */
export interface LpSolution {
  readonly status: LpStatus;
  readonly objective: number;
  readonly x: Float64Array;
  /** A x. */
  readonly rowActivity: Float64Array;
  readonly rowDual: Float64Array;
  readonly colDual: Float64Array;
  /** max violation of row and column bounds, each on its own scale: a row's relative to 1 + max(|its bound|, Σ_j |a_ij x_j|), a column's to 1 + |its bound| (checkSolution). */
  readonly primalResidual: number;
  /** max violation of dual feasibility, relative to 1 + ‖c‖∞. */
  readonly dualResidual: number;
  /** |primal objective − dual objective| / (1 + |primal| + |dual|). */
  readonly relativeGap: number;
  readonly iterations: number;
  readonly elapsedMs: number;
  /** Which backend and method produced it, e.g. "highs-simplex", "pdhg". */
  readonly solver: string;
  readonly message?: string;
  /**
   * Mixed-integer programs only. Status 'optimal' means within `mip.requestedGap` of the bound;
   * 'time-limit' with a solution (finite objective) is the best found, `mip.gap` from the bound.
   */
  readonly mip?: MipReport;
}

export interface LpSolveOptions {
  /** Requested relative gap / tolerance for first-order methods (default 1e-6). */
  readonly gap?: number;
  /** Seconds (default: none). */
  readonly timeLimit?: number;
  /** Mixed-integer programs: the relative gap between solution and bound at which the search stops as optimal (default 1e-4). */
  readonly mipGap?: number;
  /** Progress: fraction or iteration count, with a short text. */
  readonly onProgress?: (info: { readonly iteration: number; readonly relativeGap?: number; readonly primalResidual?: number; readonly dualResidual?: number; readonly text?: string }) => void;
  /** Backend-specific method, e.g. "simplex", "ipm", "pdlp" for HiGHS. */
  readonly method?: string;
  /** Cancels the solve: the backend stops and returns status 'error' with message 'cancelled'. */
  readonly signal?: AbortSignal;
}

/** One solver backend. Every backend runs the shared test suite in test/lp/backends.case.ts. */
export interface LpSolver {
  readonly name: string;
  /** Largest problem it should be given (non-zeros), for automatic routing. */
  readonly maxNonZeros: number;
  solve(lp: LinearProgram, options?: LpSolveOptions): Promise<LpSolution>;
}
