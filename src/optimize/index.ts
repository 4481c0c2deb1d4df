export type { LinearProgram, LpSolution, LpSolveOptions, LpSolver, LpStatus, MipReport } from './lp-types.js';
export { hasIntegers } from './lp-types.js';
export type {
  Bottleneck,
  FormulatedPlan,
  InfeasibilityDiagnosis,
  UnboundedDiagnosis,
  PeriodLevels,
  PlanIndex,
  PlanMip,
  PlanObjective,
  PlanObjectiveKind,
  PlanProgress,
  PlanResult,
  PlanStage,
  PlanStep,
  SolvePlanOptions,
} from './plan-types.js';
export { formulatePlan, tierCap, DEFAULT_HARMONY_CAP, DEFAULT_OVER_SLOPE } from './formulate.js';
export { resolveObjective, tierWeights, defaultCostResource } from './resolve-objective.js';
export { solvePlan, solveFormulatedPlan, DEFAULT_TIER_TOLERANCE, MIN_RISE } from './solve-plan.js';
export { chooseSolver } from './choose-solver.js';
export { findBottlenecks } from './find-bottlenecks.js';
export { diagnoseInfeasible } from './diagnose-infeasible.js';
export { diagnoseUnbounded } from './diagnose-unbounded.js';
export { readPlanSolution, type PlanQuantities } from './read-plan-solution.js';
export { planOfPeriod } from './plan-of-period.js';
export { plantsBuilt, hasPlantDecisions, isPlantTechnique, type PlantBuilt } from './plants-built.js';
export { fixPastPeriods, type FixedPast } from './fix-past-periods.js';
export { checkSolution, type SolutionCheck } from './check-solution.js';
export { scaleLp, type LpPoint, type ScaledLp, type ScaleLpOptions } from './scale-lp.js';
export * from './highs/index.js';
export * from './lp-format/index.js';
export * from './pdhg/index.js';
export * from './substitution/index.js';
export { relaxRedundantBounds, LARGE_BOUND } from './relax-redundant-bounds.js';
