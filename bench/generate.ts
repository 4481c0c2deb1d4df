import type { CsrMatrix } from '../src/sparse/csr.js';
import { wasmCsrArrays } from '../src/sparse/product/to-wasm-csr.js';
import { streamKey, uniform } from './random.js';

/** Options of the synthetic sparse economy. Defaults in brackets. */
export interface SparseEconomyOptions {
  /** Number of products. */
  readonly n: number;
  /** Inputs per product, hubs included [20]. */
  readonly inputsPerProduct?: number;
  /** Hub products (energy, transport, trade, finance) used by every product [4]. */
  readonly hubs?: number;
  /** Share of the other inputs drawn from nearby products; the rest from anywhere [0.8]. */
  readonly localShare?: number;
  /** Half-width of the neighbourhood (in product index) of the nearby inputs [100]. */
  readonly window?: number;
  /** Range of the column sums of A [0.3, 0.8]. */
  readonly minColumnSum?: number;
  readonly maxColumnSum?: number;
  readonly seed?: number;
  /** Allocate A's arrays in shared memory, so that the solvers may use worker threads [false]. */
  readonly shared?: boolean;
  /**
   * Generate A straight into the solvers' WebAssembly memory (`wasmCsrArrays`), as `plenty
   * analyze` reads a large binary model, so that a solve uses it in place without a copy [false].
   */
  readonly kernel?: boolean;
}

/**
 * A synthetic productive economy: A (n × n, a_ij = input of i per unit of output of j), a positive
 * labour coefficient row l and a positive final demand y.
 */
export interface SyntheticEconomy {
  readonly A: CsrMatrix;
  readonly y: Float64Array;
  readonly l: Float64Array;
}

// Draw counters within a column's stream.
const COLUMN_SUM = 0;
const LABOUR = 1;
const DEMAND = 2;
const FIRST_PICK = 3;
/** Redraws of a nearby input that collides with one already picked before drawing from anywhere. */
const LOCAL_TRIES = 8;

interface Shape {
  readonly n: number;
  readonly k: number;
  readonly hubs: number;
  readonly localShare: number;
  readonly window: number;
  readonly seed: number;
}

/** The hub products: spread evenly over the index range. */
function hubIndex(q: number, shape: Shape): number {
  return Math.floor(((q + 0.5) * shape.n) / shape.hubs);
}

/**
 * Picks the input rows of column j into `rows` (unsorted, unique) and returns the counter after the
 * last draw. Duplicates are found by scanning the few rows already picked (cheaper than a marker
 * array of n entries, which would miss the cache on every pick from anywhere).
 */
function pickInputs(j: number, key: number, shape: Shape, rows: Int32Array): number {
  const { n, k, hubs, localShare, window } = shape;
  let t = FIRST_PICK;
  for (let q = 0; q < hubs; q++) rows[q] = hubIndex(q, shape);
  const span = 2 * window + 1;
  for (let p = hubs; p < k; p++) {
    let local = uniform(key, t++) < localShare;
    let tries = 0;
    for (;;) {
      let i: number;
      if (local) {
        i = j - window + Math.floor(uniform(key, t++) * span);
        if (i < 0) i += n;
        else if (i >= n) i -= n;
      } else {
        i = Math.floor(uniform(key, t++) * n);
      }
      let q = 0;
      while (q < p && rows[q] !== i) q++;
      if (q === p) {
        rows[p] = i;
        break;
      }
      if (++tries >= LOCAL_TRIES) local = false;
    }
  }
  return t;
}

