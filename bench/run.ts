/**
 * The benchmark of the core engine (`npm run bench`, `npm run bench:quick`). For each size of a
 * synthetic sparse economy, and for a dense EXIOBASE-size table, runs our solvers in a fresh
 * process (checked, then timed), the numpy/scipy reference on the same matrix in the same run,
 * checks that the answers agree, and writes the tables into bench/README.md.
 *
 * Flags:
 *   --quick                 n ≤ 10⁵ and a 2,000-product dense table; the README is left alone
 *   --sizes 1e4,1e5,...     sparse sizes (default 1e4,1e5,1e6,1e7)
 *   --dense-n N             products of the dense table (default 9800; 0 skips it)
 *   --no-sparse             skip the sparse sizes
 *   --no-reference          skip numpy/scipy
 *   --direct-timeout S      time limit of SuperLU per size (default 60; quick 20)
 *   --reference-timeout S   time limit of every other reference run (default 900)
 *   --tolerance T           relative residual of the iterative solves (default 1e-10)
 *   --seed S                generator seed (default 1)
 *   --readme / --no-readme  write bench/README.md (default: yes, except with --quick)
 *   --shared-memory         generate A in shared memory (only the JS kernel's threads need it; the
 *                           default WebAssembly kernel uses threads from 5·10⁵ non-zeros either way)
 *   --in-kernel 1e7,...     sizes run again with A generated straight into the solvers' WebAssembly
 *                           memory, as `plenty analyze` reads a binary model's matrix (and compile
 *                           divides it per unit of output) from 50,000 entries on, where the
 *                           WebAssembly kernels run, and solved there in place: the path a user gets
 *                           (default: the sizes of 50,000 non-zeros or more; `none` for none, the
 *                           dense table's second run too)
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, totalmem, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RESIDENT_FROM } from '../src/model/binary/read-coefficients.js';
import { readFloat64 } from './binary-files.js';
import { relativeDifference, worstRowDifference } from './check.js';
import { runCase } from './child.js';
import type { DenseCaseResult } from './dense-case.js';
import { bytes, count, ratio, sci, seconds, table } from './format.js';
import { describeMachine } from './machine.js';
import { progress } from './progress.js';
import { replaceSections } from './readme-section.js';
import { coldTiming, pooledCase, pooledReference, roundSpeedUps, roundsFor, type ColdTiming } from './rounds.js';
import { referenceVersions, runReference, type ReferenceOutcome } from './reference.js';
import type { SparseCaseResult } from './sparse-case.js';
import type { TimedSolve } from './timed-solve.js';

/** Agreement required between our solution and the reference's. */
const SPARSE_AGREEMENT = 1e-6;
const DENSE_AGREEMENT = 1e-8;

interface Options {
  readonly quick: boolean;
  readonly sizes: readonly number[];
  readonly denseN: number;
  readonly sparse: boolean;
  readonly reference: boolean;
  readonly directTimeout: number;
  readonly referenceTimeout: number;
  readonly tolerance: number;
  readonly seed: number;
  readonly readme: boolean;
  /** A in shared memory, so that the solvers use worker threads. */
  readonly shared: boolean;
  /** Sizes run again with A generated in the solvers' memory (solved in place, never copied). */
  readonly kernelSizes: readonly number[];
  /** Whether a dense table of RESIDENT_FROM entries or more (50,000) runs again with A in the solvers' memory. */
  readonly denseInKernel: boolean;
}

function parseOptions(args: readonly string[]): Options {
  const value = (name: string): string | undefined => {
    const i = args.indexOf(`--${name}`);
    if (i < 0) return undefined;
    const v = args[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`--${name} needs a value`);
    return v;
  };
  const num = (name: string, fallback: number): number => {
    const v = value(name);
    if (v === undefined) return fallback;
    const x = Number(v);
    if (!Number.isFinite(x) || x < 0) throw new Error(`--${name}: not a non-negative number: ${JSON.stringify(v)}`);
    return x;
  };
  const known = new Set(['quick', 'sizes', 'dense-n', 'no-sparse', 'no-reference', 'direct-timeout', 'reference-timeout', 'tolerance', 'seed', 'readme', 'no-readme', 'shared-memory', 'in-kernel']);
  for (const a of args) if (a.startsWith('--') && !known.has(a.slice(2))) throw new Error(`unknown flag ${a}`);
  const quick = args.includes('--quick');
  const sizesText = value('sizes');
  const kernelText = value('in-kernel');
  const sizes = sizesText === undefined ? (quick ? [1e4, 1e5] : [1e4, 1e5, 1e6, 1e7]) : sizesText.split(',').map(Number);
  for (const n of sizes) if (!Number.isInteger(n) || n < 100) throw new Error(`--sizes: ${n} is not an integer ≥ 100`);
  return {
    quick,
    sizes,
    denseN: num('dense-n', quick ? 2000 : 9800),
    sparse: !args.includes('--no-sparse'),
    reference: !args.includes('--no-reference'),
    directTimeout: num('direct-timeout', quick ? 20 : 60),
    referenceTimeout: num('reference-timeout', 900),
    tolerance: num('tolerance', 1e-10),
    seed: num('seed', 1),
    readme: args.includes('--readme') || (!quick && !args.includes('--no-readme')),
    shared: args.includes('--shared-memory'),
    denseInKernel: kernelText !== 'none',
    kernelSizes: kernelText === undefined ? sizes.filter((n) => 20 * n >= RESIDENT_FROM) : kernelText === 'none' ? [] : kernelText.split(',').map(Number),
  };
}

