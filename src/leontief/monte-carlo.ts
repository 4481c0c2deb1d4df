import { availableParallelism } from 'node:os';
import { inputError } from '../model/errors.js';
import type { CsrMatrix } from '../sparse/csr.js';
import { solveLeontief, solveLeontiefMulti, solveLeontiefTransposedMulti, toWasmCsr, transpose } from '../sparse/index.js';
import { resolveRows, type CoefficientRows } from './coefficient-rows.js';
import { drawPart, factorTable, streamKey, type FactorTable } from './monte-carlo-draws.js';
import { parallelDraws } from './monte-carlo-parallel-draws.js';
import { DEFAULT_TOLERANCE, type IoSystem, type LeontiefOptions, type LeontiefStatus } from './types.js';
import { asSystem, checkSquare, checkVector } from './validate.js';

/**
 * Spread of the inputs: a relative standard deviation for every coefficient of A (one number, or
 * one per stored entry of A in its order), and optionally for the final demand and the coefficient
 * rows. `lognormal` (default) keeps every draw positive with mean 1 × the value; `normal` draws
 * value · (1 + rsd · z), cut at 0.
 */
export interface MonteCarloSpread {
  readonly A: number | Float64Array;
  readonly y?: number;
  readonly rows?: number;
  readonly distribution?: 'lognormal' | 'normal';
}

export interface MonteCarloOptions {
  readonly draws: number;
  readonly seed?: number;
  /** Called after each draw (for a progress bar). */
  readonly onDraw?: (done: number, total: number) => void;
  /** Also the multipliers (rows × items) per draw; default true. */
  readonly multipliers?: boolean;
  /**
   * Further final demands (e.g. one per region of final demand): their footprints per row, from
   * each draw's multipliers. Each is drawn with the same factor per item as y (so when y is their
   * sum, the drawn demands still sum to the drawn y).
   */
  readonly demands?: readonly ArrayLike<number>[];
  /**
   * Called with each draw's inputs after they are drawn and before they are solved (draws counted
   * from 0): may replace entries (a table of draws) or read them (a check against another
   * implementation). A's coefficients are reached by their place in A's stored order (the run may
   * keep them in another); y and the rows are the draw's own arrays.
   */
  readonly adjust?: (draw: number, A: DrawnCoefficients, y: Float64Array, rows: readonly Float64Array[]) => void;
}

/** A draw's coefficients of A, each by its place p in A's stored order (0 ≤ p < length). */
export interface DrawnCoefficients {
  readonly length: number;
  get(p: number): number;
  set(p: number, value: number): void;
  /** All of them, in A's stored order (a copy). */
  toArray(): Float64Array;
}

/** A quantity's distribution over the draws. */
export interface Summary {
  readonly mean: Float64Array;
  readonly median: Float64Array;
  readonly p025: Float64Array;
  readonly p975: Float64Array;
}

export interface MonteCarloResult {
  readonly status: LeontiefStatus;
  readonly draws: number;
  readonly names: readonly string[];
  /** Footprint of y per row: s L y (length k). */
  readonly footprints: Summary;
  /** Multipliers s L per row and item (k × n, row-major), when asked for. */
  readonly multipliers?: Summary;
  /** Footprints of the further demands per row (k × demands, row-major), when demands were given. */
  readonly demandFootprints?: Summary;
  /** Largest relative residual of any solve. */
  readonly relativeResidual: number;
  readonly iterations: number;
}

/** Mean, median and the 2.5 / 97.5 percentiles (linear interpolation) of each of m quantities over d draws stored draw-major. */
function summarise(samples: Float64Array, m: number, d: number): Summary {
  const mean = new Float64Array(m);
  const median = new Float64Array(m);
  const p025 = new Float64Array(m);
  const p975 = new Float64Array(m);
  const col = new Float64Array(d);
  const at = (q: number): number => {
    const h = (d - 1) * q;
    const lo = Math.floor(h);
    return col[lo] + (h - lo) * ((col[Math.min(lo + 1, d - 1)] ?? col[lo]) - col[lo]);
  };
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let t = 0; t < d; t++) {
      col[t] = samples[t * m + i];
      s += col[t];
    }
    col.sort();
    mean[i] = s / d;
    median[i] = at(0.5);
    p025[i] = at(0.025);
    p975[i] = at(0.975);
  }
  return { mean, median, p025, p975 };
}

