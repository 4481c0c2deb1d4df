/**
 * Worker thread of `wasmProduct`: instantiates the kernel module over the product's shared wasm
 * memory, then waits for a command, runs its stripe of the product, reports done (the protocol of
 * worker-loop.ts). Internal to the sparse package.
 */
import { workerData } from 'node:worker_threads';
import { kernelsOf, runStripe, type WasmLayout } from './wasm-product.js';
import { serveProducts } from './worker-loop.js';

export interface WasmWorkerData {
  /** The compiled kernel module and the shared memory holding A and the vectors. */
  readonly module: object;
  readonly memory: object;
  /**
   * [0] generation, [1] done count, [2] ready count, [3] command (0 stop, 1 gather, 2 scatter),
   * [4] failed, [5] byte offset of the input block, [6] of the output block (of a gather).
   */
  readonly ctrl: Int32Array;
  /** Where A sits in the memory, and the stripes. */
  readonly layout: WasmLayout;
  /** Byte offset of this worker's own output block (of a scatter). */
  readonly op: number;
  /** Bytes of this worker's output block (cleared before a scatter). */
  readonly outBytes: number;
  readonly k: number;
  /** This worker's stripe. */
  readonly stripe: number;
}

interface InstanceApi {
  readonly Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
}

if (workerData !== null) {
  const d = workerData as WasmWorkerData;
  const { ctrl, layout, op, outBytes, k, stripe } = d;
  const api = (globalThis as unknown as { WebAssembly: InstanceApi }).WebAssembly;
  const kernels = kernelsOf(new api.Instance(d.module, { env: { memory: d.memory } }).exports);
  const buffer = (d.memory as { readonly buffer: SharedArrayBuffer }).buffer;
  const out = new Float64Array(buffer, op, outBytes / 8);
  serveProducts(ctrl, (command) => {
    const xp = Atomics.load(ctrl, 5);
    if (command === 2) out.fill(0);
    runStripe(kernels, layout, xp, command === 2 ? op : Atomics.load(ctrl, 6), k, command === 2, stripe);
  });
}
