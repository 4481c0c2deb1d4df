/**
 * Timing of the sparse kernels and Leontief solvers on seeded random matrices.
 *   node dist/bench/sparse-kernels.js [n] [perRow] [k]
 * Prints milliseconds per product, per solve (with its status, products and residual), serial
 * against two threads on a shared copy of the matrix, the multi-right-hand-side solve against k
 * single solves, and a product before and after `localityOrdering` on a scrambled banded matrix.
 *
 *   node dist/bench/sparse-kernels.js --wasm [n] [repeat] [k] [solves]
 * compares the JS and WebAssembly kernels product by product on the benchmark's economy
 * (bench/generate.ts: 20 inputs per product, 80% nearby, 20% from anywhere): CPU time per product,
 * median of `repeat` runs alternating between the kernels, after checking that both agree (k = 0
 * skips the block products); then `solves` (default 1) runs of gross output and labour values
 * with each kernel (wasm copying A at each solve, and over A placed once by `toWasmCsr`), serial,
 * CPU and wall time, median.
 *
 * Measured on the shared 2-core machine (Node 20, load 2–11), CPU ms per product, JS → wasm:
 *   n = 10⁶ (2·10⁷ non-zeros), three runs:  A x 262 → 154, 271 → 138, 161 → 67 (1.7–2.4×);
 *     Aᵀ x 259 → 158, 252 → 137, 172 → 82 (1.6–2.1×); k = 10: A X 741 → 567, 807 → 577,
 *     745 → 463 (1.3–1.6×), Aᵀ X 759 → 494, 879 → 518, 715 → 472 (1.5–1.7×); the kernel alone (no
 *     copies of x in and out) 56–143 ms for A x, against 87 ms for scipy's C in a quiet moment.
 *     Copying A into wasm memory: 0.2–0.45 s. Two threads (wall): A x 58 → 25 ms, Aᵀ x no gain
 *     (48 → 61 ms: the partial sums cost what the second thread saves), A X k = 10 448 → 257 ms.
 *   n = 10⁷ (2·10⁸ non-zeros), two runs: A x 4443 → 1546, 3753 → 1617 (2.3–2.9×); Aᵀ x
 *     3460 → 2203, 3174 → 1981 (1.6×); copying A 2.8–5.3 s; two threads (wall) 1405 → 1158 ms
 *     for A x, 2609 → 2328 for Aᵀ x (memory-bound, and the machine was loaded).
 * Solves, CPU s, JS → wasm (copy of A per solve) → wasm over toWasmCsr, identical solutions:
 *   n = 10⁶: gross output 6.54 → 4.06 (1.6×), later 6.49 → 3.60 → 3.24 (1.8×, 2.0×); labour
 *     values 6.11 → 4.16 (1.5×), later 6.54 → 4.66 → 3.79 (1.4×, 1.7×).
 *   n = 10⁷: gross output 93.7 → 56.8 (1.65×), later 86.8 → 58.8 → 57.6 (1.5×); labour values
 *     64.3 → 49.5 (1.3×), later 75.1 → 44.8 → 51.9 (1.7×, 1.45×: the machine's noise is larger
 *     than the copy of A saved).
 * The wasm memory is wasm32, so A and the vectors must fit in 4 GiB: at n = 10⁷ they take 2.6 GB
 * for k = 1 and 4.04 GB for k = 10; from k = 12 on the products at that size stay in JS (and a
 * scatter over two threads, which needs one more block, runs serially from k = 8 on). Outside the products, the solvers' own
 * vector passes, the matrix checks and allocations take 15–25 s of a solve at n = 10⁷.
 */
import {
  csrFromTriplets,
  localityOrdering,
  matvec,
  matvecMulti,
  matvecTransposed,
  matvecTransposedMulti,
  nnz,
  permute,
  solveLeontief,
  solveLeontiefMulti,
  solveLeontiefTransposed,
  solveLeontiefTransposedMulti,
  toSharedCsr,
  type CsrMatrix,
} from '../src/sparse/index.js';
import { toWasmCsr } from '../src/sparse/product/to-wasm-csr.js';
import { wasmProduct } from '../src/sparse/product/wasm-product.js';
import { randomProductiveCsr, seededRandom } from '../test/helpers/random.js';
import { generateSparseEconomy } from './generate.js';

