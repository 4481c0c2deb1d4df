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
export { findBottlenecks } from './find-bottlenecks.js';
export { diagnoseInfeasible } from './diagnose-infeasible.js';
export { diagnoseUnbounded } from './diagnose-unbounded.js';
export { readPlanSolution, type PlanQuantities } from './read-plan-solution.js';
export { planOfPeriod } from './plan-of-period.js';
export { plantsBuilt, hasPlantDecisions, isPlantTechnique, type PlantBuilt } from './plants-built.js';
export { fixPastPeriods, type FixedPast } from './fix-past-periods.js';
export * from './substitution/index.js';
