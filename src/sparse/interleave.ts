/** Packs k vectors of equal length n into one n × k interleaved array (entry i of j at i·k + j). */
export function interleave(vectors: readonly ArrayLike<number>[]): Float64Array {
  const k = vectors.length;
  if (k === 0) return new Float64Array(0);
  const n = vectors[0].length;
  const out = new Float64Array(n * k);
  for (let j = 0; j < k; j++) {
    const v = vectors[j];
    if (v.length !== n) throw new RangeError(`interleave: vector ${j} has length ${v.length}, expected ${n}`);
    for (let i = 0; i < n; i++) out[i * k + j] = v[i];
  }
  return out;
}
