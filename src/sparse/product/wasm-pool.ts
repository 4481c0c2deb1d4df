import { Worker } from 'node:worker_threads';
import { runPart, wasmApi, type Kernels, type ProductPart, type WasmMemory } from './wasm-kernels.js';

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

/** The memory kept for the next product, if any (still idle: `takeMemory` takes it). */
export function idleMemory(): WasmMemory | undefined {
  return idle?.memory;
}

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
 * Slots of a pool's control array. A product is a request whose parts any thread may claim: the
 * calling thread and the workers take parts one at a time from the claim word until none is left,
 * so a worker that wakes late (or not at all, its core being busy) only takes fewer parts, and the
 * caller never waits for a worker that has not started.
 * - generation: bumped per request (workers wait on it); ready: workers started;
 * - command: 0 stop, 1 gather, 2 scatter; failed: set when a worker throws or dies;
 * - x, out: byte offsets of the input and output blocks; k: vectors per block;
 * - claim: the request's number of parts above the index of the next part (see claimParts);
 * - completed: parts done; outLength: entries of the output block;
 * - helpers: how many of the workers take part (those with a lower index);
 * - version: bumped when the parts table is written (workers keep its decoded parts till then).
 */
export const CTRL = {
  generation: 0,
  ready: 1,
  command: 2,
  failed: 3,
  x: 4,
  out: 5,
  k: 6,
  claim: 7,
  completed: 8,
  outLength: 9,
  helpers: 10,
  version: 11,
} as const;
const CTRL_INTS = 16;
export const COMMAND = { stop: 0, gather: 1, scatter: 2 } as const;

/**
 * The claim word: the request's parts (bits 11–19) above the index of the next part (bits 0–10).
 * A thread's claims of a request fail at most twice (it stops at the first, and may come back
 * once for the request it slept through), so the index stays below MAX_PARTS + 2·MAX_WORKERS + 1
 * < 2¹¹ and never reaches the parts' bits.
 */
const PARTS_SHIFT = 11;
const INDEX_MASK = (1 << PARTS_SHIFT) - 1;

/**
 * The Int32 slots of a part's record (see ProductPart), and `own`: the byte offset of the block a
 * scatter part accumulates into (0: the request's output block).
 */
export const PART = {
  rp: 0,
  ci: 1,
  va: 2,
  lo: 3,
  hi: 4,
  row: 5,
  col: 6,
  val: 7,
  farLo: 8,
  farHi: 9,
  own: 10,
  panels: 11,
  panelRows: 12,
} as const;
export const PART_INTS = 13;
/** Most parts a product may have (at most 511: the claim word's field). */
export const MAX_PARTS = 256;

/**
 * Writes the parts of the next products into the pool's table (`own[p]`: the accumulator of
 * scatter part p, 0 for the output block). Only between requests: a thread reads a part's record
 * after claiming it.
 */
export function setParts(pool: WorkerPool, parts: readonly ProductPart[], own: readonly number[] = []): void {
  if (parts.length > MAX_PARTS) throw new RangeError(`wasm product: ${parts.length} parts, at most ${MAX_PARTS}`);
  const table = pool.parts;
  parts.forEach((part, p) => {
    const base = p * PART_INTS;
    table[base + PART.rp] = part.rp;
    table[base + PART.ci] = part.ci;
    table[base + PART.va] = part.va;
    table[base + PART.lo] = part.lo;
    table[base + PART.hi] = part.hi;
    table[base + PART.row] = part.row;
    table[base + PART.col] = part.col;
    table[base + PART.val] = part.val;
    table[base + PART.farLo] = part.farLo;
    table[base + PART.farHi] = part.farHi;
    table[base + PART.own] = own[p] ?? 0;
    table[base + PART.panels] = part.panels ?? 0;
    table[base + PART.panelRows] = part.panelRows ?? 0;
  });
  Atomics.add(pool.ctrl, CTRL.version, 1);
}

/** A part of a product and the byte offset of its scatter accumulator (0: the output block). */
export interface ClaimedPart {
  readonly part: ProductPart;
  readonly own: number;
}