if (process.argv[2] === '--wasm') {
  wasmProductTimes(Number(process.argv[3] ?? 1e6), Number(process.argv[4] ?? 9), Number(process.argv[5] ?? 10), Number(process.argv[6] ?? 1));
  process.exit(0);
}

const n = Number(process.argv[2] ?? 200000);
const perRow = Number(process.argv[3] ?? 20);
const k = Number(process.argv[4] ?? 10);

function time(label: string, f: () => string | void, repeat = 3): void {
  let best = Infinity;
  let note = '';
  for (let r = 0; r < repeat; r++) {
    const t = performance.now();
    note = f() ?? '';
    best = Math.min(best, performance.now() - t);
  }
  console.log(`${label.padEnd(44)} ${best.toFixed(1).padStart(9)} ms  ${note}`);
}

let t = performance.now();
const A = randomProductiveCsr(n, perRow, 1, 0.6);
console.log(`random n=${n}, nnz=${nnz(A)}, built in ${(performance.now() - t).toFixed(0)} ms`);
const rand = seededRandom(2);
const y = new Float64Array(n).map(() => rand());
const out = new Float64Array(n);
time('matvec', () => void matvec(A, y, out));
time('matvecTransposed (scatter)', () => void matvecTransposed(A, y, out));
const ys = new Float64Array(n * k).map(() => rand());
const outs = new Float64Array(n * k);
time(`matvecMulti k=${k}`, () => void matvecMulti(A, ys, k, outs));
for (const method of ['auto', 'jacobi', 'bicgstab'] as const) {
  time(`solveLeontief ${method}`, () => {
    const r = solveLeontief(A, y, { method });
    return `${r.status}, ${r.products} products, residual ${r.relativeResidual.toExponential(1)}`;
  }, 1);
}
time('solveLeontiefTransposed auto', () => {
  const r = solveLeontiefTransposed(A, y);
  return `${r.status}, ${r.products} products, residual ${r.relativeResidual.toExponential(1)}`;
}, 1);
const shared = toSharedCsr(A);
for (const threads of [1, 2]) {
  time(`solveLeontief, shared matrix, ${threads} thread(s)`, () => {
    const r = solveLeontief(shared, y, { threads });
    return `${r.status}, ${r.products} products`;
  }, 1);
  time(`solveLeontiefTransposed, shared, ${threads} thread(s)`, () => {
    const r = solveLeontiefTransposed(shared, y, { threads });
    return `${r.status}, ${r.products} products`;
  }, 1);
}
time(`solveLeontiefMulti k=${k}`, () => {
  const r = solveLeontiefMulti(A, ys, k);
  return `${r.status}, ${r.products} block products, residual ${r.relativeResidual.toExponential(1)}`;
}, 1);
time(`solveLeontiefTransposedMulti k=${k}`, () => {
  const r = solveLeontiefTransposedMulti(A, ys, k);
  return `${r.status}, ${r.products} block products, residual ${r.relativeResidual.toExponential(1)}`;
}, 1);
time(`${k} single solveLeontiefTransposed`, () => {
  let worst = 0;
  for (let j = 0; j < k; j++) {
    const s = new Float64Array(n);
    for (let i = 0; i < n; i++) s[i] = ys[i * k + j];
    worst = Math.max(worst, solveLeontiefTransposed(A, s).relativeResidual);
  }
  return `residual ${worst.toExponential(1)}`;
}, 1);

