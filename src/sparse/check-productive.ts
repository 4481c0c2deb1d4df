import type { CsrMatrix } from './csr.js';
import { colSums } from './col-sums.js';
import { matrixFacts } from './matrix-facts.js';
import { matvec } from './matvec.js';
import { rowSums } from './row-sums.js';

/**
 * A spectral radius within this of 1 counts as 1: A is productive only when ρ(A) < 1 − 10⁻⁶ is
 * proved, and not productive as soon as ρ(A) ≥ 1 − 10⁻⁶ is. For a non-negative A,
 * (I − A)⁻¹ ≥ 0 has spectral radius 1 / (1 − ρ(A)), so at ρ(A) ≥ 1 − 10⁻⁶ some unit of final
 * demand would need more than a million units of gross output in all: beyond any real economy,
 * the mark of a wrong coefficient, and beyond what an iterative solve in double precision settles
 * (a spectral radius of exactly 1, a loop of a consumes 2 b and b consumes 0.5 a, is never proved
 * ≥ 1 in floating point: its bounds close in on 1 from both sides). Documented in docs/cli.md.
 */
export const PRODUCTIVE_MARGIN = 1e-6;

export interface ProductiveOptions {
  /** Largest number of power-type iterations (matrix–vector products). Default 500. */
  readonly maxIterations?: number;
  /** Stop refining when upper − lower ≤ tolerance · upper. Default 1e-6. */
  readonly tolerance?: number;
  /**
   * Keep refining the bounds after the status is decided (until `tolerance` or `maxIterations`).
   * Default false: stop as soon as the status is proved, which for a matrix whose column or row
   * sums are all below 1 means no iteration at all.
   */
  readonly refine?: boolean;
}

export interface ProductiveResult {
  /**
   * 'productive': proved ρ(A) < 1 − PRODUCTIVE_MARGIN (upper bound below it). 'not-productive':
   * proved ρ(A) ≥ 1 − PRODUCTIVE_MARGIN (lower bound at or above it). 'unknown': neither proved
   * within the iterations, or A has negative entries.
   */
  readonly status: 'productive' | 'not-productive' | 'unknown';
  /** Proven bounds on the spectral radius (in floating-point arithmetic). */
  readonly spectralRadius: { readonly lower: number; readonly upper: number };
  readonly iterations: number;
}

/**
 * Decides whether a square non-negative matrix A is productive (spectral radius ρ(A) < 1, so
 * that (I − A)⁻¹ exists and is non-negative), with a spectral radius within PRODUCTIVE_MARGIN
 * (10⁻⁶) of 1 counted as not productive.
 *
 * Bounds used:
 * - norms: ρ ≤ max column sum and ρ ≤ max row sum; ρ ≥ min row sum and ρ ≥ min column sum;
 * - Collatz–Wielandt: for x > 0, ρ ≤ maxᵢ (Ax)ᵢ/xᵢ; for x ≥ 0, x ≠ 0, ρ ≥ min over xᵢ > 0 of
 *   (Ax)ᵢ/xᵢ (valid for reducible A too).
 * The refining iteration is x ← A x + α x + δ·mean(x)·1, normalised: the α x term (α = a tenth of
 * the norm bound) damps the oscillation of periodic matrices, and the small uniform term
 * (δ = 1e-9) keeps x strictly positive when A is reducible or has zero rows, so that the upper
 * bound stays valid. Lower bounds come from x itself (good when A is irreducible) and, every
 * few iterations, from x with the entries below 1000 times the uniform term set to zero, so that
 * components held up only by that term (zero rows, classes with a smaller spectral radius) do
 * not spoil the minimum. (A threshold relative to max x would fail for economies with hub
 * products whose entries dwarf all others.)
 *
 * With negative entries the status is 'unknown' and the bounds are 0 ≤ ρ(A) ≤ ρ(|A|) bounds
 * from the norms of |A|.
 */
