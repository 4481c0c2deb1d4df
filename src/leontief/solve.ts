import {
  checkProductive,
  solveLeontief,
  solveLeontiefColumns,
  solveLeontiefColumnStream,
  solveLeontiefTransposed,
} from '../sparse/index.js';
import type { Location } from '../model/errors.js';
import type { CsrMatrix } from '../sparse/csr.js';
import type { ColumnSource, SolveOptions } from '../sparse/index.js';
import { resultOverflow } from './result-overflow.js';
import { DEFAULT_TOLERANCE, type IoSystem, type LeontiefOptions, type LeontiefStatus, type SolveLabel, type SolveReport, type SpectralBounds } from './types.js';

/** The items of a system, for the label of its solves. */
export function itemLabel(s: IoSystem): { items?: readonly string[]; itemLocation?: (item: number) => Location } {
  return { ...(s.items !== undefined ? { items: s.items.ids } : {}), ...(s.itemLocation !== undefined ? { itemLocation: s.itemLocation } : {}) };
}

/** Solutions of several systems with one matrix, and how the solves went. */
export interface MultiSolve extends SolveReport {
  readonly x: Float64Array[];
}

const severity: Record<LeontiefStatus, number> = { converged: 0, 'max-iterations': 1, breakdown: 2, 'not-productive': 3 };

/** The worse of two statuses. */
export function worseStatus(a: LeontiefStatus, b: LeontiefStatus): LeontiefStatus {
  return severity[b] > severity[a] ? b : a;
}

/** Proved spectral-radius bounds of A (for the diagnosis of a solve that did not succeed). */
export function spectralBounds(A: CsrMatrix): SpectralBounds {
  const r = checkProductive(A);
  return { lower: r.spectralRadius.lower, upper: r.spectralRadius.upper };
}

function isZero(b: Float64Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] !== 0) return false;
  return true;
}

/**
 * Solves (I − A) x = b (`transposed` false) or x (I − A) = b (`transposed` true) for each
 * right-hand side; several go to the multi-right-hand-side solver in blocks (A read once per
 * iteration for a block; `iterations` is the most any block took). A zero right-hand side has the zero solution.
 *
 * No number of a solve that did not succeed is returned: when the status is not 'converged'
 * (not productive, did not converge, breakdown) every solution is NaN and the spectral-radius
 * bounds of A are attached for the diagnosis. A converged solution with an entry beyond the
 * magnitude rule (1e30) is an InputError naming the item and the quantity (`label`).
 * `starts` optionally gives a starting point per right-hand side (undefined: zero).
 */
export function solveMany(
  A: CsrMatrix,
  rhs: readonly Float64Array[],
  transposed: boolean,
  opts: LeontiefOptions = {},
  label: SolveLabel = { quantity: 'the solution', key: 'x' },
  starts?: readonly (Float64Array | undefined)[],
): MultiSolve {
  const n = A.rows;
  const solverOpts: SolveOptions = {
    tolerance: opts.tolerance ?? DEFAULT_TOLERANCE,
    ...(opts.maxIterations !== undefined ? { maxIterations: opts.maxIterations } : {}),
    ...(opts.onProgress !== undefined ? { onProgress: opts.onProgress } : {}),
  };
  const x: Float64Array[] = rhs.map(() => new Float64Array(n));
  const todo: number[] = [];
  rhs.forEach((b, q) => {
    if (!isZero(b)) todo.push(q);
  });
  let status: LeontiefStatus = 'converged';
  let iterations = 0;
  let relativeResidual = 0;
  if (todo.length === 1) {
    const b = rhs[todo[0]];
    const x0 = starts?.[todo[0]];
    const one = x0 === undefined ? solverOpts : { ...solverOpts, x0 };
    const r = transposed ? solveLeontiefTransposed(A, b, one) : solveLeontief(A, b, one);
    status = r.status;
    iterations = r.iterations;
    relativeResidual = r.relativeResidual;
    x[todo[0]] = r.x;
  } else if (todo.length > 1) {
    const r = solveLeontiefColumns(
      A,
      todo.map((q) => rhs[q]),
      transposed,
      solverOpts,
      starts === undefined ? undefined : todo.map((q) => starts[q]),
    );
    status = r.status;
    iterations = r.iterations;
    relativeResidual = r.relativeResidual;
    todo.forEach((q, t) => {
      x[q] = r.x[t];
    });
  }
  if (status !== 'converged') {
    for (const v of x) v.fill(Number.NaN);
    return { status, x, iterations, relativeResidual, spectralRadius: spectralBounds(A) };
  }
  resultOverflow(x, label);
  return { status, x, iterations, relativeResidual };
}

/** One right-hand side: (I − A) x = b or x (I − A) = b. */
export function solveOne(A: CsrMatrix, b: Float64Array, transposed: boolean, opts: LeontiefOptions = {}, label?: SolveLabel): SolveReport & { readonly x: Float64Array } {
  const r = solveMany(A, [b], transposed, opts, label);
  const base = { status: r.status, iterations: r.iterations, relativeResidual: r.relativeResidual, x: r.x[0] };
  return r.spectralRadius === undefined ? base : { ...base, spectralRadius: r.spectralRadius };
}

/**
 * solveMany for right-hand sides handed out one at a time (solveLeontiefColumnStream: one product
 * for the whole stream, and no more than a block of them held at once): each solution goes to
 * `source.take` once its block converged and was checked against the magnitude rule (`label`).
 * When the status is not 'converged' the caller must discard what it took (no solution of the
 * failed block or later ones is handed out) and the spectral-radius bounds of A are attached.
 */
export function solveStream(A: CsrMatrix, source: ColumnSource, transposed: boolean, opts: LeontiefOptions = {}, label: SolveLabel = { quantity: 'the solution', key: 'x' }): SolveReport {
  const solverOpts: SolveOptions = {
    tolerance: opts.tolerance ?? DEFAULT_TOLERANCE,
    ...(opts.maxIterations !== undefined ? { maxIterations: opts.maxIterations } : {}),
    ...(opts.onProgress !== undefined ? { onProgress: opts.onProgress } : {}),
  };
  const checked: ColumnSource = {
    ...source,
    take: (i, x) => {
      resultOverflow([x], label);
      source.take(i, x);
    },
  };
  const r = solveLeontiefColumnStream(A, checked, transposed, solverOpts);
  const report = { status: r.status, iterations: r.iterations, relativeResidual: r.relativeResidual };
  return r.status === 'converged' ? report : { ...report, spectralRadius: spectralBounds(A) };
}