function repeatsFor(n: number): number {
  return n <= 1e4 ? 21 : n <= 1e5 ? 9 : n <= 1e6 ? 3 : 1;
}

/** Untimed runs after the checked one, on both sides, where a solve takes milliseconds (steady state). */
function warmupsFor(n: number): number {
  return n <= 1e5 ? repeatsFor(n) : 0;
}

interface Solved {
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly residual: number;
  readonly agreement: number;
}

/** The reference's result for one solution (x or v), with its agreement with ours. */
function referenceSolution(outcome: ReferenceOutcome | undefined, key: string, dir: string, file: string, ours: Float64Array): Solved | undefined {
  const part = outcome?.report?.[key] as { seconds?: number; cpuSeconds?: number; relativeResidual?: number; status?: string } | undefined;
  if (outcome?.status !== 'ok' || part === undefined || part.status !== 'ok') return undefined;
  const path = join(dir, file);
  const agreement = existsSync(path) ? relativeDifference(ours, readFloat64(path)) : Infinity;
  return { seconds: part.seconds ?? NaN, cpuSeconds: part.cpuSeconds ?? NaN, residual: part.relativeResidual ?? NaN, agreement };
}

interface SparseRow {
  /** Our timings pooled over the rounds (see rounds.ts). */
  readonly ours: SparseCaseResult;
  /** Our cold solves: the first in a fresh process (gross output first in one round, labour values in the next). */
  readonly cold: { readonly gross: ColdTiming | undefined; readonly labour: ColdTiming | undefined };
  /** Rounds of each side, and scipy's time over ours in each (for ours on A and on A made by toWasmCsr). */
  readonly rounds: number;
  readonly roundSpeedUps?: { readonly x: number[]; readonly v: number[]; readonly residentX: number[]; readonly residentV: number[] };
  /** One-minute load average when the case started (other processes on the machine). */
  readonly load: number;
  readonly iterative: ReferenceOutcome | undefined;
  readonly direct: ReferenceOutcome | undefined;
  readonly iterX: Solved | undefined;
  readonly iterV: Solved | undefined;
  readonly directX: Solved | undefined;
  readonly directV: Solved | undefined;
}

interface DenseRow {
  readonly ours: DenseCaseResult;
  readonly load: number;
  readonly inv: ReferenceOutcome | undefined;
  readonly solve: ReferenceOutcome | undefined;
  readonly invAgreement: number;
  readonly solveAgreement: number;
}

function memLimitGb(): string {
  return ((0.8 * totalmem()) / 2 ** 30).toFixed(1);
}

/** Our rounds of one size in fresh processes, alternating which solve comes first (cold). */
async function ourRoundsOf(n: number, args: readonly string[], count: number, what: string, between?: (r: number) => Promise<void>): Promise<SparseCaseResult[]> {
  const rounds: SparseCaseResult[] = [];
  for (let r = 0; r < count; r++) {
    const first = r % 2 === 0 ? 'gross' : 'labour';
    progress(`n = ${n}${what}: round ${r + 1} of ${count}, ours (${first === 'gross' ? 'gross output' : 'labour values'} first)`);
    rounds.push(await runCase<SparseCaseResult>('./sparse-case.js', [...args, '--first', first]));
    if (between !== undefined) await between(r);
  }
  return rounds;
}

/**
 * One size: our rounds with A in ordinary memory, interleaved with scipy's, and where asked
 * (`--in-kernel`) two more of ours with A generated in the solvers' memory, compared with the same
 * reference runs. One row each.
 */
