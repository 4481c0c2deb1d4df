/**
 * One step of the binary model-file benchmark in a fresh process (its peak memory its own):
 * `write` generates the synthetic economy (bench/generate.ts) and writes it as a binary model
 * file straight from columns (modelToParquet, no object per coefficient); `read` loads the file
 * as every command does, compiles it and solves its gross output for the model's targets, then,
 * after the clock stops, checks the answer against the generated A and y. Prints one JSON line.
 *
 *   node model-file-case.js --op write|read --n N --seed S --file FILE.parquet
 */
import { statSync, writeFileSync } from 'node:fs';
import { compileEconomy } from '../../src/compile/compile-economy.js';
import { leontiefSystem } from '../../src/compile/leontief-system.js';
import { grossOutput } from '../../src/leontief/gross-output.js';
import { loadModel } from '../../src/cli/load-model.js';
import { modelToParquet } from '../../src/model/binary/index.js';
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
  /** Read: ‖y − (I − A) x‖₂ / ‖y‖₂ recomputed with the generated A and y. */
  readonly residual?: number;
}

function flag(args: readonly string[], name: string): string {
  const i = args.indexOf(`--${name}`);
  if (i < 0 || i + 1 >= args.length) throw new Error(`model-file-case: --${name} is required`);
  return args[i + 1];
}

const id = (i: number): string => `R${Math.floor(i / 1000)}_S${i % 1000}`;

function write(n: number, seed: number, file: string): ModelFileCaseResult {
  const start = performance.now();
  const { A, y, l } = generateSparseEconomy({ n, seed });
  const nnz = A.rowPtr[n];
  const rows = n + nnz + n;
  const technique = new Int32Array(rows);
  const role = new Int32Array(rows);
  const item = new Int32Array(rows);
  const region = new Int32Array(rows).fill(-1);
  const value = new Float64Array(rows);
  for (let j = 0; j < n; j++) {
    technique[j] = j;
    item[j] = j;
    value[j] = 1;
  }
  for (let i = 0; i < n; i++) {
    for (let p = A.rowPtr[i]; p < A.rowPtr[i + 1]; p++) {
      technique[n + p] = A.colIdx[p];
      role[n + p] = 1;
      item[n + p] = i;
      value[n + p] = A.values[p];
    }
  }
  for (let j = 0; j < n; j++) {
    technique[n + nnz + j] = j;
    role[n + nnz + j] = 2;
    value[n + nnz + j] = l[j];
  }
  const model = {
    name: `synthetic economy of ${n} products`,
    products: Array.from({ length: n }, (_, i) => ({ id: id(i), unit: 'EUR' })),
    resources: [{ id: 'labour', unit: 'hour' }],
    techniques: Array.from({ length: n }, (_, j) => ({ id: `T${j}` })),
    targets: Array.from(y, (amount, i) => ({ product: id(i), amount })),
  };
  writeFileSync(file, modelToParquet(model, { technique, role, item, region, value }));
  return { op: 'write', seconds: (performance.now() - start) / 1000, peakBytes: peakRssBytes(), fileBytes: statSync(file).size, rows };
}

async function read(n: number, seed: number, file: string): Promise<ModelFileCaseResult> {
  resetPeakRss();
  const t0 = performance.now();
  progress('loading');
  const economy = await loadModel(file);
  const t1 = performance.now();
  progress('compiling');
  const c = compileEconomy(economy);
  const sys = leontiefSystem(c);
  const yItems = new Float64Array(c.items.ids.length);
  for (const t of economy.targets) yItems[c.items.index.get(t.product) ?? -1] += t.amount;
  const t2 = performance.now();
  progress('solving');
  const go = grossOutput(sys, yItems, { tolerance: 1e-10 });
  const t3 = performance.now();
  const peakBytes = peakRssBytes();
  if (go.status !== 'converged') throw new Error(`gross output: ${go.status}`);
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
  return { op: 'read', seconds: (t3 - t0) / 1000, peakBytes, fileBytes: statSync(file).size, load: (t1 - t0) / 1000, compile: (t2 - t1) / 1000, solve: (t3 - t2) / 1000, residual };
}

const args = process.argv.slice(2);
const n = Number(flag(args, 'n'));
const seed = Number(flag(args, 'seed'));
const file = flag(args, 'file');
const result = flag(args, 'op') === 'write' ? write(n, seed, file) : await read(n, seed, file);
process.stdout.write(`${JSON.stringify(result)}\n`);
