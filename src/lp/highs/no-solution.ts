import type { LinearProgram, LpSolution, LpStatus } from '../lp-types.js';

/** A solve of `lp` that gave no point: every number NaN (never printed as a result), with its status and one sentence. */
export function noSolution(lp: LinearProgram, solver: string, status: LpStatus, message: string, elapsedMs: number): LpSolution {
  const n = lp.A.cols;
  const m = lp.A.rows;
  return {
    status,
    objective: Number.NaN,
    x: new Float64Array(n).fill(Number.NaN),
    rowActivity: new Float64Array(m).fill(Number.NaN),
    rowDual: new Float64Array(m).fill(Number.NaN),
    colDual: new Float64Array(n).fill(Number.NaN),
    primalResidual: Number.NaN,
    dualResidual: Number.NaN,
    relativeGap: Number.NaN,
    iterations: 0,
    elapsedMs,
    solver,
    message,
  };
}
