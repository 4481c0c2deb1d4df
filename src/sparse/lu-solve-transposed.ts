import type { LuFactors } from './lu-factor.js';

/**
 * Solves xᵀ A = bᵀ (that is Aᵀ x = b) from the factors of A. With P A = L U, Aᵀ = Uᵀ Lᵀ P.
 * Returns a new array.
 */
export function luSolveTransposed(f: LuFactors, b: ArrayLike<number>): Float64Array {
  const { n, lu, perm } = f;
  if (b.length !== n) throw new RangeError(`luSolveTransposed: b has length ${b.length}, expected ${n}`);
  const z = Float64Array.from(b);
  // Uᵀ z = b: forward, column i of U is row i of Uᵀ.
  for (let i = 0; i < n; i++) {
    let s = z[i];
    for (let j = 0; j < i; j++) s -= lu[j * n + i] * z[j];
    z[i] = s / lu[i * n + i];
  }
  // Lᵀ w = z: backward, unit diagonal.
  for (let i = n - 1; i >= 0; i--) {
    let s = z[i];
    for (let j = i + 1; j < n; j++) s -= lu[j * n + i] * z[j];
    z[i] = s;
  }
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[perm[i]] = z[i];
  return x;
}
