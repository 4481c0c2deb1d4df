import { availableParallelism } from 'node:os';
import type { CsrMatrix } from '../csr.js';
import { WORKSPACE_VECTORS } from './block-product.js';
import { kernelModule, type WasmMemory } from './wasm-kernels.js';
import { align, csrBytes, matrixBytes, placeMatrix, vectorBytes } from './wasm-layout.js';
import { WASM_MAX_BYTES, keepWorkers, newMemory, startWorkers } from './wasm-pool.js';

/**
 * From this many non-zeros the solvers' 'auto' kernel is the WebAssembly one (below, the JS kernel:
 * a copy into wasm memory is not worth it), and a matrix read or compiled for them is placed in
 * their memory (`wasmCsrArrays`).
 */
export const WASM_MIN_NNZ = 50_000;
/**
 * From this many non-zeros the WebAssembly kernel's products are split over threads. Its workers
 * are kept with its memory from one solve to the next and claim parts of each product as they come
 * (a busy core only makes them take fewer). On the benchmark's economies, on a shared 2-core
 * machine, two threads make a solve 1.2–1.7 times faster from 5·10⁵ non-zeros; at 2·10⁵ (a product
 * of 70 µs) they made it anywhere from 1.14 times faster to 1.25 times slower, as the other core
 * was free or not, and serially a transposed solve runs as gathers over a copy of Aᵀ (see
 * wasm-product.ts), which is faster there.
 */
export const WASM_PARALLEL_MIN_NNZ = 500_000;

/** A matrix made by `toWasmCsr`: where its arrays and the room for vectors sit in its memory. */
export interface Resident {
  readonly memory: WasmMemory;
  /** An i32 flag: 1 while a product uses the room. */
  readonly lock: Int32Array;
  readonly room: number;
  readonly roomBytes: number;
  /** Products run over it in place even where a split copy would be made (see `wasmCsrArrays`). */
  readonly keepInPlace?: boolean;
}

const residents = new WeakMap<SharedArrayBuffer, Resident>();

/**
 * A copy of the matrix whose arrays live in a shared wasm memory, followed by room for the vectors
 * of its products (k-vector blocks for up to `threads` threads, by default as many as the solvers
 * use, and for k = 1 the solver's own vectors), so that the solvers' WebAssembly kernel runs over
 * it without copying A at every solve (SharedArrayBuffer-backed, so the JS kernel's threads can
 * use it too). Since the solvers' own memory keeps its last copy of A and what was derived from it
 * (kept-copy.ts), this saves little more than the copy: on the benchmark's economies gross output
 * at 10⁴–10⁵ products takes 0.9–1.0 of the time over an ordinary matrix; a serial transposed solve
 * copies it anyway, to gather over Aᵀ. The caller should drop the original to keep one copy in
 * memory. A solve on a matrix whose
 * vectors are too large for the cache (above 12 MiB, or from 2 MiB where this machine's cache misses
 * random reads over them; see splitCandidate) copies it anyway, into
 * the split layout that is faster there (split-layout.ts); so does a solve that needs more room
 * than reserved, or that runs while another product uses the room (in another thread). Returns
 * undefined when WebAssembly is unavailable or the matrix and the room do not fit in 4 GiB.
 */
export function toWasmCsr(m: CsrMatrix, options: { readonly k?: number; readonly threads?: number } = {}): CsrMatrix | undefined {
  const k = options.k ?? 1;
  const threads = options.threads ?? Math.min(availableParallelism(), 4); // as the solvers' default
  if (!(Number.isInteger(k) && k >= 1)) throw new RangeError(`toWasmCsr: k must be a positive integer, got ${k}`);
  if (!(Number.isInteger(threads) && threads >= 1)) throw new RangeError(`toWasmCsr: threads must be a positive integer, got ${threads}`);
  if (kernelModule() === null) return undefined;
  // The vector blocks of either direction and, for one right-hand side, the solver's vectors.
  const solver = k === 1 && m.rows === m.cols ? 16 + WORKSPACE_VECTORS * align(8 * m.rows) : 0;
  const bytes = 16 + matrixBytes(m) + Math.max(vectorBytes(m.rows, m.cols, k, true, threads, false), vectorBytes(m.rows, m.cols, k, false, threads, false)) + solver;
  const memory = newMemory(bytes);
  if (memory === undefined) return undefined;
  const buffer = memory.buffer;
  const placed = placeMatrix(buffer, 16, m);
  const roomBytes = buffer.byteLength - placed.end;
  residents.set(buffer, { memory, lock: new Int32Array(buffer, 0, 1), room: placed.end, roomBytes });
  return placed.matrix;
}

