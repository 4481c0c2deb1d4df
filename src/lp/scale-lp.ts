import type { CsrMatrix } from '../sparse/csr.js';
import { checkSolution } from './check-solution.js';
import type { LinearProgram, LpSolution } from './lp-types.js';
import { LARGE_BOUND } from './relax-redundant-bounds.js';

/**
 * A scaled copy of a linear program and the way back. With row scales R, column scales D and an
 * objective scale σ (all powers of two, so every product below is exact):
 *
 *   Ã = R A D,  row bounds R·b,  column bounds D⁻¹·l, D⁻¹·u,  c̃ = σ D c,  offset σ·offset,
 *
 * and x = D x̃, A x = R⁻¹ Ã x̃, rowDual = σ⁻¹ R ỹ, colDual = σ⁻¹ D⁻¹ z̃, objective = σ⁻¹ õ. The
 * scales are positive, so the dual sign convention of lp-types.ts carries over unchanged.
 */
export interface ScaledLp {
  readonly scaled: LinearProgram;
  /** R, one power of two per row. */
  readonly rowScale: Float64Array;
  /** D, one power of two per column: the scaled variable is x / D. */
  readonly colScale: Float64Array;
  /** σ, a power of two. */
  readonly objectiveScale: number;
  /**
   * The solution of the original LP from one of the scaled LP: x, activities, duals and objective
   * mapped back, residuals and gap recomputed by checkSolution on the original LP.
   */
  unscale(solution: LpSolution): LpSolution;
  /** The same mapping for bare vectors (new arrays; the inputs are left alone). */
  unscalePoint(point: LpPoint): LpPoint;
}

/** A primal–dual point of an LP. */
export interface LpPoint {
  readonly x: Float64Array;
  readonly rowActivity: Float64Array;
  readonly rowDual: Float64Array;
  readonly colDual: Float64Array;
}

export interface ScaleLpOptions {
  /** Most passes of geometric-mean scaling (default 20; they stop earlier once the scales settle). */
  readonly passes?: number;
  /**
   * If scaled bounds beyond LARGE_BOUND remain, divide every bound by one power of two so that the
   * largest is 2^60 (default false). HiGHS's simplex stops with an error on primal values beyond
   * 1e25; but bounds far below the largest then fall under the solver's tolerances, so this is for
   * a second attempt, after a solve without it failed.
   */
  readonly reduceBounds?: boolean;
  /**
   * Columns left unscaled (scale 1) where this is 1: a mixed-integer program's whole-valued
   * columns, whose scaled values must stay whole (default: every column scaled).
   */
  readonly keepColumns?: Uint8Array;
}


/** Scales stay within 2^±MAX_EXPONENT, far from overflow. */
const MAX_EXPONENT = 200;
const DEFAULT_PASSES = 20;

/**
 * The row and column scales R and D of scaleLp (powers of two): geometric-mean scaling of the
 * matrix bordered by its finite non-zero bounds, at most `passes` passes. Also the first step of
 * PDHG's preconditioning (src/lp/pdhg/precondition.ts).
 */
export function geometricScales(lp: LinearProgram, passes: number = DEFAULT_PASSES): { readonly r: Float64Array; readonly d: Float64Array } {
  const { A } = lp;
  const m = A.rows;
  const n = A.cols;
  const { rowPtr, colIdx, values } = A;
  // Reciprocal magnitudes of the finite non-zero column bounds (0 when none), and magnitudes of
  // the finite non-zero row bounds: the border of the matrix.
  const colBoundMax = new Float64Array(n);
  const colBoundMin = new Float64Array(n).fill(Infinity);
  for (let j = 0; j < n; j++) {
    const lo = Math.abs(lp.colLower[j]);
    const up = Math.abs(lp.colUpper[j]);
    const a = lo > 0 && lo < LARGE_BOUND ? 1 / lo : 0;
    const b = up > 0 && up < LARGE_BOUND ? 1 / up : 0;
    colBoundMax[j] = Math.max(a, b);
    if (a > 0 || b > 0) colBoundMin[j] = a > 0 && b > 0 ? Math.min(a, b) : a + b;
  }
  const rowBoundMax = new Float64Array(m);
  const rowBoundMin = new Float64Array(m).fill(Infinity);
  for (let i = 0; i < m; i++) {
    const lo = Math.abs(lp.rowLower[i]);
    const up = Math.abs(lp.rowUpper[i]);
    const a = lo > 0 && lo < LARGE_BOUND ? lo : 0;
    const b = up > 0 && up < LARGE_BOUND ? up : 0;
    rowBoundMax[i] = Math.max(a, b);
    if (a > 0 || b > 0) rowBoundMin[i] = a > 0 && b > 0 ? Math.min(a, b) : a + b;
  }

  const r = new Float64Array(m).fill(1);
  const d = new Float64Array(n).fill(1);
  const colMax = new Float64Array(n);
  const colMin = new Float64Array(n);
  for (let pass = 0; pass < passes; pass++) {
    const rowsMoved = rowGeometricMeans(rowPtr, colIdx, values, d, rowBoundMax, rowBoundMin, r);
    colMax.set(colBoundMax);
    colMin.set(colBoundMin);
    columnExtremes(rowPtr, colIdx, values, r, colMax, colMin);
    const colsMoved = scalesFromExtremes(colMax, colMin, d);
    if (Math.max(rowsMoved, colsMoved) < Math.SQRT2) break;
  }
  roundToPowersOfTwo(r);
  roundToPowersOfTwo(d);
  return { r, d };
}

