import type { CsrMatrix } from '../../src/sparse/csr.js';

/** A CSR matrix as a dense row-major array of arrays. */
export function dense(m: CsrMatrix): number[][] {
  const out = Array.from({ length: m.rows }, () => new Array<number>(m.cols).fill(0));
  for (let i = 0; i < m.rows; i++) for (let p = m.rowPtr[i]; p < m.rowPtr[i + 1]; p++) out[i][m.colIdx[p]] += m.values[p];
  return out;
}

/** (I − M)⁻¹ by Gauss–Jordan elimination with partial pivoting (a dense reference for small tests). */
export function leontiefInverse(M: readonly (readonly number[])[]): number[][] {
  const n = M.length;
  const a = M.map((row, i) => [...row.map((v, j) => (i === j ? 1 : 0) - v), ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(a[i][k]) > Math.abs(a[p][k])) p = i;
    [a[k], a[p]] = [a[p], a[k]];
    const pivot = a[k][k];
    for (let j = 0; j < 2 * n; j++) a[k][j] /= pivot;
    for (let i = 0; i < n; i++) {
      if (i === k || a[i][k] === 0) continue;
      const f = a[i][k];
      for (let j = 0; j < 2 * n; j++) a[i][j] -= f * a[k][j];
    }
  }
  return a.map((row) => row.slice(n));
}

/** L y. */
export function times(L: readonly (readonly number[])[], y: ArrayLike<number>): number[] {
  return L.map((row) => row.reduce((s, v, j) => s + v * y[j], 0));
}
