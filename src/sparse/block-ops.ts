import type { VectorOps } from './vector-ops.js';
/**
 * Vector kernels of the Leontief solvers over k interleaved columns (entry i of column j at
 * i·k + j), each with a k = 1 fast path. Top-level functions over typed-array parameters so that
 * the engine optimises the loops. Internal to the sparse package.
 */

/** r = y − x + t; returns nothing. */
export function residualInto(y: Float64Array, x: Float64Array, t: Float64Array, r: Float64Array, len: number): void {
  for (let q = 0; q < len; q++) r[q] = y[q] - x[q] + t[q];
}

/** out[j] = Σᵢ a[i·k + j] · b[i·k + j]. */
export function colDots(a: Float64Array, b: Float64Array, n: number, k: number, out: Float64Array): void {
  if (k === 1) {
    let s0 = 0;
    let s1 = 0;
    let i = 0;
    for (; i + 1 < n; i += 2) {
      s0 += a[i] * b[i];
      s1 += a[i + 1] * b[i + 1];
    }
    if (i < n) s0 += a[i] * b[i];
    out[0] = s0 + s1;
    return;
  }
  // Four columns a pass, each summed in local variables in the order of i (the same sums, bit for
  // bit, as one pass adding into out[j]): for k = 10, n = 9,800 0.08 ms instead of 0.18–0.24.
  const len = n * k;
  let j = 0;
  for (; j + 4 <= k; j += 4) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let q = j; q < len; q += k) {
      s0 += a[q] * b[q];
      s1 += a[q + 1] * b[q + 1];
      s2 += a[q + 2] * b[q + 2];
      s3 += a[q + 3] * b[q + 3];
    }
    out[j] = s0;
    out[j + 1] = s1;
    out[j + 2] = s2;
    out[j + 3] = s3;
  }
  for (; j + 2 <= k; j += 2) {
    let s0 = 0;
    let s1 = 0;
    for (let q = j; q < len; q += k) {
      s0 += a[q] * b[q];
      s1 += a[q + 1] * b[q + 1];
    }
    out[j] = s0;
    out[j + 1] = s1;
  }
  for (; j < k; j++) {
    let s0 = 0;
    for (let q = j; q < len; q += k) s0 += a[q] * b[q];
    out[j] = s0;
  }
}

/** Σᵢ a[i·k + j] · b[i·k + j] for one column j. */
export function columnDot(a: Float64Array, b: Float64Array, n: number, k: number, j: number): number {
  let s = 0;
  const len = n * k;
  for (let q = j; q < len; q += k) s += a[q] * b[q];
  return s;
}

/** x += D⁻¹ r (a Jacobi sweep). */
export function jacobiStep(x: Float64Array, r: Float64Array, dinv: Float64Array, n: number, k: number): void {
  if (k === 1) {
    for (let i = 0; i < n; i++) x[i] += dinv[i] * r[i];
    return;
  }
  for (let i = 0, q = 0; i < n; i++) {
    const di = dinv[i];
    for (let j = 0; j < k; j++, q++) x[q] += di * r[q];
  }
}

/** p = r + β(p − ω v); ph = D⁻¹ p. */
export function bicgDirection(
  p: Float64Array,
  ph: Float64Array,
  r: Float64Array,
  v: Float64Array,
  beta: Float64Array,
  omega: Float64Array,
  dinv: Float64Array,
  n: number,
  k: number,
): void {
  if (k === 1) {
    const b = beta[0];
    const bw = b * omega[0];
    for (let i = 0; i < n; i++) {
      const pq = r[i] + b * p[i] - bw * v[i];
      p[i] = pq;
      ph[i] = dinv[i] * pq;
    }
    return;
  }
  for (let i = 0, q = 0; i < n; i++) {
    const di = dinv[i];
    for (let j = 0; j < k; j++, q++) {
      const pq = r[q] + beta[j] * (p[q] - omega[j] * v[q]);
      p[q] = pq;
      ph[q] = di * pq;
    }
  }
}

/** v = ph − v (turns A·ph into (I − A)·ph). */
export function oneMinus(ph: Float64Array, v: Float64Array, len: number): void {
  for (let q = 0; q < len; q++) v[q] = ph[q] - v[q];
}

