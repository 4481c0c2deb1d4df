/**
 * The vector loops of the PDHG iterations, each a small function over typed arrays of equal length
 * (small and monomorphic, so that the engine optimises each within its first calls: see
 * bench/README.md, "10³ against HiGHS's PDLP"). Sums run in index order.
 */

/** Σ_k (b_k − a_k)². */
export function squaredDistance(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) {
    const d = b[k] - a[k];
    s += d * d;
  }
  return s;
}

/** Σ_k (b_k − a_k)(q_k − p_k). */
export function crossDifference(a: Float64Array, b: Float64Array, p: Float64Array, q: Float64Array): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += (b[k] - a[k]) * (q[k] - p[k]);
  return s;
}

/** sum += w · v. */
export function addScaled(sum: Float64Array, w: number, v: Float64Array): void {
  for (let k = 0; k < sum.length; k++) sum[k] += w * v[k];
}

/** out = w · v. */
export function scaleInto(out: Float64Array, w: number, v: Float64Array): void {
  for (let k = 0; k < out.length; k++) out[k] = v[k] * w;
}

/** z = p · h + q · z + b · anchor (the Halpern step with reflection). */
export function halpernCombine(z: Float64Array, p: number, h: Float64Array, q: number, b: number, anchor: Float64Array): void {
  for (let k = 0; k < z.length; k++) z[k] = p * h[k] + q * z[k] + b * anchor[k];
}

/** max_k |v_k| (0 for an empty vector). */
export function largestMagnitude(v: Float64Array): number {
  let s = 0;
  for (let k = 0; k < v.length; k++) {
    const a = Math.abs(v[k]);
    if (a > s) s = a;
  }
  return s;
}

/** max |v_k| over the finite v_k (0 if none). */
export function largestFiniteMagnitude(v: Float64Array): number {
  let s = 0;
  for (let k = 0; k < v.length; k++) {
    const a = Math.abs(v[k]);
    if (a > s && a < Infinity) s = a;
  }
  return s;
}

/** Whether some |v_k| is above `limit` or not a number. */
export function anyBeyond(v: Float64Array, limit: number): boolean {
  for (let k = 0; k < v.length; k++) if (!(Math.abs(v[k]) <= limit)) return true;
  return false;
}

/** out = a − b. */
export function difference(a: Float64Array, b: Float64Array, out: Float64Array): void {
  for (let k = 0; k < out.length; k++) out[k] = a[k] - b[k];
}
