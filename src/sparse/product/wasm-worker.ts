/**
 * Worker thread of a pool of wasm-pool.ts: instantiates the kernel module over the pool's shared
 * memory, then at each request claims parts of the product and runs them (`claimParts`,
 * `partRunner`), as the calling thread does, and sleeps until the next. (Spinning before sleeping
 * gained nothing on an idle machine and cost the calling thread its core on a busy one.) Internal
 * to the sparse package.
 */
import { workerData } from 'node:worker_threads';
import { instantiateKernels } from './wasm-kernels.js';
import { COMMAND, CTRL, claimParts, partRunner, tableReader, type WasmWorkerData } from './wasm-pool.js';

if (workerData !== null) {
  const { module, memory, ctrl, parts, index } = workerData as WasmWorkerData;
  const kernels = instantiateKernels(module, memory);
  const run = partRunner(kernels, memory.buffer, ctrl, tableReader(ctrl, parts));
  let seen = Atomics.load(ctrl, CTRL.generation);
  Atomics.add(ctrl, CTRL.ready, 1);
  Atomics.notify(ctrl, CTRL.ready);
  for (;;) {
    Atomics.wait(ctrl, CTRL.generation, seen);
    seen = Atomics.load(ctrl, CTRL.generation);
    if (Atomics.load(ctrl, CTRL.command) === COMMAND.stop) break;
    if (index < Atomics.load(ctrl, CTRL.helpers)) claimParts(ctrl, run);
  }
}
