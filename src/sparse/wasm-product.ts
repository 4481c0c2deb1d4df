import { Worker } from 'node:worker_threads';
import { csrKernelsWasm } from './csr-kernels-wasm.js';
import type { CsrMatrix } from './csr.js';
import type { BlockProduct } from './leontief-core.js';

/** The part of the WebAssembly JS API used here (the compiler's Node typings do not declare it). */
interface WasmApi {
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
  readonly Memory: new (descriptor: { initial: number; maximum: number; shared: true }) => { readonly buffer: SharedArrayBuffer };
}

type Kernel = (...args: number[]) => void;

const PAGE = 65_536;
/** wasm32: at most 65,536 pages of 64 KiB. */
export const WASM_MAX_BYTES = 65_536 * PAGE;

let compiled: object | null | undefined;

/** The compiled kernel module, or null where WebAssembly (with SIMD) is not available. */
function kernelModule(): object | null {
  if (compiled === undefined) {
    const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
    try {
      compiled = api === undefined ? null : new api.Module(Buffer.from(csrKernelsWasm, 'base64'));
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/** Whether this runtime can run the WebAssembly kernels. */
export function wasmAvailable(): boolean {
  return kernelModule() !== null;
}

const align = (bytes: number): number => Math.ceil(bytes / 16) * 16;

/** Bytes of the vector blocks of a product: input, output, and per extra thread of a scatter one more output. */
function vectorBytes(rows: number, cols: number, k: number, transposed: boolean, threads: number): number {
  const inLength = (transposed ? rows : cols) * k;
  const outLength = (transposed ? cols : rows) * k;
  const outputs = transposed ? Math.max(1, threads) : 1;
  return align(8 * inLength) + outputs * align(8 * outLength);
}

/** Bytes of A's three arrays in wasm memory, each 16-byte aligned. */
function matrixBytes(A: CsrMatrix): number {
  const nz = A.rowPtr[A.rows];
  return align(4 * (A.rows + 1)) + align(8 * nz) + align(4 * nz);
}

/**
 * Bytes of wasm memory a product needs: A's three arrays, one input and one output block of k
 * vectors, each 16-byte aligned, and for a scatter over several threads one more output block per
 * worker.
 */
export function wasmBytesNeeded(A: CsrMatrix, k: number, transposed: boolean, threads = 1): number {
  return matrixBytes(A) + vectorBytes(A.rows, A.cols, k, transposed, threads);
}

/** A matrix made by `toWasmCsr`: where its arrays and the room for vectors sit in its memory. */
interface Resident {
  readonly memory: { readonly buffer: SharedArrayBuffer };
  /** An i32 flag: 1 while a product uses the room. */
  readonly lock: Int32Array;
  readonly room: number;
  readonly roomBytes: number;
}

const residents = new WeakMap<SharedArrayBuffer, Resident>();

/**
 * A copy of the matrix whose arrays live in a shared wasm memory, followed by room for the
 * vectors of its products (k-vector blocks for up to `threads` threads), so that the solvers'
 * WebAssembly kernel runs over it without copying A at every solve (SharedArrayBuffer-backed, so
 * the JS kernel's threads can use it too). The caller should drop the original to keep one copy
 * in memory. A solve that needs more room than reserved, or that runs while another product uses
 * the room (in another thread), copies A as for any matrix. Returns undefined when WebAssembly is
 * unavailable or the matrix and the room do not fit in 4 GiB.
 */
export function toWasmCsr(m: CsrMatrix, options: { readonly k?: number; readonly threads?: number } = {}): CsrMatrix | undefined {
  const k = options.k ?? 1;
  const threads = options.threads ?? 1;
  if (!(Number.isInteger(k) && k >= 1)) throw new RangeError(`toWasmCsr: k must be a positive integer, got ${k}`);
  if (!(Number.isInteger(threads) && threads >= 1)) throw new RangeError(`toWasmCsr: threads must be a positive integer, got ${threads}`);
  if (kernelModule() === null) return undefined;
  const room = vectorBytes(m.rows, m.cols, k, true, threads);
  const bytes = 16 + matrixBytes(m) + Math.max(room, vectorBytes(m.rows, m.cols, k, false, threads));
  const memory = newMemory(bytes);
  if (memory === undefined) return undefined;
  const buffer = memory.buffer;
  const placed = placeMatrix(buffer, 16, m);
  const roomBytes = buffer.byteLength - placed.end;
  residents.set(buffer, { memory, lock: new Int32Array(buffer, 0, 1), room: placed.end, roomBytes });
  return placed.matrix;
}

function newMemory(bytes: number): { readonly buffer: SharedArrayBuffer } | undefined {
  if (bytes > WASM_MAX_BYTES) return undefined;
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly as WasmApi;
  const pages = Math.max(1, Math.ceil(bytes / PAGE));
  try {
    return new api.Memory({ initial: pages, maximum: pages, shared: true });
  } catch {
    return undefined; // the address space could not be reserved
  }
}

/** Copies A's arrays into the buffer from byte `at`; returns the views and the end. */
function placeMatrix(buffer: SharedArrayBuffer, at: number, A: CsrMatrix): { matrix: CsrMatrix; end: number } {
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

/** The resident record of A when its arrays are those `toWasmCsr` placed, else undefined. */
function residentOf(A: CsrMatrix): Resident | undefined {
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

/** A copy of A in a wasm instance's memory, with the input and output blocks of its products. */
export interface WasmProduct {
  /** out = A·X (or Aᵀ·X): copies X into `input`, runs, copies `output` into out. */
  readonly product: BlockProduct;
  /** The input block (views over the wasm memory, never detached: the memory does not grow). */
  readonly input: Float64Array;
  readonly output: Float64Array;
  /** output = A·input (or Aᵀ·input), without copies. */
  run(): void;
  /** Threads that share the product (1: serial). */
  readonly threads: number;
  /** Whether A was used in place (made by `toWasmCsr`) rather than copied. */
  readonly inPlace: boolean;
  /** Stops the worker threads and frees the room of an in-place matrix (the product must not be used afterwards). */
  close(): void;
}

/**
 * The product x ↦ A x (or x ↦ Aᵀ x when `transposed`, a scatter over A's rows) run by the
 * WebAssembly kernels of csr-kernels.wat over a shared wasm memory: A's own when A was made by
 * `toWasmCsr` (and its room is free and large enough), else a fresh one into which A is copied
 * once. Serial, or with `threads` > 1 split by rows (balanced by non-zeros) between the calling
 * thread and worker threads that run the same kernels over the same memory (gathers write disjoint
 * rows; scatters accumulate per thread and are summed). Serial results are bit-identical to the JS
 * kernels of range-kernels.ts (same operations in the same order), and so are threaded gathers.
 * Undefined when WebAssembly is unavailable, k is not a positive integer, or the matrix and vectors
 * do not fit in 4 GiB (at n = 10⁷ with 20 entries per row they take 2.6 GB of it for k = 1);
 * serial when the workers do not start. Internal to the sparse package.
 */
export function wasmProduct(A: CsrMatrix, k: number, transposed: boolean, threads = 1): WasmProduct | undefined {
  const module = kernelModule();
  if (module === null || !(Number.isInteger(k) && k >= 1)) return undefined;
  const { rows, cols } = A;
  let helpers = rows >= 2 ? Math.max(0, Math.floor(threads) - 1) : 0;
  const resident = residentOf(A);
  if (resident !== undefined) {
    // In place: the room must hold the vectors (fewer threads if that makes them fit).
    let inPlace = helpers;
    while (inPlace > 0 && vectorBytes(rows, cols, k, transposed, inPlace + 1) > resident.roomBytes) inPlace--;
    if (vectorBytes(rows, cols, k, transposed, 1) <= resident.roomBytes && Atomics.compareExchange(resident.lock, 0, 0, 1) === 0) {
      const release = (): void => void Atomics.store(resident.lock, 0, 0);
      try {
        const { rowPtr, colIdx, values } = A;
        return build(module, resident.memory, A, rowPtr.byteOffset, colIdx.byteOffset, values.byteOffset, resident.room, k, transposed, inPlace, release);
      } catch (e) {
        release();
        throw e;
      }
    }
  }
  if (helpers > 0 && wasmBytesNeeded(A, k, transposed, helpers + 1) > WASM_MAX_BYTES) helpers = 0;
  const memory = newMemory(wasmBytesNeeded(A, k, transposed, helpers + 1));
  if (memory === undefined) return undefined;
  const placed = placeMatrix(memory.buffer, 0, A);
  const M = placed.matrix;
  return build(module, memory, M, M.rowPtr.byteOffset, M.colIdx.byteOffset, M.values.byteOffset, placed.end, k, transposed, helpers, undefined);
}

/** The product over A's arrays at byte offsets rp, ci, va of the memory, with the vectors placed from byte `at`. */
function build(
  module: object,
  memory: { readonly buffer: SharedArrayBuffer },
  A: CsrMatrix,
  rp: number,
  ci: number,
  va: number,
  at: number,
  k: number,
  transposed: boolean,
  helpers: number,
  release: (() => void) | undefined,
): WasmProduct {
  const { rows, cols, rowPtr } = A;
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly as WasmApi;
  const inLength = (transposed ? rows : cols) * k;
  const outLength = (transposed ? cols : rows) * k;
  const buffer = memory.buffer;
  const place = (length: number, size: number): number => {
    const offset = at;
    at += align(length * size);
    return offset;
  };
  const xp = place(inLength, 8);
  const op = place(outLength, 8);
  const input = new Float64Array(buffer, xp, inLength);
  const output = new Float64Array(buffer, op, outLength);
  const exports = new api.Instance(module, { env: { memory } }).exports;
  const gather = exports.gather as Kernel;
  const scatter = exports.scatter as Kernel;
  const gatherMulti = exports.gatherMulti as Kernel;
  const scatterMulti = exports.scatterMulti as Kernel;
  /** Rows [lo, hi) of the product into the output block at byte offset `into`. */
  const rowsInto = (into: number, lo: number, hi: number): void => {
    if (transposed) {
      if (k === 1) scatter(rp, ci, va, xp, into, lo, hi);
      else scatterMulti(rp, ci, va, xp, k, into, lo, hi);
    } else if (k === 1) gather(rp, ci, va, xp, into, lo, hi);
    else gatherMulti(rp, ci, va, xp, k, into, lo, hi);
  };

  const pool = helpers > 0 ? startWorkers(module, memory, rowPtr, rows, helpers, transposed, { rp, ci, va, xp, op, k }, place, outLength) : undefined;
  let run: () => void;
  if (pool === undefined) {
    run = () => {
      if (transposed) output.fill(0);
      rowsInto(op, 0, rows);
    };
  } else {
    const { ctrl, mine, partials } = pool;
    const started = pool.workers.length;
    run = () => {
      Atomics.store(ctrl, 1, 0);
      Atomics.store(ctrl, 3, transposed ? 2 : 1);
      Atomics.add(ctrl, 0, 1);
      Atomics.notify(ctrl, 0);
      if (transposed) output.fill(0);
      rowsInto(op, 0, mine);
      for (;;) {
        const done = Atomics.load(ctrl, 1);
        if (done >= started) break;
        Atomics.wait(ctrl, 1, done);
      }
      if (Atomics.load(ctrl, 4) !== 0) throw new Error('wasm product: a worker failed');
      for (const part of partials) for (let q = 0; q < outLength; q++) output[q] += part[q];
    };
  }
  const absColumnSums = exports.absColumnSums as Kernel;
  const nz = rowPtr[rows];
  const multiply = (x: Float64Array, out: Float64Array): void => {
    input.set(x.subarray(0, inLength));
    run();
    out.set(output);
  };
  /** The largest column sum of |A|, accumulated in the output block (same order as the JS loop). */
  const maxAbsColumnSum = (): number => {
    output.fill(0, 0, cols);
    absColumnSums(ci, va, op, nz);
    let largest = 0;
    for (let j = 0; j < cols; j++) if (output[j] > largest) largest = output[j];
    return largest;
  };
  const product: BlockProduct = outLength >= cols ? Object.assign(multiply, { maxAbsColumnSum }) : multiply;
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    if (pool !== undefined) stop(pool.ctrl);
    if (release !== undefined) release();
  };
  return { product, input, output, run, threads: pool === undefined ? 1 : helpers + 1, inPlace: release !== undefined, close };
}

interface Pool {
  readonly ctrl: Int32Array;
  readonly workers: Worker[];
  /** The calling thread's rows are [0, mine). */
  readonly mine: number;
  /** The workers' own output blocks of a scatter. */
  readonly partials: Float64Array[];
}

function stop(ctrl: Int32Array): void {
  Atomics.store(ctrl, 3, 0);
  Atomics.add(ctrl, 0, 1);
  Atomics.notify(ctrl, 0);
}

/** Starts `helpers` workers over rows split by non-zeros; undefined (and none left running) if they do not start. */
function startWorkers(
  module: object,
  memory: { readonly buffer: SharedArrayBuffer },
  rowPtr: Int32Array,
  rows: number,
  helpers: number,
  transposed: boolean,
  at: { rp: number; ci: number; va: number; xp: number; op: number; k: number },
  place: (length: number, size: number) => number,
  outLength: number,
): Pool | undefined {
  const nz = rowPtr[rows];
  const threads = helpers + 1;
  const bounds = [0];
  for (let t = 1; t < threads; t++) {
    const target = (nz * t) / threads;
    let i = bounds[t - 1];
    while (i < rows && rowPtr[i] < target) i++;
    bounds.push(i);
  }
  bounds.push(rows);
  const ctrl = new Int32Array(new SharedArrayBuffer(5 * 4));
  const workers: Worker[] = [];
  const partials: Float64Array[] = [];
  for (let t = 1; t < threads; t++) {
    let op = at.op;
    let outBytes = 0;
    if (transposed) {
      op = place(outLength, 8);
      outBytes = outLength * 8;
      partials.push(new Float64Array(memory.buffer, op, outLength));
    }
    const data = { ...at, module, memory, ctrl, op, outBytes, lo: bounds[t], hi: bounds[t + 1] };
    try {
      const w = new Worker(new URL('./wasm-worker.js', import.meta.url), { workerData: data });
      w.unref();
      w.on('error', () => Atomics.store(ctrl, 4, 1)); // reported by the next product
      workers.push(w);
    } catch {
      break;
    }
  }
  const deadline = Date.now() + 10_000;
  for (;;) {
    const ready = Atomics.load(ctrl, 2);
    if (workers.length === helpers && ready >= helpers) break;
    if (workers.length < helpers || Date.now() > deadline) {
      stop(ctrl);
      for (const w of workers) void w.terminate();
      return undefined;
    }
    Atomics.wait(ctrl, 2, ready, 100);
  }
  return { ctrl, workers, mine: bounds[1], partials };
}
