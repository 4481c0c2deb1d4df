import type { CompiledEconomy } from '../compile/types.js';
import { inputError } from '../model/errors.js';
import { chooseSolver } from '../optimize/choose-solver.js';
import { findBottlenecks } from '../optimize/find-bottlenecks.js';
import { formulatePlan } from '../optimize/formulate.js';
import type { LinearProgram, LpSolution, LpSolver } from '../optimize/lp-types.js';
import type { FormulatedPlan, PlanObjective, PlanObjectiveKind, PlanResult, PlanStage } from '../optimize/plan-types.js';
import { readPlanSolution } from '../optimize/read-plan-solution.js';
import { resolveObjective } from '../optimize/resolve-objective.js';
import { DEFAULT_TIER_TOLERANCE } from '../optimize/solve-plan.js';
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
  const from = c.periods.index.get(options.fromPeriod);
  if (from === undefined) throw inputError('unknown-id', `unknown period "${options.fromPeriod}"`, { path: ['fromPeriod'] }, options.fromPeriod);
  const actuals = options.actuals;
  if (actuals.length < from * nT) throw inputError('invalid-length', `actuals must give the activity of ${nT} techniques for each of the ${from} periods before ${options.fromPeriod}`, { path: ['actuals'] }, actuals.length);
  for (let k = 0; k < from * nT; k++) {
    const v = actuals[k];
    if (!(Number.isFinite(v) && v >= 0)) throw inputError('invalid-amount', `actual activity of "${c.techniques.ids[k % nT]}" in ${c.periods.ids[Math.floor(k / nT)]} must be a finite number ≥ 0`, { path: ['actuals', k] }, v);
  }
  const objective = resolveObjective(c, options.objective);
  const base = formulatePlan(c, objective);
  const formulated = fixPast(base, actuals, from);
  const { lp, index: ix } = formulated;
  const t1 = performance.now();
  const solver = await chooseSolver(options.solver ?? 'auto', nnz(lp.A));
  const t2 = performance.now();

  const stageTiers: number[] = [];
  if (objective.kind === 'maxmin') {
    for (let s = 0; s < ix.tiers.length; s++) if (lp.colLower[ix.lambdaStart + s] !== lp.colUpper[ix.lambdaStart + s]) stageTiers.push(s);
  }
  const nStages = Math.max(1, stageTiers.length);
  const lambda = new Float64Array(ix.tiers.length).fill(NaN);
  for (let s = 0; s < ix.tiers.length; s++) if (ix.lambdaStart >= 0 && lp.colLower[ix.lambdaStart + s] === lp.colUpper[ix.lambdaStart + s]) lambda[s] = lp.colLower[ix.lambdaStart + s];
  const tol = objective.tierTolerance ?? DEFAULT_TIER_TOLERANCE;
  const colLower = Float64Array.from(lp.colLower);
  const stages: PlanStage[] = [];
  const stagesMs: number[] = [];
  let current: LinearProgram = lp;
  let solution: LpSolution | undefined;
  for (let k = 0; k < nStages; k++) {
    const s = stageTiers[k];
    if (s !== undefined) {
      const cost = new Float64Array(lp.c.length);
      cost[ix.lambdaStart + s] = 1;
      current = { ...lp, c: cost, colLower: Float64Array.from(colLower) };
    }
    const left = options.timeLimit === undefined ? undefined : Math.max(0.001, options.timeLimit - (performance.now() - t0) / 1000);
    const started = performance.now();
    solution = await solver.solve(current, { ...(options.gap === undefined ? {} : { gap: options.gap }), ...(left === undefined ? {} : { timeLimit: left }) });
    stagesMs.push(performance.now() - started);
    stages.push({ priority: s === undefined ? null : ix.tiers[s], status: solution.status, objective: solution.objective, iterations: solution.iterations, elapsedMs: solution.elapsedMs, solver: solution.solver });
    if (solution.status !== 'optimal') break;
    if (s !== undefined) {
      const v = solution.x[ix.lambdaStart + s];
      lambda[s] = v;
      const cap = lp.colUpper[ix.lambdaStart + s];
      colLower[ix.lambdaStart + s] = v >= cap * (1 - 1e-9) ? cap : Math.max(0, v - tol * Math.max(1, Math.abs(v)));
    }
  }
  if (solution === undefined) throw new Error('replan: no stage was run');
  const t3 = performance.now();
  const last: FormulatedPlan = { ...formulated, lp: current };
  const q = readPlanSolution(c, last, solution);
  const optimal = solution.status === 'optimal';
  const lastTier = objective.kind === 'maxmin' && stages.length > 0 && stages[stages.length - 1].priority !== null ? ix.tiers.indexOf(stages[stages.length - 1].priority ?? 0) : -1;
  const seen = new Set<number>();
  let sum = 0;
  for (let g = 0; g < ix.deliveryTarget.length; g++) {
    if (lastTier >= 0 && ix.deliveryTier[g] !== lastTier) continue;
    const key = ix.deliveryPeriod[g] * ix.items + c.targets.item[ix.deliveryTarget[g]];
    if (seen.has(key)) continue;
    seen.add(key);
    sum += q.valuation[key];
  }
  const fromId = c.periods.ids[from];
  const pastIds = new Set(c.periods.ids.slice(0, from));
  const bottlenecks = optimal
    ? findBottlenecks(c, last, solution, { resourcePrice: q.resourcePrice, available: q.available, reducedCost: q.reducedCost, objectiveValue: solution.objective }).filter((b) => !pastIds.has(b.period))
    : [];
  const t4 = performance.now();
  return {
    economy: c,
    objective,
    status: solution.status,
    ...(solution.message === undefined ? {} : { message: solution.message }),
    objectiveValue: solution.objective,
    solver: solution.solver,
    stages,
    lambda,
    ...q,
    normalisation: optimal && sum > 1e-12 ? 1 / sum : null,
    bottlenecks,
    primalResidual: solution.primalResidual,
    dualResidual: solution.dualResidual,
    relativeGap: solution.relativeGap,
    formulated: last,
    solution,
    fromPeriod: fromId,
    fixedPeriods: from,
    timing: { formulateMs: t1 - t0, solverMs: t2 - t1, stagesMs, readMs: t4 - t3, totalMs: t4 - t0 },
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
