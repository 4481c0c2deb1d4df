import type { CsrMatrix } from '../csr.js';
import type { BlockProduct } from './block-product.js';
import { placeSplit, rowStripes, splitCandidate, splitPlan, type SplitTuning } from './split-layout.js';
import { instantiateKernels, kernelModule, runPart, type ProductPart, type WasmMemory } from './wasm-kernels.js';
import { copyLayout, forgetCopy, keepNew, keptFor, keptSplit, placeKept, splitCopyLayout, type CopyLayout, type KeptCopy } from './kept-copy.js';
import { matrixFacts, type MatrixFacts } from '../matrix-facts.js';
import { panelBytes, panelPlan, placePanels, type PanelPlan } from './panel-layout.js';
import { residentOf } from './to-wasm-csr.js';
import { align, partCount, placeMatrix, transposesCopy, vectorBytes } from './wasm-layout.js';
import { COMMAND, WASM_MAX_BYTES, awaitParts, claimParts, giveBack, idleMemory, keepWorkers, partRunner, request, setParts, startWorkers, takeMemory, workerPool } from './wasm-pool.js';
import { wasmVectorOps } from './wasm-vector-ops.js';

export { WASM_MAX_BYTES } from './wasm-pool.js';

/** Whether this runtime can run the WebAssembly kernels. */
export function wasmAvailable(): boolean {
  return kernelModule() !== null;
}

/** A in a wasm instance's memory (copied, or in place), with the input and output blocks of its products. */
export interface WasmProduct {
  /**
   * out = A·X (or Aᵀ·X): copies X into `input`, runs, copies `output` into out; between two of the
   * workspace's vectors (views of the memory) it runs in place, without copies.
   */
  readonly product: BlockProduct;
  /** The input block (views over the wasm memory, never detached: the memory does not grow). */
  readonly input: Float64Array;
  readonly output: Float64Array;
  /** output = A·input (or Aᵀ·input), without copies. */
  run(): void;
  /** Threads that share the product (1: serial). */
  readonly threads: number;
  /** Whether A was used in place (made by `toWasmCsr`) rather than copied. */
  readonly inPlace: boolean;
  /** Whether the copy of A is split into near and far entries (see split-layout.ts). */
  readonly split: boolean;
  /** Whether a transposed product runs as a gather over a copy of Aᵀ (see transposesCopy). */
  readonly transposedCopy: boolean;
  /** Panels of columns the copy of A is placed in (panel-layout.ts), 0 for none. */
  readonly panels: number;
  /**
   * Whether A was found the same as the copy the memory kept from its last product, so that the
   * copy and what was derived from it (A's facts, Aᵀ, the split layout) served again (see
   * kept-copy.ts).
   */
  readonly reused: boolean;
  /**
   * Hands the memory and its worker threads back (kept a few seconds for the next product) and
   * frees the room of an in-place matrix; the product and its views must not be used afterwards.
   */
  close(): void;
}

/**
 * Where the kernels find A in the memory: the CSR arrays (A's own, or the near part of a split
 * matrix) at byte offsets, the threads, and for a split matrix the far coordinates with the thread
 * stripes and each stripe's range of far entries.
 */
interface Layout {
  readonly rp: number;
  readonly ci: number;
  readonly va: number;
  readonly threads: number;
  readonly far?: {
    readonly row: number;
    readonly col: number;
    readonly val: number;
    /** Row bounds of the thread stripes (length threads + 1). */
    readonly stripes: Int32Array;
    /** Stripe s holds the far entries [starts[s], starts[s + 1]). */
    readonly starts: Int32Array;
  };
  /** Panels of A's copy (panel-layout.ts): its CSR holds panels · rows rows. */
  readonly panels?: number;
}

/** Parts per thread of a threaded product over panels (claimed as they come, as a busy core takes fewer). */
const PANEL_PARTS_PER_THREAD = 4;

