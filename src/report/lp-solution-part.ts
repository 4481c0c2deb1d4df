import type { LinearProgram, LpSolution } from '../lp/lp-types.js';
import { lpFailure } from './lp-failure.js';
import type { Table } from './table.js';

function shortNumber(v: number): string {
  return Number.isFinite(v) ? v.toExponential(2) : String(v);
}

/** What `plenty lp solve` prints: a headline, tables and a JSON document. */
export interface LpSolutionPart {
  readonly header: readonly string[];
  readonly tables: readonly Table[];
  readonly json: unknown;
}

/**
 * The report of solution `s` of `lp` read from `file` (`plenty lp solve`): the LP's size, and its
 * status, objective, effort and residuals (every variable and constraint too with `all`); a solve
 * that did not end optimal (lpFailure) gives its status and effort only, no numbers.
 */
export function lpSolutionPart(file: string, lp: LinearProgram, s: LpSolution, all: boolean): LpSolutionPart {
  const nonZeros = lp.A.rowPtr[lp.A.rows];
  const described = `${lp.A.rows} constraints, ${lp.A.cols} variables, ${nonZeros} non-zeros, ${lp.sense === 'max' ? 'maximise' : 'minimise'}`;
  const header = [`${file}: linear program${lp.name !== undefined ? ` “${lp.name}”` : ''}, ${described}.`];
  const about = { file, name: lp.name ?? null, sense: lp.sense, constraints: lp.A.rows, variables: lp.A.cols, nonZeros };
  if (lpFailure(s) !== undefined) return { header, tables: [failedSummary(s)], json: { ...about, status: s.status, solver: s.solver, iterations: s.iterations, elapsedMs: s.elapsedMs, message: s.message ?? null } };

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
