import { Worker } from 'node:worker_threads';
import { wasmApi, type ProductPart, type WasmMemory } from './wasm-kernels.js';

const PAGE = 65_536;
/** wasm32: at most 65,536 pages of 64 KiB. */
export const WASM_MAX_BYTES = 65_536 * PAGE;

/** A fresh shared memory of at least `bytes`, or undefined when it does not fit or cannot be reserved. */
export function newMemory(bytes: number): WasmMemory | undefined {
  const api = wasmApi();
  if (api === undefined || bytes > WASM_MAX_BYTES) return undefined;
  const pages = Math.max(1, Math.ceil(bytes / PAGE));
  try {
    return new api.Memory({ initial: pages, maximum: pages, shared: true });
  } catch {
    return undefined; // the address space could not be reserved
  }
}

/**
 * The memory of the last closed product and its worker threads, kept a few seconds for the next
 * product: a fresh memory costs its page faults on first touch (about 0.75 ms per MB here, 0.2 s
 * for a product at 10⁶) and a worker 20–40 ms to start, and analyses run several solves in a row.
 */
let idle: { memory: WasmMemory; timer: ReturnType<typeof setTimeout> } | undefined;
const IDLE_MS = 5_000;

/** A memory of at least `bytes`: the idle one if it fits without wasting more than half of it. */
export function takeMemory(bytes: number): WasmMemory | undefined {
  if (idle !== undefined) {
    const size = idle.memory.buffer.byteLength;
    if (size >= bytes && size <= 2 * bytes + 64 * PAGE) {
      const { memory, timer } = idle;
      clearTimeout(timer);
      idle = undefined;
      return memory;
    }
    // Let it go before reserving another (a large one may not fit beside it).
    clearTimeout(idle.timer);
    stopWorkers(idle.memory);
    idle = undefined;
  }
  return newMemory(bytes);
}

/** Keeps a closed product's memory (and its workers) for the next product, until IDLE_MS pass. */
export function giveBack(memory: WasmMemory): void {
  if (idle !== undefined) {
    clearTimeout(idle.timer);
    if (idle.memory !== memory) stopWorkers(idle.memory);
  }
  const timer = setTimeout(() => {
    if (idle?.memory === memory) {
      idle = undefined;
      stopWorkers(memory);
    }
  }, IDLE_MS);
  timer.unref();
  idle = { memory, timer };
}

const stopping = new WeakMap<WasmMemory, ReturnType<typeof setTimeout>>();

/**
 * Lets the workers of a memory that stays in use (a matrix made by `toWasmCsr`) wait IDLE_MS for
 * the next product before they stop: they would otherwise keep the memory alive.
 */
export function keepWorkers(memory: WasmMemory): void {
  clearTimeout(stopping.get(memory));
  const timer = setTimeout(() => {
    stopping.delete(memory);
    stopWorkers(memory);
  }, IDLE_MS);
  timer.unref();
  stopping.set(memory, timer);
}

/**
 * The Int32 slots of a worker's job record: whether it takes part, its part of the product (see
 * ProductPart), k, and the byte offset and length of its own output block (for a scatter).
 */
export const JOB = {
  active: 0,
  rp: 1,
  ci: 2,
  va: 3,
  lo: 4,
  hi: 5,
  row: 6,
  col: 7,
  val: 8,
  farLo: 9,
  farHi: 10,
  k: 11,
  own: 12,
  ownLength: 13,
} as const;
export const JOB_INTS = 16;

/** Gives worker w its part of the next products (or none, when `part` is undefined). */
export function setJob(pool: WorkerPool, w: number, part: ProductPart | undefined, k = 1, own = 0, ownLength = 0): void {
  const { jobs } = pool;
  const base = w * JOB_INTS;
  if (part === undefined) {
    jobs[base + JOB.active] = 0;
    return;
  }
  jobs[base + JOB.rp] = part.rp;
  jobs[base + JOB.ci] = part.ci;
  jobs[base + JOB.va] = part.va;
  jobs[base + JOB.lo] = part.lo;
  jobs[base + JOB.hi] = part.hi;
  jobs[base + JOB.row] = part.row;
  jobs[base + JOB.col] = part.col;
  jobs[base + JOB.val] = part.val;
  jobs[base + JOB.farLo] = part.farLo;
  jobs[base + JOB.farHi] = part.farHi;
  jobs[base + JOB.k] = k;
  jobs[base + JOB.own] = own;
  jobs[base + JOB.ownLength] = ownLength;
  jobs[base + JOB.active] = 1;
}
const MAX_WORKERS = 64;

