import { createHighsSolver } from '../../optimize/highs/index.js';
import { readLpFile } from '../../optimize/lp-format/index.js';
import type { LinearProgram, LpSolution, LpSolveOptions, LpSolver } from '../../optimize/lp-types.js';
import { solverStopSentence, type Table } from '../../report/index.js';
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

/**
 * For a solve that did not end optimal, the sentence that says what happened and what to do
 * (printed on stderr; the command exits 1); undefined for an optimum.
 */
export function lpFailure(s: LpSolution): string | undefined {
  const why = s.message === undefined ? '' : ` (${s.message})`;
  switch (s.status) {
    case 'optimal':
      return undefined;
    case 'infeasible':
      return 'the linear program is infeasible: no point satisfies every constraint and bound; check the constraints and bounds';
    case 'unbounded':
      return 'the linear program is unbounded: the objective improves without limit; add the bound or constraint that is missing';
    case 'infeasible-or-unbounded':
      return `the linear program has no optimum: it is infeasible or unbounded${why}; solve it with --solver highs --method simplex to tell which`;
    case 'time-limit':
    case 'iteration-limit':
    case 'unknown':
      return solverStopSentence(s.status, s.message);
    case 'error':
      return `the solver failed${why}: check the file's numbers, or solve with another --solver or --method`;
  }
}

async function pdhg(): Promise<LpSolver> {
  let mod: { pdhgSolver?: LpSolver };
  try {
    mod = (await import('../../optimize/pdhg/index.js')) as { pdhgSolver?: LpSolver };
  } catch {
    throw new UsageError('the PDHG solver is not available in this build; use --solver highs');
  }
  if (mod.pdhgSolver === undefined) throw new UsageError('the PDHG solver is not available in this build; use --solver highs');
  return mod.pdhgSolver;
}

function shortNumber(v: number): string {
  return Number.isFinite(v) ? v.toExponential(2) : String(v);
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

  return lpOutput(file, lp, s, flags.all === true);
}

/** What `plenty lp solve` prints for solution `s` of `lp` read from `file` (every variable and constraint with `all`). */
function lpOutput(file: string, lp: LinearProgram, s: LpSolution, all: boolean): CommandOutput {
  const nonZeros = lp.A.rowPtr[lp.A.rows];
  const described = `${lp.A.rows} constraints, ${lp.A.cols} variables, ${nonZeros} non-zeros, ${lp.sense === 'max' ? 'maximise' : 'minimise'}`;
  const header = [`${file}: linear program${lp.name !== undefined ? ` “${lp.name}”` : ''}, ${described}.`];
  const about = { file, name: lp.name ?? null, sense: lp.sense, constraints: lp.A.rows, variables: lp.A.cols, nonZeros };
  const failure = lpFailure(s);
  if (failure !== undefined) return { header, tables: [failedSummary(s)], json: { ...about, status: s.status, solver: s.solver, iterations: s.iterations, elapsedMs: s.elapsedMs, message: s.message ?? null }, failure };

  const colNames = lp.colNames ?? Array.from({ length: lp.A.cols }, (_, j) => `C${j + 1}`);
  const rowNames = lp.rowNames ?? Array.from({ length: lp.A.rows }, (_, i) => `R${i + 1}`);
  const summary: Table = {
    name: 'solution',
    title: 'Solution',
    columns: [
      { key: 'what', label: 'what' },
      { key: 'value', label: 'value', digits: 10 },
    ],
    rows: [
      ['status', s.status],
      ['objective', s.objective],
      ['solver', s.solver],
      ['iterations', s.iterations],
      ['primal residual', shortNumber(s.primalResidual)],
      ['dual residual', shortNumber(s.dualResidual)],
      ['relative gap', shortNumber(s.relativeGap)],
      ['time (ms)', Math.round(s.elapsedMs)],
    ],
    ...(s.message !== undefined ? { notes: [s.message] } : {}),
  };
  const columns: Table = {
    name: 'columns',
    title: 'Variables',
    columns: [
      { key: 'name', label: 'variable' },
      { key: 'value', label: 'value' },
      { key: 'reduced_cost', label: 'reduced cost' },
    ],
    rows: colNames.map((n, j) => [n, s.x[j], s.colDual[j]]),
  };
  const rows: Table = {
    name: 'rows',
    title: 'Constraints',
    columns: [
      { key: 'name', label: 'constraint' },
      { key: 'activity', label: 'activity' },
      { key: 'dual', label: 'dual' },
    ],
    rows: rowNames.map((n, i) => [n, s.rowActivity[i], s.rowDual[i]]),
  };
  return {
    header,
    tables: all ? [summary, columns, rows] : [summary],
    json: {
      ...about,
      status: s.status,
      objective: s.objective,
      solver: s.solver,
      iterations: s.iterations,
      primalResidual: s.primalResidual,
      dualResidual: s.dualResidual,
      relativeGap: s.relativeGap,
      elapsedMs: s.elapsedMs,
      ...(s.message !== undefined ? { message: s.message } : {}),
      variableValues: Object.fromEntries(colNames.map((n, j) => [n, { value: s.x[j], reducedCost: s.colDual[j] }])),
      constraintValues: Object.fromEntries(rowNames.map((n, i) => [n, { activity: s.rowActivity[i], dual: s.rowDual[i] }])),
    },
  };
}

/** A failed solve's summary: status, solver and effort only, no number of the failed solve as a result. */
function failedSummary(s: LpSolution): Table {
  return {
    name: 'solution',
    title: 'Solution',
    columns: [
      { key: 'what', label: 'what' },
      { key: 'value', label: 'value' },
    ],
    rows: [
      ['status', s.status],
      ['solver', s.solver],
      ['iterations', s.iterations],
      ['time (ms)', Math.round(s.elapsedMs)],
    ],
    ...(s.message !== undefined ? { notes: [s.message] } : {}),
  };
}
