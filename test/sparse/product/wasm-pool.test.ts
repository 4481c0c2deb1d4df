import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { kernelModule } from '../../../src/sparse/product/wasm-kernels.js';
import { instantiateKernels } from '../../../src/sparse/product/wasm-kernels.js';
import { COMMAND, CTRL, PART, PART_INTS, awaitParts, claimParts, newMemory, partRunner, request, setParts, startWorkers, stopWorkers, tableReader, workerPool } from '../../../src/sparse/product/wasm-pool.js';

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
      // Two parts (rows 0..1 and 1..3); the calling thread claims none, so the worker runs both.
      const csr = { rp, ci, va, row: 0, col: 0, val: 0, farLo: 0, farHi: 0 };
      setParts(pool, [{ ...csr, lo: 0, hi: 1 }, { ...csr, lo: 1, hi: 3 }], [0, own]);
      assert.equal(pool.parts[PART_INTS + PART.own], own | 0, 'the slot holds the offset as a negative Int32');
      const out = new Float64Array(buffer, op, 3).fill(Number.NaN);
      request(pool, { command: COMMAND.gather, x: xp, out: op, k: 1, parts: 2, outLength: 3, helpers: 1 });
      awaitParts(pool);
      assert.deepEqual([...out], [21, 30, 504], 'gather: A x');
      // A scatter: part 0 into the output block, part 1 into its own accumulator.
      request(pool, { command: COMMAND.scatter, x: xp, out: op, k: 1, parts: 2, outLength: 3, helpers: 1 });
      awaitParts(pool);
      assert.deepEqual([...out], [1, 2, 0], 'row 0 of Aᵀ x');
      assert.deepEqual([...new Float64Array(buffer, own, 3)], [400, 30, 500], 'rows 1..2 of Aᵀ x');
      // With no helper the calling thread claims every part itself.
      out.fill(Number.NaN);
      request(pool, { command: COMMAND.gather, x: xp, out: op, k: 1, parts: 2, outLength: 3, helpers: 0 });
      const kernels = instantiateKernels(module, memory);
      let claimed = 0;
      const run = partRunner(kernels, buffer, pool.ctrl, tableReader(pool.ctrl, pool.parts));
      claimParts(pool.ctrl, (p) => {
        claimed++;
        run(p);
      });
      awaitParts(pool);
      assert.equal(claimed, 2);
      assert.deepEqual([...out], [21, 30, 504]);
      assert.equal(Atomics.load(pool.ctrl, CTRL.completed), 2);
    } finally {
      stopWorkers(memory);
    }
  });

  test('workers started without waiting: a request before they are ready is done by the calling thread, and the pool is the same once they are', () => {
    const module = kernelModule();
    assert.ok(module !== null);
    const memory = newMemory(1 << 20);
    assert.ok(memory !== undefined);
    const buffer = memory.buffer;
    // The 3 × 3 matrix [[1, 2, 0], [0, 3, 0], [4, 0, 5]] and x = (1, 10, 100).
    const [rp, ci, va, xp, op] = [16, 32, 64, 112, 144];
    new Int32Array(buffer, rp, 4).set([0, 2, 3, 5]);
    new Int32Array(buffer, ci, 5).set([0, 1, 1, 0, 2]);
    new Float64Array(buffer, va, 5).set([1, 2, 3, 4, 5]);
    new Float64Array(buffer, xp, 3).set([1, 10, 100]);
    const started = startWorkers(module, memory, 2);
    assert.ok(started !== undefined);
    try {
      assert.equal(started.workers.length, 2);
      const csr = { rp, ci, va, row: 0, col: 0, val: 0, farLo: 0, farHi: 0 };
      setParts(started, [{ ...csr, lo: 0, hi: 1 }, { ...csr, lo: 1, hi: 2 }, { ...csr, lo: 2, hi: 3 }]);
      const out = new Float64Array(buffer, op, 3).fill(Number.NaN);
      request(started, { command: COMMAND.gather, x: xp, out: op, k: 1, parts: 3, outLength: 3, helpers: 2 });
      claimParts(started.ctrl, partRunner(instantiateKernels(module, memory), buffer, started.ctrl, tableReader(started.ctrl, started.parts)));
      awaitParts(started);
      assert.deepEqual([...out], [21, 30, 504]);
      const ready = workerPool(module, memory, 2);
      assert.equal(ready, started, 'the same pool, no worker started twice');
      assert.equal(ready.workers.length, 2);
      assert.ok(Atomics.load(ready.ctrl, CTRL.ready) >= 2);
    } finally {
      stopWorkers(memory);
    }
  });

  test('thousands of requests in a row, gathers and scatters, with and without the helpers, each complete and right', { timeout: 60_000 }, () => {
    const module = kernelModule();
    assert.ok(module !== null);
    // A 64 × 64 matrix with 4 entries per row, x and the blocks in a small memory.
    const n = 64;
    const memory = newMemory(1 << 20);
    assert.ok(memory !== undefined);
    const buffer = memory.buffer;
    const rp = 16;
    const ci = rp + 4 * (n + 1) + 12;
    const va = ci + 16 * n;
    const xp = va + 32 * n;
    const op = xp + 8 * n;
    const accumulators = [0, op + 8 * n, op + 16 * n, op + 24 * n];
    const rowPtr = new Int32Array(buffer, rp, n + 1);
    const colIdx = new Int32Array(buffer, ci, 4 * n);
    const values = new Float64Array(buffer, va, 4 * n);
    const x = new Float64Array(buffer, xp, n);
    for (let i = 0; i < n; i++) {
      rowPtr[i + 1] = 4 * (i + 1);
      for (let e = 0; e < 4; e++) {
        colIdx[4 * i + e] = (i + e * 17) % n;
        values[4 * i + e] = 1 + ((i * 7 + e) % 5);
      }
      x[i] = i + 1;
    }
    // Serial answers.
    const gather = new Float64Array(n);
    const scatter = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
        gather[i] += values[p] * x[colIdx[p]];
        scatter[colIdx[p]] += values[p] * x[i];
      }
    }
    const pool = workerPool(module, memory, 3);
    assert.ok(pool !== undefined);
    const kernels = instantiateKernels(module, memory);
    const out = new Float64Array(buffer, op, n);
    const csr = { rp, ci, va, row: 0, col: 0, val: 0, farLo: 0, farHi: 0 };
    const gatherParts = Array.from({ length: 8 }, (_, p) => ({ ...csr, lo: 8 * p, hi: 8 * (p + 1) }));
    const scatterParts = Array.from({ length: 4 }, (_, p) => ({ ...csr, lo: 16 * p, hi: 16 * (p + 1) }));
    try {
      for (let r = 0; r < 3000; r++) {
        const transposed = r % 3 === 2;
        const parts = transposed ? scatterParts : gatherParts;
        setParts(pool, parts, transposed ? accumulators : []);
        out.fill(Number.NaN);
        const helpers = r % 4; // 0: the calling thread alone … 3: all the workers
        request(pool, { command: transposed ? COMMAND.scatter : COMMAND.gather, x: xp, out: op, k: 1, parts: parts.length, outLength: n, helpers });
        claimParts(pool.ctrl, partRunner(kernels, buffer, pool.ctrl, tableReader(pool.ctrl, pool.parts)));
        awaitParts(pool);
        if (transposed) for (const at of accumulators.slice(1)) kernels.vadd(op, at, n);
        assert.deepEqual(out, transposed ? scatter : gather, `request ${r}`);
      }
    } finally {
      stopWorkers(memory);
    }
  });
});
