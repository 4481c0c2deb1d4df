/**
 * The dense benchmark (an EXIOBASE-size table), run in a fresh process: generates A and S, writes
 * them for the reference, computes all multipliers M = S (I − A)⁻¹ by one multi-right-hand-side
 * transposed solve (checked, then timed), writes M and prints one JSON line (a DenseCaseResult).
 *
 *   node dense-case.js --n N --dir DIR [--m M] [--seed S] [--tolerance T] [--repeats R] [--shared 0|1] [--kernel 0|1]
 *
 * The checked first run is the cold one (the first solve in the process); `--kernel 1` generates A
 * in the solvers' memory, where the solve runs in place.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deinterleave, interleave, solveLeontiefTransposedMulti } from '../src/sparse/index.js';
import { writeArray } from './binary-files.js';
import { relativeResidual } from './check.js';
import { generateDenseEconomy } from './generate.js';
import { peakRssBytes } from './memory.js';
import { progress } from './progress.js';
import { RssSampler } from './rss-sampler.js';
import { timedSolve, type TimedSolve } from './timed-solve.js';

export interface DenseCaseResult {
  readonly n: number;
  readonly m: number;
  readonly seed: number;
  readonly tolerance: number;
  readonly generateSeconds: number;
  readonly generatePeakBytes: number;
  /** Seconds to interleave S and to split M back into rows (outside the solve's timing). */
  readonly packSeconds: number;
  /** Whether A was generated in the solvers' WebAssembly memory (solved in place, never copied). */
  readonly kernel: boolean;
  readonly multipliers: TimedSolve;
}

function flag(args: readonly string[], name: string, fallback?: string): string {
  const i = args.indexOf(`--${name}`);
  if (i >= 0 && i + 1 < args.length) return args[i + 1];
  if (fallback === undefined) throw new Error(`dense-case: --${name} is required`);
  return fallback;
}

async function main(args: readonly string[]): Promise<void> {
  const n = Number(flag(args, 'n'));
  const dir = flag(args, 'dir');
  const m = Number(flag(args, 'm', '10'));
  const seed = Number(flag(args, 'seed', '1'));
  const tolerance = Number(flag(args, 'tolerance', '1e-10'));
  const repeats = Number(flag(args, 'repeats', '1'));
  // A in shared memory lets the solvers split products over worker threads (their default).
  const shared = flag(args, 'shared', '0') === '1';
  const kernel = flag(args, 'kernel', '0') === '1';
  const sampler = new RssSampler();

  progress(`dense n = ${n}: generating`);
  let t0 = performance.now();
  const { A, S } = generateDenseEconomy({ n, coefficientRows: m, seed, shared, kernel });
  const generateSeconds = (performance.now() - t0) / 1000;
  const generatePeakBytes = peakRssBytes();
  progress(`dense n = ${n}: generated in ${generateSeconds.toFixed(1)} s; writing the reference files`);
  writeFileSync(join(dir, 'meta.json'), JSON.stringify({ n, m }));
  writeArray(join(dir, 'a.bin'), A.values); // full pattern: the values are the row-major dense matrix
  writeArray(join(dir, 's.bin'), S);

  t0 = performance.now();
  const rows: Float64Array[] = [];
  for (let r = 0; r < m; r++) rows.push(S.subarray(r * n, (r + 1) * n));
  const s = interleave(rows);
  let packSeconds = (performance.now() - t0) / 1000;

  const solved = timedSolve(
    `dense n = ${n} multipliers (${m} rows)`,
    () => solveLeontiefTransposedMulti(A, s, m, { tolerance }),
    (v) => relativeResidual(A, v, s, m, true),
    tolerance,
    repeats,
    0,
    sampler,
  );
  t0 = performance.now();
  const M = new Float64Array(m * n);
  deinterleave(solved.x, m).forEach((row, r) => M.set(row, r * n));
  packSeconds += (performance.now() - t0) / 1000;
  writeArray(join(dir, 'm_ours.bin'), M);
  await sampler.stop();

  const result: DenseCaseResult = { n, m, seed, tolerance, generateSeconds, generatePeakBytes, packSeconds, kernel, multipliers: solved.timing };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main(process.argv.slice(2));
