/**
 * Worker thread of `wasmProduct`: instantiates the kernel module over the product's shared wasm
 * memory, then waits for a command, runs its rows of the product, reports done (the protocol of
 * parallel-worker.ts). Internal to the sparse package.
 */
import { workerData } from 'node:worker_threads';
import { serveProducts } from './worker-loop.js';

export interface WasmWorkerData {
  /** The compiled kernel module and the shared memory holding A and the vectors. */
  readonly module: object;
  readonly memory: object;
  /** [0] generation, [1] done count, [2] ready count, [3] command (0 stop, 1 gather, 2 scatter), [4] failed. */
  readonly ctrl: Int32Array;
  /** Byte offsets of rowPtr, colIdx, values, the input block and this worker's output block. */
  readonly rp: number;
  readonly ci: number;
  readonly va: number;
  readonly xp: number;
  readonly op: number;
  /** Bytes of this worker's output block (cleared before a scatter). */
  readonly outBytes: number;
  readonly k: number;
  readonly lo: number;
  readonly hi: number;
}

type Kernel = (...args: number[]) => void;
interface InstanceApi {
  readonly Instance: new (module: object, imports: object) => { readonly exports: Record<string, Kernel> };
}

const d = workerData as WasmWorkerData;
const { ctrl, rp, ci, va, xp, op, outBytes, k, lo, hi } = d;
const api = (globalThis as unknown as { WebAssembly: InstanceApi }).WebAssembly;
const kernels = new api.Instance(d.module, { env: { memory: d.memory } }).exports;
const buffer = (d.memory as { readonly buffer: SharedArrayBuffer }).buffer;
const out = new Float64Array(buffer, op, outBytes / 8);
serveProducts(ctrl, (command) => {
  if (command === 1) {
    if (k === 1) kernels.gather(rp, ci, va, xp, op, lo, hi);
    else kernels.gatherMulti(rp, ci, va, xp, k, op, lo, hi);
  } else {
    out.fill(0);
    if (k === 1) kernels.scatter(rp, ci, va, xp, op, lo, hi);
    else kernels.scatterMulti(rp, ci, va, xp, k, op, lo, hi);
  }
});
