import { csrFromDense } from '../../src/sparse/csr-from-dense.js';
import type { CsrMatrix } from '../../src/sparse/csr.js';
import { seededRandom } from '../helpers/random.js';

/** Dense row-major product out = a (rows × cols) · x. For checking sparse kernels. */
export function denseMatvec(rows: number, cols: number, a: Float64Array, x: ArrayLike<number>): Float64Array {
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (let j = 0; j < cols; j++) s += a[i * cols + j] * x[j];
    out[i] = s;
  }
  return out;
}

/** A random dense rows × cols matrix with about `density` of its entries non-zero, in [-1, 1). */
export function randomDense(rows: number, cols: number, density: number, seed: number, signed = true): Float64Array {
  const rand = seededRandom(seed);
  const a = new Float64Array(rows * cols);
  for (let k = 0; k < a.length; k++) if (rand() < density) a[k] = signed ? 2 * rand() - 1 : rand();
  return a;
}

export function randomVector(n: number, seed: number, lo = 0, hi = 1): Float64Array {
  const rand = seededRandom(seed);
  return new Float64Array(n).map(() => lo + (hi - lo) * rand());
}

/** Dense row-major I − A of a square CSR matrix. */
export function identityMinusDense(A: CsrMatrix): Float64Array {
  const n = A.rows;
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    out[i * n + i] = 1;
    for (let p = A.rowPtr[i]; p < A.rowPtr[i + 1]; p++) out[i * n + A.colIdx[p]] -= A.values[p];
  }
  return out;
}

/** Spectral radius of a non-negative irreducible matrix by power iteration on A + I to convergence. */
export function perronRoot(A: CsrMatrix): number {
  const n = A.rows;
  let x = new Float64Array(n).fill(1);
  let lambda = 0;
  for (let it = 0; it < 100000; it++) {
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = x[i];
      for (let p = A.rowPtr[i]; p < A.rowPtr[i + 1]; p++) s += A.values[p] * x[A.colIdx[p]];
      y[i] = s;
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm = Math.max(norm, y[i]);
    const next = norm - 1;
    for (let i = 0; i < n; i++) y[i] /= norm;
    x = y;
    if (Math.abs(next - lambda) < 1e-15 * Math.max(1, next) && it > 10) return next;
    lambda = next;
  }
  return lambda;
}

export function relativeDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < a.length; i++) {
    num = Math.max(num, Math.abs(a[i] - b[i]));
    den = Math.max(den, Math.abs(b[i]));
  }
  return den === 0 ? num : num / den;
}

export function randomSparse(rows: number, cols: number, density: number, seed: number): { dense: Float64Array; csr: CsrMatrix } {
  const dense = randomDense(rows, cols, density, seed);
  return { dense, csr: csrFromDense(rows, cols, dense) };
}
