import { csrKernelsWasm } from './csr-kernels-wasm.js';
import type { CsrMatrix } from './csr.js';
import type { BlockProduct } from './leontief-core.js';

/** The part of the WebAssembly JS API used here (the compiler's Node typings do not declare it). */
interface WasmApi {
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
  readonly Memory: new (descriptor: { initial: number; maximum: number }) => { readonly buffer: ArrayBuffer };
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

/**
 * Bytes of wasm memory a product needs: A's three arrays, one input and one output block of k
 * vectors, each 16-byte aligned.
 */
export function wasmBytesNeeded(A: CsrMatrix, k: number, transposed: boolean): number {
  const nz = A.rowPtr[A.rows];
  const inLength = (transposed ? A.rows : A.cols) * k;
  const outLength = (transposed ? A.cols : A.rows) * k;
  return align(4 * (A.rows + 1)) + align(8 * nz) + align(4 * nz) + align(8 * inLength) + align(8 * outLength);
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
}

/**
 * Copies A once into a fresh wasm memory sized for it and k-vector input and output blocks, and
 * returns the product x ↦ A x (or x ↦ Aᵀ x when `transposed`, a scatter over A's rows) run by the
 * WebAssembly kernels of csr-kernels.wat. The results are bit-identical to the JS kernels of
 * range-kernels.ts (same operations in the same order). Undefined when WebAssembly is unavailable,
 * k is not a positive integer, or the matrix and vectors do not fit in 4 GiB (at n = 10⁷ with 20
 * entries per row they take 2.6 GB of it for k = 1). Internal to the sparse package.
 */
export function wasmProduct(A: CsrMatrix, k: number, transposed: boolean): WasmProduct | undefined {
  const module = kernelModule();
  if (module === null || !(Number.isInteger(k) && k >= 1)) return undefined;
  const bytes = wasmBytesNeeded(A, k, transposed);
  if (bytes > WASM_MAX_BYTES) return undefined;
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly as WasmApi;
  const pages = Math.max(1, Math.ceil(bytes / PAGE));
  let memory: { readonly buffer: ArrayBuffer };
  try {
    memory = new api.Memory({ initial: pages, maximum: pages });
  } catch {
    return undefined; // the address space could not be reserved
  }
  const { rows, cols, rowPtr, colIdx, values } = A;
  const nz = rowPtr[rows];
  const inLength = (transposed ? rows : cols) * k;
  const outLength = (transposed ? cols : rows) * k;
  const buffer = memory.buffer;
  let at = 0;
  const place = (length: number, size: number): number => {
    const offset = at;
    at += align(length * size);
    return offset;
  };
  const rp = place(rows + 1, 4);
  const va = place(nz, 8);
  const ci = place(nz, 4);
  const xp = place(inLength, 8);
  const op = place(outLength, 8);
  new Int32Array(buffer, rp, rows + 1).set(rowPtr.subarray(0, rows + 1));
  new Float64Array(buffer, va, nz).set(values.subarray(0, nz));
  new Int32Array(buffer, ci, nz).set(colIdx.subarray(0, nz));
  const input = new Float64Array(buffer, xp, inLength);
  const output = new Float64Array(buffer, op, outLength);
  const exports = new api.Instance(module, { env: { memory } }).exports;
  const gather = exports.gather as Kernel;
  const scatter = exports.scatter as Kernel;
  const gatherMulti = exports.gatherMulti as Kernel;
  const scatterMulti = exports.scatterMulti as Kernel;
  let run: () => void;
  if (transposed) {
    run =
      k === 1
        ? () => {
            output.fill(0);
            scatter(rp, ci, va, xp, op, 0, rows);
          }
        : () => {
            output.fill(0);
            scatterMulti(rp, ci, va, xp, k, op, 0, rows);
          };
  } else {
    run = k === 1 ? () => gather(rp, ci, va, xp, op, 0, rows) : () => gatherMulti(rp, ci, va, xp, k, op, 0, rows);
  }
  const product: BlockProduct = (x, out) => {
    input.set(x.subarray(0, inLength));
    run();
    out.set(output);
  };
  return { product, input, output, run };
}
