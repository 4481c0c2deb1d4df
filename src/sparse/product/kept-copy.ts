/**
 * The copy of A that a WebAssembly product makes in its memory, kept with what was derived from it
 * (A's facts; Aᵀ where a transposed product gathers over it; the split layout) for the next product
 * in that memory: solves on one matrix come in runs (gross output and labour values, multipliers,
 * the impacts of several demands). The next product compares A with the kept copy byte by byte,
 * staging A through a small buffer in chunks that the `sameBytes` kernel compares (about the time
 * of the copy itself); where they are the same, the copy and what was derived from it serve again,
 * else A is copied over it and the rest derived anew. A matrix changed in place is therefore never
 * judged by stale data. Internal to the sparse package.
 */
import type { CsrMatrix } from '../csr.js';
import type { MatrixFacts } from '../matrix-facts.js';
import type { PlacedSplit, SplitPlan } from './split-layout.js';
import { splitBytes } from './split-layout.js';
import type { Kernels, WasmMemory } from './wasm-kernels.js';
import { align, csrBytes, matrixBytes, placeMatrix, vectorBytes } from './wasm-layout.js';

/** Bytes of the buffer through which A is staged for the comparison (fits in the L2 cache). */
const STAGE_BYTES = 256 * 1024;
/**
 * Largest plain copy of A kept beside a split copy (at 10⁶ products with 20 inputs each the copy
 * takes 240 MB and saves 0.2 s a solve; at 10⁷ its 2.4 GB would not fit the memory target).
 */
const KEEP_SPLIT_MAX_BYTES = 2 ** 30;

/** Where things go in a product's memory: the plain copy of A, Aᵀ, A's diagonal, the staging buffer, the vectors. */
export interface CopyLayout {
  /** Byte offset of the plain copy of A (0: none is kept, for a split copy too large to keep one). */
  readonly plainAt: number;
  /** Byte offset of Aᵀ (rows = A's columns), or 0 where no transposed product gathers over one. */
  readonly transposedAt: number;
  /** Byte offset of A's diagonal (found once per kept copy). */
  readonly diagAt: number;
  readonly stageAt: number;
  /** Byte offset of the split copy, or 0 for a plain one. */
  readonly splitAt: number;
  /** Where the vectors start, and the bytes the memory needs. */
  readonly vectorsAt: number;
  readonly bytes: number;
}

/** Bytes of the vector blocks for products in either direction, and of `extra` solver vectors. */
function vectorRoom(A: CsrMatrix, k: number, threads: number, split: boolean, extra: number): number {
  const { rows, cols } = A;
  return Math.max(vectorBytes(rows, cols, k, false, threads, split), vectorBytes(rows, cols, k, true, threads, split)) + 16 + extra * align(8 * rows);
}

/**
 * The layout of a plain copy for products of A in either direction with `threads` threads and
 * `extra` solver vectors (k = 1, square A), the same for both directions so that one memory, and
 * what it keeps, serve both; with room for Aᵀ if `transposed`.
 */
export function copyLayout(A: CsrMatrix, k: number, threads: number, extra: number, transposed: boolean): CopyLayout {
  const { rows, cols } = A;
  const plainAt = 16;
  let at = plainAt + matrixBytes(A);
  const transposedAt = transposed ? at : 0;
  if (transposed) at += csrBytes(cols, A.rowPtr[rows]);
  const diagAt = at;
  const stageAt = diagAt + align(8 * rows);
  const vectorsAt = stageAt + STAGE_BYTES;
  return { plainAt, transposedAt, diagAt, stageAt, splitAt: 0, vectorsAt, bytes: vectorsAt + vectorRoom(A, k, threads, false, extra) };
}

/** The layout of a split copy made as `plan` says, with a plain copy beside it if `keep` and it is small enough. */
export function splitCopyLayout(A: CsrMatrix, plan: SplitPlan, k: number, extra: number, keep = true): CopyLayout {
  const plainBytes = matrixBytes(A);
  const plainAt = keep && plainBytes <= KEEP_SPLIT_MAX_BYTES ? 16 : 0;
  const diagAt = 16 + (plainAt === 0 ? 0 : plainBytes);
  const stageAt = diagAt + align(8 * A.rows);
  const splitAt = stageAt + STAGE_BYTES;
  const vectorsAt = splitAt + splitBytes(plan);
  const threads = plan.stripes.length - 1;
  return { plainAt, transposedAt: 0, diagAt, stageAt, splitAt, vectorsAt, bytes: vectorsAt + vectorRoom(A, k, threads, true, extra) };
}