async function runSparse(n: number, opts: Options, withReference: boolean, tryDirect: boolean): Promise<SparseRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'plenty-bench-'));
  const load = loadavg()[0];
  try {
    const ourArgs = [
      '--n', String(n), '--dir', dir, '--seed', String(opts.seed), '--tolerance', String(opts.tolerance), '--repeats', String(repeatsFor(n)), '--warmups', String(warmupsFor(n)),
      '--shared', opts.shared ? '1' : '0',
    ];
    // One BLAS thread: scipy's sparse products are single-threaded anyway, like ours, and idle
    // BLAS threads spinning on a shared machine only add noise.
    const referenceArgs = ['sparse', dir, 'iterative', '--rtol', String(opts.tolerance), '--repeats', String(repeatsFor(n)), '--warmups', String(warmupsFor(n)), '--mem-limit-gb', memLimitGb()];
    const rounds = withReference ? roundsFor(n) : 1;
    const referenceRounds: ReferenceOutcome[] = [];
    let referenceFailed = false;
    // At least two of ours, so that each solve comes first (cold) in a fresh process once; scipy's
    // solves take the same time cold and warm, so it runs in `rounds` of them only.
    const ourRounds = await ourRoundsOf(n, [...ourArgs, '--kernel', '0'], Math.max(2, rounds), '', async (r) => {
      if (!withReference || r >= rounds || referenceFailed) return;
      progress(`n = ${n}: scipy bicgstab`);
      const outcome = await runReference(referenceArgs, opts.referenceTimeout, 1);
      referenceRounds.push(outcome);
      if (outcome.status !== 'ok') referenceFailed = true;
    });
    const ours = pooledCase(ourRounds);
    const cold = { gross: coldTiming(ourRounds, 'gross'), labour: coldTiming(ourRounds, 'labour') };
    const iterative = withReference ? pooledReference(referenceRounds, ['x', 'v']) : undefined;
    let direct: ReferenceOutcome | undefined;
    if (withReference && tryDirect) {
      progress(`n = ${n}: scipy splu (SuperLU), time limit ${opts.directTimeout} s`);
      direct = await runReference(['sparse', dir, 'direct', '--mem-limit-gb', memLimitGb()], opts.directTimeout, 1);
      progress(`n = ${n}: splu ${direct.status}`);
    }
    /** The reference columns for our last round's solutions (in the folder now). */
    const references = (): Pick<SparseRow, 'iterative' | 'direct' | 'iterX' | 'iterV' | 'directX' | 'directV'> => {
      if (!withReference) return { iterative: undefined, direct: undefined, iterX: undefined, iterV: undefined, directX: undefined, directV: undefined };
      const x = readFloat64(join(dir, 'x_ours.bin'));
      const v = readFloat64(join(dir, 'v_ours.bin'));
      return {
        iterative,
        direct,
        iterX: referenceSolution(iterative, 'x', dir, 'x_iterative.bin', x),
        iterV: referenceSolution(iterative, 'v', dir, 'v_iterative.bin', v),
        directX: referenceSolution(direct, 'x', dir, 'x_direct.bin', x),
        directV: referenceSolution(direct, 'v', dir, 'v_direct.bin', v),
      };
    };
    const paired = ourRounds.slice(0, referenceRounds.length);
    const residents = paired.map((r) => r.resident);
    const kept = residents.every((r) => r !== undefined) ? residents : [];
    const rows: SparseRow[] = [
      {
        ours,
        cold,
        rounds: referenceRounds.length,
        roundSpeedUps: {
          x: roundSpeedUps(paired.map((r) => r.gross), referenceRounds, 'x'),
          v: roundSpeedUps(paired.map((r) => r.labour), referenceRounds, 'v'),
          residentX: roundSpeedUps(kept.map((r) => r.gross), referenceRounds, 'x'),
          residentV: roundSpeedUps(kept.map((r) => r.labour), referenceRounds, 'v'),
        },
        load,
        ...references(),
      },
    ];
    if (opts.kernelSizes.includes(n)) {
      const kernelLoad = loadavg()[0];
      const inKernel = await ourRoundsOf(n, [...ourArgs, '--kernel', '1'], 2, ", A in the solvers' memory");
      rows.push({
        ours: pooledCase(inKernel),
        cold: { gross: coldTiming(inKernel, 'gross'), labour: coldTiming(inKernel, 'labour') },
        rounds: 1,
        load: kernelLoad,
        ...references(),
      });
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The dense table: ours with A in ordinary memory, numpy's inverse and solve on the same table,
 * and, for a table of RESIDENT_FROM (50,000) entries or more (unless `--in-kernel none`), ours again with A generated
 * in the solvers' memory (as a binary model's matrix of that size is read), against the same numpy runs.
 */
async function runDense(n: number, opts: Options, withReference: boolean): Promise<DenseRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'plenty-bench-'));
  const load = loadavg()[0];
  try {
    const ourRun = (kernel: boolean): Promise<DenseCaseResult> =>
      runCase<DenseCaseResult>('./dense-case.js', [
        '--n', String(n), '--dir', dir, '--seed', String(opts.seed), '--tolerance', String(opts.tolerance), '--repeats', '1',
        '--shared', opts.shared ? '1' : '0', '--kernel', kernel ? '1' : '0',
      ]);
    const ours = await ourRun(false);
    let inv: ReferenceOutcome | undefined;
    let solve: ReferenceOutcome | undefined;
    if (withReference) {
      progress(`dense n = ${n}: numpy inv (as pymrio)`);
      inv = await runReference(['dense', dir, 'inv', '--mem-limit-gb', memLimitGb()], opts.referenceTimeout);
      progress(`dense n = ${n}: numpy solve`);
      solve = await runReference(['dense', dir, 'solve', '--mem-limit-gb', memLimitGb()], opts.referenceTimeout);
    }
    /** The row of our run whose M is in the folder now. */
    const row = (r: DenseCaseResult, at: number): DenseRow => {
      if (!withReference) return { ours: r, load: at, inv, solve, invAgreement: NaN, solveAgreement: NaN };
      const M = readFloat64(join(dir, 'm_ours.bin'));
      const agreement = (o: ReferenceOutcome | undefined, file: string): number =>
        o?.status === 'ok' && existsSync(join(dir, file)) ? worstRowDifference(M, readFloat64(join(dir, file)), r.m) : NaN;
      return { ours: r, load: at, inv, solve, invAgreement: agreement(inv, 'm_inv.bin'), solveAgreement: agreement(solve, 'm_solve.bin') };
    };
    const rows = [row(ours, load)];
    if (opts.denseInKernel && n * n >= RESIDENT_FROM) {
      const at = loadavg()[0];
      progress(`dense n = ${n}: ours again, A in the solvers' memory`);
      rows.push(row(await ourRun(true), at));
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Wall time (CPU time), or a failure mark when the answer did not pass its checks. */
function ourTime(t: { ok: boolean; seconds: number; cpuSeconds: number; failure?: string }): string {
  return t.ok ? `${seconds(t.seconds)} (${seconds(t.cpuSeconds)})` : `FAILED (${t.failure ?? 'check'})`;
}

function refCell(s: Solved | undefined, outcome: ReferenceOutcome | undefined, threshold: number): string {
  if (s !== undefined) {
    const agree = s.agreement < threshold ? '' : ` (DISAGREES: ${sci(s.agreement)})`;
    return `${seconds(s.seconds)} (${seconds(s.cpuSeconds)})${agree}`;
  }
  return outcome === undefined ? 'not run' : outcome.status;
}

/** A cold time (the median over the rounds in which the solve came first), or a failure mark. */
function coldCell(c: ColdTiming | undefined): string {
  if (c === undefined) return 'not measured';
  return c.ok ? `${seconds(c.seconds)} (${seconds(c.cpuSeconds)})` : 'FAILED';
}

/** A ratio with two decimals (for ratios read against a limit such as 1.3). */
function factor(r: number): string {
  return Number.isFinite(r) ? `${r.toFixed(2)}×` : '–';
}

/** Cold over warm, by wall time; by CPU time in brackets. */
function coldOverWarm(c: ColdTiming | undefined, warm: { ok: boolean; seconds: number; cpuSeconds: number }): string {
  if (c === undefined || !c.ok || !warm.ok) return '–';
  return `${factor(c.seconds / warm.seconds)} (${factor(c.cpuSeconds / warm.cpuSeconds)})`;
}

/** scipy's time over ours, by wall time; by CPU time in brackets. */
function speedUp(ref: Solved | undefined, ours: { ok: boolean; seconds: number; cpuSeconds: number } | undefined, threshold: number): string {
  if (ref === undefined || ours === undefined || !ours.ok || !(ref.agreement < threshold)) return '–';
  return `${ratio(ref.seconds / ours.seconds)} (${ratio(ref.cpuSeconds / ours.cpuSeconds)})`;
}

function sparseTables(rows: readonly SparseRow[], refNote: string): string {
  const ours = table(
    [
      'n', 'non-zeros', 'A in', 'gross output: cold, s (CPU s)', 'warm, s (CPU s)', 'cold / warm (CPU)', 'method, iterations', 'residual',
      'labour values: cold, s (CPU s)', 'warm, s (CPU s)', 'cold / warm (CPU)', 'method, iterations', 'residual', 'peak memory', 'v·y = l·x', 'generate (s)', 'load',
    ],
    rows.map(({ ours: r, cold, load }) => [
      count(r.n),
      count(r.nnz),
      r.kernel ? "the solvers' memory" : 'ordinary memory',
      coldCell(cold.gross),
      ourTime(r.gross),
      coldOverWarm(cold.gross, r.gross),
      `${r.gross.method}, ${r.gross.iterations}`,
      sci(r.gross.relativeResidual),
      coldCell(cold.labour),
      ourTime(r.labour),
      coldOverWarm(cold.labour, r.labour),
      `${r.labour.method}, ${r.labour.iterations}`,
      sci(r.labour.relativeResidual),
      `${bytes(Math.max(r.gross.peakBytes, r.labour.peakBytes))} (sampled ${bytes(Math.max(r.gross.sampledPeakBytes, r.labour.sampledPeakBytes))})`,
      sci(r.identityDifference),
      seconds(r.generateSeconds),
      load.toFixed(1),
    ]),
  );
  const peak = (o: ReferenceOutcome | undefined): string => {
    const b = o?.report?.peakBytes;
    return typeof b === 'number' && o?.status === 'ok' ? bytes(b) : '–';
  };
  const ref = table(
    ['n', 'scipy bicgstab x, s (CPU s)', 'v, s (CPU s)', 'peak', 'agreement x; v', 'speed-up x; v', 'speed-up, ours cold: x; v', 'scipy splu x, s (CPU s)', 'v, s (CPU s)', 'peak', 'agreement x; v', 'speed-up x; v'],
    rows.map((r) => [
      `${count(r.ours.n)}${r.ours.kernel ? ", A in the solvers' memory (same reference runs)" : ''}`,
      refCell(r.iterX, r.iterative, SPARSE_AGREEMENT),
      refCell(r.iterV, r.iterative, SPARSE_AGREEMENT),
      peak(r.iterative),
      `${sci(r.iterX?.agreement ?? NaN)}; ${sci(r.iterV?.agreement ?? NaN)}`,
      `${speedUp(r.iterX, r.ours.gross, SPARSE_AGREEMENT)}; ${speedUp(r.iterV, r.ours.labour, SPARSE_AGREEMENT)}`,
      `${speedUp(r.iterX, r.cold.gross, SPARSE_AGREEMENT)}; ${speedUp(r.iterV, r.cold.labour, SPARSE_AGREEMENT)}`,
      refCell(r.directX, r.direct, SPARSE_AGREEMENT),
      refCell(r.directV, r.direct, SPARSE_AGREEMENT),
      peak(r.direct),
      `${sci(r.directX?.agreement ?? NaN)}; ${sci(r.directV?.agreement ?? NaN)}`,
      `${speedUp(r.directX, r.ours.gross, SPARSE_AGREEMENT)}; ${speedUp(r.directV, r.ours.labour, SPARSE_AGREEMENT)}`,
    ]),
  );
  const kept = rows.filter((r) => r.ours.resident !== undefined);
  const residentTable = table(
    ['n', 'toWasmCsr, s', 'gross output, s (CPU s)', 'labour values, s (CPU s)', 'speed-up against scipy bicgstab x; v'],
    kept.map((r) => {
      const k = r.ours.resident as NonNullable<SparseCaseResult['resident']>;
      return [count(r.ours.n), seconds(k.prepareSeconds), ourTime(k.gross), ourTime(k.labour), `${speedUp(r.iterX, k.gross, SPARSE_AGREEMENT)}; ${speedUp(r.iterV, k.labour, SPARSE_AGREEMENT)}`];
    }),
  );
  return (
    `Ours (a fresh process per size and round; cold: the first solve in the process, from the matrix in memory, gross output first in one round and labour values in the next, the median where there are several; warm: the median of the timed runs after it; peak memory is the whole process, matrix included, during the solves):\n\n${ours}\n\n` +
    `Reference on the same matrices (${refNote}; one BLAS thread, scipy's sparse products being single-threaded; bicgstab timed like ours, median after a checked run and warm-up runs, in the same interleaved rounds; splu once):\n\n${ref}` +
    (kept.length === 0
      ? ''
      : `\n\nOurs again, on A made by \`toWasmCsr\` (kept in the kernel's memory, so that a solve does not copy it; the one copy is timed apart, as scipy's csr_matrix is not timed either), where a solve uses it in place:\n\n${residentTable}`)
  );
}

/** The dense case's cold solve: its checked first run, the first solve in its process. */
function denseCold(d: DenseCaseResult): ColdTiming {
  const t = d.multipliers;
  return { seconds: t.firstRunSeconds, cpuSeconds: t.firstRunCpuSeconds, runs: [t.firstRunSeconds], cpuRuns: [t.firstRunCpuSeconds], ok: t.ok };
}

function denseTable(rows: readonly DenseRow[]): string {
  const refTime = (o: ReferenceOutcome | undefined, agreement: number): string => {
    if (o === undefined) return 'not run';
    if (o.status !== 'ok') return o.status;
    const s = `${seconds(o.report?.seconds as number)} (${seconds(o.report?.cpuSeconds as number)})`;
    return agreement < DENSE_AGREEMENT ? s : `${s} (DISAGREES: ${sci(agreement)})`;
  };
  const speed = (o: ReferenceOutcome | undefined, agreement: number, ours: DenseCaseResult): string =>
    o?.status === 'ok' && agreement < DENSE_AGREEMENT && ours.multipliers.ok ? ratio((o.report?.seconds as number) / ours.multipliers.seconds) : '–';
  return table(
    [
      'n', 'rows of S', 'ours: M = S(I − A)⁻¹, cold s (CPU s)', 'warm s (CPU s)', 'cold / warm (CPU)', 'method, iterations', 'residual', 'peak memory',
      'numpy inv + S·L, s (CPU s)', 'speed-up', 'numpy solve, s (CPU s)', 'speed-up', 'agreement (inv; solve)', 'load',
    ],
    rows.map((r) => [
      `${count(r.ours.n)}${r.ours.kernel ? ", A in the solvers' memory" : ''}`,
      String(r.ours.m),
      coldCell(denseCold(r.ours)),
      ourTime(r.ours.multipliers),
      coldOverWarm(denseCold(r.ours), r.ours.multipliers),
      `${r.ours.multipliers.method}, ${r.ours.multipliers.iterations}`,
      sci(r.ours.multipliers.relativeResidual),
      bytes(r.ours.multipliers.peakBytes),
      refTime(r.inv, r.invAgreement),
      speed(r.inv, r.invAgreement, r.ours),
      refTime(r.solve, r.solveAgreement),
      speed(r.solve, r.solveAgreement, r.ours),
      `${sci(r.invAgreement)}; ${sci(r.solveAgreement)}`,
      r.load.toFixed(1),
    ]),
  );
}

function targetsTable(sparse: readonly SparseRow[], dense: readonly DenseRow[]): string {
  const rows: string[][] = [];
  const verdict = (met: boolean | undefined): string => (met === undefined ? 'not measured' : met ? 'met' : 'MISSED');
  const at = (n: number): SparseRow | undefined => sparse.find((r) => r.ours.n === n && !r.ours.kernel);
  const r6 = at(1e6);
  if (r6 !== undefined) {
    const worst = Math.max(r6.ours.gross.seconds, r6.ours.labour.seconds);
    const ok = r6.ours.gross.ok && r6.ours.labour.ok;
    rows.push(['n = 10⁶ (2·10⁷ non-zeros), each solve < 5 s', `${seconds(worst)} s (slower of the two)`, verdict(ok && worst < 5), ok ? `${ratio(worst / 5)} the limit` : 'check failed']);
  }
  const r7 = at(1e7);
  if (r7 !== undefined) {
    const worst = Math.max(r7.ours.gross.seconds, r7.ours.labour.seconds);
    const peak = Math.max(r7.ours.gross.peakBytes, r7.ours.labour.peakBytes);
    const ok = r7.ours.gross.ok && r7.ours.labour.ok;
    rows.push(['n = 10⁷ (2·10⁸ non-zeros), each solve < 60 s', `${seconds(worst)} s`, verdict(ok && worst < 60), ok ? `${ratio(worst / 60)} the limit` : 'check failed']);
    rows.push(['n = 10⁷, peak memory < 8 GB', bytes(peak), verdict(peak < 8 * 2 ** 30), `${ratio(peak / (8 * 2 ** 30))} the limit`]);
  }
  const k7 = sparse.find((r) => r.ours.n === 1e7 && r.ours.kernel);
  if (k7 !== undefined) {
    const peak = Math.max(k7.ours.gross.peakBytes, k7.ours.labour.peakBytes);
    rows.push(["n = 10⁷, A in the solvers' memory, peak memory < 8 GB", bytes(peak), verdict(peak < 8 * 2 ** 30), `${ratio(peak / (8 * 2 ** 30))} the limit`]);
  }
  for (const r of sparse) {
    const where = r.ours.kernel ? ", A in the solvers' memory" : '';
    /** The row of one of our pairs of solves against scipy's bicgstab. */
    const againstScipy = (what: string, ours: { readonly gross: TimedSolve; readonly labour: TimedSolve }, note: string): string[] => {
      const sx = r.iterX !== undefined && ours.gross.ok ? r.iterX.seconds / ours.gross.seconds : NaN;
      const sv = r.iterV !== undefined && ours.labour.ok ? r.iterV.seconds / ours.labour.seconds : NaN;
      const measured = Number.isFinite(sx) && Number.isFinite(sv);
      return [`n = ${count(r.ours.n)}${where}${what}: faster than scipy bicgstab`, `x ${ratio(sx)}, v ${ratio(sv)}`, verdict(measured ? sx > 1 && sv > 1 : undefined), note];
    };
    /** The spread of the rounds' speed-ups, when there were several. */
    const spread = (x: readonly number[] | undefined, v: readonly number[] | undefined): string => {
      if (r.rounds < 2 || x === undefined || v === undefined || x.length < 2) return '';
      const range = (s: readonly number[]): string => `${ratio(Math.min(...s))}–${ratio(Math.max(...s))}`;
      return `; ${r.rounds} interleaved rounds, each: x ${range(x)}, v ${range(v)}`;
    };
    rows.push(againstScipy('', r.ours, `speed-up = scipy time / ours${spread(r.roundSpeedUps?.x, r.roundSpeedUps?.v)}`));
    // The first solve in a process, as a command that runs once gets it (issue 14).
    const { gross: cx, labour: cv } = r.cold;
    const within = (c: ColdTiming | undefined, warm: TimedSolve): number => (c !== undefined && c.ok && warm.ok ? c.seconds / warm.seconds : NaN);
    const wx = within(cx, r.ours.gross);
    const wv = within(cv, r.ours.labour);
    const cpuOf = (c: ColdTiming | undefined, warm: TimedSolve): string => (c === undefined ? '–' : factor(c.cpuSeconds / warm.cpuSeconds));
    const coldMeasured = Number.isFinite(wx) && Number.isFinite(wv);
    rows.push([
      `n = ${count(r.ours.n)}${where}: cold within 1.3× of warm`,
      `x ${factor(wx)}, v ${factor(wv)}`,
      verdict(coldMeasured ? wx <= 1.3 && wv <= 1.3 : undefined),
      `cold / warm by wall time; by CPU time: x ${cpuOf(cx, r.ours.gross)}, v ${cpuOf(cv, r.ours.labour)}`,
    ]);
    const sx = r.iterX !== undefined && cx?.ok === true ? r.iterX.seconds / cx.seconds : NaN;
    const sv = r.iterV !== undefined && cv?.ok === true ? r.iterV.seconds / cv.seconds : NaN;
    const fasterMeasured = Number.isFinite(sx) && Number.isFinite(sv);
    rows.push([`n = ${count(r.ours.n)}${where}: cold faster than scipy bicgstab`, `x ${ratio(sx)}, v ${ratio(sv)}`, verdict(fasterMeasured ? sx > 1 && sv > 1 : undefined), 'speed-up = scipy time (median) / our cold time']);
    if (r.ours.resident !== undefined) {
      rows.push(againstScipy(', A made by toWasmCsr', r.ours.resident, `the matrix kept in the kernel's memory${spread(r.roundSpeedUps?.residentX, r.roundSpeedUps?.residentV)}`));
    }
  }
  for (const d of dense) {
    const where = d.ours.kernel ? ", A in the solvers' memory" : '';
    const t = d.inv?.report?.seconds;
    const s = typeof t === 'number' && d.ours.multipliers.ok && d.invAgreement < DENSE_AGREEMENT ? t / d.ours.multipliers.seconds : NaN;
    rows.push([`dense n = ${count(d.ours.n)}${where}: ≥ 10× faster than numpy's inverse`, ratio(s), verdict(Number.isFinite(s) ? s >= 10 : undefined), Number.isFinite(s) ? `${ratio(s / 10)} the target speed-up` : '']);
    const cold = denseCold(d.ours);
    const warm = d.ours.multipliers;
    const w = cold.ok && warm.ok ? cold.seconds / warm.seconds : NaN;
    rows.push([
      `dense n = ${count(d.ours.n)}${where}: cold within 1.3× of warm`,
      factor(w),
      verdict(Number.isFinite(w) ? w <= 1.3 : undefined),
      `cold / warm by wall time; by CPU time ${factor(cold.cpuSeconds / warm.cpuSeconds)}`,
    ]);
    const ts = d.solve?.report?.seconds;
    const cs = typeof ts === 'number' && cold.ok && d.solveAgreement < DENSE_AGREEMENT ? ts / cold.seconds : NaN;
    const ci = typeof t === 'number' && cold.ok && d.invAgreement < DENSE_AGREEMENT ? t / cold.seconds : NaN;
    rows.push([
      `dense n = ${count(d.ours.n)}${where}: cold faster than numpy`,
      `solve ${ratio(cs)}, inverse ${ratio(ci)}`,
      verdict(Number.isFinite(cs) ? cs > 1 : undefined),
      'speed-up = numpy time / our cold time; np.linalg.solve with the rows of S, the faster of the two, decides',
    ]);
  }
  return table(['target', 'measured', 'verdict', 'measured / target'], rows);
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const machine = describeMachine();
  progress(`plenty bench${opts.quick ? ' --quick' : ''}: ${machine.cpu}, ${machine.cores} cores, ${bytes(machine.memoryBytes)}, Node ${machine.node}`);
  const versions = opts.reference ? await referenceVersions() : undefined;
  const withReference = versions !== undefined && versions.scipy !== null && versions.numpy !== null;
  const refNote = !opts.reference
    ? 'reference skipped (--no-reference)'
    : withReference
      ? `Python ${versions.python}, numpy ${versions.numpy}, scipy ${versions.scipy}`
      : 'scipy not available';
  if (opts.reference && !withReference) progress('scipy not available: the reference columns will say so');

  const sparse: SparseRow[] = [];
  if (opts.sparse) {
    let tryDirect = true;
    for (const n of opts.sizes) {
      const rows = await runSparse(n, opts, withReference, tryDirect);
      sparse.push(...rows);
      // SuperLU's fill-in grows faster than n: once it fails, larger sizes are not attempted.
      if (rows[0].direct !== undefined && rows[0].direct.status !== 'ok') tryDirect = false;
    }
  }
  const dense: DenseRow[] = [];
  if (opts.denseN > 0) dense.push(...(await runDense(opts.denseN, opts, withReference)));

  const loads = [...sparse.map((r) => r.load), ...dense.map((r) => r.load), loadavg()[0]];
  const machineText = [
    `- Date: ${machine.date}${opts.quick ? ' (quick run)' : ''}`,
    `- CPU: ${machine.cpu}, ${machine.cores} cores`,
    `- Memory: ${bytes(machine.memoryBytes)}`,
    `- Node ${machine.node}; ${machine.os}`,
    `- Reference: ${refNote}`,
    `- Load average (1 minute) at the start of each case and at the end: ${loads.map((l) => l.toFixed(1)).join(', ')} ` +
      `(other processes shared the ${machine.cores} cores; wall times grow with the load, CPU times much less)`,
    `- Matrix in ${opts.shared ? 'shared' : 'ordinary'} memory${opts.kernelSizes.length > 0 ? ` (at ${opts.kernelSizes.map(count).join(', ')} also generated in the solvers' WebAssembly memory, as \`plenty analyze\` reads a binary model's matrix of 50,000 entries or more, and solved there in place: the path a user gets)` : ''}; the solvers' defaults: the WebAssembly kernel, its products split over ${Math.min(machine.cores, 4)} threads from 5·10⁵ non-zeros, serial below (where a transposed solve gathers over a copy of Aᵀ)`,
    `- Seed ${opts.seed}, tolerance ${opts.tolerance} (relative residual, 2-norm, ours and scipy's)`,
  ].join('\n');
  const sections = new Map<string, string>([['machine', machineText], ['targets', targetsTable(sparse, dense)]]);
  if (sparse.length > 0) sections.set('sparse', sparseTables(sparse, refNote));
  if (dense.length > 0) sections.set('dense', `${denseTable(dense)}\n\nReference: ${refNote}; numpy's BLAS uses every core, and so do our products (the solvers' default).`);

  for (const [name, body] of sections) console.log(`\n## ${name}\n\n${body}`);
  if (opts.readme) {
    const readme = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bench', 'README.md');
    replaceSections(readme, sections);
    progress(`tables written to bench/README.md`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
