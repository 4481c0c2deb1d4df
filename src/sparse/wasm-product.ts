import { Worker } from 'node:worker_threads';
import { csrKernelsWasm } from './csr-kernels-wasm.js';
import type { CsrMatrix } from './csr.js';
import type { BlockProduct, VectorOps } from './leontief-core.js';
import type { MatrixFacts } from './matrix-facts.js';
import { placeSplit, rowStripes, splitBytes, splitPlan, type SplitTuning } from './split-layout.js';
import type { WasmWorkerData } from './wasm-worker.js';

/** The part of the WebAssembly JS API used here (the compiler's Node typings do not declare it). */
interface WasmApi {
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
  readonly Memory: new (descriptor: { initial: number; maximum: number; shared: true }) => { readonly buffer: SharedArrayBuffer };
}

type Kernel = (...args: number[]) => unknown;

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

/**
 * The memory of the last closed product, kept a few seconds for the next one: a fresh memory costs
 * its page faults on first touch (about 0.75 ms per MB here, 0.2 s for a product at 10⁶), and
 * analyses run several solves on one matrix in a row.
 */
let idle: { memory: { readonly buffer: SharedArrayBuffer }; timer: ReturnType<typeof setTimeout> } | undefined;
const IDLE_MS = 5_000;

/** A memory of at least `bytes` (the idle one if it fits without wasting more than half of it). */
function takeMemory(bytes: number): { readonly buffer: SharedArrayBuffer } | undefined {
  if (idle !== undefined) {
    const size = idle.memory.buffer.byteLength;
    if (size >= bytes && size <= 2 * bytes + 64 * PAGE) {
      const { memory, timer } = idle;
      clearTimeout(timer);
      idle = undefined;
      return memory;
    }
  }
  return newMemory(bytes);
}

/** Keeps a closed product's memory for the next product, until IDLE_MS pass. */
function giveBack(memory: { readonly buffer: SharedArrayBuffer }): void {
  if (idle !== undefined) clearTimeout(idle.timer);
  const timer = setTimeout(() => {
    if (idle?.memory === memory) idle = undefined;
  }, IDLE_MS);
  timer.unref();
  idle = { memory, timer };
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
  /** Whether the copy of A is split into near and far entries (see split-layout.ts). */
  readonly split: boolean;
  /** Stops the worker threads and frees the room of an in-place matrix (the product must not be used afterwards). */
  close(): void;
}

/**
 * Where the kernels find A in the memory: CSR arrays (rowPtr, colIdx, values) at byte offsets, and
 * for a split matrix (split-layout.ts) the far coordinates too, with each thread stripe's range.
 */
interface Layout {
  readonly rp: number;
  readonly ci: number;
  readonly va: number;
  /** Row pointers of the CSR part (A's own, or the near part's of a split matrix). */
  readonly rowPtr: Int32Array;
  /** Row bounds of the thread stripes (length threads + 1). */
  readonly stripes: Int32Array;
  readonly far?: {
    readonly row: number;
    readonly col: number;
    readonly val: number;
    /** Stripe s holds the far entries [starts[s], starts[s + 1]). */
    readonly starts: Int32Array;
  };
}

/** Internal options of `wasmProduct`. */
export interface WasmProductOptions {
  /** The split layout's tuning, or false for plain CSR (see split-layout.ts). */
  readonly split?: SplitTuning | false;
  /** n-vectors to reserve in the memory for the solver (k = 1; see BlockProduct.workspace). */
  readonly vectors?: number;
}

/**
 * The solver's fused vector kernels for k = 1 over n-vectors in the product's memory (views made
 * by the product), bit-identical to block-ops.ts.
 */
function vectorOps(kernels: Kernels, buffer: SharedArrayBuffer): VectorOps {
  const scratch = new Float64Array(buffer, 0, 2); // the 16 bytes before any array
  return {
    dot: (a, b) => kernels.vdot(a.byteOffset, b.byteOffset, a.length) as number,
    direction: (p, ph, r, v, dinv, beta, omega) => void kernels.vdirection(p.byteOffset, ph.byteOffset, r.byteOffset, v.byteOffset, dinv.byteOffset, beta, beta * omega, p.length),
    oneMinusDot: (ph, v, rh) => kernels.vOneMinusDot(ph.byteOffset, v.byteOffset, rh.byteOffset, v.length) as number,
    half: (s, sh, r, v, dinv, alpha) => void kernels.vhalf(s.byteOffset, sh.byteOffset, r.byteOffset, v.byteOffset, dinv.byteOffset, alpha, s.length),
    oneMinusDot2: (sh, t, s, out) => {
      kernels.vOneMinusDot2(sh.byteOffset, t.byteOffset, s.byteOffset, 0, t.length);
      out[0] = scratch[0];
      out[1] = scratch[1];
    },
    update: (x, r, ph, sh, s, t, alpha, omega) =>
      kernels.vupdate(x.byteOffset, r.byteOffset, ph.byteOffset, sh.byteOffset, s.byteOffset, t.byteOffset, alpha, omega, x.length) as number,
  };
}