/** Part p of the table, with its accumulator (byte offsets above 2 GiB come back negative: read unsigned). */
export function readPart(table: Int32Array, p: number): ClaimedPart {
  const base = p * PART_INTS;
  const slot = (s: number): number => table[base + s] >>> 0;
  return {
    part: {
      rp: slot(PART.rp),
      ci: slot(PART.ci),
      va: slot(PART.va),
      lo: slot(PART.lo),
      hi: slot(PART.hi),
      row: slot(PART.row),
      col: slot(PART.col),
      val: slot(PART.val),
      farLo: slot(PART.farLo),
      farHi: slot(PART.farHi),
      panels: slot(PART.panels),
      panelRows: slot(PART.panelRows),
    },
    own: slot(PART.own),
  };
}
const MAX_WORKERS = 64;

/**
 * Worker threads that run product parts over one memory (wasm-worker.ts), kept with the memory:
 * the control array (CTRL) and the parts table (PART_INTS per part).
 */
export interface WorkerPool {
  readonly ctrl: Int32Array;
  readonly parts: Int32Array;
  readonly workers: Worker[];
}

/** What a worker of the pool is started with. */
export interface WasmWorkerData {
  readonly module: object;
  readonly memory: WasmMemory;
  readonly ctrl: Int32Array;
  readonly parts: Int32Array;
  /** The worker's place in the pool (it takes part in requests with more helpers). */
  readonly index: number;
}

const pools = new WeakMap<WasmMemory, WorkerPool>();

/**
 * Starts the memory's workers (at least `count`) without waiting for them: a product that copies
 * A into a fresh memory starts them first, so that they start while the copy is made (a worker
 * takes 20–40 ms to start, more on a busy machine, and a fresh memory's first touch far more).
 * Undefined, and no worker left running, when one cannot be created.
 */
export function startWorkers(module: object, memory: WasmMemory, count: number): WorkerPool | undefined {
  if (count > MAX_WORKERS) return undefined;
  clearTimeout(stopping.get(memory));
  stopping.delete(memory);
  let pool = pools.get(memory);
  if (pool === undefined) {
    pool = {
      ctrl: new Int32Array(new SharedArrayBuffer(CTRL_INTS * 4)),
      parts: new Int32Array(new SharedArrayBuffer(MAX_PARTS * PART_INTS * 4)),
      workers: [],
    };
    pools.set(memory, pool);
  }
  const { ctrl, parts, workers } = pool;
  while (workers.length < count) {
    const data: WasmWorkerData = { module, memory, ctrl, parts, index: workers.length };
    try {
      const w = new Worker(new URL('./wasm-worker.js', import.meta.url), { workerData: data });
      w.unref();
      w.on('error', () => {
        Atomics.store(ctrl, CTRL.failed, 1); // reported by the next product, or the one waiting
        Atomics.notify(ctrl, CTRL.completed);
      });
      workers.push(w);
    } catch {
      stopWorkers(memory);
      return undefined;
    }
  }
  return pool;
}

/**
 * The pool of the memory with at least `count` workers started and ready (more are started when
 * needed); undefined, and no worker left running, when they do not start.
 */
export function workerPool(module: object, memory: WasmMemory, count: number): WorkerPool | undefined {
  const pool = startWorkers(module, memory, count);
  if (pool === undefined) return undefined;
  const { ctrl, workers } = pool;
  const deadline = Date.now() + 10_000;
  for (;;) {
    const ready = Atomics.load(ctrl, CTRL.ready);
    if (ready >= workers.length) return pool;
    if (Date.now() > deadline || Atomics.load(ctrl, CTRL.failed) !== 0) {
      stopWorkers(memory);
      return undefined;
    }
    Atomics.wait(ctrl, CTRL.ready, ready, 100);
  }
}

/** A product for the threads of a pool: `parts` parts of the table, over the blocks at byte offsets x and out. */
export interface Request {
  readonly command: 1 | 2;
  readonly x: number;
  readonly out: number;
  readonly k: number;
  readonly parts: number;
  /** Entries of the output block (and of each scatter accumulator). */
  readonly outLength: number;
  /** Workers that take part (the first ones of the pool). */
  readonly helpers: number;
}

/**
 * Publishes a request and wakes the workers; the caller then takes parts itself (claimParts) and
 * waits for the rest (awaitParts).
 */