/** What a memory keeps from its last copy of A, and what of it was derived. */
export interface KeptCopy {
  /** A's shape and the layout (and for a split copy its tuning and threads): a copy made otherwise is not compared. */
  readonly key: string;
  readonly layout: CopyLayout;
  /** A's facts once found, their diagonal a view of the memory at `layout.diagAt` (read-only). */
  facts: MatrixFacts | undefined;
  /** Whether Aᵀ of the copy is at `layout.transposedAt`. */
  transposed: boolean;
  /** The split copy at `layout.splitAt`, as it was made. */
  split?: { readonly plan: SplitPlan; readonly placed: PlacedSplit };
}

const kept = new WeakMap<WasmMemory, KeptCopy>();

/** The key of A's copies under a layout (and `variant`: what else decides the copy, such as a split's tuning). */
function keyOf(A: CsrMatrix, layout: CopyLayout, variant: string): string {
  const { plainAt, transposedAt, diagAt, stageAt, splitAt, vectorsAt } = layout;
  return [A.rows, A.cols, A.rowPtr[A.rows], plainAt, transposedAt, diagAt, stageAt, splitAt, vectorsAt, variant].join(',');
}

/** The record of the memory if it kept a copy made with this key and A is byte for byte that copy. */
export function keptFor(memory: WasmMemory, kernels: Kernels, A: CsrMatrix, layout: CopyLayout, variant = ''): KeptCopy | undefined {
  const record = kept.get(memory);
  if (record === undefined || record.key !== keyOf(A, layout, variant) || layout.plainAt === 0) return undefined;
  return sameAsCopy(kernels, memory.buffer, A, layout.plainAt, layout.stageAt) ? record : undefined;
}

/** The memory's record if it kept a split copy made with this variant from a matrix of A's shape (not compared yet). */
export function keptSplit(memory: WasmMemory, A: CsrMatrix, variant: string): KeptCopy | undefined {
  const record = kept.get(memory);
  return record?.split !== undefined && record.key === keyOf(A, record.layout, variant) ? record : undefined;
}

/** A new record for the memory, whose old one no longer holds (its copy is about to be overwritten). */
export function keepNew(memory: WasmMemory, A: CsrMatrix, layout: CopyLayout, variant = ''): KeptCopy {
  const record: KeptCopy = { key: keyOf(A, layout, variant), layout, facts: undefined, transposed: false };
  kept.set(memory, record);
  return record;
}

/** Forgets what a memory kept (a product that lays it out otherwise is about to overwrite it). */
export function forgetCopy(memory: WasmMemory): void {
  kept.delete(memory);
}

/**
 * A's plain copy in the memory laid out as `layout` says: the kept one when A is the same (then
 * `same`), else a fresh copy with a new record.
 */
export function placeKept(memory: WasmMemory, kernels: Kernels, A: CsrMatrix, layout: CopyLayout): { matrix: CsrMatrix; same: boolean; record: KeptCopy } {
  const known = keptFor(memory, kernels, A, layout);
  if (known !== undefined) return { matrix: viewsAt(memory.buffer, layout.plainAt, A), same: true, record: known };
  const record = keepNew(memory, A, layout);
  return { matrix: placeMatrix(memory.buffer, layout.plainAt, A).matrix, same: false, record };
}

/** Views of a copy of A placed by placeMatrix at byte `at`. */
function viewsAt(buffer: SharedArrayBuffer, at: number, A: CsrMatrix): CsrMatrix {
  const { rows, cols } = A;
  const nz = A.rowPtr[rows];
  const values = at + align(4 * (rows + 1));
  const colIdx = values + align(8 * nz);
  return { rows, cols, rowPtr: new Int32Array(buffer, at, rows + 1), values: new Float64Array(buffer, values, nz), colIdx: new Int32Array(buffer, colIdx, nz) };
}

/**
 * Whether A's arrays are byte for byte those of the copy at byte `at` (as placeMatrix lays them
 * out): each staged by chunks of STAGE_BYTES into the buffer at `stage` and compared there.
 */
function sameAsCopy(kernels: Kernels, buffer: SharedArrayBuffer, A: CsrMatrix, at: number, stage: number): boolean {
  const copy = viewsAt(buffer, at, A);
  const staging = new Uint8Array(buffer, stage, STAGE_BYTES);
  const bytesOf = (a: Int32Array | Float64Array, length: number): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, length * a.BYTES_PER_ELEMENT);
  const pairs: [Uint8Array, number][] = [
    [bytesOf(A.rowPtr, A.rows + 1), copy.rowPtr.byteOffset],
    [bytesOf(A.colIdx, copy.colIdx.length), copy.colIdx.byteOffset],
    [bytesOf(A.values, copy.values.length), copy.values.byteOffset],
  ];
  for (const [bytes, offset] of pairs) {
    for (let q = 0; q < bytes.length; q += STAGE_BYTES) {
      const chunk = bytes.subarray(q, q + STAGE_BYTES);
      staging.set(chunk);
      if (kernels.sameBytes(stage, offset + q, chunk.length) !== 1) return false;
    }
  }
  return true;
}
