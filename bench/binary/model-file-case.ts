/**
 * One step of the binary model-file benchmark in a fresh process (its peak memory its own):
 * `write` generates the synthetic economy (bench/generate.ts) and writes it as a binary model
 * folder (format 2, writeModelFolder: products, techniques and targets as tables, the coefficients
 * streamed in pieces, no object per coefficient); `read` loads it as analyze does (loadAnyModel:
 * a ColumnarEconomy), compiles it and solves its gross output for the model's targets, then,
 * after the clock stops, checks the answer against the generated A and y. Prints one JSON line.
 *
 *   node model-file-case.js --op write|read --n N --seed S --file FOLDER
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { finalUse } from '../../src/balance/final-use.js';
import { compileEconomy } from '../../src/compile/compile-economy.js';
import { leontiefSystem } from '../../src/compile/leontief-system.js';
import { grossOutput } from '../../src/leontief/gross-output.js';
import { loadAnyModel } from '../../src/cli/load-model.js';
import { writeModelFolder, type CoefficientColumns } from '../../src/model/binary/index.js';
import type { CsrMatrix } from '../../src/sparse/csr.js';
import { generateSparseEconomy } from '../generate.js';
import { peakRssBytes, resetPeakRss } from '../memory.js';
import { progress } from '../progress.js';

export interface ModelFileCaseResult {
  readonly op: 'write' | 'read';
  readonly seconds: number;
  readonly peakBytes: number;
  readonly fileBytes: number;
  /** Write: the coefficients written (rows of the file). */
  readonly rows?: number;
  /** Read: seconds to load the file, compile it and solve the gross output. */
  readonly load?: number;
  readonly compile?: number;
  readonly solve?: number;
  /** Read: seconds of a second gross-output solve in the same process, right after the first (outside the end-to-end figures). */
  readonly warmSolve?: number;
  /** Read: CPU seconds (user + system) of the process up to the end of the solve: the machine is shared, so wall time overstates. */
  readonly cpu?: number;
  /** Read: ‖y − (I − A) x‖₂ / ‖y‖₂ recomputed with the generated A and y. */
  readonly residual?: number;
}

function flag(args: readonly string[], name: string): string {
  const i = args.indexOf(`--${name}`);
  if (i < 0 || i + 1 >= args.length) throw new Error(`model-file-case: --${name} is required`);
  return args[i + 1];
}

const id = (i: number): string => `R${Math.floor(i / 1000)}_S${i % 1000}`;

/** Rows per piece handed to the writer (the whole coefficient table is never built at once). */
const PIECE = 1 << 22;

/**
 * The coefficient rows of the synthetic economy in pieces: each technique's output (1 of its
 * product), then A's entries product by product (role 1: technique j uses a_ij of product i),
 * then each technique's labour.
 */
function* coefficientPieces(A: CsrMatrix, l: Float64Array, n: number): Generator<CoefficientColumns> {
  const nnz = A.rowPtr[n];
  const rows = n + nnz + n;
  let product = 0;
  for (let start = 0; start < rows; start += PIECE) {
    const len = Math.min(PIECE, rows - start);
    const piece = { technique: new Int32Array(len), role: new Int32Array(len), item: new Int32Array(len), region: new Int32Array(len).fill(-1), value: new Float64Array(len) };
    for (let k = 0; k < len; k++) {
      const r = start + k;
      if (r < n) {
        piece.technique[k] = r;
        piece.item[k] = r;
        piece.value[k] = 1;
      } else if (r < n + nnz) {
        const p = r - n;
        while (A.rowPtr[product + 1] <= p) product++;
        piece.technique[k] = A.colIdx[p];
        piece.role[k] = 1;
        piece.item[k] = product;
        piece.value[k] = A.values[p];
      } else {
        piece.technique[k] = r - n - nnz;
        piece.role[k] = 2;
        piece.value[k] = l[r - n - nnz];
      }
    }
    yield piece;
  }
}

/** The number of coefficient rows (one output, A's entries, one labour use per technique). */
const rowCount = (A: CsrMatrix, n: number): number => n + A.rowPtr[n] + n;

function write(n: number, seed: number, dir: string): ModelFileCaseResult {
  const start = performance.now();
  const { A, y, l } = generateSparseEconomy({ n, seed });
  const none = (): Int32Array => new Int32Array(n).fill(-1);
  writeModelFolder(dir, {
    model: { name: `synthetic economy of ${n} products`, resources: [{ id: 'labour', unit: 'hour' }] },
    products: { id: Array.from({ length: n }, (_, i) => id(i)), unit: new Array<string>(n).fill('EUR'), region: none() },
    techniques: { id: Array.from({ length: n }, (_, j) => `T${j}`), region: none() },
    targets: { product: Int32Array.from({ length: n }, (_, i) => i), productRegion: none(), amount: y, priority: new Int32Array(n).fill(1), region: none(), period: none(), category: none(), categories: [] },
    coefficients: coefficientPieces(A, l, n),
  });
  return { op: 'write', seconds: (performance.now() - start) / 1000, peakBytes: peakRssBytes(), fileBytes: folderBytes(dir), rows: rowCount(A, n) };
}

function folderBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
}

async function read(n: number, seed: number, file: string): Promise<ModelFileCaseResult> {
  resetPeakRss();
  const t0 = performance.now();
  progress('loading');
  const economy = await loadAnyModel(file);
  const t1 = performance.now();
  progress('compiling');
  const c = compileEconomy(economy);
  const sys = leontiefSystem(c);
  const yItems = finalUse(c, 0);
  const t2 = performance.now();
  progress('solving');
  const go = grossOutput(sys, yItems, { tolerance: 1e-10 });
  const t3 = performance.now();
  const usage = process.cpuUsage();
  const peakBytes = peakRssBytes();
  if (go.status !== 'converged') throw new Error(`gross output: ${go.status}`);
  // The same solve again, warm (the solver's memory, its copy of A and its threads kept from the
  // first), for comparison; outside the end-to-end time and the peak memory above.
  progress('solving again (warm)');
  const t4 = performance.now();
  const again = grossOutput(sys, yItems, { tolerance: 1e-10 });
  const warmSolve = (performance.now() - t4) / 1000;
  if (again.status !== 'converged') throw new Error(`gross output, second solve: ${again.status}`);
  // The check, after the clock: x by product index, against the generated A and y.
  const { A, y } = generateSparseEconomy({ n, seed });
  const x = Float64Array.from({ length: n }, (_, i) => go.x[c.items.index.get(id(i)) ?? -1]);
  let rr = 0;
  let yy = 0;
  for (let i = 0; i < n; i++) {
    let ax = 0;
    for (let p = A.rowPtr[i]; p < A.rowPtr[i + 1]; p++) ax += A.values[p] * x[A.colIdx[p]];
    const r = y[i] - x[i] + ax;
    rr += r * r;
    yy += y[i] * y[i];
  }
  const residual = Math.sqrt(rr / yy);
  return { op: 'read', seconds: (t3 - t0) / 1000, peakBytes, fileBytes: folderBytes(file), load: (t1 - t0) / 1000, compile: (t2 - t1) / 1000, solve: (t3 - t2) / 1000, warmSolve, cpu: (usage.user + usage.system) / 1e6, residual };
}

const args = process.argv.slice(2);
const n = Number(flag(args, 'n'));
const seed = Number(flag(args, 'seed'));
const file = flag(args, 'file');
const result = flag(args, 'op') === 'write' ? write(n, seed, file) : await read(n, seed, file);
process.stdout.write(`${JSON.stringify(result)}\n`);
