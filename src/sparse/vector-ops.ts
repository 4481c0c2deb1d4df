/**
 * The BiCGSTAB vector steps over k interleaved columns, fused where a pass is followed by dot
 * products; coefficients and dot products per column. `blockVectorOps` (block-ops.ts) does them in
 * JS for any k; a product's workspace may offer kernels for k = 1 (wasm-vector-ops.ts), doing the
 * same operations in the same order.
 */
export interface VectorOps {
  /** out[j] = Σ a·b over column j. */
  dots(a: Float64Array, b: Float64Array, out: Float64Array): void;
  /** p = r + β(p − ω v); ph = D⁻¹ p. */
  direction(p: Float64Array, ph: Float64Array, r: Float64Array, v: Float64Array, dinv: Float64Array, beta: Float64Array, omega: Float64Array): void;
  /** v = ph − v; out = rh·v per column. */
  oneMinusDot(ph: Float64Array, v: Float64Array, rh: Float64Array, out: Float64Array): void;
  /** s = r − α v; sh = D⁻¹ s; out = s·s per column. */
  half(s: Float64Array, sh: Float64Array, r: Float64Array, v: Float64Array, dinv: Float64Array, alpha: Float64Array, out: Float64Array): void;
  /** t = sh − t; ts = t·s and tt = t·t per column. */
  oneMinusDot2(sh: Float64Array, t: Float64Array, s: Float64Array, ts: Float64Array, tt: Float64Array): void;
  /** x += α ph + ω sh; r = s − ω t; out = r·r per column. */
  update(x: Float64Array, r: Float64Array, ph: Float64Array, sh: Float64Array, s: Float64Array, t: Float64Array, alpha: Float64Array, omega: Float64Array, out: Float64Array): void;
  /** r = y − x + t; out = r·r per column. */
  residual(y: Float64Array, x: Float64Array, t: Float64Array, r: Float64Array, out: Float64Array): void;
  /** Per column: 1 if an entry is negative or NaN, plus 2 if one is not finite. */
  flags(a: Float64Array, out: Uint8Array): void;
  /** dinv = 1 / (1 − d) for the diagonal d (n entries; 1 where |1 − d| ≤ 1e-8); returns max(0, d). */
  jacobi(d: Float64Array, dinv: Float64Array): number;
  /** lo[j] and hi[j]: the least and largest of 0 and column j's entries (NaN ignored). */
  range(x: Float64Array, lo: Float64Array, hi: Float64Array): void;
}
