import type { CsrMatrix } from '../../sparse/csr.js';
import { matvec } from '../../sparse/matvec.js';

/**
 * ‖A‖₂, the largest singular value, by power iteration on AᵀA (AT is Aᵀ) from the all-ones vector,
 * until the estimate changes by less than `tolerance` relative (at most `maxIterations` rounds).
 * An estimate from below; the caller keeps a margin (cuPDLPx takes 0.998 / estimate as its step).
 */
export function spectralNorm(A: CsrMatrix, AT: CsrMatrix, tolerance = 1e-5, maxIterations = 500): number {
  const v = new Float64Array(A.cols).fill(1);
  const u = new Float64Array(A.rows);
  let estimate = 0;
  let length = Math.sqrt(A.cols);
  if (length === 0) return 0;
  for (let j = 0; j < v.length; j++) v[j] /= length;
  for (let it = 0; it < maxIterations; it++) {
    matvec(A, v, u);
    matvec(AT, u, v);
    length = 0;
    for (let j = 0; j < v.length; j++) length += v[j] * v[j];
    length = Math.sqrt(length);
    if (length === 0) return 0;
    for (let j = 0; j < v.length; j++) v[j] /= length;
    const next = Math.sqrt(length);
    const settled = Math.abs(next - estimate) <= tolerance * next;
    estimate = next;
    if (settled) break;
  }
  return estimate;
}