/*
 * The passes' loops, each a small function of its own (optimised by the engine within its first
 * calls, as a loop of a larger function is not: see bench/README.md, "10³ against HiGHS's PDLP").
 */

/**
 * Each row's scale r_i = 1/√(max·min) over its entries |a_ij|·d_j and its border (rowMax, rowMin);
 * 1 for a row with neither. Returns the largest factor by which a scale moved (at least 1).
 */
function rowGeometricMeans(rowPtr: Int32Array, colIdx: Int32Array, values: Float64Array, d: Float64Array, rowMax: Float64Array, rowMin: Float64Array, r: Float64Array): number {
  let moved = 1;
  for (let i = 0; i < r.length; i++) {
    let mx = rowMax[i];
    let mn = rowMin[i];
    for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
      const v = Math.abs(values[k]) * d[colIdx[k]];
      if (v > 0 && v < Infinity) {
        if (v > mx) mx = v;
        if (v < mn) mn = v;
      }
    }
    const s = mx > 0 ? 1 / Math.sqrt(mx * mn) : 1;
    const q = s > r[i] ? s / r[i] : r[i] / s;
    if (q > moved) moved = q;
    r[i] = s;
  }
  return moved;
}

/** Per column the largest and smallest entry r_i·|a_ij| (finite, non-zero), into colMax and colMin as they stand. */
function columnExtremes(rowPtr: Int32Array, colIdx: Int32Array, values: Float64Array, r: Float64Array, colMax: Float64Array, colMin: Float64Array): void {
  for (let i = 0; i < r.length; i++) {
    const ri = r[i];
    for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
      const v = Math.abs(values[k]) * ri;
      if (v > 0 && v < Infinity) {
        const j = colIdx[k];
        if (v > colMax[j]) colMax[j] = v;
        if (v < colMin[j]) colMin[j] = v;
      }
    }
  }
}

/** s_j = 1/√(max_j·min_j) (1 where max_j is 0). Returns the largest factor by which a scale moved (at least 1). */
function scalesFromExtremes(max: Float64Array, min: Float64Array, scales: Float64Array): number {
  let moved = 1;
  for (let j = 0; j < scales.length; j++) {
    const s = max[j] > 0 ? 1 / Math.sqrt(max[j] * min[j]) : 1;
    const q = s > scales[j] ? s / scales[j] : scales[j] / s;
    if (q > moved) moved = q;
    scales[j] = s;
  }
  return moved;
}

function roundToPowersOfTwo(scales: Float64Array): void {
  for (let k = 0; k < scales.length; k++) scales[k] = powerOfTwo(scales[k]);
}

/**
 * Scales an LP so that its matrix entries, its finite non-zero bounds and right-hand sides, and its
 * largest cost are all of order 1. Solvers work with absolute tolerances (HiGHS: 1e-7 on primal and
 * dual feasibility): on a plan whose amounts and limits are in the millions next to a λ near 1, a
 * dual error within tolerance times a limit of 10⁶ is an error of order 0.1 in the dual objective.
 *
 * Bounds of LARGE_BOUND (1e20) or more are left out of the computation of the scales (a limit of
 * 1e30 next to entries of order 1 would pull its row's scale, and the entries with it, far below
 * 1); they are scaled like every other bound and stay finite: only ±Infinity means no bound. With
 * `reduceBounds`, all bounds are then divided by one power of two if some remain beyond it.
 *
 * Geometric-mean scaling, alternating rows and columns, of the matrix bordered by the bounds: a
 * row's set is its entries |a_ij|·D_j and its finite non-zero bounds |b_i| (both scale with R_i); a
 * column's set is its entries R_i·|a_ij| and 1/|l_j|, 1/|u_j| for its finite non-zero bounds (the
 * scaled bound u_j/D_j is 1 when D_j·(1/|u_j|) is). Each pass sets a scale to 1/√(max·min) of its
 * set, the geometric mean of the extremes, until no scale moves by more than a factor √2; then the
 * scales are rounded to powers of two and σ is chosen so that the largest |c̃_j| is about 1.
 * Linear in the non-zeros per pass; the input is not changed.
 */
