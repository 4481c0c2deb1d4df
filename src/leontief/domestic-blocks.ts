import type { CsrMatrix } from '../sparse/csr.js';
import { luFactor, luSolve, matvecMulti, type LuFactors } from '../sparse/index.js';

/**
 * Largest number of sectors per region for which the regions' diagonal blocks are factorised
 * (R · ns³ / 1.5 multiply-adds: 0.26·10⁹ for EXIOBASE's 49 × 200).
 */
export const DOMESTIC_BLOCK_MAX = 500;

/**
 * Dense LU factors of I − M_rr for each region r's diagonal block M_rr of the region-major matrix
 * M (R regions of ns sectors); undefined for a block that is singular to working precision.
 */
export function domesticBlockFactors(M: CsrMatrix, R: number, ns: number): (LuFactors | undefined)[] {
  const out: (LuFactors | undefined)[] = [];
  const block = new Float64Array(ns * ns);
  for (let r = 0; r < R; r++) {
    block.fill(0);
    const lo = r * ns;
    const hi = lo + ns;
    for (let a = 0; a < ns; a++) {
      block[a * ns + a] = 1;
      const i = lo + a;
      for (let p = M.rowPtr[i]; p < M.rowPtr[i + 1]; p++) {
        const j = M.colIdx[p];
        if (j >= lo && j < hi) block[a * ns + j - lo] -= M.values[p];
      }
    }
    const f = luFactor(ns, block);
    out.push(f.status === 'factored' ? f : undefined);
  }
  return out;
}

/**
 * A starting point for the solve of x (I − A) = s with region r's entries of s zeroed (the
 * multiplier of the stressor outside r), from m = s (I − A)⁻¹, the full multiplier, and the
 * factors of I − (Aᵀ)_rr: x₀ = m − c on region r's block, c = s_r (I − A_rr)⁻¹. Its residual is
 * −c A_r,o, region r's domestic multiplier times its exports of intermediates only, where the
 * zero start's is the whole right-hand side (on the benchmark's synthetic EXIOBASE a BiCGSTAB
 * iteration of six fewer). Undefined without factors or with a non-finite m.
 */
export function importStart(m: Float64Array, s: Float64Array, r: number, ns: number, factors: LuFactors | undefined): Float64Array | undefined {
  return importStartParts(m, s, r, ns, factors)?.x0;
}

/** importStart's x₀ and c, region r's domestic multiplier (x₀ = m − c on region r's block). */
export function importStartParts(m: Float64Array, s: Float64Array, r: number, ns: number, factors: LuFactors | undefined): { x0: Float64Array; c: Float64Array } | undefined {
  if (factors === undefined) return undefined;
  const lo = r * ns;
  const c = luSolve(factors, s.subarray(lo, lo + ns));
  const x0 = Float64Array.from(m);
  for (let a = 0; a < ns; a++) x0[lo + a] -= c[a];
  for (let i = 0; i < x0.length; i++) if (!Number.isFinite(x0[i])) return undefined;
  return { x0, c };
}

/**
 * The residual of importStart's x₀ without a product with A: with ε = s − m (I − A), the residual
 * of the full multiplier m (found once per stressor), the residual of x₀ = m − c (c on region r's
 * block) for the right-hand side s with region r zeroed is ε − s_r + c − c A_r,·, where c A_r,·
 * takes region r's ns rows of A (row form, A itself: Aᵀ's columns) instead of all of A. `c` is
 * region r's block of m − x₀. Exact up to rounding (the solver still forms the final residual
 * with a product).
 */
export function importStartResidual(eps: Float64Array, s: Float64Array, c: Float64Array, r: number, ns: number, A: CsrMatrix): Float64Array {
  const lo = r * ns;
  const res = Float64Array.from(eps);
  const { rowPtr, colIdx, values } = A;
  for (let a = 0; a < ns; a++) {
    const ca = c[a];
    res[lo + a] += ca - s[lo + a];
    if (ca === 0) continue;
    for (let p = rowPtr[lo + a]; p < rowPtr[lo + a + 1]; p++) res[colIdx[p]] -= values[p] * ca;
  }
  return res;
}

/**
 * ε_q = s_q − m_q (I − A) for each stressor row s_q and its multiplier m_q, over Aᵀ (CSR), by
 * one block product: the residuals importStartResidual starts from.
 */
export function multiplierResiduals(At: CsrMatrix, S: readonly Float64Array[], M: readonly Float64Array[]): Float64Array[] {
  const n = At.rows;
  const k = S.length;
  const x = new Float64Array(n * k);
  for (let q = 0; q < k; q++) for (let i = 0; i < n; i++) x[i * k + q] = M[q][i];
  const t = matvecMulti(At, x, k, new Float64Array(n * k));
  return S.map((s, q) => {
    const m = M[q];
    const eps = new Float64Array(n);
    for (let i = 0; i < n; i++) eps[i] = s[i] - m[i] + t[i * k + q];
    return eps;
  });
}
