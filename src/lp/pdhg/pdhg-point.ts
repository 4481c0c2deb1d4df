import { isDualRay, isPrimalRay } from './check-rays.js';
import type { LinearProgram, LpStatus } from '../lp-types.js';
import type { ScaledLp } from './scaled-lp.js';
import { anyBeyond, difference, largestFiniteMagnitude } from './vector-kernels.js';

/** What the two PDHG loops (run-pdhg's adaptive one and run-halpern's) share. */

/** An iterate with its products: x, y, Ã x, Ãᵀ y (scaled units). */
export interface Point {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly Ax: Float64Array;
  readonly ATy: Float64Array;
}

export function newPoint(m: number, n: number): Point {
  return { x: new Float64Array(n), y: new Float64Array(m), Ax: new Float64Array(m), ATy: new Float64Array(n) };
}

export function copyPoint(from: Point, to: Point): void {
  to.x.set(from.x);
  to.y.set(from.y);
  to.Ax.set(from.Ax);
  to.ATy.set(from.ATy);
}

/**
 * Iterates beyond this many times the scale of the (preconditioned) data have diverged: PDHG's
 * iterates stay bounded when the LP has an optimum, and grow without bound when it has none.
 */
export const DIVERGED = 1e40;
/** Iterates beyond this are not evaluated at all (their squares would overflow). */
export const FINITE_ENOUGH = 1e150;

/**
 * What a run of PDHG ends with: a status, or for settle to decide, 'diverged' (no certificate) or
 * 'primal-ray' (a primal ray, certified in original units, but no feasible point).
 */
export interface Run {
  readonly status: LpStatus | 'diverged' | 'primal-ray';
  readonly message: string;
  readonly scaled: ScaledLp;
  readonly point: Point;
  readonly iterations: number;
  readonly restarts: number;
}

/** Whether an iterate has gone beyond `limit` in magnitude (or is not a number). */
export function diverged(p: Point, limit: number): boolean {
  return anyBeyond(p.x, limit) || anyBeyond(p.y, limit);
}

/** DIVERGED times 1 + the largest finite bound or cost of the preconditioned LP. */
export function divergenceLimit(s: ScaledLp): number {
  const scale = Math.max(largestFiniteMagnitude(s.c), largestFiniteMagnitude(s.rowLower), largestFiniteMagnitude(s.rowUpper), largestFiniteMagnitude(s.colLower), largestFiniteMagnitude(s.colUpper));
  return DIVERGED * (1 + scale);
}

/** Σ of the squares of the scaled finite row bounds below `below` in original magnitude. */
export function rowBoundSquares(lp: LinearProgram, s: ScaledLp, below: number): number {
  let b2 = 0;
  for (let i = 0; i < s.m; i++) {
    const lo = s.rowLower[i];
    const up = s.rowUpper[i];
    if (Number.isFinite(lo) && Math.abs(lp.rowLower[i]) < below) b2 += lo * lo;
    if (Number.isFinite(up) && up !== lo && Math.abs(lp.rowUpper[i]) < below) b2 += up * up;
  }
  return b2;
}

export interface RayWork {
  readonly dx: Float64Array;
  readonly dy: Float64Array;
  readonly m: Float64Array;
  readonly n: Float64Array;
}

/**
 * Looks for an infeasibility certificate in the differences between the current iterate and each
 * of `bases` (the previous iterate, the last restart point, the starting point: when the iterates
 * diverge, the whole way travelled points along the ray): 'dual' (a dual ray: the LP is
 * infeasible) or 'primal' (a primal ray: unbounded if feasible).
 */
export function findRay(s: ScaledLp, cur: Point, bases: readonly Point[], tol: number, w: RayWork): 'dual' | 'primal' | undefined {
  const { dx, dy } = w;
  for (const base of bases) {
    difference(cur.y, base.y, dy);
    if (isDualRay(s, dy, tol, w.m, w.n)) return 'dual';
    difference(cur.x, base.x, dx);
    if (isPrimalRay(s, dx, tol, w.n, w.m)) return 'primal';
  }
  return undefined;
}

/**
 * Sets `p` to the starting point of a run on the scaled `s`: x̃ = x / D_c clamped to the bounds and
 * ỹ = s·rowDual / D_r projected onto the dual signs when `start` is given (non-finite entries as
 * 0), else x̃ at the bound nearest 0 and ỹ = 0; p.Ax and p.ATy are left for the caller.
 */
export function startingPoint(s: ScaledLp, p: Point, start: { readonly x: Float64Array; readonly rowDual: Float64Array } | undefined): void {
  const { m, n, colLower, colUpper, rowLower, rowUpper, colScale, rowScale, sense } = s;
  for (let j = 0; j < n; j++) {
    const v = start === undefined || !Number.isFinite(start.x[j]) ? 0 : start.x[j] / colScale[j];
    p.x[j] = Math.min(Math.max(v, colLower[j]), colUpper[j]);
  }
  for (let i = 0; i < m; i++) {
    let v = start === undefined || !Number.isFinite(start.rowDual[i]) ? 0 : (sense * start.rowDual[i]) / rowScale[i];
    if ((v > 0 && rowLower[i] === -Infinity) || (v < 0 && rowUpper[i] === Infinity)) v = 0;
    p.y[i] = v;
  }
}
