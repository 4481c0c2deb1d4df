import type { CsrMatrix } from '../src/sparse/csr.js';
import type { SparseRows } from '../src/model/types.js';

// Independent checks of the answers, written here rather than taken from the solver, so that a
// solver bug cannot also hide in its own residual.

/**
 * ‖y − (I − A)x‖₂ / ‖y‖₂ for the column system, or ‖s − v(I − A)‖₂ / ‖s‖₂ for the row system
 * (`transposed`), for k interleaved vectors (entry i of vector j at i·k + j); the worst over the k.
 */
export function relativeResidual(A: CsrMatrix, x: Float64Array, y: Float64Array, k: number, transposed: boolean): number {
  const n = A.rows;
  const { rowPtr, colIdx, values } = A;
  const r = new Float64Array(n * k);
  if (!transposed) {
    for (let i = 0; i < n; i++) {
      const end = rowPtr[i + 1];
      for (let j = 0; j < k; j++) {
        let s = 0;
        for (let p = rowPtr[i]; p < end; p++) s += values[p] * x[colIdx[p] * k + j];
        r[i * k + j] = s;
      }
    }
  } else {
    for (let i = 0; i < n; i++) {
      const end = rowPtr[i + 1];
      for (let p = rowPtr[i]; p < end; p++) {
        const a = values[p];
        const c = colIdx[p] * k;
        for (let j = 0; j < k; j++) r[c + j] += a * x[i * k + j];
      }
    }
  }
  const num = new Float64Array(k);
  const den = new Float64Array(k);
  for (let i = 0; i < n * k; i++) {
    const d = y[i] - x[i] + r[i];
    const j = i % k;
    num[j] += d * d;
    den[j] += y[i] * y[i];
  }
  let worst = 0;
  for (let j = 0; j < k; j++) worst = Math.max(worst, Math.sqrt(num[j]) / Math.sqrt(den[j]));
  return worst;
}

/** max |a − b| / max |b|: the norm-wise relative difference of a from the reference b. */
export function relativeDifference(a: Float64Array, b: Float64Array): number {
  if (a.length !== b.length) return Infinity;
  let diff = 0;
  let scale = 0;
  let nan = false;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    if (d > diff) diff = d;
    else if (Number.isNaN(d)) nan = true;
    const m = Math.abs(b[i]);
    if (m > scale) scale = m;
  }
  return nan ? Infinity : diff / scale;
}

/** The worst row-wise relative difference of two m × n row-major blocks. */
export function worstRowDifference(a: Float64Array, b: Float64Array, m: number): number {
  if (a.length !== b.length || a.length % m !== 0) return Infinity;
  const n = a.length / m;
  let worst = 0;
  for (let r = 0; r < m; r++) {
    worst = Math.max(worst, relativeDifference(a.subarray(r * n, (r + 1) * n), b.subarray(r * n, (r + 1) * n)));
  }
  return worst;
}

/** Σ a_i b_i. */
export function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** |got − want| / |want|: 0 where they are equal, infinite where want is 0 and got is not (NaN where either is NaN). */
export function relativeTo(got: number, want: number): number {
  return got === want ? 0 : want === 0 ? Infinity : Math.abs(got - want) / Math.abs(want);
}

/**
 * The largest relative difference (relativeTo) of a sparse matrix's entries from
 * `expected(row, column)`, infinite where one is not a number: an imported model's coefficients
 * checked against the download they come from.
 */
export function worstEntryDifference(m: SparseRows, expected: (row: number, col: number) => number): number {
  let worst = 0;
  for (let i = 0; i < m.rows; i++) {
    for (let p = m.rowPtr[i]; p < m.rowPtr[i + 1]; p++) {
      const d = relativeTo(m.values[p], expected(i, m.colIdx[p]));
      if (!(d <= worst)) worst = d;
    }
  }
  return worst;
}

