import type { CompiledEconomy } from '../compile/types.js';
import { inputError } from '../model/errors.js';
import { periodOption } from './period-option.js';
import { chooseSolver } from '../optimize/choose-solver.js';
import { formulatePlan } from '../optimize/formulate.js';
import type { LpSolver } from '../optimize/lp-types.js';
import type { FormulatedPlan, PlanObjective, PlanObjectiveKind, PlanResult } from '../optimize/plan-types.js';
import { resolveObjective } from '../optimize/resolve-objective.js';
import { solveFormulatedPlan } from '../optimize/solve-plan.js';
import { nnz } from '../sparse/csr.js';

export interface ReplanOptions {
  readonly objective?: PlanObjectiveKind | PlanObjective;
  readonly solver?: LpSolver | 'auto' | 'highs' | 'pdhg';
  /** The first period re-optimised (an id); the ones before it are fixed. */
  readonly fromPeriod: string;
  /**
   * Activity per technique and period (period-major) for at least the periods before `fromPeriod`:
   * reported where reported, planned where not (actualActivity gives exactly that).
   */
  readonly actuals: ArrayLike<number>;
  readonly gap?: number;
  /** Seconds for all stages together. */
  readonly timeLimit?: number;
}

/** Where the time of a re-plan went, in milliseconds. */
export interface ReplanTiming {
  readonly formulateMs: number;
  /** Choosing the backend (for HiGHS, loading the module; its worker starts on the first solve). */
  readonly solverMs: number;
  /** Per stage, as measured around the backend's solve (worker start-up and data transfer included). */
  readonly stagesMs: readonly number[];
  /** Reading the solution, valuations and bottlenecks. */
  readonly readMs: number;
  readonly totalMs: number;
}

export interface ReplanResult extends PlanResult {
  readonly fromPeriod: string;
  /** Number of periods fixed (those before fromPeriod). */
  readonly fixedPeriods: number;
  readonly timing: ReplanTiming;
}

/**
 * Re-plans the remaining periods from what really happened. The plan's LP is formulated as for
 * solvePlan, then for every period before `fromPeriod`:
 *
 * - each technique's activity is fixed to its actual level (lower = upper bound; its capacity no
 *   longer applies: the past happened);
 * - a resource limit the actual activity already exceeds (or meets within 10⁻⁶) is raised to that
 *   use plus 10⁻⁶ relative, so the past cannot make the plan infeasible (its trade may then not
 *   add to the overrun);
 * - a balance the actual activity leaves short (more used than made and held) is taken as it was:
 *   its lower bound drops to what the fixed activity gives (less 10⁻⁶ relative);
 * - mincost only: the past's deliveries may fall short of their targets (lower bound 0).
 *
 * Everything else, including the past's trade, stocks and deliveries, stays free within the
 * balances, and the whole LP is solved with the same objective and the same staging as solvePlan
 * (maxmin: tier by tier). Investment made in the past counts in later periods' limits as usual.
 * Bottlenecks are those of the re-optimised periods. Hard outcomes are a status, never thrown; bad
 * options (unknown period, actuals of the wrong length, negative or non-finite) throw InputError.
 */
export async function replan(c: CompiledEconomy, options: ReplanOptions): Promise<ReplanResult> {
  const t0 = performance.now();
  const nT = c.techniques.ids.length;
  const from = periodOption(c, options.fromPeriod, 'fromPeriod');
  const actuals = options.actuals;
  if (actuals.length < from * nT) throw inputError('invalid-length', `actuals must give the activity of ${nT} techniques for each of the ${from} periods before ${options.fromPeriod}`, { path: ['actuals'] }, actuals.length);
  for (let k = 0; k < from * nT; k++) {
    const v = actuals[k];
    if (!(Number.isFinite(v) && v >= 0)) throw inputError('invalid-amount', `actual activity of "${c.techniques.ids[k % nT]}" in ${c.periods.ids[Math.floor(k / nT)]} must be a finite number ≥ 0`, { path: ['actuals', k] }, v);
  }
  const objective = resolveObjective(c, options.objective);
  const formulated = fixPast(formulatePlan(c, objective), actuals, from);
  const t1 = performance.now();
  const solver = await chooseSolver(options.solver ?? 'auto', nnz(formulated.lp.A));
  const t2 = performance.now();
  const r = await solveFormulatedPlan(c, formulated, objective, {
    solver,
    diagnose: false,
    ...(options.gap === undefined ? {} : { gap: options.gap }),
    ...(options.timeLimit === undefined ? {} : { timeLimit: options.timeLimit }),
  });
  const t4 = performance.now();
  // Bottlenecks are those of the re-optimised periods: the past is fixed, its limits bind by fiat.
  const pastIds = new Set(c.periods.ids.slice(0, from));
  const stagesMs = r.stages.map((s) => s.wallMs);
  const solvesMs = stagesMs.reduce((a, b) => a + b, 0);
  return {
    ...r,
    bottlenecks: r.bottlenecks.filter((b) => !pastIds.has(b.period)),
    fromPeriod: c.periods.ids[from],
    fixedPeriods: from,
    timing: { formulateMs: t1 - t0, solverMs: t2 - t1, stagesMs, readMs: Math.max(0, t4 - t2 - solvesMs), totalMs: t4 - t0 },
  };
}

/**
 * Relative room given to a past row that the fixed activity meets only just or not at all: without
 * it HiGHS's presolve, summing the fixed columns in its own order, can find such a row a rounding
 * error short and call the re-plan infeasible.
 */
const SLACK = 1e-6;

/** The plan's LP with the periods before `from` fixed to the actuals (see replan). */
export function fixPast(f: FormulatedPlan, actuals: ArrayLike<number>, from: number): FormulatedPlan {
  const { lp, index: ix } = f;
  const nT = ix.techniques;
  const colLower = Float64Array.from(lp.colLower);
  const colUpper = Float64Array.from(lp.colUpper);
  const fixed = new Uint8Array(lp.c.length);
  for (let k = 0; k < from * nT; k++) {
    const col = ix.activityStart + k;
    colLower[col] = colUpper[col] = actuals[k];
    fixed[col] = 1;
  }
  if (lp.sense === 'min') {
    for (let g = 0; g < ix.deliveryTarget.length; g++) if (ix.deliveryPeriod[g] < from) colLower[ix.deliveryStart + g] = 0;
  }
  const rowLower = Float64Array.from(lp.rowLower);
  const rowUpper = Float64Array.from(lp.rowUpper);
  const { rowPtr, colIdx, values } = lp.A;
  const fixedPart = (row: number): number => {
    let s = 0;
    for (let p = rowPtr[row]; p < rowPtr[row + 1]; p++) if (fixed[colIdx[p]] === 1) s += values[p] * colLower[colIdx[p]];
    return s;
  };
  for (let t = 0; t < from; t++) {
    for (let i = 0; i < ix.items; i++) {
      const row = ix.balanceStart + t * ix.items + i;
      const v = fixedPart(row) - SLACK * (1 + Math.abs(rowLower[row]));
      if (v < rowLower[row]) rowLower[row] = v;
    }
    for (let r = 0; r < ix.resources; r++) {
      const row = ix.resourceRow[t * ix.resources + r];
      if (row < 0) continue;
      const v = fixedPart(row) + SLACK * (1 + Math.abs(rowUpper[row]));
      if (v > rowUpper[row]) rowUpper[row] = v;
    }
  }
  return { lp: { ...lp, colLower, colUpper, rowLower, rowUpper }, index: ix };
}