export function checkProductive(A: CsrMatrix, options: ProductiveOptions = {}): ProductiveResult {
  if (A.rows !== A.cols) throw new RangeError(`checkProductive: the matrix is ${A.rows} × ${A.cols}, not square`);
  const n = A.rows;
  const maxIterations = options.maxIterations ?? 500;
  const tolerance = options.tolerance ?? 1e-6;
  const refine = options.refine ?? false;
  if (n === 0) return { status: 'productive', spectralRadius: { lower: 0, upper: 0 }, iterations: 0 };
  const facts = matrixFacts(A);
  if (!facts.nonNegative) {
    const absA: CsrMatrix = { ...A, values: A.values.map(Math.abs) };
    const upper = Math.min(maxOf(colSums(absA)), maxOf(rowSums(absA)));
    return { status: 'unknown', spectralRadius: { lower: 0, upper }, iterations: 0 };
  }
  const cs = colSums(A);
  const rs = rowSums(A);
  let upper = Math.min(maxOf(cs), maxOf(rs));
  let lower = Math.max(minOf(cs), minOf(rs));
  for (let i = 0; i < n; i++) if (facts.diag[i] > lower) lower = facts.diag[i];
  const edge = 1 - PRODUCTIVE_MARGIN;
  const decided = (): boolean => upper < edge || lower >= edge;
  const done = (): boolean => (decided() && !refine) || upper - lower <= tolerance * upper;
  let iterations = 0;
  if (!done() && upper > 0) {
    const alpha = 0.1 * upper;
    const delta = 1e-9;
    const x = new Float64Array(n).fill(1);
    const t = new Float64Array(n);
    const z = new Float64Array(n);
    let lift = 0;
    while (iterations < maxIterations) {
      matvec(A, x, t);
      iterations++;
      // Upper bound from x > 0, lower bound from x ≥ 0.
      let hi = 0;
      let lo = Infinity;
      for (let i = 0; i < n; i++) {
        const r = t[i] / x[i];
        if (r > hi) hi = r;
        if (r < lo) lo = r;
      }
      if (hi < upper) upper = hi;
      if (lo > lower) lower = lo;
      // Next iterate (kept strictly positive), normalised to max 1.
      let sum = 0;
      for (let i = 0; i < n; i++) sum += x[i];
      lift = (delta * sum) / n;
      let mx = 0;
      for (let i = 0; i < n; i++) {
        const v = t[i] + alpha * x[i] + lift;
        x[i] = v;
        if (v > mx) mx = v;
      }
      const inv = 1 / mx;
      for (let i = 0; i < n; i++) x[i] *= inv;
      lift *= inv; // the uniform term on the scale of the normalised x
      if (done()) break;
      // Lower bound from the thresholded iterate, every few iterations (costs a product).
      if (iterations % 4 === 0 || iterations >= maxIterations) {
        const lo = lowerBound(A, x, z, t, 1000 * lift);
        iterations++;
        if (lo > lower) lower = lo;
        if (done()) break;
      }
    }
    if (!done()) {
      const lo = lowerBound(A, x, z, t, 1000 * lift);
      iterations++;
      if (lo > lower) lower = lo;
    }
  }
  if (upper < lower) upper = lower; // rounding in the last place; keep the bracket ordered
  const status = upper < edge ? 'productive' : lower >= edge ? 'not-productive' : 'unknown';
  return { status, spectralRadius: { lower, upper }, iterations };
}

/** min over zᵢ > 0 of (A z)ᵢ / zᵢ, where z is x with entries below `cut` set to zero. */
function lowerBound(A: CsrMatrix, x: Float64Array, z: Float64Array, t: Float64Array, cut: number): number {
  const n = x.length;
  for (let i = 0; i < n; i++) z[i] = x[i] >= cut ? x[i] : 0;
  matvec(A, z, t);
  let lo = Infinity;
  for (let i = 0; i < n; i++) {
    if (z[i] > 0) {
      const r = t[i] / z[i];
      if (r < lo) lo = r;
    }
  }
  return lo === Infinity ? 0 : lo;
}

function maxOf(a: Float64Array): number {
  let m = -Infinity;
  for (let i = 0; i < a.length; i++) if (a[i] > m) m = a[i];
  return m;
}

function minOf(a: Float64Array): number {
  let m = Infinity;
  for (let i = 0; i < a.length; i++) if (a[i] < m) m = a[i];
  return m;
}
