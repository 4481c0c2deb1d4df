import type { IdIndex } from '../compile/types.js';
import type { Location } from '../model/errors.js';
import type { CsrMatrix } from '../sparse/csr.js';

/**
 * What an input–output analysis needs: the technical coefficients A (n × n, a_ij = input of item i
 * per unit of gross output of item j) and, optionally, coefficient rows per unit of gross output
 * (resources × n: labour, value added, emissions …) with their ids. A `LeontiefSystem` from
 * compile is one; so is a bare `{ A }`.
 */
export interface IoSystem {
  readonly A: CsrMatrix;
  readonly primary?: CsrMatrix;
  readonly resources?: IdIndex;
  readonly items?: IdIndex;
  /** Where item i is defined in the user's input (for errors that name an item). */
  readonly itemLocation?: (item: number) => Location;
}

/**
 * How a solve ended. 'converged': the relative residual is below the tolerance; the results keep
 * the magnitude rule (an entry beyond 1e30 is an InputError naming the item). 'not-productive':
 * the spectral radius of A is at least 1 (within 10⁻⁶: see PRODUCTIVE_MARGIN in
 * sparse/check-productive.ts), so (I − A)⁻¹ ≥ 0 does not exist. 'max-iterations': the iterative
 * solver did not reach the tolerance within its iterations. 'breakdown': its recurrence broke
 * down. For these three no number of the solve is returned: results are NaN, and `spectralRadius`
 * holds proved bounds on ρ(A) for the diagnosis.
 */
export type LeontiefStatus = 'converged' | 'not-productive' | 'max-iterations' | 'breakdown';

/** Proved bounds lower ≤ ρ(A) ≤ upper on the spectral radius. */
export interface SpectralBounds {
  readonly lower: number;
  readonly upper: number;
}

/** Options shared by the analysis functions. */
export interface LeontiefOptions {
  /** Relative residual at which iterative solves stop (default 1e-12). */
  readonly tolerance?: number;
  /** Iteration cap of the iterative solver (the solver's default when absent). */
  readonly maxIterations?: number;
  /**
   * Largest n for which a dense inverse (L, G) may be formed (default 2,000); above it the
   * functions that return a dense inverse refuse with an InputError.
   */
  readonly maxDenseInverse?: number;
  /** Called by iterative solves after each iteration with the (estimated) relative residual. */
  readonly onProgress?: (iteration: number, relativeResidual: number) => void;
}

/** What every result that comes from iterative solves carries. */
export interface SolveReport {
  readonly status: LeontiefStatus;
  /** Total iterations over all solves behind the result. */
  readonly iterations: number;
  /** Largest relative residual ‖b − (I − A)x‖₂ / ‖b‖₂ over the solves behind the result. */
  readonly relativeResidual: number;
  /** Proved bounds on ρ(A); present when the status is not 'converged'. */
  readonly spectralRadius?: SpectralBounds;
}

export const DEFAULT_TOLERANCE = 1e-12;
export const DEFAULT_MAX_DENSE_INVERSE = 2000;

/** What the solutions are, for the error a result beyond the magnitude rule gives. */
export interface SolveLabel {
  /** The quantity solved for: "the gross output", "the labour value". */
  readonly quantity: string;
  /** The results' key, for the error's path: "x", "values", "multipliers". */
  readonly key: string;
  /** Item ids in the order of A (else items are named by index). */
  readonly items?: readonly string[];
  /** Where item i is defined (else the error's location is the path key[i]). */
  readonly itemLocation?: (item: number) => Location;
  /** Names of the right-hand sides (resource rows, regions), when there are several. */
  readonly rows?: readonly string[];
}
