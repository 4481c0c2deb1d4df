import { createHighsSolver } from '../../lp/highs/index.js';
import { readLpFile } from '../../lp/lp-format/index.js';
import type { LpSolution, LpSolveOptions, LpSolver } from '../../lp/lp-types.js';
import { lpFailure, lpSolutionPart } from '../../report/index.js';
import { inMagnitude, MAX_MAGNITUDE_TEXT } from '../../model/magnitude.js';
import { UsageError, type CommandOutput } from '../output.js';
import { createProgress } from '../progress.js';

export interface LpSolveFlags {
  readonly solver?: string;
  readonly method?: string;
  readonly gap?: string;
  readonly timeLimit?: string;
  /** Also list every variable and constraint (tables `columns` and `rows`). */
  readonly all?: boolean;
}

const SOLVERS = ['auto', 'highs', 'pdhg'];
const METHODS = ['simplex', 'ipm', 'pdlp'];

function positive(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const v = text.trim() === '' ? Number.NaN : Number(text);
  if (!(v > 0) || !inMagnitude(v)) throw new UsageError(`${flag} must be a positive number, at most ${MAX_MAGNITUDE_TEXT} (got "${text}")`);
  return v;
}

async function pdhg(): Promise<LpSolver> {
  let mod: { pdhgSolver?: LpSolver };
  try {
    mod = (await import('../../lp/pdhg/index.js')) as { pdhgSolver?: LpSolver };
  } catch {
    throw new UsageError('the PDHG solver is not available in this build; use --solver highs');
  }
  if (mod.pdhgSolver === undefined) throw new UsageError('the PDHG solver is not available in this build; use --solver highs');
  return mod.pdhgSolver;
}

/**
 * `plenty lp solve FILE`: reads an LP (.mps or .lp, optionally gzipped), solves it with HiGHS or
 * PDHG and prints status, objective, iterations, residuals (computed independently of the solver)
 * and time. `--solver auto` uses HiGHS up to its size limit (about 15 million non-zeros), PDHG above.
 */
export async function lpSolveCommand(file: string, flags: LpSolveFlags): Promise<CommandOutput> {
  const solverChoice = flags.solver ?? 'auto';
  if (!SOLVERS.includes(solverChoice)) throw new UsageError(`--solver must be one of ${SOLVERS.join(', ')} (got "${solverChoice}")`);
  if (flags.method !== undefined && !METHODS.includes(flags.method)) throw new UsageError(`--method must be one of ${METHODS.join(', ')} (got "${flags.method}")`);
  const gap = positive(flags.gap, '--gap') ?? 1e-6;
  const timeLimit = positive(flags.timeLimit, '--time-limit');

  const lp = await readLpFile(file);
  const nonZeros = lp.A.rowPtr[lp.A.rows];
  const highs = createHighsSolver();
  const useHighs = solverChoice === 'highs' || (solverChoice === 'auto' && nonZeros <= highs.maxNonZeros);
  if (!useHighs && flags.method !== undefined) throw new UsageError('--method applies to HiGHS only (--solver highs)');
  const solver = useHighs ? highs : await pdhg();

  const progress = createProgress(`solving ${file}`);
  const base: LpSolveOptions = {
    gap,
    onProgress: (info) => progress.update(null, info.text ?? `iteration ${info.iteration}`),
    ...(flags.method !== undefined ? { method: flags.method } : {}),
  };
  const options: LpSolveOptions = timeLimit === undefined ? base : { ...base, timeLimit };
  let s: LpSolution;
  try {
    s = await solver.solve(lp, options);
  } finally {
    progress.done();
  }

  const failure = lpFailure(s);
  return { ...lpSolutionPart(file, lp, s, flags.all === true), ...(failure === undefined ? {} : { failure }) };
}
