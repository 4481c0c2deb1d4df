import { inputError } from '../model/errors.js';
import type { CsrMatrix } from '../sparse/csr.js';
import { solveLeontief, solveLeontiefMulti, solveLeontiefTransposedMulti, transpose } from '../sparse/index.js';
import { resolveRows, type CoefficientRows } from './coefficient-rows.js';
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
   * implementation). A, y and the rows are the draw's own arrays.
   */
  readonly adjust?: (draw: number, A: Float64Array, y: Float64Array, rows: readonly Float64Array[]) => void;
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

/** mulberry32 uniforms and Box–Muller normals, the same for the same seed everywhere. */
function normals(seed: number): () => number {
  let a = seed >>> 0;
  const uniform = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
  let spare = Number.NaN;
  return () => {
    if (!Number.isNaN(spare)) {
      const z = spare;
      spare = Number.NaN;
      return z;
    }
    const r = Math.sqrt(-2 * Math.log(uniform()));
    const t = 2 * Math.PI * uniform();
    spare = r * Math.sin(t);
    return r * Math.cos(t);
  };
}

function perturb(out: Float64Array, base: Float64Array, rsd: number | Float64Array, lognormal: boolean, z: () => number): void {
  if (typeof rsd === 'number') {
    // One spread for all: its lognormal parameters once (the same numbers as per entry below).
    if (rsd === 0) {
      out.set(base);
      return;
    }
    const s2 = Math.log(1 + rsd * rsd);
    const sd = Math.sqrt(s2);
    const shift = s2 / 2;
    for (let p = 0; p < base.length; p++) {
      const b = base[p];
      if (b === 0) out[p] = b;
      else out[p] = lognormal ? b * Math.exp(sd * z() - shift) : Math.max(0, b * (1 + rsd * z()));
    }
    return;
  }
  for (let p = 0; p < base.length; p++) {
    const r = rsd[p];
    if (r === 0 || base[p] === 0) {
      out[p] = base[p];
      continue;
    }
    if (lognormal) {
      const s2 = Math.log(1 + r * r);
      out[p] = base[p] * Math.exp(Math.sqrt(s2) * z() - s2 / 2);
    } else {
      out[p] = Math.max(0, base[p] * (1 + r * z()));
    }
  }
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
  for (const [what, v] of [['A', typeof rsdA === 'number' ? rsdA : Math.min(...rsdA)], ['y', spread.y ?? 0], ['rows', spread.rows ?? 0]] as const) {
    if (!(Number.isFinite(v) && v >= 0 && v <= 10)) throw inputError('out-of-range', 'a relative standard deviation must be between 0 and 10', { path: ['spread', what] }, v);
  }
  const withMultipliers = options.multipliers ?? true;
  const demands = (options.demands ?? []).map((col, g) => checkVector(col, n, `demands[${g}]`, s));
  const D = demands.length;
  if (withMultipliers && d * k * n > MAX_SAMPLES) {
    throw inputError('too-large', `${d} draws of ${k} × ${n} multipliers are more than ${MAX_SAMPLES} numbers to keep: ask for fewer draws or footprints only`, { path: ['draws'] }, d);
  }
  const lognormal = (spread.distribution ?? 'lognormal') === 'lognormal';
  const z = normals(options.seed ?? 1);
  const tolerance = opts.tolerance ?? DEFAULT_TOLERANCE;
  const A: CsrMatrix = { ...s.A, values: new Float64Array(s.A.values.length) };
  const yd = new Float64Array(n);
  const rd = rows.map(() => new Float64Array(n));
  const footSamples = new Float64Array(d * k);
  const multSamples = withMultipliers ? new Float64Array(d * k * n) : undefined;
  const demSamples = D > 0 ? new Float64Array(d * k * D) : undefined;
  const dd = demands.map(() => new Float64Array(n));
  const solveMultipliers = multSamples !== undefined || demSamples !== undefined;
  // Several rows: m (I − A) = c is (I − Aᵀ) mᵀ = cᵀ over Aᵀ, whose pattern is A's: formed once, its
  // values gathered from each draw's A (perm[q]: the entry of A at Aᵀ's q).
  const At = solveMultipliers && k > 1 ? transpose({ ...s.A, values: Float64Array.from({ length: s.A.values.length }, (_, p) => p) }) : undefined;
  const perm = At === undefined ? undefined : Int32Array.from(At.values);
  let x: Float64Array | undefined;
  let m: Float64Array | undefined; // n × k interleaved
  let relativeResidual = 0;
  let iterations = 0;
  const fail = (status: LeontiefStatus): MonteCarloResult => {
    const nan = (len: number): Summary => ({ mean: new Float64Array(len).fill(Number.NaN), median: new Float64Array(len).fill(Number.NaN), p025: new Float64Array(len).fill(Number.NaN), p975: new Float64Array(len).fill(Number.NaN) });
    return { status, draws: d, names, footprints: nan(k), ...(withMultipliers ? { multipliers: nan(k * n) } : {}), ...(D > 0 ? { demandFootprints: nan(k * D) } : {}), relativeResidual, iterations };
  };
  for (let t = 0; t < d; t++) {
    perturb(A.values, s.A.values, rsdA, lognormal, z);
    perturb(yd, yy, spread.y ?? 0, lognormal, z);
    rows.forEach((r, q) => perturb(rd[q], r, spread.rows ?? 0, lognormal, z));
    options.adjust?.(t, A.values, yd, rd);
    for (let g = 0; g < D; g++) {
      const col = demands[g];
      const out = dd[g];
      for (let i = 0; i < n; i++) out[i] = yy[i] === 0 ? col[i] : col[i] * (yd[i] / yy[i]);
    }
    if (!solveMultipliers) {
      // Footprints only: one solve for x, then s x per row.
      const xs = solveLeontief(A, yd, { tolerance, ...(x === undefined ? {} : { x0: x }) });
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
      if (At !== undefined && perm !== undefined) {
        for (let q = 0; q < perm.length; q++) At.values[q] = A.values[perm[q]];
        ms = solveLeontiefMulti(At, rhs, k, { tolerance, ...(m === undefined ? {} : { x0: m }) });
      } else ms = solveLeontiefTransposedMulti(A, rhs, k, { tolerance, ...(m === undefined ? {} : { x0: m }) });
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