/**
 * The product x ↦ A x (or x ↦ Aᵀ x when `transposed`, a scatter over A's rows) run by the
 * WebAssembly kernels of csr-kernels.wat over a shared wasm memory: A's own when A was made by
 * `toWasmCsr` (and its room is free and large enough), else a fresh one into which A is copied
 * once. The copy is split (split-layout.ts) when the vectors are too large for the cache: the
 * entries near the diagonal stay in CSR, the far ones are grouped by blocks of columns, which makes
 * a product on economies of 10⁶–10⁷ products 2–3 times faster; the sums are then taken in another
 * order (results agree with the JS kernels to rounding). Plain copies and matrices in place give
 * results bit-identical to the JS kernels of range-kernels.ts (same operations in the same order),
 * and so do threaded gathers over them. Serial, or with `threads` > 1 split by rows (balanced by
 * non-zeros) between the calling thread and worker threads that run the same kernels over the same
 * memory (gathers write disjoint rows; scatters accumulate per thread and are summed). Undefined
 * when WebAssembly is unavailable, k is not a positive integer, or the matrix and vectors do not
 * fit in 4 GiB (at n = 10⁷ with 20 entries per row they take 2.6 GB of it for k = 1); serial when
 * the workers do not start. Internal to the sparse package.
 */
export function wasmProduct(A: CsrMatrix, k: number, transposed: boolean, threads = 1, options: WasmProductOptions = {}): WasmProduct | undefined {
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
        const layout = { rp: rowPtr.byteOffset, ci: colIdx.byteOffset, va: values.byteOffset, rowPtr, stripes: rowStripes(rowPtr, rows, inPlace + 1) };
        return build(module, resident.memory, A, layout, resident.room, k, transposed, release, true, 0);
      } catch (e) {
        release();
        throw e;
      }
    }
  }
  // Room for the solver's vectors when k = 1 and it fits (else the solver keeps its own).
  let extraVectors = k === 1 && rows === cols ? (options.vectors ?? 0) : 0;
  let plan = options.split === false ? undefined : splitPlan(A, k, helpers + 1, options.split);
  const copyBytes = (): number => 16 + (plan === undefined ? matrixBytes(A) : splitBytes(plan)) + extraVectors * align(8 * rows);
  if (copyBytes() + vectorBytes(rows, cols, k, transposed, helpers + 1) > WASM_MAX_BYTES) extraVectors = 0;
  if (helpers > 0 && copyBytes() + vectorBytes(rows, cols, k, transposed, helpers + 1) > WASM_MAX_BYTES) {
    helpers = 0;
    if (plan !== undefined) plan = splitPlan(A, k, 1, options.split === false ? undefined : options.split);
  }
  const memory = takeMemory(copyBytes() + vectorBytes(rows, cols, k, transposed, helpers + 1));
  if (memory === undefined) return undefined;
  const release = (): void => giveBack(memory);
  if (plan === undefined) {
    const placed = placeMatrix(memory.buffer, 16, A);
    const M = placed.matrix;
    const layout = { rp: M.rowPtr.byteOffset, ci: M.colIdx.byteOffset, va: M.values.byteOffset, rowPtr: M.rowPtr, stripes: rowStripes(M.rowPtr, rows, helpers + 1) };
    return build(module, memory, M, layout, placed.end, k, transposed, release, false, extraVectors);
  }
  const placed = placeSplit(memory.buffer, 16, A, plan);
  const starts = Int32Array.from(plan.stripes, (_, s) => plan.farStart[s * plan.blocks]);
  const layout: Layout = {
    rp: placed.rp,
    ci: placed.ci,
    va: placed.va,
    rowPtr: new Int32Array(memory.buffer, placed.rp, rows + 1),
    stripes: plan.stripes,
    far: { row: placed.row, col: placed.col, val: placed.val, starts },
  };
  return build(module, memory, A, layout, placed.end, k, transposed, release, false, extraVectors);
}

