import type { MatrixFacts } from '../matrix-facts.js';
import type { VectorOps } from '../vector-ops.js';

/** out = A x (or Aᵀ x) for k interleaved vectors, with what the product's kernel offers besides. */
export interface BlockProduct {
  (x: Float64Array, out: Float64Array): void;
  /**
   * matrixFacts of A computed by the product's kernel over its copy (else the solver computes them
   * in JS); the diagonal may be a view of the product's memory, kept for later products or valid
   * only until the next product: read it before the first product, never write it.
   */
  readonly facts?: () => MatrixFacts;
  /**
   * For k = 1: n-vectors in the product's own memory (products between them need no copies) and
   * fused kernels over them; the solver uses them when there are at least WORKSPACE_VECTORS.
   */
  readonly workspace?: { readonly vectors: readonly Float64Array[]; readonly ops: VectorOps };
}

/** Vectors the solver takes from a product's workspace (y's copy and nine of BiCGSTAB's: s shares r's room). */
export const WORKSPACE_VECTORS = 10;