/** Most stored numbers (draws × quantities) a run may keep for its percentiles. */
const MAX_SAMPLES = 200_000_000;
/** Loosest solve tolerance of a run with spread (see monteCarloTolerance). */
const LOOSEST_TOLERANCE = 1e-6;
/** From this many coefficients, A's factors are drawn by all cores (where A is in shared memory). */
const PARALLEL_DRAWS_MIN = 1_000_000;
/** Below this many draws × entries a part's factors are computed by formula, not from a table. */
const TABLE_MIN_FACTORS = 1_000_000;

/**
 * The solves' relative residual for d draws whose smallest non-zero relative standard deviation is
 * ρ: ρ / (1000 √d), between the deterministic solves' DEFAULT_TOLERANCE and 10⁻⁶ (no spread at
 * all: the deterministic tolerance, so that every draw is the deterministic result). A solve to
 * relative residual τ moves an account by about τ (times a factor of a few, the size of (I − A)⁻¹);
 * the Monte Carlo's own error in a mean or percentile is about σ / √d, where σ, the account's spread,
 * shrinks with ρ. On the benchmark's EXIOBASE-size table at ρ = 0.1 (τ = 10⁻⁶), the multipliers'
 * relative spreads were 10⁻⁴ to a few 10⁻² (median 5·10⁻³) and the solves' error at most 0.3% of a
 * multiplier's σ (median 0.002%), so at most a tenth of its standard error at 1,000 draws; a solve
 * needs a third fewer products than at 10⁻¹⁰. bench/uncertainty checks it against exact solves of
 * the same draws.
 */
export function monteCarloTolerance(spread: MonteCarloSpread, draws: number): number {
  let rho = Infinity;
  const take = (v: number): void => {
    if (v > 0 && v < rho) rho = v;
  };
  if (typeof spread.A === 'number') take(spread.A);
  else for (const v of spread.A) take(v);
  take(spread.y ?? 0);
  take(spread.rows ?? 0);
  if (rho === Infinity) return DEFAULT_TOLERANCE;
  return Math.min(LOOSEST_TOLERANCE, Math.max(DEFAULT_TOLERANCE, rho / (1000 * Math.sqrt(draws))));
}

/** Aᵀ's pattern, in the solvers' WebAssembly memory where there is one, and the place in A of each of its entries. */
function transposedPattern(A: CsrMatrix, k: number): { order: Int32Array; At: CsrMatrix } {
  const pattern = transpose({ ...A, values: Float64Array.from({ length: A.values.length }, (_, p) => p) });
  const order = Int32Array.from(pattern.values);
  return { order, At: toWasmCsr(pattern, { k }) ?? pattern };
}

/**
 * Monte Carlo over the coefficients (and optionally final demand and the coefficient rows): for
 * each draw, A's entries (and y, s) are multiplied by independent random factors with the given
 * relative standard deviations; the footprints s L y and the multipliers s L are solved (warm-started
 * from the previous draw's solutions, which are close) and every quantity is summarised by its mean,
 * median and 2.5 / 97.5 percentiles. Seeded: the same seed gives the same result. With zero spread
 * every draw is the deterministic result. A draw that is not productive or does not converge stops
 * the run with its status and no numbers.
 */
