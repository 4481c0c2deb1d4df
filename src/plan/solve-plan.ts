import type { CompiledEconomy } from '../compile/types.js';
import { nnz } from '../sparse/csr.js';
import { checkPlanNumbers } from './check-plan-numbers.js';
import { chooseSolver } from '../lp/choose-solver.js';
import { diagnoseInfeasible } from './diagnose-infeasible.js';
import { diagnoseUnbounded } from './diagnose-unbounded.js';
import { findBottlenecks } from './find-bottlenecks.js';
import { withPeriods } from './default-periods.js';
import { hasIntegers } from '../lp/lp-types.js';
import type { LinearProgram, LpSolution, LpSolver } from '../lp/lp-types.js';
import { inputError } from '../model/errors.js';
import { hasPlantDecisions, plantsBuilt } from './plants-built.js';
import type { FormulatedPlan, PlanMip, PlanObjective, PlanResult, PlanStage, SolvePlanOptions } from './plan-types.js';
import { readPlanSolution } from './read-plan-solution.js';
import { resolveObjective } from './resolve-objective.js';
import { solveTier, type RunStage, type TierOutcome } from './solve-tier.js';

/** Default relative tolerance by which an earlier tier's λ is relaxed when later tiers are solved. */
export const DEFAULT_TIER_TOLERANCE = 1e-7;

/** Least relative tolerance by which a tier's level is held when the plan has whole-plant decisions. */
export const MIP_TIER_TOLERANCE = 1e-5;

/**
 * Least relative rise above a round's level by which a period counts as able to rise (leximin);
 * it is at least 10 × the tier tolerance and 10 × the gap asked of the solver.
 */
export const MIN_RISE = 1e-6;

/**
 * The optimal plan of a compiled economy. Formulates the LP (formulatePlan), solves it with the
 * chosen backend (maxmin: tier by tier, lexicographically: tier 1 as far as it goes, then tier 2
 * with tier 1 held at what it reached less `tierTolerance`, …; within a tier, leximin over its
 * periods unless the objective says periods: 'common', see solveTier), and reads off the plan,
 * its valuations, the bottlenecks and, for an infeasible plan, a diagnosis. Hard outcomes
 * (infeasible, unbounded, time limit) are a `status`, never thrown; bad options throw InputError.
 */
export async function solvePlan(c: CompiledEconomy, options: SolvePlanOptions = {}): Promise<PlanResult> {
  const { objective, formulated } = withPeriods(c, resolveObjective(c, options.objective), options.solver ?? 'auto');
  return solveFormulatedPlan(c, formulated, objective, options);
}

/**
 * The stages, read-out, bottlenecks and diagnosis of solvePlan for a plan already formulated (and
 * possibly changed: re-planning fixes the past's columns before solving).
 */
export async function solveFormulatedPlan(c: CompiledEconomy, given: FormulatedPlan, objective: PlanObjective, options: SolvePlanOptions = {}): Promise<PlanResult> {
  const integer = hasIntegers(given.lp);
  const formulated = integer && options.relaxIntegers === true ? { ...given, lp: { ...given.lp, integrality: new Uint8Array(given.lp.c.length) } } : given;
  const { lp, index: ix } = formulated;
  checkPlanNumbers(c, formulated);
  const solver = await chooseSolver(options.solver ?? 'auto', nnz(lp.A));
  if (integer && options.relaxIntegers !== true && solver.name === 'pdhg') {
    const why = options.solver === 'pdhg' ? '' : ' (the plan is too large for HiGHS, so PDHG was chosen)';
    throw inputError(
      'integer-model',
      `the model has whole-plant decisions (whole, min_lot or fixed_cost on a technique), and PDHG solves linear programs only${why}: solve with HiGHS (--solver highs), or ask for the LP relaxation (--relax-integers), whose plan may build fractions of plants`,
      { path: ['solver'] },
      solver.name,
    );
  }
  const started = Date.now();
  const remaining = (): number | undefined => (options.timeLimit === undefined ? undefined : Math.max(0.001, options.timeLimit - (Date.now() - started) / 1000));
  const nTiers = ix.tiers.length;

  // maxmin solves the tiers whose λ is not fixed, one after the other; every other objective one LP.
  const stageTiers: number[] = [];
  const lambda = new Float64Array(nTiers).fill(NaN);
  const levels = new Float64Array(ix.periods * nTiers).fill(NaN);
  if (objective.kind === 'maxmin') {
    for (let s = 0; s < nTiers; s++) {
      const col = ix.lambdaStart + s;
      if (lp.colLower[col] !== lp.colUpper[col]) stageTiers.push(s);
      else lambda[s] = lp.colLower[col];
    }
  }
  const nStages = Math.max(1, stageTiers.length);
  const stages: PlanStage[] = [];
  const runner =
    (stage: number, priority: number | null): RunStage =>
    async (stageLp, step, periods) => {
      const wallStart = performance.now();
      const solution = await runStage(solver, stageLp, options, stage, nStages, remaining());
      stages.push({
        priority,
        step,
        periods: priority === null ? null : periods.map((t) => c.periods.ids[t] ?? String(t + 1)),
        status: solution.status,
        objective: solution.objective,
        iterations: solution.iterations,
        elapsedMs: solution.elapsedMs,
        wallMs: performance.now() - wallStart,
        solver: solution.solver,
      });
      return solution;
    };

  let read: { lp: LinearProgram; solution: LpSolution };
  let duals: { lp: LinearProgram; solution: LpSolution } | undefined;
  if (stageTiers.length === 0) {
    read = { lp, solution: await runner(0, null)(lp, 'solve', []) };
  } else {
    const bounds = { colLower: Float64Array.from(lp.colLower), rowLower: Float64Array.from(lp.rowLower) };
    // Whole plants: a level reached is held a little looser (MIP_TIER_TOLERANCE): branch and bound
    // works to its integrality and feasibility tolerances, and a level held at 1e-7 below what one
    // configuration of plants reached was called infeasible by it in the 1930 example.
    const tol = Math.max(objective.tierTolerance ?? DEFAULT_TIER_TOLERANCE, hasIntegers(lp) ? MIP_TIER_TOLERANCE : 0);
    const rules = { tolerance: tol, rise: Math.max(MIN_RISE, 10 * tol, 10 * (options.gap ?? 0)) };
    let outcome: TierOutcome | undefined;
    for (let k = 0; k < stageTiers.length; k++) {
      const s = stageTiers[k];
      outcome = await solveTier(lp, ix, s, bounds, runner(k, ix.tiers[s]), rules);
      if (outcome.solution.status !== 'optimal') break;
      lambda[s] = outcome.lambda;
      for (let t = 0; t < ix.periods; t++) levels[t * nTiers + s] = outcome.levels[t];
    }
    if (outcome === undefined) throw new Error('solvePlan: no stage was run');
    read = outcome;
    duals = outcome.first;
  }
  const lastTier = stageTiers.length > 0 && read.solution.status === 'optimal' ? stageTiers[stageTiers.length - 1] : -1;
  const objectiveValue = lastTier >= 0 ? lambda[lastTier] : read.solution.objective;
  const dualsOf = duals !== undefined && duals.solution.status === 'optimal' ? { formulated: { ...formulated, lp: duals.lp }, solution: duals.solution } : undefined;
  return planResult(c, formulated, { ...formulated, lp: read.lp }, read.solution, { stages, lambda, levels, objectiveValue }, objective, options, dualsOf);
}

