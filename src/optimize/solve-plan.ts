import type { CompiledEconomy } from '../compile/types.js';
import { nnz } from '../sparse/csr.js';
import { checkPlanNumbers } from './check-plan-numbers.js';
import { chooseSolver } from './choose-solver.js';
import { diagnoseInfeasible } from './diagnose-infeasible.js';
import { findBottlenecks } from './find-bottlenecks.js';
import { formulatePlan } from './formulate.js';
import type { LinearProgram, LpSolution, LpSolver } from './lp-types.js';
import type { FormulatedPlan, PlanObjective, PlanResult, PlanStage, SolvePlanOptions } from './plan-types.js';
import { readPlanSolution } from './read-plan-solution.js';
import { resolveObjective } from './resolve-objective.js';

/** Default relative tolerance by which an earlier tier's λ is relaxed when later tiers are solved. */
export const DEFAULT_TIER_TOLERANCE = 1e-7;

/**
 * The optimal plan of a compiled economy. Formulates the LP (formulatePlan), solves it with the
 * chosen backend (maxmin: one stage per priority tier, lexicographically: tier 1 as far as it
 * goes, then tier 2 with tier 1 held at its optimum less `tierTolerance`, …), and reads off the
 * plan, its valuations, the bottlenecks and, for an infeasible plan, a diagnosis. Hard outcomes
 * (infeasible, unbounded, time limit) are a `status`, never thrown; bad options throw InputError.
 */
export async function solvePlan(c: CompiledEconomy, options: SolvePlanOptions = {}): Promise<PlanResult> {
  const objective = resolveObjective(c, options.objective);
  return solveFormulatedPlan(c, formulatePlan(c, objective), objective, options);
}

/**
 * The stages, read-out, bottlenecks and diagnosis of solvePlan for a plan already formulated (and
 * possibly changed: re-planning fixes the past's columns before solving).
 */
export async function solveFormulatedPlan(c: CompiledEconomy, formulated: FormulatedPlan, objective: PlanObjective, options: SolvePlanOptions = {}): Promise<PlanResult> {
  const { lp, index: ix } = formulated;
  checkPlanNumbers(c, formulated);
  const solver = await chooseSolver(options.solver ?? 'auto', nnz(lp.A));
  const started = Date.now();
  const remaining = (): number | undefined => (options.timeLimit === undefined ? undefined : Math.max(0.001, options.timeLimit - (Date.now() - started) / 1000));

  // Stages: maxmin solves one LP per tier whose λ is not fixed; every other objective one LP.
  const stageTiers: number[] = [];
  if (objective.kind === 'maxmin') {
    for (let s = 0; s < ix.tiers.length; s++) if (lp.colLower[ix.lambdaStart + s] !== lp.colUpper[ix.lambdaStart + s]) stageTiers.push(s);
  }
  const nStages = Math.max(1, stageTiers.length);
  const lambda = new Float64Array(ix.tiers.length).fill(NaN);
  for (let s = 0; s < ix.tiers.length; s++) if (ix.lambdaStart >= 0 && lp.colLower[ix.lambdaStart + s] === lp.colUpper[ix.lambdaStart + s]) lambda[s] = lp.colLower[ix.lambdaStart + s];
  const stages: PlanStage[] = [];
  const tol = objective.tierTolerance ?? DEFAULT_TIER_TOLERANCE;
  const colLower = Float64Array.from(lp.colLower);
  let current: LinearProgram = lp;
  let solution: LpSolution | undefined;
  for (let k = 0; k < nStages; k++) {
    const s = stageTiers[k];
    if (s !== undefined) {
      const cost = new Float64Array(lp.c.length);
      cost[ix.lambdaStart + s] = 1;
      current = { ...lp, c: cost, colLower: Float64Array.from(colLower) };
    }
    const t = remaining();
    const wallStart = performance.now();
    solution = await runStage(solver, current, options, k, nStages, t);
    stages.push({
      priority: s === undefined ? null : ix.tiers[s],
      status: solution.status,
      objective: solution.objective,
      iterations: solution.iterations,
      elapsedMs: solution.elapsedMs,
      wallMs: performance.now() - wallStart,
      solver: solution.solver,
    });
    if (solution.status !== 'optimal') break;
    if (s !== undefined) {
      const v = solution.x[ix.lambdaStart + s];
      lambda[s] = v;
      // A tier at its cap is held there exactly (the cap is a bound, so that is feasible and the
      // plan then delivers its targets in full); otherwise at its optimum less the tolerance.
      const cap = lp.colUpper[ix.lambdaStart + s];
      colLower[ix.lambdaStart + s] = v >= cap * (1 - 1e-9) ? cap : Math.max(0, v - tol * Math.max(1, Math.abs(v)));
    }
  }
  if (solution === undefined) throw new Error('solvePlan: no stage was run');
  return planResult(c, formulated, { ...formulated, lp: current }, solution, stages, lambda, objective, options);
}

async function runStage(solver: LpSolver, lp: LinearProgram, options: SolvePlanOptions, stage: number, stages: number, timeLimit: number | undefined): Promise<LpSolution> {
  const onProgress = options.onProgress;
  return solver.solve(lp, {
    ...(options.gap === undefined ? {} : { gap: options.gap }),
    ...(timeLimit === undefined ? {} : { timeLimit }),
    ...(onProgress === undefined ? {} : { onProgress: (i) => onProgress({ stage, stages, iteration: i.iteration, ...(i.text === undefined ? {} : { text: i.text }) }) }),
  });
}

async function planResult(
  c: CompiledEconomy,
  original: FormulatedPlan,
  last: FormulatedPlan,
  solution: LpSolution,
  stages: readonly PlanStage[],
  lambda: Float64Array,
  objective: PlanResult['objective'],
  options: SolvePlanOptions,
): Promise<PlanResult> {
  const q = readPlanSolution(c, last, solution);
  const ix = last.index;
  const optimal = solution.status === 'optimal';
  // Normalise by the valuations of the target items of the last tier solved (all tiers otherwise).
  const lastTier = objective.kind === 'maxmin' && stages.length > 0 && stages[stages.length - 1].priority !== null ? ix.tiers.indexOf(stages[stages.length - 1].priority ?? 0) : -1;
  const seen = new Set<number>();
  let sum = 0;
  for (let g = 0; g < ix.deliveryTarget.length; g++) {
    if (lastTier >= 0 && ix.deliveryTier[g] !== lastTier) continue;
    const k = ix.deliveryPeriod[g] * ix.items + c.targets.item[ix.deliveryTarget[g]];
    if (seen.has(k)) continue;
    seen.add(k);
    sum += q.valuation[k];
  }
  const objectiveValue = solution.objective;
  const bottlenecks = optimal ? findBottlenecks(c, last, solution, { resourcePrice: q.resourcePrice, available: q.available, reducedCost: q.reducedCost, objectiveValue }) : [];
  const infeasible = solution.status === 'infeasible' || solution.status === 'infeasible-or-unbounded';
  const diagnosis = infeasible && options.diagnose !== false ? await diagnoseInfeasible(c, original, options) : undefined;
  return {
    economy: c,
    objective,
    status: solution.status,
    ...(solution.message === undefined ? {} : { message: solution.message }),
    objectiveValue,
    solver: solution.solver,
    stages,
    lambda,
    ...q,
    normalisation: optimal && sum > 1e-12 ? 1 / sum : null,
    bottlenecks,
    primalResidual: solution.primalResidual,
    dualResidual: solution.dualResidual,
    relativeGap: solution.relativeGap,
    ...(diagnosis === undefined ? {} : { diagnosis }),
    formulated: last,
    solution,
  };
}