/**
 * Worker threads that run product parts over one memory (wasm-worker.ts), kept with the memory.
 * ctrl: [0] generation (bumped per request), [1] workers done, [2] workers ready, [3] command
 * (0 stop, 1 gather, 2 scatter), [4] failure flag, [5] byte offset of the input block, [6] of the
 * output block of a gather. jobs: a record of JOB_INTS per worker.
 */
export interface WorkerPool {
  readonly ctrl: Int32Array;
  readonly jobs: Int32Array;
  readonly workers: Worker[];
}

/** What a worker of the pool is started with. */
export interface WasmWorkerData {
  readonly module: object;
  readonly memory: WasmMemory;
  readonly ctrl: Int32Array;
  readonly jobs: Int32Array;
  readonly index: number;
}

const pools = new WeakMap<WasmMemory, WorkerPool>();

/**
 * The pool of the memory with at least `count` workers started and ready (more are started when
 * needed); undefined, and no worker left running, when they do not start.
 */
export function workerPool(module: object, memory: WasmMemory, count: number): WorkerPool | undefined {
  if (count > MAX_WORKERS) return undefined;
  clearTimeout(stopping.get(memory));
  stopping.delete(memory);
  let pool = pools.get(memory);
  if (pool === undefined) {
    pool = {
      ctrl: new Int32Array(new SharedArrayBuffer(8 * 4)),
      jobs: new Int32Array(new SharedArrayBuffer(MAX_WORKERS * JOB_INTS * 4)),
      workers: [],
    };
    pools.set(memory, pool);
  }
  const { ctrl, jobs, workers } = pool;
  while (workers.length < count) {
    const data: WasmWorkerData = { module, memory, ctrl, jobs, index: workers.length };
    jobs[workers.length * JOB_INTS + JOB.active] = 0;
    try {
      const w = new Worker(new URL('./wasm-worker.js', import.meta.url), { workerData: data });
      w.unref();
      w.on('error', () => Atomics.store(ctrl, 4, 1)); // reported by the next product
      workers.push(w);
    } catch {
      stopWorkers(memory);
      return undefined;
    }
  }
  const deadline = Date.now() + 10_000;
  for (;;) {
    const ready = Atomics.load(ctrl, 2);
    if (ready >= workers.length) return pool;
    if (Date.now() > deadline || Atomics.load(ctrl, 4) !== 0) {
      stopWorkers(memory);
      return undefined;
    }
    Atomics.wait(ctrl, 2, ready, 100);
  }
}

/** Runs a request on every worker of the pool (those without an active job only count themselves done). */
export function runWorkers(pool: WorkerPool, command: 1 | 2, xp: number, op: number): void {
  const { ctrl } = pool;
  Atomics.store(ctrl, 1, 0);
  Atomics.store(ctrl, 3, command);
  Atomics.store(ctrl, 5, xp);
  Atomics.store(ctrl, 6, op);
  Atomics.add(ctrl, 0, 1);
  Atomics.notify(ctrl, 0);
}

/** Waits until every worker has finished the request; throws if one failed. */
export function awaitWorkers(pool: WorkerPool): void {
  const { ctrl, workers } = pool;
  for (;;) {
    const done = Atomics.load(ctrl, 1);
    if (done >= workers.length) break;
    Atomics.wait(ctrl, 1, done);
  }
  if (Atomics.load(ctrl, 4) !== 0) throw new Error('wasm product: a worker failed');
}

/** Stops the memory's workers (they end their loop and exit). */
export function stopWorkers(memory: WasmMemory): void {
  const pool = pools.get(memory);
  if (pool === undefined) return;
  pools.delete(memory);
  const { ctrl } = pool;
  Atomics.store(ctrl, 3, 0);
  Atomics.add(ctrl, 0, 1);
  Atomics.notify(ctrl, 0);
}