/** The parts of a product over the layout (see partCount); `rowPtr` is the CSR part's. */
function partsOf(layout: Layout, rowPtr: Int32Array, rows: number, transposed: boolean): ProductPart[] {
  const { rp, ci, va, threads, far, panels } = layout;
  const csr = { rp, ci, va, row: 0, col: 0, val: 0, farLo: 0, farHi: 0, ...(panels === undefined ? {} : { panels, panelRows: rows }) };
  if (far === undefined) {
    // Over panels, parts of a few thousand rows: each reads a panel's part of x for every one of its rows.
    const count = panels === undefined ? partCount(threads, transposed, false, rowPtr[rows]) : threads <= 1 ? 1 : Math.max(threads, Math.min(threads * PANEL_PARTS_PER_THREAD, Math.floor(rows / 1024)));
    const bounds = rowStripes(rowPtr, rows, count);
    return Array.from({ length: count }, (_, p) => ({ ...csr, lo: bounds[p], hi: bounds[p + 1] }));
  }
  const { row, col, val, stripes, starts } = far;
  const stripe = (lo: number, hi: number): ProductPart => ({ rp, ci, va, lo: stripes[lo], hi: stripes[hi], row, col, val, farLo: starts[lo], farHi: starts[hi] });
  if (threads <= 1) return [stripe(0, stripes.length - 1)];
  return Array.from({ length: stripes.length - 1 }, (_, s) => stripe(s, s + 1));
}

/** Internal options of `wasmProduct`. */
export interface WasmProductOptions {
  /** The split layout's tuning, or false for plain CSR (see split-layout.ts). */
  readonly split?: SplitTuning | false;
  /** n-vectors to reserve in the memory for the solver (k = 1, square A; see BlockProduct.workspace). */
  readonly vectors?: number;
  /**
   * For a transposed product: whether to run it as a gather over Aᵀ transposed by the kernels
   * (true), as a scatter over A (false), or as `transposesCopy` decides (default).
   */
  readonly transposeCopy?: boolean;
  /**
   * For a gather of k ≥ 2 vectors over a plain copy: panels as `panelPlan` decides (default), these
   * panels, or none (false).
   */
  readonly panels?: PanelPlan | false;
}

/**
 * The product x ↦ A x (or x ↦ Aᵀ x when `transposed`, a scatter over A's rows) run by the
 * WebAssembly kernels of csr-kernels.wat over a shared wasm memory: A's own when A was made by
 * `toWasmCsr` (and its room is free and large enough), else a memory into which A is copied (the
 * last closed product's, when it fits, with its worker threads). The copy is split
 * (split-layout.ts) when the vectors are too large for the cache: the entries near the diagonal
 * stay in CSR, the far ones are grouped by blocks of columns, which makes a product on economies of
 * 10⁶–10⁷ products 2–3 times faster; the sums are then taken in another order (results agree with
 * the JS kernels to rounding). A gather of k ≥ 2 vectors over a wide matrix with long rows runs over
 * a copy placed in panels of columns (panel-layout.ts), each panel's part of x in the first-level
 * cache, its sums added panel after panel (again equal to the JS kernels' to rounding). Plain copies and matrices in place give results bit-identical to
 * the JS kernels of range-kernels.ts (same operations in the same order), and so do threaded
 * gathers over them. Serial, or with `threads` > 1 cut into parts by rows (balanced by non-zeros)
 * that the calling thread and worker threads running the same kernels over the same memory claim
 * one at a time (see partCount and wasm-pool.ts: gathers write disjoint rows; each scatter part
 * adds into its own accumulator, summed in order). Undefined when WebAssembly
 * is unavailable, k is not a positive integer, or the matrix and vectors do not fit in 4 GiB (at
 * n = 10⁷ with 20 entries per row the split matrix, the vector blocks and the solver's vectors take
 * 3.6 GB of it for k = 1; the solver's vectors are left out when they do not fit); serial when the
 * workers do not start. Internal to the sparse package.
 */
