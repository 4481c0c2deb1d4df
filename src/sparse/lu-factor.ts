/**
 * LU factors of a square dense matrix with partial (row) pivoting: P A = L U, L unit lower
 * triangular and U upper triangular stored together in `lu` (row-major n × n); row i of P A is
 * row `perm[i]` of A.
 */
export interface LuFactors {
  readonly status: 'factored';
  readonly n: number;
  readonly lu: Float64Array;
  readonly perm: Int32Array;
}

/** The matrix is singular (to working precision): no usable pivot in `column` (0-based). */
export interface LuSingular {
  readonly status: 'singular';
  readonly column: number;
}

/**
 * Factors the n × n row-major matrix `a` (not modified) with partial pivoting. A pivot no larger
 * than n · ε · max|a_ij| counts as zero and the matrix is reported singular.
 */
export function luFactor(n: number, a: ArrayLike<number>): LuFactors | LuSingular {
  if (a.length !== n * n) throw new RangeError(`luFactor: a has ${a.length} entries, expected ${n} × ${n}`);
  const lu = Float64Array.from(a);
  const perm = new Int32Array(n);
  let scale = 0;
  for (let k = 0; k < n * n; k++) {
    const v = Math.abs(lu[k]);
    if (v > scale) scale = v;
  }
  const tiny = n * Number.EPSILON * scale;
  for (let i = 0; i < n; i++) perm[i] = i;
  for (let k = 0; k < n; k++) {
    let piv = k;
    let best = Math.abs(lu[k * n + k]);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(lu[i * n + k]);
      if (v > best) {
        best = v;
        piv = i;
      }
    }
    if (!(best > tiny)) return { status: 'singular', column: k };
    if (piv !== k) {
      const rk = k * n;
      const rp = piv * n;
      for (let j = 0; j < n; j++) {
        const t = lu[rk + j];
        lu[rk + j] = lu[rp + j];
        lu[rp + j] = t;
      }
      const t = perm[k];
      perm[k] = perm[piv];
      perm[piv] = t;
    }
    const rk = k * n;
    const d = lu[rk + k];
    for (let i = k + 1; i < n; i++) {
      const ri = i * n;
      const l = lu[ri + k] / d;
      lu[ri + k] = l;
      if (l === 0) continue;
      for (let j = k + 1; j < n; j++) lu[ri + j] -= l * lu[rk + j];
    }
  }
  return { status: 'factored', n, lu, perm };
}
