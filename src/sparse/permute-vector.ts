/** out[i] = x[p[i]]: a vector in the order of a permuted matrix (see `permute`). */
export function permuteVector(x: ArrayLike<number>, p: Int32Array): Float64Array {
  const n = p.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = x[p[i]];
  return out;
}