export function wasmProduct(A: CsrMatrix, k: number, transposed: boolean, threads = 1, options: WasmProductOptions = {}): WasmProduct | undefined {
  const module = kernelModule();
  if (module === null || !(Number.isInteger(k) && k >= 1)) return undefined;
  const { rows, cols } = A;
  let helpers = rows >= 2 ? Math.max(0, Math.floor(threads) - 1) : 0;
  const tuning = options.split;
  // A placed by wasmCsrArrays stays in place (see there).
  if (tuning !== false && residentOf(A)?.keepInPlace !== true && splitCandidate(A, k, tuning)) {
    const split = splitProduct(module, A, k, transposed, helpers, options.vectors ?? 0, tuning ?? {});
    if (split !== 'not split') return split;
  }
  if (transposed && (options.transposeCopy ?? transposesCopy(A, k, false, helpers))) {
    const viaTranspose = transposedCopyProduct(module, A, k, helpers, options.vectors ?? 0);
    if (viaTranspose !== undefined) return viaTranspose;
  }
  const resident = residentOf(A);
  // In place: the room must hold the vectors (fewer threads if that makes them fit), and the
  // solver's if it can.
  if (resident !== undefined) {
    let inPlace = helpers;
    while (inPlace > 0 && vectorBytes(rows, cols, k, transposed, inPlace + 1, false) > resident.roomBytes) inPlace--;
    const blocks = vectorBytes(rows, cols, k, transposed, inPlace + 1, false);
    const wanted = k === 1 && rows === cols ? (options.vectors ?? 0) : 0;
    const solver = wanted > 0 && blocks + 16 + wanted * align(8 * rows) <= resident.roomBytes ? wanted : 0;
    if (blocks <= resident.roomBytes && Atomics.compareExchange(resident.lock, 0, 0, 1) === 0) {
      const memory = resident.memory;
      const release = (): void => {
        keepWorkers(memory);
        Atomics.store(resident.lock, 0, 0);
      };
      try {
        const { rowPtr, colIdx, values } = A;
        const layout = { rp: rowPtr.byteOffset, ci: colIdx.byteOffset, va: values.byteOffset, threads: inPlace + 1 };
        return build(module, memory, A, layout, resident.room, k, transposed, release, true, solver);
      } catch (e) {
        release();
        throw e;
      }
    }
  }
  // A wide matrix with long rows: gathers of several vectors panel by panel (panel-layout.ts).
  const panels = transposed || options.panels === false ? undefined : (options.panels ?? panelPlan(A, k));
  if (panels !== undefined && k >= 2) {
    const paneled = panelProduct(module, A, k, helpers, panels);
    if (paneled !== undefined) return paneled;
  }
  // Room for the solver's vectors when k = 1 and they fit (else the solver keeps its own), and
  // for Aᵀ where the other direction would gather over it.
  let extraVectors = k === 1 && rows === cols ? (options.vectors ?? 0) : 0;
  let roomForTranspose = transposesCopy(A, k, false, helpers);
  const layoutOf = (): CopyLayout => copyLayout(A, k, helpers + 1, extraVectors, roomForTranspose);
  if (layoutOf().bytes > WASM_MAX_BYTES) roomForTranspose = false;
  if (layoutOf().bytes > WASM_MAX_BYTES) extraVectors = 0;
  if (helpers > 0 && layoutOf().bytes > WASM_MAX_BYTES) helpers = 0;
  const layout = layoutOf();
  if (layout.bytes > WASM_MAX_BYTES) return undefined;
  const memory = takeMemory(layout.bytes);
  if (memory === undefined) return undefined;
  if (helpers > 0) startWorkers(module, memory, helpers); // they start while A is compared or copied
  const release = (): void => giveBack(memory);
  try {
    const { matrix: M, same, record } = placeKept(memory, instantiateKernels(module, memory), A, layout);
    const csr = { rp: M.rowPtr.byteOffset, ci: M.colIdx.byteOffset, va: M.values.byteOffset, threads: helpers + 1 };
    return { ...build(module, memory, M, csr, layout.vectorsAt, k, transposed, release, false, extraVectors, record), reused: same };
  } catch (e) {
    release();
    throw e;
  }
}

/**
 * The product over a split copy of A (split-layout.ts): the idle memory's, if it kept one made the
 * same way from the same A (kept-copy.ts), else a new one (with a plain copy beside it, for the next
 * product to compare with, where it fits). 'not split' when the plan finds too few far entries.
 */
