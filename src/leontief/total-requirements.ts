import type { CsrMatrix } from '../sparse/csr.js';
import { denseLeontiefInverse, type DenseInverseResult } from './dense-inverse.js';
import type { IoSystem, LeontiefOptions } from './types.js';
import { asSystem, checkSquare } from './validate.js';

/**
 * The Leontief inverse L = (I − A)⁻¹ (total requirements), dense, row-major n × n: L_ij is the
 * gross output of item i needed, directly and indirectly, per unit of final demand for item j.
 *
 * Only for small n: refused with an InputError above `maxDenseInverse` (default 2,000). For
 * gross outputs, multipliers and footprints use the solve-based functions, which never form L.
 * Status 'not-productive' (NaN entries, spectral-radius bounds) when ρ(A) ≥ 1 is proved.
 */
export function totalRequirements(sys: IoSystem | CsrMatrix, opts: LeontiefOptions = {}): DenseInverseResult {
  const { A } = asSystem(sys);
  checkSquare(A, 'A');
  return denseLeontiefInverse(A, 'The Leontief inverse L', opts);
}