/** The product over A laid out as `layout` says, with the vectors placed from byte `at`. */
function build(
  module: object,
  memory: { readonly buffer: SharedArrayBuffer },
  A: CsrMatrix,
  layout: Layout,
  at: number,
  k: number,
  transposed: boolean,
  release: () => void,
  inPlace: boolean,
  extraVectors: number,
): WasmProduct {
  const { rows, cols } = A;
  const { rp, ci, va, rowPtr, stripes, far } = layout;
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
  const kernels = kernelsOf(new api.Instance(module, { env: { memory } }).exports);

  const helpers = stripes.length - 2;
  const pool = helpers > 0 ? startWorkers(module, memory, layout, transposed, { xp, op, k }, place, outLength) : undefined;
  // The solver's vectors (k = 1 only), after the product's own blocks.
  const workspace: Float64Array[] = [];
  for (let w = 0; w < extraVectors; w++) workspace.push(new Float64Array(buffer, place(rows, 8), rows));
  /** out = A·x (or Aᵀ·x) for the blocks at byte offsets xAt and outAt of the memory. */
  let runAt: (xAt: number, outAt: number, out: Float64Array) => void;
  if (pool === undefined) {
    const serial = Int32Array.of(0, rows);
    const all: Layout =
      far === undefined
        ? { ...layout, stripes: serial }
        : { ...layout, stripes: serial, far: { ...far, starts: Int32Array.of(0, far.starts[far.starts.length - 1]) } };
    runAt = (xAt, outAt, out) => {
      if (transposed) out.fill(0);
      runStripe(kernels, all, xAt, outAt, k, transposed, 0);
    };
  } else {
    const { ctrl, partials } = pool;
    const started = pool.workers.length;
    runAt = (xAt, outAt, out) => {
      Atomics.store(ctrl, 1, 0);
      Atomics.store(ctrl, 3, transposed ? 2 : 1);
      Atomics.store(ctrl, 5, xAt);
      Atomics.store(ctrl, 6, outAt);
      Atomics.add(ctrl, 0, 1);
      Atomics.notify(ctrl, 0);
      if (transposed) out.fill(0);
      runStripe(kernels, layout, xAt, outAt, k, transposed, 0);
      for (;;) {
        const done = Atomics.load(ctrl, 1);
        if (done >= started) break;
        Atomics.wait(ctrl, 1, done);
      }
      if (Atomics.load(ctrl, 4) !== 0) throw new Error('wasm product: a worker failed');
      for (const part of partials) for (let q = 0; q < outLength; q++) out[q] += part[q];
    };
  }
  const run = (): void => runAt(xp, op, output);
  const nz = rowPtr[rows];
  const multiply = (x: Float64Array, out: Float64Array): void => {
    if (x.buffer === buffer && out.buffer === buffer && x.length === inLength && out.length === outLength) {
      runAt(x.byteOffset, out.byteOffset, out); // the solver's own vectors: no copies
      return;
    }
    input.set(x.subarray(0, inLength));
    run();
    out.set(output);
  };
  /** The largest column sum of |A|, accumulated in the output block (same order as the JS loop for CSR). */
  const maxAbsColumnSum = (): number => {
    output.fill(0, 0, cols);
    kernels.absColumnSums(ci, va, op, nz);
    if (far !== undefined) kernels.absColumnSums(far.col, far.val, op, far.starts[far.starts.length - 1]);
    let largest = 0;
    for (let j = 0; j < cols; j++) if (output[j] > largest) largest = output[j];
    return largest;
  };
  /** matrixFacts of A from the copy, by the kernels (row sums in the output block, the diagonal in the input block). */
  const facts = (): MatrixFacts => {
    const diagBlock = input.subarray(0, rows);
    const sums = output.subarray(0, rows);
    diagBlock.fill(0);
    let flags = kernels.rowFacts(rp, ci, va, 0, rows, xp, op) as number;
    if (far !== undefined) flags |= kernels.farRowFacts(far.row, far.val, far.starts[far.starts.length - 1], op) as number;
    let maxAbsRowSum = 0;
    for (let i = 0; i < rows; i++) if (sums[i] > maxAbsRowSum) maxAbsRowSum = sums[i];
    return { nonNegative: (flags & 1) === 0, finite: (flags & 2) === 0, diag: diagBlock.slice(), maxAbsRowSum };
  };
  const square = rows === cols && inLength >= rows && outLength >= rows;
  const extras = square && workspace.length > 0 ? { maxAbsColumnSum, facts, workspace: { vectors: workspace, ops: vectorOps(kernels, buffer) } } : { maxAbsColumnSum, facts };
  const product: BlockProduct = square ? Object.assign(multiply, extras) : multiply;
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    if (pool !== undefined) stop(pool.ctrl);
    release();
  };
  return { product, input, output, run, threads: pool === undefined ? 1 : helpers + 1, inPlace, split: far !== undefined, close };
}

