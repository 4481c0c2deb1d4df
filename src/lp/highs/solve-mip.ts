import { checkSolution } from '../check-solution.js';
import { noSolution } from './no-solution.js';
import type { LinearProgram, LpSolution, LpSolveOptions, LpStatus, MipReport } from '../lp-types.js';
import type { HighsDoneMessage, HighsLpData } from './protocol.js';
import { statusFromHighs } from './status-from-highs.js';

/** Default relative gap at which a mixed-integer search stops as optimal (HiGHS's own default). */
export const DEFAULT_MIP_GAP = 1e-4;

/** What running one request on a HiGHS worker gave: its answer, or a sentence why there is none. */
export type MipRun = { readonly kind: 'done'; readonly msg: HighsDoneMessage } | { readonly kind: 'stopped'; readonly status: LpStatus; readonly message: string };

export interface MipSteps {
  /** Runs the MIP (as a minimisation, with integrality) on a worker. */
  readonly run: (data: HighsLpData, mipGap: number, timeLimit: number | undefined) => Promise<MipRun>;
  /** Solves a linear program (the one with the integer variables fixed) for its duals. */
  readonly solveLp: (lp: LinearProgram, options: LpSolveOptions) => Promise<LpSolution>;
  /** The LP as HiGHS takes it (a minimisation). */
  readonly toData: (lp: LinearProgram) => HighsLpData;
}

/**
 * A mixed-integer program solved by HiGHS's branch and bound, then the LP with every integer
 * variable fixed at its (rounded) value in the solution, solved by simplex for the duals: a MIP
 * has none of its own, and these are the valuations of the continuous decisions given the whole
 * ones. The solution read is that LP's (its objective is at least the incumbent's; the continuous
 * variables may be re-optimised). Status: 'optimal' (within the requested gap), 'time-limit'
 * (with the best solution found and its gap, or with none), 'infeasible'; never optimal past the
 * time limit.
 */
export async function solveMip(lp: LinearProgram, options: LpSolveOptions, steps: MipSteps, started: number): Promise<LpSolution> {
  const mipGap = options.mipGap ?? DEFAULT_MIP_GAP;
  const integrality = lp.integrality ?? new Uint8Array(lp.c.length);
  const data = { ...steps.toData(lp), integrality: Int32Array.from(integrality) };
  const outcome = await steps.run(data, mipGap, options.timeLimit);
  const elapsed = (): number => performance.now() - started;
  if (outcome.kind === 'stopped') return noSolution(lp, 'highs-mip', outcome.status, outcome.message, elapsed());
  const msg = outcome.msg;
  const status = statusFromHighs(msg.modelStatus);
  const max = lp.sense === 'max';
  const bound = msg.mip === undefined ? Number.NaN : (max ? -msg.mip.bound : msg.mip.bound) + 0;
  const nodes = msg.mip?.nodes ?? 0;
  if ((status !== 'optimal' && status !== 'time-limit') || !msg.hasPrimal) {
    const message =
      status === 'time-limit'
        ? 'the time limit was reached before any solution in whole units was found'
        : status === 'infeasible'
          ? 'no solution in whole units satisfies the constraints'
          : `HiGHS's branch and bound stopped with model status ${msg.modelStatus}`;
    return noSolution(lp, 'highs-mip', status === 'optimal' ? 'error' : status, message, elapsed());
  }
  // The LP with the integer variables fixed at their values, for its duals.
  const colLower = Float64Array.from(lp.colLower);
  const colUpper = Float64Array.from(lp.colUpper);
  for (let j = 0; j < integrality.length; j++) {
    if (integrality[j] === 0) continue;
    const v = Math.min(lp.colUpper[j], Math.max(lp.colLower[j], Math.round(msg.x[j])));
    colLower[j] = colUpper[j] = v;
  }
  const fixedLp: LinearProgram = { ...lp, colLower, colUpper, integrality: new Uint8Array(integrality.length) };
  const left = options.timeLimit === undefined ? undefined : Math.max(1, options.timeLimit - elapsed() / 1000);
  const fixed = await steps.solveLp(fixedLp, { method: 'simplex', ...(left === undefined ? {} : { timeLimit: left }), ...(options.signal === undefined ? {} : { signal: options.signal }) });
  const report = (objective: number, duals: MipReport['duals']): MipReport => ({
    gap: Number.isFinite(bound) ? Math.abs(bound - objective) / Math.max(1, Math.abs(objective)) : Infinity,
    bound,
    nodes,
    requestedGap: mipGap,
    duals,
  });
  if (fixed.status === 'optimal') {
    return { ...fixed, status, relativeGap: report(fixed.objective, 'integers-fixed').gap, elapsedMs: elapsed(), solver: 'highs-mip', mip: report(fixed.objective, 'integers-fixed') };
  }
  // The fixed LP did not solve (numerically): the MIP's own point, without duals.
  const n = lp.c.length;
  const check = checkSolution(lp, msg.x, new Float64Array(lp.rowLower.length), new Float64Array(n));
  const mip = report(check.primalObjective, 'none');
  return {
    status,
    objective: check.primalObjective,
    x: msg.x,
    rowActivity: msg.rowActivity,
    rowDual: new Float64Array(lp.rowLower.length).fill(Number.NaN),
    colDual: new Float64Array(n).fill(Number.NaN),
    primalResidual: check.primalResidual,
    dualResidual: Number.NaN,
    relativeGap: mip.gap,
    iterations: msg.iterations,
    elapsedMs: elapsed(),
    solver: 'highs-mip',
    message: `the LP with the whole-unit decisions fixed did not solve (${fixed.status}): no valuations`,
    mip,
  };
}
