import { randomReadsMiss } from './cache-probe.js';
import type { CsrMatrix } from '../csr.js';

/**
 * The tuning of the split layout. The defaults are measured on synthetic economies of 10⁵–10⁷
 * products with 20 inputs each (bench/): a product over the split layout takes 0.35–0.45 of the
 * time over plain CSR at 10⁶ and 10⁷, and splitting gains nothing at 10⁵, where x fits in cache.
 */
export interface SplitTuning {
  /**
   * Split only when a block of k vectors over the columns takes more bytes than this [above 12
   * MiB, or above 2 MiB where random reads over such a block miss the cache: see splitCandidate].
   */
  readonly minVectorBytes?: number;
  /** An entry is near when |column − row| · 8k is at most this many bytes [256 KiB]. */
  readonly nearBytes?: number;
  /** Rows with at least cols / this many entries sweep x in order and stay in CSR [32]. */
  readonly longRowDivisor?: number;
  /** Split only when at least this share of the entries is far [0.05]. */
  readonly minFarShare?: number;
  /** Bytes of x a block of far entries reads [a quarter of x, between 2 and 8 MiB]. */
  readonly blockBytes?: number;
}

/**
 * How a square or rectangular matrix is split for cache-friendly products: the near entries (close
 * to the diagonal, or in long rows that sweep x in order) stay in CSR; the far ones are stored as
 * coordinates grouped by thread stripe (a range of rows), then by block of columns, then by row, so
 * that a product reads a block of x that stays in cache while its writes go forward (and the
 * transposed product the other way round). Internal to the sparse package.
 */
export interface SplitPlan {
  readonly rows: number;
  readonly cols: number;
  readonly k: number;
  /** Row bounds of the thread stripes: stripe s holds rows [stripes[s], stripes[s + 1]). */
  readonly stripes: Int32Array;
  /** Columns per block: 2^blockShift. */
  readonly blockShift: number;
  readonly blocks: number;
  /** Near entries up to the end of each row (the near part's row pointers). */
  readonly nearPtr: Int32Array;
  /** Start of each (stripe, block) segment of far entries, and their total at the end. */
  readonly farStart: Int32Array;
  readonly near: number;
  readonly far: number;
  /** Column distance within which an entry is near, and the length from which a row is long. */
  readonly nearDistance: number;
  readonly longRow: number;
}

const MiB = 1 << 20;

/**
 * Row bounds of `threads` stripes with about equal non-zeros: stripe t holds rows
 * [bounds[t], bounds[t + 1]).
 */
export function rowStripes(rowPtr: Int32Array, rows: number, threads: number): Int32Array {
  const bounds = new Int32Array(threads + 1);
  const nz = rowPtr[rows];
  for (let t = 1; t < threads; t++) {
    // The first row i ≥ the previous bound with rowPtr[i] ≥ the target (binary search).
    const target = (nz * t) / threads;
    let lo = bounds[t - 1];
    let hi = rows;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (rowPtr[mid] < target) lo = mid + 1;
      else hi = mid;
    }
    bounds[t] = lo;
  }
  bounds[threads] = rows;
  return bounds;
}

/**
 * Whether A's products of k vectors may be split: a block of them is too large for the cache. By
 * default, above 12 MiB; from 2 MiB up, where random reads over a block of that size miss the
 * cache on this machine (cache-probe.ts: split products at 10⁶ products, x of 8 MB, were 3 times
 * faster on the machine the split was first tuned on, and 1.3 times slower on a later one).
 */
export function splitCandidate(A: CsrMatrix, k: number, tuning: SplitTuning = {}): boolean {
  const bytes = 8 * k * Math.max(A.rows, A.cols);
  if (tuning.minVectorBytes !== undefined) return bytes > tuning.minVectorBytes;
  return bytes > 12 * MiB || (bytes > 2 * MiB && randomReadsMiss(bytes));
}

/**
 * The split of A for products of k vectors over `threads` stripes, or undefined when splitting
 * would not pay (x fits in cache, or few entries are far). One pass over A's column indices.
 */
