import type { CsrMatrix } from '../sparse/csr.js';
import { luFactor, luSolve, type LuFactors } from '../sparse/index.js';

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
  if (factors === undefined) return undefined;
  const lo = r * ns;
  const c = luSolve(factors, s.subarray(lo, lo + ns));
  const x0 = Float64Array.from(m);
  for (let a = 0; a < ns; a++) x0[lo + a] -= c[a];
  for (let i = 0; i < x0.length; i++) if (!Number.isFinite(x0[i])) return undefined;
  return x0;
}
