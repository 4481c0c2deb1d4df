import { csrKernelsWasm } from './csr-kernels-wasm.js';

/** The part of the WebAssembly JS API used here (the compiler's Node typings do not declare it). */
export interface WasmApi {
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
  readonly Memory: new (descriptor: { initial: number; maximum: number; shared: true }) => WasmMemory;
}

/** A shared WebAssembly memory. */
export interface WasmMemory {
  readonly buffer: SharedArrayBuffer;
}

type Kernel = (...args: number[]) => unknown;

/** The exports of csr-kernels.wat (every pointer a byte offset into the memory). */
export interface Kernels {
  readonly gather: Kernel;
  readonly scatter: Kernel;
  readonly gatherMulti: Kernel;
  readonly gatherMultiAdd: Kernel;
  readonly scatterMulti: Kernel;
  readonly farGather: Kernel;
  readonly farScatter: Kernel;
  readonly farGatherMulti: Kernel;
  readonly farScatterMulti: Kernel;
  readonly diagonal: Kernel;
  readonly valueFlags: Kernel;
  readonly transpose: Kernel;
  readonly sameBytes: Kernel;
  readonly vdot: Kernel;
  readonly vdirection: Kernel;
  readonly vOneMinusDot: Kernel;
  readonly vhalf: Kernel;
  readonly vOneMinusDot2: Kernel;
  readonly vupdate: Kernel;
  readonly vadd: Kernel;
  readonly vresidual: Kernel;
  readonly vjacobi: Kernel;
  readonly vrange: Kernel;
}

export function wasmApi(): WasmApi | undefined {
  return (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
}

let compiled: object | null | undefined;

/**
 * The module is compiled as soon as this file is imported, in the background (WebAssembly.compile
 * runs off the main thread), so that the first solve does not wait for it; a solve that comes
 * before it is done compiles it at once (kernelModule).
 */
function compileEarly(): void {
  const api = wasmApi() as (WasmApi & { readonly compile?: (bytes: Uint8Array) => Promise<object> }) | undefined;
  if (api?.compile === undefined) return;
  api.compile(Buffer.from(csrKernelsWasm, 'base64')).then(
    (module) => {
      compiled ??= module;
    },
    () => {}, // kernelModule finds the same failure and says null
  );
}
compileEarly();

/** The compiled kernel module, or null where WebAssembly (with SIMD) is not available. */
export function kernelModule(): object | null {
  if (compiled === undefined) {
    const api = wasmApi();
    try {
      compiled = api === undefined ? null : new api.Module(Buffer.from(csrKernelsWasm, 'base64'));
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

const instances = new WeakMap<object, WeakMap<WasmMemory, Kernels>>();

/** The kernels of the module, instantiated over a memory (once per module, memory and thread). */
export function instantiateKernels(module: object, memory: WasmMemory): Kernels {
  let byMemory = instances.get(module);
  if (byMemory === undefined) {
    byMemory = new WeakMap();
    instances.set(module, byMemory);
  }
  let kernels = byMemory.get(memory);
  if (kernels === undefined) {
    const api = wasmApi() as WasmApi;
    kernels = new api.Instance(module, { env: { memory } }).exports as unknown as Kernels;
    byMemory.set(memory, kernels);
  }
  return kernels;
}

/**
 * One thread's part of a product: rows [lo, hi) of the CSR arrays at byte offsets rp, ci, va and,
 * for a split matrix, the far coordinates [farLo, farHi) of the arrays at row, col, val.
 */
export interface ProductPart {
  readonly rp: number;
  readonly ci: number;
  readonly va: number;
  readonly lo: number;
  readonly hi: number;
  readonly row: number;
  readonly col: number;
  readonly val: number;
  readonly farLo: number;
  readonly farHi: number;
  /**
   * A gather over A placed in panels (panel-layout.ts): the CSR arrays hold `panels` · panelRows
   * rows, row p · panelRows + i being row i's entries in panel p; rows [lo, hi) are of A. Absent
   * or below 2: plain CSR.
   */
  readonly panels?: number;
  readonly panelRows?: number;
}

/**
 * A part of the product of k interleaved vectors into the output block at byte `into`: its CSR
 * rows (a gather writes them, a scatter adds), then its far entries (added); over panels, each
 * panel's rows in turn (the first written, the others added).
 */
export function runPart(kernels: Kernels, part: ProductPart, xp: number, into: number, k: number, transposed: boolean): void {
  const { rp, ci, va, lo, hi } = part;
  const panels = part.panels ?? 0;
  if (panels >= 2 && !transposed) {
    // Panel 0 writes the rows, the others add to them: row p · m + i of the panels' CSR goes to
    // output row i, so panel p's output pointer is shifted back by p · m rows (i32 arithmetic
    // wraps, so a pointer below 0 still lands on the right rows).
    const m = part.panelRows ?? 0;
    kernels.gatherMulti(rp, ci, va, xp, k, into, lo, hi);
    for (let p = 1; p < panels; p++) kernels.gatherMultiAdd(rp, ci, va, xp, k, (into - p * m * 8 * k) | 0, lo + p * m, hi + p * m);
    return;
  }
  if (transposed) {
    if (k === 1) kernels.scatter(rp, ci, va, xp, into, lo, hi);
    else kernels.scatterMulti(rp, ci, va, xp, k, into, lo, hi);
  } else if (k === 1) kernels.gather(rp, ci, va, xp, into, lo, hi);
  else kernels.gatherMulti(rp, ci, va, xp, k, into, lo, hi);
  const m = part.farHi - part.farLo;
  if (m <= 0) return;
  const row = part.row + 4 * part.farLo;
  const col = part.col + 4 * part.farLo;
  const val = part.val + 8 * part.farLo;
  if (transposed) {
    if (k === 1) kernels.farScatter(row, col, val, xp, into, m);
    else kernels.farScatterMulti(row, col, val, xp, k, into, m);
  } else if (k === 1) kernels.farGather(row, col, val, xp, into, m);
  else kernels.farGatherMulti(row, col, val, xp, k, into, m);
}
