import type { LuFactors } from './lu-factor.js';

/** Solves A x = b from the factors of A. Returns a new array. */
export function luSolve(f: LuFactors, b: ArrayLike<number>): Float64Array {
  const { n, lu, perm } = f;
  if (b.length !== n) throw new RangeError(`luSolve: b has length ${b.length}, expected ${n}`);
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = b[perm[i]];
  for (let i = 1; i < n; i++) {
    const ri = i * n;
    let s = x[i];
    for (let j = 0; j < i; j++) s -= lu[ri + j] * x[j];
    x[i] = s;
  }
  for (let i = n - 1; i >= 0; i--) {
    const ri = i * n;
    let s = x[i];
    for (let j = i + 1; j < n; j++) s -= lu[ri + j] * x[j];
    x[i] = s / lu[ri + i];
  }
  return x;
}