/** The kernels of csr-kernels.wat. */
export interface Kernels {
  readonly gather: Kernel;
  readonly scatter: Kernel;
  readonly gatherMulti: Kernel;
  readonly scatterMulti: Kernel;
  readonly farGather: Kernel;
  readonly farScatter: Kernel;
  readonly farGatherMulti: Kernel;
  readonly farScatterMulti: Kernel;
  readonly absColumnSums: Kernel;
  readonly rowFacts: Kernel;
  readonly farRowFacts: Kernel;
  readonly vdot: Kernel;
  readonly vdirection: Kernel;
  readonly vOneMinusDot: Kernel;
  readonly vhalf: Kernel;
  readonly vOneMinusDot2: Kernel;
  readonly vupdate: Kernel;
}

export function kernelsOf(exports: Record<string, unknown>): Kernels {
  return exports as unknown as Kernels;
}

/**
 * Stripe s of the product into the output block at byte `into`: its rows of the CSR part (a gather
 * writes them, a scatter adds), then its far entries (added). Shared with the worker threads.
 */
export function runStripe(kernels: Kernels, layout: Layout, xp: number, into: number, k: number, transposed: boolean, s: number): void {
  const { rp, ci, va, stripes, far } = layout;
  const lo = stripes[s];
  const hi = stripes[s + 1];
  if (transposed) {
    if (k === 1) kernels.scatter(rp, ci, va, xp, into, lo, hi);
    else kernels.scatterMulti(rp, ci, va, xp, k, into, lo, hi);
  } else if (k === 1) kernels.gather(rp, ci, va, xp, into, lo, hi);
  else kernels.gatherMulti(rp, ci, va, xp, k, into, lo, hi);
  if (far === undefined) return;
  const first = far.starts[s];
  const m = far.starts[s + 1] - first;
  if (m === 0) return;
  const row = far.row + 4 * first;
  const col = far.col + 4 * first;
  const val = far.val + 8 * first;
  if (transposed) {
    if (k === 1) kernels.farScatter(row, col, val, xp, into, m);
    else kernels.farScatterMulti(row, col, val, xp, k, into, m);
  } else if (k === 1) kernels.farGather(row, col, val, xp, into, m);
  else kernels.farGatherMulti(row, col, val, xp, k, into, m);
}

export type { Layout as WasmLayout };

interface Pool {
  readonly ctrl: Int32Array;
  readonly workers: Worker[];
  /** The workers' own output blocks of a scatter. */
  readonly partials: Float64Array[];
}

function stop(ctrl: Int32Array): void {
  Atomics.store(ctrl, 3, 0);
  Atomics.add(ctrl, 0, 1);
  Atomics.notify(ctrl, 0);
}

/** Starts a worker per stripe after the first; undefined (and none left running) if they do not start. */
function startWorkers(
  module: object,
  memory: { readonly buffer: SharedArrayBuffer },
  layout: Layout,
  transposed: boolean,
  at: { xp: number; op: number; k: number },
  place: (length: number, size: number) => number,
  outLength: number,
): Pool | undefined {
  const helpers = layout.stripes.length - 2;
  const ctrl = new Int32Array(new SharedArrayBuffer(7 * 4));
  const workers: Worker[] = [];
  const partials: Float64Array[] = [];
  for (let t = 1; t <= helpers; t++) {
    let op = at.op;
    let outBytes = 0;
    if (transposed) {
      op = place(outLength, 8);
      outBytes = outLength * 8;
      partials.push(new Float64Array(memory.buffer, op, outLength));
    }
    const data: WasmWorkerData = { module, memory, ctrl, layout, op, outBytes, k: at.k, stripe: t };
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
  return { ctrl, workers, partials };
}