async function runStage(solver: LpSolver, lp: LinearProgram, options: SolvePlanOptions, stage: number, stages: number, timeLimit: number | undefined): Promise<LpSolution> {
  const onProgress = options.onProgress;
  return solver.solve(lp, {
    ...(options.gap === undefined ? {} : { gap: options.gap }),
    ...(options.mipGap === undefined ? {} : { mipGap: options.mipGap }),
    ...(timeLimit === undefined ? {} : { timeLimit }),
    ...(onProgress === undefined ? {} : { onProgress: (i) => onProgress({ stage, stages, iteration: i.iteration, ...(i.text === undefined ? {} : { text: i.text }) }) }),
  });
}

/** What the stages found: their records, λ and levels per tier, and the plan's objective value. */
interface StagesFound {
  readonly stages: readonly PlanStage[];
  readonly lambda: Float64Array;
  readonly levels: Float64Array;
  readonly objectiveValue: number;
}

async function planResult(
  c: CompiledEconomy,
  original: FormulatedPlan,
  last: FormulatedPlan,
  solution: LpSolution,
  found: StagesFound,
  objective: PlanResult['objective'],
  options: SolvePlanOptions,
  dualsOf?: { readonly formulated: FormulatedPlan; readonly solution: LpSolution },
): Promise<PlanResult> {
  const { stages, lambda, levels, objectiveValue } = found;
  // The plan is the last solution's; its valuations, resource prices, net values and bottlenecks
  // are those of the LP that set the objective value (maxmin: the last tier's λ, its first round),
  // for which the plan is optimal too, so that prices × limits add up to that objective.
  const primal = readPlanSolution(c, last, solution);
  const dual = dualsOf === undefined ? undefined : readPlanSolution(c, dualsOf.formulated, dualsOf.solution);
  const q = dual === undefined ? primal : { ...primal, valuation: dual.valuation, resourcePrice: dual.resourcePrice, reducedCost: dual.reducedCost };
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
  // The shares of the bottlenecks are of the objective of the LP whose duals they are.
  const priced = dualsOf ?? { formulated: last, solution };
  const bottlenecks = optimal ? findBottlenecks(c, priced.formulated, priced.solution, { resourcePrice: q.resourcePrice, available: q.available, reducedCost: q.reducedCost, objectiveValue: priced.solution.objective }) : [];
  const infeasible = solution.status === 'infeasible' || solution.status === 'infeasible-or-unbounded';
  const unbounded = solution.status === 'unbounded' && objective.kind === 'maxmin';
  const diagnosis =
    options.diagnose === false ? undefined : infeasible ? await diagnoseInfeasible(c, original, options) : unbounded ? diagnoseUnbounded(c, original.index, stages[stages.length - 1]?.priority ?? null) : undefined;
  const mip: PlanMip | undefined = !hasIntegers(original.lp)
    ? options.relaxIntegers === true && hasPlantDecisions(c)
      ? { method: 'relaxation', gap: Number.NaN, bound: Number.NaN, requestedGap: Number.NaN, nodes: 0, valuations: 'relaxation' }
      : undefined
    : solution.mip === undefined
      ? undefined
      : { method: 'branch-and-bound', gap: solution.mip.gap, bound: solution.mip.bound, requestedGap: solution.mip.requestedGap, nodes: solution.mip.nodes, valuations: solution.mip.duals };
  const hasPoint = optimal || (solution.status === 'time-limit' && Number.isFinite(solution.objective));
  return {
    economy: c,
    objective,
    status: solution.status,
    plants: hasPoint ? plantsBuilt(c, ix, primal.activity) : [],
    ...(mip === undefined ? {} : { mip }),
    ...(solution.message === undefined ? {} : { message: solution.message }),
    objectiveValue,
    solver: solution.solver,
    stages,
    lambda,
    levels,
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