export function request(pool: WorkerPool, r: Request): void {
  if (!(r.parts >= 1 && r.parts <= MAX_PARTS)) throw new RangeError(`wasm product: ${r.parts} parts, expected 1 to ${MAX_PARTS}`);
  const { ctrl } = pool;
  Atomics.store(ctrl, CTRL.command, r.command);
  Atomics.store(ctrl, CTRL.x, r.x);
  Atomics.store(ctrl, CTRL.out, r.out);
  Atomics.store(ctrl, CTRL.k, r.k);
  Atomics.store(ctrl, CTRL.outLength, r.outLength);
  Atomics.store(ctrl, CTRL.helpers, r.helpers);
  Atomics.store(ctrl, CTRL.completed, 0);
  // Everything above is written before the claim word opens the request.
  Atomics.store(ctrl, CTRL.claim, r.parts << PARTS_SHIFT);
  Atomics.add(ctrl, CTRL.generation, 1);
  Atomics.notify(ctrl, CTRL.generation);
}

/**
 * Claims parts of the current request one at a time and runs each, until none is left. One atomic
 * add on the claim word yields both the index and the request's number of parts, so a claim is
 * valid exactly when the index is below it: the request cannot end before that part is counted,
 * so the request's parameters stay as they were published while it runs. (A thread that comes
 * late only finds the index at or past the end.) Every claimed part is counted, even if it throws
 * (then `failed` is set), so nobody waits forever.
 */
export function claimParts(ctrl: Int32Array, run: (part: number) => void): void {
  for (;;) {
    const claim = Atomics.add(ctrl, CTRL.claim, 1);
    const index = claim & INDEX_MASK;
    const parts = claim >>> PARTS_SHIFT;
    if (index >= parts) return;
    try {
      run(index);
    } catch {
      Atomics.store(ctrl, CTRL.failed, 1);
    }
    if (Atomics.add(ctrl, CTRL.completed, 1) + 1 === parts) Atomics.notify(ctrl, CTRL.completed);
  }
}

/** The parts of the pool's table as a worker reads them: each decoded once per version of the table. */
export function tableReader(ctrl: Int32Array, table: Int32Array): (p: number) => ClaimedPart {
  let version: number | undefined;
  let decoded: ClaimedPart[] = [];
  return (p) => {
    const now = Atomics.load(ctrl, CTRL.version);
    if (now !== version) {
      version = now;
      decoded = [];
    }
    return (decoded[p] ??= readPart(table, p));
  };
}

/**
 * What runs a claimed part p of the current request (read after the claim: the request cannot
 * change while one of its parts is unfinished). A gather part writes its rows of the output
 * block; a scatter part clears its accumulator (the output block, or its own) and adds its rows'
 * products to it.
 */
export function partRunner(kernels: Kernels, buffer: SharedArrayBuffer, ctrl: Int32Array, partAt: (p: number) => ClaimedPart): (p: number) => void {
  return (p) => {
    const transposed = Atomics.load(ctrl, CTRL.command) === COMMAND.scatter;
    const { part, own } = partAt(p);
    let into = Atomics.load(ctrl, CTRL.out) >>> 0;
    if (transposed) {
      if (own !== 0) into = own;
      new Float64Array(buffer, into, Atomics.load(ctrl, CTRL.outLength)).fill(0);
    }
    runPart(kernels, part, Atomics.load(ctrl, CTRL.x) >>> 0, into, Atomics.load(ctrl, CTRL.k), transposed);
  };
}

/** Spins on the completion count before sleeping on it: the parts still running take microseconds. */
const AWAIT_SPINS = 2_000;

/** Waits until every part of the request is done; throws if a part or a worker failed. */
export function awaitParts(pool: WorkerPool): void {
  const { ctrl } = pool;
  const parts = Atomics.load(ctrl, CTRL.claim) >>> PARTS_SHIFT;
  for (let spins = 0; ; spins++) {
    const done = Atomics.load(ctrl, CTRL.completed);
    if (done >= parts || Atomics.load(ctrl, CTRL.failed) !== 0) break;
    if (spins >= AWAIT_SPINS) Atomics.wait(ctrl, CTRL.completed, done, 50);
  }
  if (Atomics.load(ctrl, CTRL.failed) !== 0) throw new Error('wasm product: a worker failed');
}

/** Stops the memory's workers (they end their loop and exit). */
export function stopWorkers(memory: WasmMemory): void {
  const pool = pools.get(memory);
  if (pool === undefined) return;
  pools.delete(memory);
  const { ctrl } = pool;
  Atomics.store(ctrl, CTRL.command, COMMAND.stop);
  Atomics.add(ctrl, CTRL.generation, 1);
  Atomics.notify(ctrl, CTRL.generation);
}
