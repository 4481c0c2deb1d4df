import type { CsrMatrix } from '../../sparse/csr.js';

/**
 * A Leontief substitution system: n products, techniques that each make one product, one primary
 * resource (labour, say). Several techniques may make the same product.
 */
export interface SubstitutionSystem {
  /** Number of products. */
  readonly products: number;
  /** Per technique: the product it makes. */
  readonly techniqueProduct: Int32Array;
  /** Per technique: output of its product per unit of activity (> 0). */
  readonly output: Float64Array;
  /** products × techniques: input of each product per unit of activity. */
  readonly inputs: CsrMatrix;
  /** Per technique: use of the primary resource per unit of activity (≥ 0). */
  readonly primary: Float64Array;
}

export type SubstitutionStatus = 'optimal' | 'not-productive' | 'iteration-limit' | 'not-converged';

export interface SubstitutionResult {
  readonly status: SubstitutionStatus;
  /** Per product: the chosen technique (an index into the system's techniques). */
  readonly choice: Int32Array;
  /**
   * Per product: its valuation p_i = min over techniques j making i of (l_j + Σ_k a_kj p_k), per
   * unit of output: the primary resource embodied in it, directly and indirectly.
   */
  readonly valuations: Float64Array;
  /** Per product: gross output x = (I − A_choice)⁻¹ y (empty when no final demand was given). */
  readonly grossOutput: Float64Array;
  /** Per technique: activity level (gross output of its product over its output per unit; 0 if not chosen). */
  readonly activity: Float64Array;
  /** Policy-iteration rounds (each a solve for the valuations). */
  readonly iterations: number;
  /**
   * Largest relative residual: of the valuation equations p = l + pA for the choice, of the
   * quantity equations (I − A)x = y, and of optimality (how much cheaper the cheapest technique
   * of any product is than its valuation, relative to 1 + p_i).
   */
  readonly residual: number;
  readonly message?: string;
}
