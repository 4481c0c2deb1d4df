/** Splits an n × k interleaved array (entry i of j at i·k + j) into k separate vectors. */
export function deinterleave(x: Float64Array, k: number): Float64Array[] {
  if (!(Number.isInteger(k) && k >= 1) || x.length % k !== 0) {
    throw new RangeError(`deinterleave: length ${x.length} is not a multiple of k = ${k}`);
  }
  const n = x.length / k;
  const out: Float64Array[] = [];
  for (let j = 0; j < k; j++) {
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) v[i] = x[i * k + j];
    out.push(v);
  }
  return out;
}