function shapeOf(opts: SparseEconomyOptions): Shape {
  const n = opts.n;
  const k = opts.inputsPerProduct ?? 20;
  const hubs = opts.hubs ?? 4;
  const localShare = opts.localShare ?? 0.8;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`generateSparseEconomy: n must be a positive integer, got ${n}`);
  if (!Number.isInteger(k) || k < 1 || 4 * k > n) throw new RangeError(`generateSparseEconomy: inputsPerProduct must be in 1..n/4, got ${k} for n = ${n}`);
  if (!Number.isInteger(hubs) || hubs < 0 || hubs > k) throw new RangeError(`generateSparseEconomy: hubs must be in 0..inputsPerProduct, got ${hubs}`);
  if (!(localShare >= 0 && localShare <= 1)) throw new RangeError(`generateSparseEconomy: localShare must be in [0, 1], got ${localShare}`);
  if (k * n > 2 ** 31 - 1) throw new RangeError(`generateSparseEconomy: ${k * n} non-zeros exceed the 32-bit row pointers`);
  // The neighbourhood must hold far more products than a column picks from it.
  const window = Math.max(k, Math.min(opts.window ?? 100, Math.floor((n - 1) / 2)));
  return { n, k, hubs, localShare, window, seed: opts.seed ?? 1 };
}

/**
 * Generates a productive sparse economy with a realistic, non-triangular structure: each product
 * uses `inputsPerProduct` inputs, among them every hub product, mostly nearby products (industries
 * cluster) and some from anywhere, so that locality helps but the matrix is neither banded nor
 * triangular. Column sums of A are drawn uniformly in [minColumnSum, maxColumnSum], so the economy
 * is productive (spectral radius ≤ max column sum < 1). Input weights within a column are skewed
 * (u⁴ for uniform u, over about two decades, hubs four times heavier).
 *
 * The CSR arrays are built directly in two passes over the columns (count, then fill) from
 * counter-based random numbers, so memory is the matrix itself plus one n-vector of indices.
 * Column indices within a row come out sorted because columns are filled in order.
 */
export function generateSparseEconomy(opts: SparseEconomyOptions): SyntheticEconomy {
  const shape = shapeOf(opts);
  const { n, k, hubs, seed } = shape;
  const lo = opts.minColumnSum ?? 0.3;
  const hi = opts.maxColumnSum ?? 0.8;
  if (!(lo > 0 && lo <= hi && hi < 1)) throw new RangeError(`generateSparseEconomy: need 0 < minColumnSum ≤ maxColumnSum < 1, got ${lo}, ${hi}`);

  const rows = new Int32Array(k);
  const weights = new Float64Array(k);

  // Pass 1: count the entries of each row (every column has k distinct inputs: n·k entries).
  const shared = opts.shared === true;
  const kernel = opts.kernel === true ? wasmCsrArrays(n, n * k) : undefined;
  if (opts.kernel === true && kernel === undefined) throw new RangeError(`generateSparseEconomy: ${n * k} non-zeros do not fit in the solvers' memory`);
  const rowPtr = kernel?.rowPtr ?? int32(n + 1, shared);
  for (let j = 0; j < n; j++) {
    pickInputs(j, streamKey(seed, j), shape, rows);
    for (let p = 0; p < k; p++) rowPtr[rows[p] + 1]++;
  }
  for (let i = 0; i < n; i++) rowPtr[i + 1] += rowPtr[i];

  // Pass 2: draw the same inputs again, with their weights, and place them.
  const cursor = rowPtr.slice(0, n);
  const nnz = rowPtr[n];
  const colIdx = kernel?.colIdx ?? int32(nnz, shared);
  const values = kernel?.values ?? float64(nnz, shared);
  const y = new Float64Array(n);
  const l = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const key = streamKey(seed, j);
    let t = pickInputs(j, key, shape, rows);
    const colSum = lo + (hi - lo) * uniform(key, COLUMN_SUM);
    let total = 0;
    for (let p = 0; p < k; p++) {
      const u = uniform(key, t++);
      const w = (0.005 + u * u * u * u) * (p < hubs ? 4 : 1);
      weights[p] = w;
      total += w;
    }
    const scale = colSum / total;
    for (let p = 0; p < k; p++) {
      const at = cursor[rows[p]]++;
      colIdx[at] = j;
      values[at] = weights[p] * scale;
    }
    l[j] = (1 - colSum) * (0.2 + 0.8 * uniform(key, LABOUR));
    y[j] = Math.exp(4 * uniform(key, DEMAND) - 2);
  }
  return { A: { rows: n, cols: n, rowPtr, colIdx, values }, y, l };
}

