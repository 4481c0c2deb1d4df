/** out[p[i]] = x[i]: the inverse of `permuteVector`, back to the original order. */
export function unpermuteVector(x: ArrayLike<number>, p: Int32Array): Float64Array {
  const n = p.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[p[i]] = x[i];
  return out;
}