export function splitPlan(A: CsrMatrix, k: number, threads: number, tuning: SplitTuning = {}): SplitPlan | undefined {
  const { rows, cols, rowPtr, colIdx } = A;
  if (!splitCandidate(A, k, tuning)) return undefined;
  const nearDistance = Math.max(1, Math.floor((tuning.nearBytes ?? MiB / 4) / (8 * k)));
  const longRow = Math.max(1, Math.ceil(cols / (tuning.longRowDivisor ?? 32)));
  // Blocks of a quarter of x, between 2 and 8 MiB (the fastest on the benchmark's economies).
  const blockBytes = tuning.blockBytes ?? Math.min(8 * MiB, Math.max(2 * MiB, (8 * k * cols) / 4));
  const blockShift = Math.max(0, Math.round(Math.log2(blockBytes / (8 * k))));
  const blocks = Math.max(1, Math.ceil(cols / 2 ** blockShift));
  const stripes = rowStripes(rowPtr, rows, threads);
  const nearPtr = new Int32Array(rows + 1);
  const counts = new Int32Array(threads * blocks + 1);
  let near = 0;
  for (let s = 0; s < threads; s++) {
    const base = s * blocks + 1;
    for (let i = stripes[s]; i < stripes[s + 1]; i++) {
      const start = rowPtr[i];
      const end = rowPtr[i + 1];
      if (end - start >= longRow) {
        near += end - start;
      } else {
        for (let p = start; p < end; p++) {
          const c = colIdx[p];
          if (c - i <= nearDistance && i - c <= nearDistance) near++;
          else counts[base + (c >>> blockShift)]++;
        }
      }
      nearPtr[i + 1] = near;
    }
  }
  const far = rowPtr[rows] - near;
  if (far < (tuning.minFarShare ?? 0.05) * rowPtr[rows] || far === 0) return undefined;
  for (let q = 1; q < counts.length; q++) counts[q] += counts[q - 1];
  return { rows, cols, k, stripes, blockShift, blocks, nearPtr, farStart: counts, near, far, nearDistance, longRow };
}

const align = (bytes: number): number => Math.ceil(bytes / 16) * 16;

/** Bytes the split arrays take when placed by `placeSplit`. */
export function splitBytes(plan: SplitPlan): number {
  const { rows, near, far } = plan;
  return align(4 * (rows + 1)) + align(8 * near) + align(4 * near) + align(8 * far) + 2 * align(4 * far);
}

/** Byte offsets of the split arrays in a buffer. */
export interface PlacedSplit {
  /** The near part: CSR row pointers, column indices and values. */
  readonly rp: number;
  readonly ci: number;
  readonly va: number;
  /** The far part: rows, columns and values of the coordinates. */
  readonly row: number;
  readonly col: number;
  readonly val: number;
  /** The first byte after the arrays. */
  readonly end: number;
}

/**
 * Writes A split as `plan` says into the buffer from byte `at` (16-byte aligned): the near part as
 * CSR (values before column indices, as for a plain copy) and the far coordinates. One pass over A.
 */
export function placeSplit(buffer: SharedArrayBuffer, at: number, A: CsrMatrix, plan: SplitPlan): PlacedSplit {
  const { rows, rowPtr, colIdx, values } = A;
  const { near, far, nearDistance, longRow, blockShift, blocks, stripes } = plan;
  const rp = at;
  new Int32Array(buffer, rp, rows + 1).set(plan.nearPtr);
  const va = rp + align(4 * (rows + 1));
  const ci = va + align(8 * near);
  const val = ci + align(4 * near);
  const row = val + align(8 * far);
  const col = row + align(4 * far);
  const end = col + align(4 * far);
  const nearValues = new Float64Array(buffer, va, near);
  const nearCols = new Int32Array(buffer, ci, near);
  const farValues = new Float64Array(buffer, val, far);
  const farRows = new Int32Array(buffer, row, far);
  const farCols = new Int32Array(buffer, col, far);
  const cursor = plan.farStart.slice(0, plan.farStart.length - 1);
  let q = 0;
  for (let s = 0; s + 1 < stripes.length; s++) {
    const base = s * blocks;
    for (let i = stripes[s]; i < stripes[s + 1]; i++) {
      const start = rowPtr[i];
      const stop = rowPtr[i + 1];
      if (stop - start >= longRow) {
        nearCols.set(colIdx.subarray(start, stop), q);
        nearValues.set(values.subarray(start, stop), q);
        q += stop - start;
        continue;
      }
      for (let p = start; p < stop; p++) {
        const c = colIdx[p];
        if (c - i <= nearDistance && i - c <= nearDistance) {
          nearCols[q] = c;
          nearValues[q] = values[p];
          q++;
        } else {
          const f = cursor[base + (c >>> blockShift)]++;
          farRows[f] = i;
          farCols[f] = c;
          farValues[f] = values[p];
        }
      }
    }
  }
  return { rp, ci, va, row, col, val, end };
}
