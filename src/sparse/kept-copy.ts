/**
 * The copy of A that a WebAssembly product makes in its memory, kept with what was derived from it
 * (A's facts, and Aᵀ where a transposed product gathers over it) for the next product in that
 * memory: solves on one matrix come in runs (gross output and labour values, multipliers, the
 * impacts of several demands). The new copy goes into the other of two slots and is compared with
 * the kept one byte by byte (the `sameBytes` kernel, a fraction of the copy's own time); where they
 * are the same the derived data serve again, else they are derived anew from the new copy, which
 * is kept. A matrix changed in place is therefore never judged by stale data. Matrices above
 * KEEP_MAX_BYTES get one slot (a second would cost its memory and page faults for what the
 * facts cost at that size), so nothing is kept for them. Internal to the sparse package.
 */
import type { CsrMatrix } from './csr.js';
import type { MatrixFacts } from './matrix-facts.js';
import type { Kernels, WasmMemory } from './wasm-kernels.js';
import { align, csrBytes, matrixBytes, placeMatrix, transposesCopy, vectorBytes } from './wasm-layout.js';

/** Largest copy of A kept beside the next one (about 1.3·10⁶ entries). */
const KEEP_MAX_BYTES = 16 * 2 ** 20;

/** Where a plain copy of A, its kept predecessor, Aᵀ and the vectors go in a product's memory. */
export interface CopyLayout {
  /** Byte offsets of the two slots for copies of A (the same offset twice: one slot). */
  readonly slots: readonly [number, number];
  /** Byte offset of Aᵀ (rows = A's columns), or 0 where no transposed product gathers over one. */
  readonly transposedAt: number;
  /** Byte offset of A's diagonal (found once per kept copy). */
  readonly diagAt: number;
  /** Where the vectors start, and the bytes the memory needs. */
  readonly vectorsAt: number;
  readonly bytes: number;
}

/**
 * The layout for products of A in either direction with `threads` threads and `extra` solver
 * vectors (k = 1, square A), the same for both directions so that one memory, and what it keeps,
 * serve both: room for Aᵀ where the transposed product would gather over it (see transposesCopy),
 * or where `transposed` asks for it.
 */
export function copyLayout(A: CsrMatrix, k: number, threads: number, extra: number, transposed = transposesCopy(A, k, false, threads - 1)): CopyLayout {
  const { rows, cols } = A;
  const m = matrixBytes(A);
  const second = m <= KEEP_MAX_BYTES ? 16 + m : 16;
  let at = second + m;
  let transposedAt = 0;
  if (transposed) {
    transposedAt = at;
    at += csrBytes(cols, A.rowPtr[rows]);
  }
  const diagAt = at;
  at += align(8 * rows);
  const blocks = Math.max(vectorBytes(rows, cols, k, false, threads, false), vectorBytes(rows, cols, k, true, threads, false));
  return { slots: [16, second], transposedAt, diagAt, vectorsAt: at, bytes: at + blocks + 16 + extra * align(8 * rows) };
}

/** What a memory keeps from its last copy: where it is, A's facts if computed, and whether Aᵀ of it is in place. */
export interface KeptCopy {
  /** rows, columns, entries and layout: a copy made under another layout is not compared. */
  readonly key: string;
  slot: number;
  /** A's facts once found, their diagonal a view of the memory at `diagAt` (read-only). */
  facts: MatrixFacts | undefined;
  readonly diagAt: number;
  transposed: boolean;
}

const kept = new WeakMap<WasmMemory, KeptCopy>();

/**
 * Copies A into a slot of the memory laid out as `layout` says (the one the kept copy is not in)
 * and compares it with the kept copy; returns the copy's views, whether it is the same, and the
 * record of the memory, which says what of the kept data still holds (nothing when the copies
 * differ or none was kept).
 */
export function placeKept(memory: WasmMemory, kernels: Kernels, A: CsrMatrix, layout: CopyLayout): { matrix: CsrMatrix; same: boolean; record: KeptCopy } {
  const nz = A.rowPtr[A.rows];
  const [first, second] = layout.slots;
  const key = `${A.rows},${A.cols},${nz},${first},${second},${layout.transposedAt},${layout.diagAt}`;
  const previous = kept.get(memory);
  const known = previous?.key === key ? previous : undefined;
  const slot = known?.slot === first ? second : first;
  const { matrix } = placeMatrix(memory.buffer, slot, A);
  if (known !== undefined && known.slot !== slot && sameCopy(kernels, A, known.slot, slot)) {
    known.slot = slot;
    return { matrix, same: true, record: known };
  }
  const record: KeptCopy = { key, slot, facts: undefined, diagAt: layout.diagAt, transposed: false };
  kept.set(memory, record);
  return { matrix, same: false, record };
}

/** Forgets what a memory kept (a product that lays it out otherwise is about to overwrite it). */
export function forgetCopy(memory: WasmMemory): void {
  kept.delete(memory);
}

/** Whether the copies of A's arrays placed at byte offsets a and b hold the same bytes. */
function sameCopy(kernels: Kernels, A: CsrMatrix, a: number, b: number): boolean {
  const { rows } = A;
  const nz = A.rowPtr[rows];
  const values = align(4 * (rows + 1));
  const columns = values + align(8 * nz);
  return (
    kernels.sameBytes(a, b, 4 * (rows + 1)) === 1 &&
    kernels.sameBytes(a + columns, b + columns, 4 * nz) === 1 &&
    kernels.sameBytes(a + values, b + values, 8 * nz) === 1
  );
}