export function scaleLp(lp: LinearProgram, options: ScaleLpOptions = {}): ScaledLp {
  const { A } = lp;
  const m = A.rows;
  const n = A.cols;
  const { rowPtr, colIdx, values } = A;

  const { r, d } = geometricScales(lp, options.passes ?? DEFAULT_PASSES);
  const keep = options.keepColumns;
  if (keep !== undefined) for (let j = 0; j < n; j++) if (keep[j] === 1) d[j] = 1;
  // reduceBounds: every bound divided by one power of two β (every variable measured in units of
  // β: D·β, R/β, the matrix unchanged) so that the largest is at most 2^60.
  const beta = options.reduceBounds === true ? boundReduction(lp, r, d) : 1;
  if (beta !== 1) {
    for (let i = 0; i < m; i++) r[i] /= beta;
    for (let j = 0; j < n; j++) d[j] *= beta;
  }

  let cMax = 0;
  for (let j = 0; j < n; j++) {
    const v = Math.abs(lp.c[j]) * d[j];
    if (v > cMax && v < Infinity) cMax = v;
  }
  const sigma = cMax > 0 ? powerOfTwo(1 / cMax) : 1;

  const scaledValues = new Float64Array(rowPtr[m]);
  for (let i = 0; i < m; i++) {
    const ri = r[i];
    for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) scaledValues[k] = values[k] * ri * d[colIdx[k]];
  }
  const scaledA: CsrMatrix = { rows: m, cols: n, rowPtr, colIdx, values: scaledValues };
  const c = new Float64Array(n);
  const colLower = new Float64Array(n);
  const colUpper = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    c[j] = lp.c[j] * d[j] * sigma;
    colLower[j] = scaleBound(lp.colLower[j], 1 / d[j]);
    colUpper[j] = scaleBound(lp.colUpper[j], 1 / d[j]);
  }
  const rowLower = new Float64Array(m);
  const rowUpper = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    rowLower[i] = scaleBound(lp.rowLower[i], r[i]);
    rowUpper[i] = scaleBound(lp.rowUpper[i], r[i]);
  }
  const scaled: LinearProgram = {
    ...lp,
    c,
    offset: (lp.offset ?? 0) * sigma,
    A: scaledA,
    rowLower,
    rowUpper,
    colLower,
    colUpper,
  };

  const unscalePoint = (p: LpPoint): LpPoint => {
    const x = new Float64Array(n);
    const colDual = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      x[j] = p.x[j] * d[j];
      colDual[j] = p.colDual[j] / (d[j] * sigma);
    }
    const rowActivity = new Float64Array(m);
    const rowDual = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      rowActivity[i] = p.rowActivity[i] / r[i];
      rowDual[i] = (p.rowDual[i] * r[i]) / sigma;
    }
    return { x, rowActivity, rowDual, colDual };
  };

  const unscale = (s: LpSolution): LpSolution => {
    const p = unscalePoint(s);
    const objective = s.objective / sigma;
    if (Number.isNaN(s.primalResidual) && Number.isNaN(s.dualResidual)) return { ...s, ...p, objective };
    const check = checkSolution(lp, p.x, p.rowDual, p.colDual);
    return { ...s, ...p, objective, primalResidual: check.primalResidual, dualResidual: check.dualResidual, relativeGap: check.relativeGap };
  };

  return { scaled, rowScale: r, colScale: d, objectiveScale: sigma, unscale, unscalePoint };
}

/** Largest scaled bound that scaleLp leaves as it is, and the one it brings larger ones down to. */
const BOUND_TARGET = 2 ** 60;

/** β (a power of two) that brings the largest finite scaled bound down to BOUND_TARGET; 1 if it is below LARGE_BOUND. */
function boundReduction(lp: LinearProgram, r: Float64Array, d: Float64Array): number {
  let largest = 0;
  const see = (v: number): void => {
    const a = Math.abs(v);
    if (a < Infinity && a > largest) largest = a;
  };
  for (let i = 0; i < r.length; i++) {
    see(lp.rowLower[i] * r[i]);
    see(lp.rowUpper[i] * r[i]);
  }
  for (let j = 0; j < d.length; j++) {
    see(lp.colLower[j] / d[j]);
    see(lp.colUpper[j] / d[j]);
  }
  if (largest <= LARGE_BOUND) return 1;
  return 2 ** Math.min(MAX_EXPONENT, Math.ceil(Math.log2(largest / BOUND_TARGET)));
}

/** The power of two nearest to s > 0 on a log scale, within 2^±MAX_EXPONENT. */
function powerOfTwo(s: number): number {
  if (!(s > 0) || !Number.isFinite(s)) return 1;
  const e = Math.round(Math.log2(s));
  return 2 ** Math.max(-MAX_EXPONENT, Math.min(MAX_EXPONENT, e));
}

/** A bound times a scale (±Infinity stays as it is). */
function scaleBound(b: number, s: number): number {
  return b * s;
}