/** s = r − α v; sh = D⁻¹ s. */
export function bicgHalf(
  s: Float64Array,
  sh: Float64Array,
  r: Float64Array,
  v: Float64Array,
  alpha: Float64Array,
  dinv: Float64Array,
  n: number,
  k: number,
): void {
  if (k === 1) {
    const a = alpha[0];
    for (let i = 0; i < n; i++) {
      const sq = r[i] - a * v[i];
      s[i] = sq;
      sh[i] = dinv[i] * sq;
    }
    return;
  }
  for (let i = 0, q = 0; i < n; i++) {
    const di = dinv[i];
    for (let j = 0; j < k; j++, q++) {
      const sq = r[q] - alpha[j] * v[q];
      s[q] = sq;
      sh[q] = di * sq;
    }
  }
}

/** x += α ph + ω sh; r = s − ω t. */
export function bicgUpdate(
  x: Float64Array,
  r: Float64Array,
  ph: Float64Array,
  sh: Float64Array,
  s: Float64Array,
  t: Float64Array,
  alpha: Float64Array,
  omega: Float64Array,
  n: number,
  k: number,
): void {
  if (k === 1) {
    const a = alpha[0];
    const w = omega[0];
    for (let i = 0; i < n; i++) {
      x[i] += a * ph[i] + w * sh[i];
      r[i] = s[i] - w * t[i];
    }
    return;
  }
  for (let i = 0, q = 0; i < n; i++) {
    for (let j = 0; j < k; j++, q++) {
      x[q] += alpha[j] * ph[q] + omega[j] * sh[q];
      r[q] = s[q] - omega[j] * t[q];
    }
  }
}

/** The solver's vector steps over k interleaved columns of length n, composed of the kernels above. */
export function blockVectorOps(n: number, k: number): VectorOps {
  const nk = n * k;
  return {
    dots: (a, b, out) => colDots(a, b, n, k, out),
    direction: (p, ph, r, v, dinv, beta, omega) => bicgDirection(p, ph, r, v, beta, omega, dinv, n, k),
    oneMinusDot: (ph, v, rh, out) => {
      oneMinus(ph, v, nk);
      colDots(rh, v, n, k, out);
    },
    half: (s, sh, r, v, dinv, alpha, out) => {
      bicgHalf(s, sh, r, v, alpha, dinv, n, k);
      colDots(s, s, n, k, out);
    },
    oneMinusDot2: (sh, t, s, ts, tt) => {
      oneMinus(sh, t, nk);
      colDots(t, s, n, k, ts);
      colDots(t, t, n, k, tt);
    },
    update: (x, r, ph, sh, s, t, alpha, omega, out) => {
      bicgUpdate(x, r, ph, sh, s, t, alpha, omega, n, k);
      colDots(r, r, n, k, out);
    },
    residual: (y, x, t, r, out) => {
      residualInto(y, x, t, r, nk);
      colDots(r, r, n, k, out);
    },
    flags: (a, out) => columnFlags(a, n, k, out),
    jacobi: (d, dinv) => jacobiScaling(d, dinv, n),
    range: (x, lo, hi) => columnRange(x, n, k, lo, hi),
  };
}

/** out[j]: 1 if an entry of column j is negative or NaN, plus 2 if one is not finite. */
export function columnFlags(a: Float64Array, n: number, k: number, out: Uint8Array): void {
  out.fill(0);
  for (let i = 0, q = 0; i < n; i++) {
    for (let j = 0; j < k; j++, q++) {
      const v = a[q];
      if (!(v >= 0)) out[j] |= 1;
      if (!(v - v === 0)) out[j] |= 2;
    }
  }
}

/** dinv = 1 / (1 − d) (1 where |1 − d| ≤ 1e-8 or d is NaN); returns the largest of 0 and d. */
export function jacobiScaling(d: Float64Array, dinv: Float64Array, n: number): number {
  let max = 0;
  for (let i = 0; i < n; i++) {
    const a = d[i];
    if (a > max) max = a;
    const u = 1 - a;
    dinv[i] = Math.abs(u) > 1e-8 ? 1 / u : 1;
  }
  return max;
}

/** lo[j], hi[j]: the least and largest of 0 and column j's entries (NaN ignored). */
export function columnRange(x: Float64Array, n: number, k: number, lo: Float64Array, hi: Float64Array): void {
  lo.fill(0);
  hi.fill(0);
  for (let i = 0, q = 0; i < n; i++) {
    for (let j = 0; j < k; j++, q++) {
      if (x[q] < lo[j]) lo[j] = x[q];
      if (x[q] > hi[j]) hi[j] = x[q];
    }
  }
}