function splitProduct(module: object, A: CsrMatrix, k: number, transposed: boolean, helpers: number, vectors: number, tuning: SplitTuning): WasmProduct | undefined | 'not split' {
  const { rows, cols } = A;
  const extraWanted = k === 1 && rows === cols ? vectors : 0;
  const variantOf = (threads: number, extra: number): string => `split ${k} ${threads} ${extra} ${JSON.stringify(tuning)}`;
  const idle = idleMemory();
  const known = idle === undefined ? undefined : keptSplit(idle, A, variantOf(helpers + 1, extraWanted));
  if (known !== undefined) {
    const memory = takeMemory(known.layout.bytes);
    if (memory !== undefined) {
      const same = memory === idle && keptFor(memory, instantiateKernels(module, memory), A, known.layout, variantOf(helpers + 1, extraWanted)) !== undefined;
      if (same) return overSplit(module, memory, A, known, k, transposed, extraWanted, true);
      giveBack(memory);
    }
  }
  let extra = extraWanted;
  let threads = helpers + 1;
  let plan = splitPlan(A, k, threads, tuning);
  if (plan === undefined) return 'not split';
  let layout = splitCopyLayout(A, plan, k, extra);
  if (layout.bytes > WASM_MAX_BYTES) layout = splitCopyLayout(A, plan, k, (extra = 0));
  if (layout.bytes > WASM_MAX_BYTES) layout = splitCopyLayout(A, plan, k, extra, false);
  if (layout.bytes > WASM_MAX_BYTES && threads > 1) {
    threads = 1;
    plan = splitPlan(A, k, 1, tuning);
    if (plan === undefined) return 'not split';
    layout = splitCopyLayout(A, plan, k, extra, false);
  }
  if (layout.bytes > WASM_MAX_BYTES) return undefined;
  const memory = takeMemory(layout.bytes);
  if (memory === undefined) return undefined;
  if (threads > 1) startWorkers(module, memory, threads - 1); // they start while A is split
  try {
    const record = keepNew(memory, A, layout, variantOf(threads, extra));
    if (layout.plainAt !== 0) placeMatrix(memory.buffer, layout.plainAt, A);
    else forgetCopy(memory); // nothing to compare the next product with
    record.split = { plan, placed: placeSplit(memory.buffer, layout.splitAt, A, plan) };
    return overSplit(module, memory, A, record, k, transposed, extra, false);
  } catch (e) {
    giveBack(memory);
    throw e;
  }
}

/** The product over the split copy of a memory's record. */
function overSplit(module: object, memory: WasmMemory, A: CsrMatrix, record: KeptCopy, k: number, transposed: boolean, extra: number, reused: boolean): WasmProduct {
  const release = (): void => giveBack(memory);
  const { plan, placed } = record.split as NonNullable<KeptCopy['split']>;
  try {
    const starts = Int32Array.from(plan.stripes, (_, s) => plan.farStart[s * plan.blocks]);
    const layout: Layout = {
      rp: placed.rp,
      ci: placed.ci,
      va: placed.va,
      threads: plan.stripes.length - 1,
      far: { row: placed.row, col: placed.col, val: placed.val, stripes: plan.stripes, starts },
    };
    return { ...build(module, memory, A, layout, record.layout.vectorsAt, k, transposed, release, false, extra, record), reused };
  } catch (e) {
    release();
    throw e;
  }
}

/**
 * x ↦ A x for k ≥ 2 vectors over a copy of A placed in panels of columns (panel-layout.ts), made
 * for this product (a later one on the same A places it again). The sums of each panel are those
 * of the JS kernel over the panel's columns, added panel after panel. A's facts come from A itself
 * (found once per product). Undefined when it does not fit.
 */
function panelProduct(module: object, A: CsrMatrix, k: number, helpers: number, plan: PanelPlan): WasmProduct | undefined {
  const { rows, cols } = A;
  const matrixAt = 16;
  const vectorsAt = matrixAt + panelBytes(A, plan);
  if (vectorsAt + vectorBytes(rows, cols, k, false, helpers + 1, false) > WASM_MAX_BYTES) return undefined;
  const memory = takeMemory(vectorsAt + vectorBytes(rows, cols, k, false, helpers + 1, false));
  if (memory === undefined) return undefined;
  if (helpers > 0) startWorkers(module, memory, helpers); // they start while A is placed
  const release = (): void => giveBack(memory);
  try {
    forgetCopy(memory); // the panels overwrite what the memory kept
    const placed = placePanels(memory.buffer, matrixAt, A, plan);
    return build(module, memory, A, { rp: placed.rp, ci: placed.ci, va: placed.va, threads: helpers + 1, panels: plan.panels }, vectorsAt, k, false, release, false, 0);
  } catch (e) {
    release();
    throw e;
  }
}