/** Vectors per block that `wasmCsrArrays` leaves room for, where it fits. */
const ROOM_K = 16;

/**
 * Empty CSR arrays for a square matrix of `n` rows and `nz` entries in a shared wasm memory, with
 * the room `toWasmCsr` leaves for the vectors: filled by the caller (a reader placing a model's
 * coefficients), the matrix is then in the solvers' memory from the start, never copied — at 10⁷
 * products its 2.6 GB are not allocated and touched a second time at the first solve. Its
 * products run over it in place, even where a solve would otherwise make a split copy (on the
 * benchmark's economy at 10⁷ products a warm gross-output solve took 22 s of CPU in place and 20 s
 * over the split copy, whose making cost 10 s more at the first solve). Where the 4 GiB allow, the
 * room also holds the blocks of products of up to ROOM_K vectors (multipliers of several coefficient
 * rows over a dense table), so that those run in place too: room that is never written costs no
 * memory. `rowPtr` starts at 0. Undefined when WebAssembly is unavailable or they do not fit in 4 GiB.
 */
export function wasmCsrArrays(n: number, nz: number): { rowPtr: Int32Array; colIdx: Int32Array; values: Float64Array } | undefined {
  if (kernelModule() === null) return undefined;
  const threads = Math.min(availableParallelism(), 4);
  const solver = 16 + WORKSPACE_VECTORS * align(8 * n);
  const single = Math.max(vectorBytes(n, n, 1, true, threads, false), vectorBytes(n, n, 1, false, threads, false)) + solver;
  const multi = Math.max(vectorBytes(n, n, ROOM_K, true, threads, false), vectorBytes(n, n, ROOM_K, false, threads, false));
  const matrix = 16 + csrBytes(n, nz);
  const bytes = matrix + (matrix + Math.max(single, multi) <= WASM_MAX_BYTES ? Math.max(single, multi) : single);
  const memory = newMemory(bytes);
  if (memory === undefined) return undefined;
  const buffer = memory.buffer;
  // As placeMatrix lays a copy out: row pointers, values, column indices, each 16-byte aligned.
  let at = 16;
  const rowPtr = new Int32Array(buffer, at, n + 1);
  at += align(4 * (n + 1));
  const values = new Float64Array(buffer, at, nz);
  at += align(8 * nz);
  const colIdx = new Int32Array(buffer, at, nz);
  at += align(4 * nz);
  residents.set(buffer, { memory, lock: new Int32Array(buffer, 0, 1), room: at, roomBytes: buffer.byteLength - at, keepInPlace: true });
  // The worker threads its solves will use start now, while the caller fills the arrays (a worker
  // takes 20–40 ms to start, far more on a busy machine: at 10⁵ products a third of a first solve);
  // they stop after a few seconds if no product comes (keepWorkers).
  const module = kernelModule();
  if (module !== null && threads > 1 && nz >= WASM_PARALLEL_MIN_NNZ && startWorkers(module, memory, threads - 1) !== undefined) keepWorkers(memory);
  return { rowPtr, colIdx, values };
}

/** The resident record of A when its arrays are those `toWasmCsr` placed, else undefined. */
export function residentOf(A: CsrMatrix): Resident | undefined {
  const buffer = A.rowPtr.buffer;
  if (!(buffer instanceof SharedArrayBuffer)) return undefined;
  const r = residents.get(buffer);
  if (r === undefined || A.colIdx.buffer !== buffer || A.values.buffer !== buffer) return undefined;
  return r;
}

/** Whether A was made by `toWasmCsr` (its products need no copy of A). */
export function isWasmCsr(A: CsrMatrix): boolean {
  return residentOf(A) !== undefined;
}
