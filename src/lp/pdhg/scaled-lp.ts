import type { CsrMatrix } from '../../sparse/csr.js';

/**
 * A linear program as PDHG iterates on it: always a minimisation, with A equilibrated,
 *
 *   Ã = D_r A D_c,  c̃ = s · D_c c,  row bounds D_r [l, u],  column bounds [l_c, u_c] / D_c,
 *
 * where s = −1 for a maximisation. An iterate (x̃, ỹ) maps back as x = D_c x̃, y = D_r ỹ.
 */
export interface ScaledLp {
  readonly m: number;
  readonly n: number;
  readonly A: CsrMatrix;
  /** Ãᵀ, formed once. */
  readonly AT: CsrMatrix;
  readonly c: Float64Array;
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
  readonly colLower: Float64Array;
  readonly colUpper: Float64Array;
  /** D_r. */
  readonly rowScale: Float64Array;
  /** D_c. */
  readonly colScale: Float64Array;
  /** 1 for a minimisation, −1 for a maximisation. */
  readonly sense: number;
}