/**
 * x ↦ Aᵀ x as a gather over Aᵀ, which the `transpose` kernel makes from the copy of A (finding A's
 * diagonal and sign flags on the way), unless the memory kept it from a previous product on the
 * same A (see kept-copy.ts). The results are those of the JS kernels over transpose(A), bit for
 * bit. Undefined when it does not fit.
 */
function transposedCopyProduct(module: object, A: CsrMatrix, k: number, helpers: number, vectors: number): WasmProduct | undefined {
  const { rows, cols } = A;
  const nz = A.rowPtr[rows];
  let extra = k === 1 && rows === cols ? vectors : 0;
  if (copyLayout(A, k, helpers + 1, extra, true).bytes > WASM_MAX_BYTES) extra = 0;
  const layout = copyLayout(A, k, helpers + 1, extra, true);
  if (layout.bytes > WASM_MAX_BYTES) return undefined;
  const memory = takeMemory(layout.bytes);
  if (memory === undefined) return undefined;
  const release = (): void => giveBack(memory);
  try {
    const buffer = memory.buffer;
    const kernels = instantiateKernels(module, memory);
    const rp = layout.transposedAt;
    const va = rp + align(4 * (cols + 1));
    const ci = va + align(8 * nz);
    const { matrix: copy, same, record } = placeKept(memory, kernels, A, layout);
    if (!record.transposed) {
      const flags = kernels.transpose(copy.rowPtr.byteOffset, copy.colIdx.byteOffset, copy.values.byteOffset, rows, cols, rp, ci, va, layout.diagAt) as number;
      // Aᵀ has A's diagonal and entries, so these are A's facts.
      record.facts = { nonNegative: (flags & 1) === 0, finite: (flags & 2) === 0, diag: new Float64Array(buffer, layout.diagAt, rows) };
      record.transposed = true;
    }
    const T: CsrMatrix = {
      rows: cols,
      cols: rows,
      rowPtr: new Int32Array(buffer, rp, cols + 1),
      colIdx: new Int32Array(buffer, ci, nz),
      values: new Float64Array(buffer, va, nz),
    };
    return { ...build(module, memory, T, { rp, ci, va, threads: helpers + 1 }, layout.vectorsAt, k, false, release, false, extra, record), transposedCopy: true, reused: same };
  } catch (e) {
    release();
    throw e;
  }
}

