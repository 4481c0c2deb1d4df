/**
 * Worker thread of a pool of wasm-pool.ts: instantiates the kernel module over the pool's shared
 * memory, then for each request runs the part of the product its job record names (if active)
 * and reports done (the protocol of worker-loop.ts). Internal to the sparse package.
 */
import { workerData } from 'node:worker_threads';
import { instantiateKernels, runPart } from './wasm-kernels.js';
import { JOB, JOB_INTS, type WasmWorkerData } from './wasm-pool.js';
import { serveProducts } from './worker-loop.js';

if (workerData !== null) {
  const { module, memory, ctrl, jobs, index } = workerData as WasmWorkerData;
  const kernels = instantiateKernels(module, memory);
  const base = index * JOB_INTS;
  // Byte offsets above 2 GiB come back negative from the Int32 slots: read them unsigned.
  const job = (slot: number): number => Atomics.load(jobs, base + slot) >>> 0;
  serveProducts(ctrl, (command) => {
    if (job(JOB.active) !== 1) return;
    const part = {
      rp: job(JOB.rp),
      ci: job(JOB.ci),
      va: job(JOB.va),
      lo: job(JOB.lo),
      hi: job(JOB.hi),
      row: job(JOB.row),
      col: job(JOB.col),
      val: job(JOB.val),
      farLo: job(JOB.farLo),
      farHi: job(JOB.farHi),
    };
    const transposed = command === 2;
    let into = Atomics.load(ctrl, 6) >>> 0;
    if (transposed) {
      into = job(JOB.own);
      new Float64Array(memory.buffer, into, job(JOB.ownLength)).fill(0);
    }
    runPart(kernels, part, Atomics.load(ctrl, 5) >>> 0, into, job(JOB.k), transposed);
  });
}