// Locality: a banded matrix under a random relabelling, then reordered.
const band = banded(n, perRow);
const scramble = Int32Array.from({ length: n }, (_, i) => i);
for (let i = n - 1; i > 0; i--) {
  const j = Math.floor(rand() * (i + 1));
  const s = scramble[i];
  scramble[i] = scramble[j];
  scramble[j] = s;
}
const scrambled = permute(band, scramble);
time('matvec banded', () => void matvec(band, y, out));
time('matvec banded, scrambled', () => void matvec(scrambled, y, out));
t = performance.now();
const order = localityOrdering(scrambled);
const reordered = permute(scrambled, order);
console.log(`localityOrdering + permute: ${(performance.now() - t).toFixed(0)} ms`);
time('matvec scrambled, then reordered', () => void matvec(reordered, y, out));

function banded(size: number, width: number): CsrMatrix {
  const total = size * width;
  const ri = new Int32Array(total);
  const ci = new Int32Array(total);
  const va = new Float64Array(total);
  let p = 0;
  for (let i = 0; i < size; i++) {
    for (let e = 0; e < width; e++) {
      ri[p] = i;
      ci[p] = (i + e * 3 + Math.floor(rand() * 3)) % size;
      va[p] = 0.5 / width;
      p++;
    }
  }
  return csrFromTriplets(size, size, ri, ci, va);
}