/** The product over A laid out as `layout` says, with the vectors placed from byte `at`. */
function build(
  module: object,
  memory: WasmMemory,
  A: CsrMatrix,
  layout: Layout,
  at: number,
  k: number,
  transposed: boolean,
  release: () => void,
  inPlace: boolean,
  extraVectors: number,
  kept?: KeptCopy,
): WasmProduct {
  const { rows, cols } = A;
  const { rp, ci, va, far } = layout;
  const inLength = (transposed ? rows : cols) * k;
  const outLength = (transposed ? cols : rows) * k;
  const buffer = memory.buffer;
  const place = (length: number, size: number): number => {
    const offset = at;
    at += align(length * size);
    return offset;
  };
  const xp = place(inLength, 8);
  const op = place(outLength, 8);
  const input = new Float64Array(buffer, xp, inLength);
  const output = new Float64Array(buffer, op, outLength);
  const kernels = instantiateKernels(module, memory);

  // The parts of a product; with threads, any thread claims any part (see wasm-pool.ts).
  const parts = partsOf(layout, A.rowPtr, rows, transposed);
  const helpers = layout.threads - 1;
  const pool = helpers > 0 && parts.length > 1 ? workerPool(module, memory, helpers) : undefined;
  // A threaded scatter's parts after the first add into accumulators of their own.
  const own = [0];
  const accumulators: number[] = [];
  if (pool !== undefined && transposed) {
    for (let p = 1; p < parts.length; p++) {
      own.push(place(outLength, 8));
      accumulators.push(own[p]);
    }
  }
  if (pool !== undefined) setParts(pool, parts, own);
  // The solver's vectors (k = 1), after the product's own blocks, and 16 bytes for its kernels.
  const scratch = extraVectors > 0 ? place(2, 8) : 0;
  const workspace: Float64Array[] = [];
  for (let w = 0; w < extraVectors; w++) workspace.push(new Float64Array(buffer, place(rows, 8), rows));

  /** out = A·x (or Aᵀ·x) for the blocks at byte offsets xAt and outAt of the memory (out is the view of the latter). */
  let runAt: (xAt: number, outAt: number, out: Float64Array) => void;
  if (pool === undefined) {
    const [whole] = parts;
    runAt = (xAt, outAt, out) => {
      if (transposed) out.fill(0);
      runPart(kernels, whole, xAt, outAt, k, transposed);
    };
  } else {
    const { ctrl } = pool;
    const command = transposed ? COMMAND.scatter : COMMAND.gather;
    const mine = parts.map((part, p) => ({ part, own: own[p] ?? 0 }));
    const claimed = partRunner(kernels, buffer, ctrl, (p) => mine[p]);
    runAt = (xAt, outAt) => {
      request(pool, { command, x: xAt, out: outAt, k, parts: parts.length, outLength, helpers });
      claimParts(ctrl, claimed);
      awaitParts(pool);
      // The accumulators in a fixed order: the sum does not depend on which thread ran which part.
      for (const at of accumulators) kernels.vadd(outAt, at, outLength);
    };
  }
  const run = (): void => runAt(xp, op, output);
  const multiply = (x: Float64Array, out: Float64Array): void => {
    if (x.buffer === buffer && out.buffer === buffer && x.length === inLength && out.length === outLength) {
      runAt(x.byteOffset, out.byteOffset, out); // the solver's own vectors: no copies
      return;
    }
    input.set(x.subarray(0, inLength));
    run();
    out.set(output);
  };
  /**
   * matrixFacts of A from its copy, by the kernels: a SIMD pass over the values for the flags and a
   * binary search per row for the diagonal (far entries are never diagonal); kept with the copy
   * where the memory keeps one, else the diagonal is a view of the input block, valid until the
   * next product (not copied out: at 10⁷ products that would be 80 MB of fresh memory per solve).
   */
  let ownFacts: MatrixFacts | undefined;
  const facts = (): MatrixFacts => {
    if (kept?.facts !== undefined) return kept.facts;
    // Over panels the kernels' diagonal search does not apply: A's own facts, found once.
    if (layout.panels !== undefined) return (ownFacts ??= matrixFacts(A));
    // The diagonal where the memory keeps it with the copy, else in the input block.
    const diagAt = kept?.layout.diagAt ?? xp;
    kernels.diagonal(rp, ci, va, 0, rows, diagAt);
    const entries = new Int32Array(buffer, rp + 4 * rows, 1)[0]; // of the CSR part
    let flags = kernels.valueFlags(va, entries) as number;
    if (far !== undefined) flags |= kernels.valueFlags(far.val, far.starts[far.starts.length - 1]) as number;
    const diag = new Float64Array(buffer, diagAt, rows);
    const found = { nonNegative: (flags & 1) === 0, finite: (flags & 2) === 0, diag };
    if (kept !== undefined) kept.facts = found;
    return found;
  };
  const square = rows === cols && inLength >= rows && outLength >= rows;
  const workspaceOf = workspace.length > 0 ? { workspace: { vectors: workspace, ops: wasmVectorOps(kernels, buffer, scratch) } } : {};
  const product: BlockProduct = square ? Object.assign(multiply, { facts }, workspaceOf) : multiply;
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    release();
  };
  return {
    product,
    input,
    output,
    run,
    threads: pool === undefined ? 1 : helpers + 1,
    inPlace,
    split: far !== undefined,
    transposedCopy: false,
    panels: layout.panels ?? 0,
    reused: false,
    close,
  };
}
