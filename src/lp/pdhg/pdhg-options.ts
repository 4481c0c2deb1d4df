import type { ProductKernel } from '../../sparse/solve-result.js';
import type { LpSolveOptions } from '../lp-types.js';

/** Options of the PDHG solver, beyond the common `LpSolveOptions` (`gap`, `timeLimit`, `onProgress`). */
export interface PdhgOptions extends LpSolveOptions {
  /** Largest number of PDHG iterations (accepted steps). Default 1,000,000. */
  readonly maxIterations?: number;
  /** Ruiz equilibration passes before the Pock–Chambolle (α = 1) scaling. Default 10. */
  readonly ruizIterations?: number;
  /** Iterations between evaluations of termination, restarts and progress. Default 64. */
  readonly evaluationFrequency?: number;
  /**
   * Tolerance of the infeasibility certificates: a ray is accepted when its largest violation
   * divided by its objective improvement is at most this. Default 1e-8.
   */
  readonly infeasibilityTolerance?: number;
  /** Primal weight smoothing θ of PDLP (0: never update, 1: no smoothing). Default 0.5. */
  readonly primalWeightSmoothing?: number;
  /**
   * Scale the columns first by scaleLp's geometric-mean scales of the matrix bordered by its
   * bounds (a column's entries and the reciprocals of its finite bounds), before Ruiz and
   * Pock–Chambolle. Default true. Row scales from the same scaling were tried too and not kept
   * (bench/README.md, "PDHG on Netlib").
   */
  readonly boundScaling?: boolean;
  /**
   * Primal feasibility polishing (PDLP 2025): when only the primal residual is above the
   * tolerance, a run on the constraints alone from the current x. Default true (it made the
   * benchmark's planning LP of 10⁵ items × periods converge, bench/README.md, "bench:plan").
   */
  readonly polish?: boolean;
  /**
   * A warm start: the primal x and row duals (Plenty's sign convention, as LpSolution gives them) of
   * a point of this LP, e.g. the solution of the LP before a small change. Lengths must be the
   * columns and the rows; non-finite entries count as 0. Default: x at the bounds nearest 0, y = 0.
   */
  readonly start?: { readonly x: Float64Array; readonly rowDual: Float64Array } | undefined;
  /** Scale the rows first by the row scales of the same geometric scaling (by their bounds too). Default false. */
  readonly rowScaling?: boolean;
  /** Remove fixed columns, empty rows and columns, and singleton rows first (presolve.ts). Default true. */
  readonly presolve?: boolean;
  /**
   * The iteration: 'adaptive' (PDLP's adaptive step size, restarts to the average by the KKT
   * error) or 'halpern' (restarted Halpern PDHG with reflection, as cuPDLPx: a constant step
   * 0.998 / ‖Ã‖₂, restarts by the fixed-point error). Default 'adaptive'.
   */
  readonly iteration?: 'adaptive' | 'halpern';
  /** Reflection coefficient γ of the Halpern iteration (1: full reflection, 0.5: none). Default 1. */
  readonly reflection?: number;
  /**
   * The kernel of the products Ã x and Ãᵀ y (the Leontief solvers' `SolveOptions.kernel`): 'auto'
   * (default) runs the WebAssembly SIMD kernel from 50,000 non-zeros, else the JS kernel.
   */
  readonly kernel?: ProductKernel;
  /** Threads for those products (1, the default: serial; 'auto': as the Leontief solvers decide). */
  readonly threads?: number | 'auto';
}

/** The defaults, resolved. */
export interface ResolvedPdhgOptions {
  readonly gap: number;
  readonly timeLimit: number;
  readonly maxIterations: number;
  readonly ruizIterations: number;
  readonly evaluationFrequency: number;
  readonly infeasibilityTolerance: number;
  readonly primalWeightSmoothing: number;
  readonly presolve: boolean;
  readonly boundScaling: boolean;
  readonly rowScaling: boolean;
  readonly polish: boolean;
  readonly start: { readonly x: Float64Array; readonly rowDual: Float64Array } | undefined;
  readonly iteration: 'adaptive' | 'halpern';
  readonly reflection: number;
  readonly kernel: ProductKernel;
  readonly threads: number | 'auto';
}

export function resolvePdhgOptions(defaults: PdhgOptions, options: PdhgOptions): ResolvedPdhgOptions {
  const o = { ...defaults, ...options };
  return {
    gap: o.gap ?? 1e-6,
    timeLimit: o.timeLimit ?? Infinity,
    maxIterations: o.maxIterations ?? 1_000_000,
    ruizIterations: o.ruizIterations ?? 10,
    evaluationFrequency: Math.max(1, Math.floor(o.evaluationFrequency ?? 64)),
    infeasibilityTolerance: o.infeasibilityTolerance ?? 1e-8,
    primalWeightSmoothing: o.primalWeightSmoothing ?? 0.5,
    presolve: o.presolve ?? true,
    boundScaling: o.boundScaling ?? true,
    rowScaling: o.rowScaling ?? false,
    polish: o.polish ?? true,
    start: o.start,
    iteration: o.iteration ?? 'adaptive',
    reflection: o.reflection ?? 1,
    kernel: o.kernel ?? 'auto',
    threads: o.threads ?? 1,
  };
}
