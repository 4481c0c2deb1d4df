import type { CsrMatrix } from '../sparse/csr.js';
import { denseLeontiefInverse, type DenseInverseResult } from './dense-inverse.js';
import type { LeontiefOptions } from './types.js';
import { checkSquare } from './validate.js';

/**
 * The Ghosh inverse G = (I − B)⁻¹ of allocation coefficients B (see `allocationCoefficients`),
 * dense row-major n × n: G_ij is the output of j made possible, directly and indirectly, per unit
 * of primary input into i. Small n only (refused above `maxDenseInverse`, default 2,000).
 */
export function ghoshInverse(B: CsrMatrix, opts: LeontiefOptions = {}): DenseInverseResult {
  checkSquare(B, 'B');
  return denseLeontiefInverse(B, 'The Ghosh inverse G', opts);
}
