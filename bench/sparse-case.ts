/**
 * One size of the sparse benchmark, run in a fresh process so that its peak memory is its own:
 * generates the economy, writes it for the reference, solves gross output and labour values
 * (checked, then timed) and prints one JSON line (a SparseCaseResult) on stdout.
 *
 *   node sparse-case.js --n N --dir DIR [--seed S] [--tolerance T] [--repeats R] [--warmups W] [--shared 0|1]
 *                       [--first gross|labour] [--kernel 0|1]
 *
 * The checked first run of the solve that comes first (`--first`, gross output by default) is the
 * cold one: the first solve in the process, from the matrix in memory.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CsrMatrix } from '../src/sparse/csr.js';
import { solveLeontief, solveLeontiefTransposed, toWasmCsr } from '../src/sparse/index.js';
import { writeArray } from './binary-files.js';
import { dot, relativeResidual } from './check.js';
import { generateSparseEconomy } from './generate.js';
import { peakRssBytes, resetPeakRss } from './memory.js';
import { progress } from './progress.js';
import { RssSampler } from './rss-sampler.js';
import { timedSolve, type TimedSolve } from './timed-solve.js';

export interface SparseCaseResult {
  readonly n: number;
  readonly nnz: number;
  readonly seed: number;
  readonly tolerance: number;
  readonly generateSeconds: number;
  readonly writeSeconds: number;
  /** Peak resident memory while generating (the matrix and the generator's scratch). */
  readonly generatePeakBytes: number;
  /** Which solve ran first in the process: its checked first run is the cold one. */
  readonly first: 'gross' | 'labour';
  /** Whether A was generated in the solvers' WebAssembly memory (solved in place, never copied). */
  readonly kernel: boolean;
  readonly gross: TimedSolve;
  readonly labour: TimedSolve;
  /**
   * The same solves on A made by `toWasmCsr` (kept in the kernel's memory: no copy per solve), where
   * a solve uses it in place (vectors that fit in the cache, n ≤ 10⁵ here); the one copy is timed
   * apart, as scipy's csr_matrix is.
   */
  readonly resident?: { readonly prepareSeconds: number; readonly gross: TimedSolve; readonly labour: TimedSolve };
  /** |v·y − l·x| / (l·x): total labour counted two ways (the labour-value identity). */
  readonly identityDifference: number;
}

function flag(args: readonly string[], name: string, fallback?: string): string {
  const i = args.indexOf(`--${name}`);
  if (i >= 0 && i + 1 < args.length) return args[i + 1];
  if (fallback === undefined) throw new Error(`sparse-case: --${name} is required`);
  return fallback;
}

async function main(args: readonly string[]): Promise<void> {
  const n = Number(flag(args, 'n'));
  const dir = flag(args, 'dir');
  const seed = Number(flag(args, 'seed', '1'));
  const tolerance = Number(flag(args, 'tolerance', '1e-10'));
  const repeats = Number(flag(args, 'repeats', '1'));
  const warmups = Number(flag(args, 'warmups', '0'));
  // A in shared memory lets the solvers split products over worker threads (their default).
  const shared = flag(args, 'shared', '0') === '1';
  const first = flag(args, 'first', 'gross');
  if (first !== 'gross' && first !== 'labour') throw new Error(`sparse-case: --first must be gross or labour, got ${first}`);
  const kernel = flag(args, 'kernel', '0') === '1';
  const sampler = new RssSampler();

  progress(`n = ${n}: generating`);
  let t0 = performance.now();
  const { A, y, l } = generateSparseEconomy({ n, seed, shared, kernel });
  const generateSeconds = (performance.now() - t0) / 1000;
  const nnz = A.rowPtr[n];
  const generatePeakBytes = peakRssBytes();
  progress(`n = ${n}: ${nnz} non-zeros generated in ${generateSeconds.toFixed(1)} s; writing the reference files`);

  t0 = performance.now();
  writeFileSync(join(dir, 'meta.json'), JSON.stringify({ n, nnz, rowPtrType: 'int32' }));
  writeArray(join(dir, 'rowptr.bin'), A.rowPtr);
  writeArray(join(dir, 'colidx.bin'), A.colIdx);
  writeArray(join(dir, 'values.bin'), A.values);
  writeArray(join(dir, 'y.bin'), y);
  writeArray(join(dir, 'l.bin'), l);
  const writeSeconds = (performance.now() - t0) / 1000;
  resetPeakRss();

  /** Gross output and labour values on M (A itself or a copy of it), each checked against A and timed. */
  const solveBoth = (M: CsrMatrix, what: string, order: 'gross' | 'labour'): { gross: ReturnType<typeof timedSolve>; labour: ReturnType<typeof timedSolve> } => {
    const grossOutput = (): ReturnType<typeof timedSolve> =>
      timedSolve(`n = ${n} gross output${what}`, () => solveLeontief(M, y, { tolerance }), (x) => relativeResidual(A, x, y, 1, false), tolerance, repeats, warmups, sampler);
    const labourValues = (): ReturnType<typeof timedSolve> =>
      timedSolve(`n = ${n} labour values${what}`, () => solveLeontiefTransposed(M, l, { tolerance }), (v) => relativeResidual(A, v, l, 1, true), tolerance, repeats, warmups, sampler);
    if (order === 'gross') {
      const g = grossOutput();
      return { gross: g, labour: labourValues() };
    }
    const v = labourValues();
    return { gross: grossOutput(), labour: v };
  };
  const { gross, labour } = solveBoth(A, '', first);
  writeArray(join(dir, 'x_ours.bin'), gross.x);
  writeArray(join(dir, 'v_ours.bin'), labour.x);
  let resident: SparseCaseResult['resident'];
  if (n <= 1e5 && !kernel) {
    t0 = performance.now();
    const W = toWasmCsr(A);
    const prepareSeconds = (performance.now() - t0) / 1000;
    if (W !== undefined) {
      const kept = solveBoth(W, ', A made by toWasmCsr', 'gross');
      resident = { prepareSeconds, gross: kept.gross.timing, labour: kept.labour.timing };
    }
  }
  const total = dot(l, gross.x);
  const identityDifference = Math.abs(dot(labour.x, y) - total) / total;
  progress(`n = ${n}: labour-value identity v·y = l·x holds to ${identityDifference.toExponential(2)}`);
  await sampler.stop();

  const result: SparseCaseResult = {
    n,
    nnz,
    seed,
    tolerance,
    generateSeconds,
    writeSeconds,
    generatePeakBytes,
    first,
    kernel,
    gross: gross.timing,
    labour: labour.timing,
    ...(resident === undefined ? {} : { resident }),
    identityDifference,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main(process.argv.slice(2));
