import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { kernelModule } from '../../src/sparse/wasm-kernels.js';
import { JOB, awaitWorkers, newMemory, runWorkers, setJob, stopWorkers, workerPool } from '../../src/sparse/wasm-pool.js';

describe('the worker threads of the WebAssembly products', () => {
  test('run their part of a product over arrays placed above 2 GiB in the memory', () => {
    const module = kernelModule();
    assert.ok(module !== null);
    // A memory of 2.1 GiB is only reserved; the few pages written below are all it takes.
    const memory = newMemory(2 ** 31 + 64 * 65_536);
    if (memory === undefined) return; // no address space for it here: nothing to test
    const buffer = memory.buffer;
    // The 3 × 3 matrix [[1, 2, 0], [0, 3, 0], [4, 0, 5]] in CSR, and x = (1, 10, 100), from 2 GiB + 4 KiB on.
    let at = 2 ** 31 + 4096;
    const place = (bytes: number): number => {
      const offset = at;
      at += Math.ceil(bytes / 16) * 16;
      return offset;
    };
    const rp = place(16);
    const ci = place(20);
    const va = place(40);
    const xp = place(24);
    const op = place(24);
    const own = place(24);
    new Int32Array(buffer, rp, 4).set([0, 2, 3, 5]);
    new Int32Array(buffer, ci, 5).set([0, 1, 1, 0, 2]);
    new Float64Array(buffer, va, 5).set([1, 2, 3, 4, 5]);
    new Float64Array(buffer, xp, 3).set([1, 10, 100]);
    const pool = workerPool(module, memory, 1);
    assert.ok(pool !== undefined);
    try {
      // The worker takes rows 1..2 (stripe 1); nothing is far.
      setJob(pool, 0, { rp, ci, va, lo: 1, hi: 3, row: 0, col: 0, val: 0, farLo: 0, farHi: 0 }, 1, own, 3);
      assert.equal(pool.jobs[JOB.own], own | 0, 'the slot holds the offset as a negative Int32');
      const out = new Float64Array(buffer, op, 3).fill(Number.NaN);
      runWorkers(pool, 1, xp, op);
      awaitWorkers(pool);
      assert.deepEqual([...out.subarray(1)], [30, 504], 'gather: rows 1 and 2 of A x');
      // A scatter into the worker's own block: rows 1..2 of Aᵀ x.
      runWorkers(pool, 2, xp, op);
      awaitWorkers(pool);
      assert.deepEqual([...new Float64Array(buffer, own, 3)], [400, 30, 500]);
    } finally {
      stopWorkers(memory);
    }
  });
});