export function monteCarlo(sys: IoSystem | CsrMatrix, rowsIn: CoefficientRows, y: ArrayLike<number>, spread: MonteCarloSpread, options: MonteCarloOptions, opts: LeontiefOptions = {}): MonteCarloResult {
  const s = asSystem(sys);
  const n = checkSquare(s.A, 'A');
  const yy = checkVector(y, n, 'y', s);
  const { names, rows } = resolveRows(s, rowsIn, n);
  const k = rows.length;
  const d = options.draws;
  if (!(Number.isInteger(d) && d >= 1)) throw inputError('bad-option', 'draws must be a positive integer', { path: ['draws'] }, d);
  if (k === 0) throw inputError('empty', 'Monte Carlo needs at least one coefficient row', { path: ['rows'] }, 0);
  const rsdA = spread.A;
  if (typeof rsdA !== 'number' && rsdA.length !== s.A.values.length) throw inputError('wrong-length', `the spread of A must have one entry per stored coefficient (${s.A.values.length})`, { path: ['spread', 'A'] }, rsdA.length);
  let leastA = typeof rsdA === 'number' ? rsdA : Infinity;
  if (typeof rsdA !== 'number') for (const v of rsdA) if (!(v >= leastA)) leastA = v; // NaN included
  for (const [what, v] of [['A', leastA], ['y', spread.y ?? 0], ['rows', spread.rows ?? 0]] as const) {
    if (!(Number.isFinite(v) && v >= 0 && v <= 10)) throw inputError('out-of-range', 'a relative standard deviation must be between 0 and 10', { path: ['spread', what] }, v);
  }
  const withMultipliers = options.multipliers ?? true;
  const demands = (options.demands ?? []).map((col, g) => checkVector(col, n, `demands[${g}]`, s));
  const D = demands.length;
  if (withMultipliers && d * k * n > MAX_SAMPLES) {
    throw inputError('too-large', `${d} draws of ${k} × ${n} multipliers are more than ${MAX_SAMPLES} numbers to keep: ask for fewer draws or footprints only`, { path: ['draws'] }, d);
  }
  const lognormal = (spread.distribution ?? 'lognormal') === 'lognormal';
  const seed = options.seed ?? 1;
  const tolerance = opts.tolerance ?? monteCarloTolerance(spread, d);
  const nz = s.A.values.length;
  const yd = new Float64Array(n);
  const rd = rows.map(() => new Float64Array(n));
  const footSamples = new Float64Array(d * k);
  const multSamples = withMultipliers ? new Float64Array(d * k * n) : undefined;
  const demSamples = D > 0 ? new Float64Array(d * k * D) : undefined;
  const dd = demands.map(() => new Float64Array(n));
  const solveMultipliers = multSamples !== undefined || demSamples !== undefined;
  // Several rows: m (I − A) = c is (I − Aᵀ) mᵀ = cᵀ over Aᵀ, whose pattern is A's: formed once
  // (in the solvers' WebAssembly memory where there is one, so no solve copies it), and each draw
  // drawn straight into it (order[q]: the place in A of Aᵀ's entry q, which keys its random factor).
  const { order, At } = solveMultipliers && k > 1 ? transposedPattern(s.A, k) : { order: undefined, At: undefined };
  /** The matrix each draw is solved over (A, or Aᵀ), its values the draw's. */
  const drawn: CsrMatrix = At ?? { ...s.A, values: new Float64Array(nz) };
  // Large draws into shared memory are drawn by all cores (parallelDraws): their inputs shared too.
  const threads = At !== undefined && At.values.buffer instanceof SharedArrayBuffer && nz >= PARALLEL_DRAWS_MIN ? Math.min(availableParallelism(), 4) : 1;
  const gather = (v: Float64Array): Float64Array => {
    if (order === undefined) return v;
    const out = threads > 1 ? new Float64Array(new SharedArrayBuffer(8 * nz)) : new Float64Array(nz);
    for (let q = 0; q < nz; q++) out[q] = v[order[q]];
    return out;
  };
  const table = (rsd: number | Float64Array, entries: number): FactorTable | undefined => (typeof rsd === 'number' && rsd > 0 && entries * d >= TABLE_MIN_FACTORS ? factorTable(rsd, lognormal) : undefined);
  const rsdY = spread.y ?? 0;
  const rsdRows = spread.rows ?? 0;
  const sharedOrder = order !== undefined && threads > 1 ? new Int32Array(new SharedArrayBuffer(4 * nz)) : order;
  if (sharedOrder !== order && order !== undefined) sharedOrder?.set(order);
  const partA = { base: gather(s.A.values), rsd: typeof rsdA === 'number' ? rsdA : gather(rsdA), lognormal, ...(sharedOrder === undefined ? {} : { order: sharedOrder }) };
  const tableA = table(rsdA, nz);
  const parallel = threads > 1 ? parallelDraws({ ...partA, out: drawn.values, seed, ...(tableA === undefined ? {} : { table: tableA }) }, threads) : undefined;
  const tableY = table(rsdY, n);
  const tableRows = table(rsdRows, n * k);
  // The adjust hook's view of the draw's A, by place in A's stored order.
  let place: Int32Array | undefined;
  const at = (p: number): number => {
    if (order === undefined) return p;
    if (place === undefined) {
      place = new Int32Array(nz);
      for (let q = 0; q < nz; q++) place[order[q]] = q;
    }
    return place[p];
  };
  const coefficients: DrawnCoefficients = {
    length: nz,
    get: (p) => drawn.values[at(p)],
    set: (p, v) => void (drawn.values[at(p)] = v),
    toArray: () => {
      const out = new Float64Array(nz);
      if (order === undefined) out.set(drawn.values);
      else for (let q = 0; q < nz; q++) out[order[q]] = drawn.values[q];
      return out;
    },
  };
  let x: Float64Array | undefined;
  let m: Float64Array | undefined; // n × k interleaved
  let relativeResidual = 0;
  let iterations = 0;
  const fail = (status: LeontiefStatus): MonteCarloResult => {
    const nan = (len: number): Summary => ({ mean: new Float64Array(len).fill(Number.NaN), median: new Float64Array(len).fill(Number.NaN), p025: new Float64Array(len).fill(Number.NaN), p975: new Float64Array(len).fill(Number.NaN) });
    return { status, draws: d, names, footprints: nan(k), ...(withMultipliers ? { multipliers: nan(k * n) } : {}), ...(D > 0 ? { demandFootprints: nan(k * D) } : {}), relativeResidual, iterations };
  };
  try {
    for (let t = 0; t < d; t++) {
      if (parallel !== undefined) parallel.draw(t);
      else drawPart(drawn.values, { ...partA, key: streamKey(seed, t, 0), ...(tableA === undefined ? {} : { table: tableA }) });
      drawPart(yd, { key: streamKey(seed, t, 1), base: yy, rsd: rsdY, lognormal, ...(tableY === undefined ? {} : { table: tableY }) });
      rows.forEach((r, q) => drawPart(rd[q], { key: streamKey(seed, t, 2 + q), base: r, rsd: rsdRows, lognormal, ...(tableRows === undefined ? {} : { table: tableRows }) }));
      options.adjust?.(t, coefficients, yd, rd);
      for (let g = 0; g < D; g++) {
        const col = demands[g];
        const out = dd[g];
        for (let i = 0; i < n; i++) out[i] = yy[i] === 0 ? col[i] : col[i] * (yd[i] / yy[i]);
      }
      if (!solveMultipliers) {
        // Footprints only: one solve for x, then s x per row.
        const xs = solveLeontief(drawn, yd, { tolerance, ...(x === undefined ? {} : { x0: x }) });
        if (xs.status !== 'converged') return fail(xs.status);
        x = Float64Array.from(xs.x);
        relativeResidual = Math.max(relativeResidual, xs.relativeResidual);
        iterations += xs.iterations;
        for (let q = 0; q < k; q++) {
          let f = 0;
          for (let i = 0; i < n; i++) f += rd[q][i] * x[i];
          footSamples[t * k + q] = f;
        }
      } else {
        const rhs = new Float64Array(n * k);
        for (let q = 0; q < k; q++) for (let i = 0; i < n; i++) rhs[i * k + q] = rd[q][i];
        // Several rows: over Aᵀ (its pattern formed once, above); one row: the transposed solve over A.
        let ms;
        if (At !== undefined) ms = solveLeontiefMulti(At, rhs, k, { tolerance, ...(m === undefined ? {} : { x0: m }) });
        else ms = solveLeontiefTransposedMulti(drawn, rhs, k, { tolerance, ...(m === undefined ? {} : { x0: m }) });
        if (ms.status !== 'converged') return fail(ms.status);
        m = Float64Array.from(ms.x);
        relativeResidual = Math.max(relativeResidual, ms.relativeResidual);
        iterations += ms.iterations;
        // The footprints of y from the multipliers: Σ_i m_i y_i (the same as s x, without a solve for x).
        for (let q = 0; q < k; q++) {
          let f = 0;
          for (let i = 0; i < n; i++) if (yd[i] !== 0) f += m[i * k + q] * yd[i];
          footSamples[t * k + q] = f;
        }
        if (multSamples !== undefined) for (let q = 0; q < k; q++) for (let i = 0; i < n; i++) multSamples[t * k * n + q * n + i] = m[i * k + q];
        if (demSamples !== undefined) {
          for (let q = 0; q < k; q++) {
            for (let g = 0; g < D; g++) {
              const col = dd[g];
              let f = 0;
              for (let i = 0; i < n; i++) if (col[i] !== 0) f += m[i * k + q] * col[i];
              demSamples[t * k * D + q * D + g] = f;
            }
          }
        }
      }
      options.onDraw?.(t + 1, d);
    }
  } finally {
    parallel?.close();
  }
  return {
    status: 'converged',
    draws: d,
    names,
    footprints: summarise(footSamples, k, d),
    ...(multSamples === undefined ? {} : { multipliers: summarise(multSamples, k * n, d) }),
    ...(demSamples === undefined ? {} : { demandFootprints: summarise(demSamples, k * D, d) }),
    relativeResidual,
    iterations,
  };
}
