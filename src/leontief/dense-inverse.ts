import { inputError } from '../model/errors.js';
import { MAX_MAGNITUDE_TEXT, inMagnitude } from '../model/magnitude.js';
import { numberText } from '../model/magnitude-issue.js';
import { checkProductive, denseInverse } from '../sparse/index.js';
import type { CsrMatrix } from '../sparse/csr.js';
import { DEFAULT_MAX_DENSE_INVERSE, type LeontiefOptions, type SpectralBounds } from './types.js';
import { checkLimit } from './validate.js';

/** A dense inverse (I − A)⁻¹, or the reason there is none. */
export type DenseInverseResult =
  | { readonly status: 'converged'; readonly n: number; readonly inverse: Float64Array; readonly spectralRadius?: SpectralBounds }
  | { readonly status: 'not-productive' | 'singular'; readonly n: number; readonly inverse: Float64Array; readonly spectralRadius: SpectralBounds };

/**
 * (I − A)⁻¹ as a dense row-major n × n array, refused (InputError) when n exceeds
 * `maxDenseInverse`. A is first checked for productivity: a spectral radius proved ≥ 1 gives
 * status 'not-productive' with NaN entries; a singular I − A gives 'singular'. An entry beyond the
 * magnitude rule (1e30) is an InputError.
 */
export function denseLeontiefInverse(A: CsrMatrix, what: string, opts: LeontiefOptions = {}): DenseInverseResult {
  const n = A.rows;
  const limit = checkLimit(opts.maxDenseInverse, DEFAULT_MAX_DENSE_INVERSE, 'maxDenseInverse');
  if (n > limit) {
    throw inputError(
      'too-large',
      `${what} is a dense ${n} × ${n} matrix; it is formed only up to n = ${limit} (option maxDenseInverse). ` +
        'Use the solve-based functions (gross output, multipliers, footprints) instead',
      { path: ['maxDenseInverse'] },
      n,
    );
  }
  const check = checkProductive(A);
  const bounds = { lower: check.spectralRadius.lower, upper: check.spectralRadius.upper };
  if (check.status === 'not-productive') {
    return { status: 'not-productive', n, inverse: new Float64Array(n * n).fill(Number.NaN), spectralRadius: bounds };
  }
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) m[i * n + i] = 1;
  const { rowPtr, colIdx, values } = A;
  for (let i = 0; i < n; i++) {
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) m[i * n + colIdx[p]] -= values[p];
  }
  const inv = denseInverse(n, m);
  if (!(inv instanceof Float64Array)) {
    return { status: 'singular', n, inverse: new Float64Array(n * n).fill(Number.NaN), spectralRadius: bounds };
  }
  for (let k = 0; k < inv.length; k++) {
    if (!inMagnitude(inv[k])) {
      const at = `(${Math.floor(k / n)}, ${k % n})`;
      throw inputError('out-of-range', `${what} has entry ${at} = ${numberText(inv[k])}, beyond ${MAX_MAGNITUDE_TEXT}: check the coefficients and the units of the items`, { path: [what, Math.floor(k / n), k % n] }, inv[k]);
    }
  }
  return { status: 'converged', n, inverse: inv };
}
