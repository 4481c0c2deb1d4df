/**
 * Where the WebAssembly products put things in their memory: byte counts of matrices and vector
 * blocks (16-byte aligned, for the SIMD loads), the parts a threaded product is cut into, and the
 * copy of a CSR matrix into the memory. Internal to the sparse package.
 */
import type { CsrMatrix } from '../csr.js';
import { MAX_PARTS } from './wasm-pool.js';

/** `bytes` rounded up to a multiple of 16. */
export const align = (bytes: number): number => Math.ceil(bytes / 16) * 16;

/**
 * How many parts a threaded product is cut into (claimed by the threads one at a time; see
 * wasm-pool.ts). A split matrix, or a scatter: one per thread stripe (a scatter part adds into
 * an accumulator of its own, which the caller sums in order, so the result does not depend on
 * which thread ran which part; more parts would cost more accumulators to clear and sum than they
 * save). A gather: parts of about GATHER_PART_NONZEROS entries (writing disjoint rows), at least
 * one per thread.
 */
export function partCount(threads: number, transposed: boolean, split: boolean, nonZeros: number): number {
  if (threads <= 1 || split || transposed) return Math.max(1, threads);
  return Math.min(MAX_PARTS, Math.max(threads, Math.round(nonZeros / GATHER_PART_NONZEROS)));
}
/** Non-zeros per part of a threaded gather (a few microseconds of work). */
const GATHER_PART_NONZEROS = 16_384;

/** Bytes of the vector blocks of a product: input, output, and a scatter's accumulators (partCount − 1 more outputs). */
export function vectorBytes(rows: number, cols: number, k: number, transposed: boolean, threads: number, split: boolean): number {
  const inLength = (transposed ? rows : cols) * k;
  const outLength = (transposed ? cols : rows) * k;
  const outputs = transposed ? partCount(threads, true, split, 0) : 1;
  return align(8 * inLength) + outputs * align(8 * outLength);
}

/** Bytes of A's three arrays in wasm memory, each 16-byte aligned. */
export function matrixBytes(A: CsrMatrix): number {
  return csrBytes(A.rows, A.rowPtr[A.rows]);
}

/** Bytes of the arrays of a CSR matrix with `rows` rows and `nz` entries, each 16-byte aligned. */
export function csrBytes(rows: number, nz: number): number {
  return align(4 * (rows + 1)) + align(8 * nz) + align(4 * nz);
}

/** Copies A's arrays into the buffer from byte `at`; returns the views and the end. */
export function placeMatrix(buffer: SharedArrayBuffer, at: number, A: CsrMatrix): { matrix: CsrMatrix; end: number } {
  const { rows, cols } = A;
  const nz = A.rowPtr[rows];
  const rowPtr = new Int32Array(buffer, at, rows + 1);
  rowPtr.set(A.rowPtr.subarray(0, rows + 1));
  at += align(4 * (rows + 1));
  const values = new Float64Array(buffer, at, nz);
  values.set(A.values.subarray(0, nz));
  at += align(8 * nz);
  const colIdx = new Int32Array(buffer, at, nz);
  colIdx.set(A.colIdx.subarray(0, nz));
  at += align(4 * nz);
  return { matrix: { rows, cols, rowPtr, colIdx, values }, end: at };
}

/**
 * Whether a transposed product of one vector had better run as a gather over a copy of Aᵀ that
 * the kernels make (the `transpose` kernel: about 2.5 scatters' time) than as a scatter over A.
 * A gather takes 0.55–0.6 of a scatter's time where the vectors fit in the cache (the scatter's
 * loads and stores of random entries of the output cost more than a gather's loads), so the copy
 * pays after about six products, and a solve takes 16–20; where they do not fit, the split layout
 * is faster (its far entries are gathered or scattered by blocks of columns either way).
 */
export function transposesCopy(A: CsrMatrix, k: number, split: boolean, helpers: number): boolean {
  // Long rows are scattered into runs of neighbouring entries, as fast as gathered (dense tables).
  return k === 1 && !split && helpers === 0 && A.rowPtr[A.rows] <= TRANSPOSE_MAX_ROW_LENGTH * A.rows;
}
/** Mean entries per row above which a transposed product stays a scatter (see transposesCopy). */
const TRANSPOSE_MAX_ROW_LENGTH = 64;