/** CPU milliseconds of one call (this process is single-threaded while it runs). */
function cpuMs(f: () => void): number {
  const before = process.cpuUsage();
  f();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

function wallMs(f: () => void): number {
  const started = performance.now();
  f();
  return performance.now() - started;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 === 1 ? s[h] : (s[h - 1] + s[h]) / 2;
}

/** JS against WebAssembly kernels, product by product, on the benchmark's economy of size `size`. */
function wasmProductTimes(size: number, repeat: number, blockK: number, solves: number): void {
  const started = performance.now();
  const { A, y: demand } = generateSparseEconomy({ n: size });
  console.log(`economy n=${size}, nnz=${nnz(A)}, generated in ${(performance.now() - started).toFixed(0)} ms`);
  const cases: { label: string; k: number; transposed: boolean }[] = [
    { label: 'A x (gather)', k: 1, transposed: false },
    { label: 'Aᵀ x (scatter)', k: 1, transposed: true },
  ];
  if (blockK > 0) {
    cases.push({ label: `A X, k=${blockK} (block gather)`, k: blockK, transposed: false });
    cases.push({ label: `Aᵀ X, k=${blockK} (block scatter)`, k: blockK, transposed: true });
  }
  console.log(
    `${'product'.padEnd(30)} ${'JS ms'.padStart(9)} ${'wasm ms'.padStart(9)} ${'(run only)'.padStart(10)} ${'JS / wasm'.padStart(9)}   CPU ms, median of ${repeat}; then wall ms of wasm on 1 and 2 threads`,
  );
  for (const c of cases) {
    const x = new Float64Array(size * c.k);
    for (let q = 0; q < x.length; q++) x[q] = demand[Math.floor(q / c.k)] * (1 + (q % c.k) / 8);
    const outJs = new Float64Array(size * c.k);
    const outWasm = new Float64Array(size * c.k);
    const t = performance.now();
    const w = wasmProduct(A, c.k, c.transposed);
    if (w === undefined) {
      console.log(`${c.label.padEnd(30)} wasm not available or does not fit`);
      continue;
    }
    const copyMs = performance.now() - t;
    const js = (): void => {
      if (c.k === 1) void (c.transposed ? matvecTransposed(A, x, outJs) : matvec(A, x, outJs));
      else void (c.transposed ? matvecTransposedMulti(A, x, c.k, outJs) : matvecMulti(A, x, c.k, outJs));
    };
    const wasm = (): void => w.product(x, outWasm);
    js();
    wasm();
    let worst = 0;
    for (let q = 0; q < outJs.length; q++) worst = Math.max(worst, Math.abs(outJs[q] - outWasm[q]));
    if (worst !== 0) throw new Error(`${c.label}: the kernels differ by ${worst}`);
    w.input.set(x);
    const tJs: number[] = [];
    const tWasm: number[] = [];
    const tRun: number[] = [];
    for (let r = 0; r < repeat; r++) {
      tJs.push(cpuMs(js));
      tWasm.push(cpuMs(wasm));
      tRun.push(cpuMs(() => w.run()));
    }
    const mJs = median(tJs);
    const mWasm = median(tWasm);
    const wall1: number[] = [];
    for (let r = 0; r < repeat; r++) wall1.push(wallMs(wasm));
    w.close();
    // The same kernels on two threads over a shared copy of A.
    const w2 = wasmProduct(A, c.k, c.transposed, 2);
    let threaded = 'did not start';
    if (w2 !== undefined && w2.threads === 2) {
      const wasm2 = (): void => w2.product(x, outWasm);
      wasm2();
      for (let q = 0; q < outJs.length; q++) worst = Math.max(worst, Math.abs(outJs[q] - outWasm[q]) / (Math.abs(outJs[q]) + 1e-300));
      if (worst > 1e-12) throw new Error(`${c.label}: two threads differ by ${worst}`);
      const wall2: number[] = [];
      for (let r = 0; r < repeat; r++) wall2.push(wallMs(wasm2));
      threaded = median(wall2).toFixed(1);
    }
    w2?.close();
    console.log(
      `${c.label.padEnd(30)} ${mJs.toFixed(1).padStart(9)} ${mWasm.toFixed(1).padStart(9)} ${median(tRun).toFixed(1).padStart(10)} ${(mJs / mWasm).toFixed(2).padStart(8)}×   wall ${median(wall1).toFixed(1)} / ${threaded}   (copy of A into wasm ${copyMs.toFixed(0)} ms; identical results)`,
    );
  }
  if (solves < 1) return;
  // A once in wasm memory (toWasmCsr): the solves with the wasm kernel then copy nothing.
  const resident = toWasmCsr(A);
  const variants = [
    { name: 'JS', matrix: A, kernel: 'js' },
    { name: 'wasm', matrix: A, kernel: 'wasm' },
    { name: 'wasm, resident A', matrix: resident ?? A, kernel: 'wasm' },
  ] as const;
  console.log(`${'solve'.padEnd(30)} ${variants.map((v) => v.name.padStart(18)).join('')}   CPU s (wall s), median of ${solves}; JS / wasm by CPU`);
  for (const transposed of [false, true]) {
    const label = transposed ? 'labour values v(I − A) = l' : 'gross output (I − A)x = y';
    const cpu = variants.map((): number[] => []);
    const wall = variants.map((): number[] => []);
    const x: Float64Array[] = [];
    let note = '';
    for (let r = 0; r < solves; r++) {
      variants.forEach((v, q) => {
        const before = process.cpuUsage();
        const started = performance.now();
        const options = { kernel: v.kernel, threads: 1 };
        const result = transposed ? solveLeontiefTransposed(v.matrix, demand, options) : solveLeontief(v.matrix, demand, options);
        wall[q].push((performance.now() - started) / 1000);
        const used = process.cpuUsage(before);
        cpu[q].push((used.user + used.system) / 1e6);
        if (result.status !== 'converged') throw new Error(`${label}, ${v.name}: ${result.status}`);
        x[q] = result.x;
        note = `${result.method}, ${result.products} products, residual ${result.relativeResidual.toExponential(1)}`;
      });
    }
    for (let q = 1; q < variants.length; q++) {
      if (!x[0].every((v, i) => v === x[q][i])) throw new Error(`${label}: the solutions of ${variants[q].name} differ`);
    }
    const cells = variants.map((_, q) => `${median(cpu[q]).toFixed(2)} (${median(wall[q]).toFixed(2)})`.padStart(18)).join('');
    const ratios = variants.slice(1).map((_, q) => `${(median(cpu[0]) / median(cpu[q + 1])).toFixed(2)}×`).join(', ');
    console.log(`${label.padEnd(30)} ${cells}   ${ratios}; ${note}; identical solutions`);
  }
}