/** An Int32Array or Float64Array of `length`, in shared memory if asked. */
function int32(length: number, shared: boolean): Int32Array {
  return shared ? new Int32Array(new SharedArrayBuffer(length * 4)) : new Int32Array(length);
}
function float64(length: number, shared: boolean): Float64Array {
  return shared ? new Float64Array(new SharedArrayBuffer(length * 8)) : new Float64Array(length);
}

/** Options of the dense input–output table. */
export interface DenseEconomyOptions {
  /** Number of products (EXIOBASE has 9,800: 49 regions × 200 products). */
  readonly n: number;
  /** Coefficient rows of S (labour, emissions, …) [10]. */
  readonly coefficientRows?: number;
  readonly seed?: number;
  /** Allocate A's arrays in shared memory, so that the solvers may use worker threads [false]. */
  readonly shared?: boolean;
  /** Generate A straight into the solvers' WebAssembly memory (`wasmCsrArrays`), solved there in place [false]. */
  readonly kernel?: boolean;
}

/** A dense table: A with every entry stored (CSR with a full pattern), S row-major. */
export interface DenseEconomy {
  readonly A: CsrMatrix;
  /** coefficientRows × n, row-major, positive. */
  readonly S: Float64Array;
  readonly coefficientRows: number;
}

/**
 * Generates a dense input–output table like EXIOBASE's: every entry positive, most of them tiny
 * (log-uniform over six decades) and a few large per column (the product's own and neighbouring
 * sectors, and about five main suppliers from anywhere); column sums drawn in [0.3, 0.8].
 * The values array is the row-major dense matrix, since the pattern is full.
 */
export function generateDenseEconomy(opts: DenseEconomyOptions): DenseEconomy {
  const n = opts.n;
  const m = opts.coefficientRows ?? 10;
  const seed = opts.seed ?? 1;
  if (!Number.isInteger(n) || n < 1 || n * n > 2 ** 31 - 1) throw new RangeError(`generateDenseEconomy: n must be in 1..46340, got ${n}`);
  if (!Number.isInteger(m) || m < 1) throw new RangeError(`generateDenseEconomy: coefficientRows must be a positive integer, got ${m}`);
  const shared = opts.shared === true;
  const kernel = opts.kernel === true ? wasmCsrArrays(n, n * n) : undefined;
  if (opts.kernel === true && kernel === undefined) throw new RangeError(`generateDenseEconomy: ${n * n} entries do not fit in the solvers' memory`);
  const values = kernel?.values ?? float64(n * n, shared);
  const colTotal = new Float64Array(n);
  const mainShare = 5 / n;
  for (let i = 0; i < n; i++) {
    const key = streamKey(seed, i);
    const base = i * n;
    for (let j = 0; j < n; j++) {
      let w = Math.exp(-14 * uniform(key, 2 * j));
      const d = i - j;
      if ((d <= 2 && d >= -2) || uniform(key, 2 * j + 1) < mainShare) w = 200 * w + 50;
      values[base + j] = w;
      colTotal[j] += w;
    }
  }
  const colKey = streamKey(seed ^ 0x5bd1e995, 0);
  const scale = new Float64Array(n);
  for (let j = 0; j < n; j++) scale[j] = (0.3 + 0.5 * uniform(colKey, j)) / colTotal[j];
  for (let i = 0; i < n; i++) {
    const base = i * n;
    for (let j = 0; j < n; j++) values[base + j] *= scale[j];
  }
  const rowPtr = kernel?.rowPtr ?? int32(n + 1, shared);
  for (let i = 0; i <= n; i++) rowPtr[i] = i * n;
  const colIdx = kernel?.colIdx ?? int32(n * n, shared);
  for (let i = 0; i < n; i++) {
    const base = i * n;
    for (let j = 0; j < n; j++) colIdx[base + j] = j;
  }
  const S = new Float64Array(m * n);
  for (let r = 0; r < m; r++) {
    const key = streamKey(seed ^ 0x27d4eb2f, r);
    for (let j = 0; j < n; j++) S[r * n + j] = Math.exp(6 * uniform(key, j) - 3);
  }
  return { A: { rows: n, cols: n, rowPtr, colIdx, values }, S, coefficientRows: m };
}
