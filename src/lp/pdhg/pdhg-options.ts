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
  /** Remove fixed columns, empty rows and columns, and singleton rows first (presolve.ts). Default true. */
  readonly presolve?: boolean;
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
  };
}
