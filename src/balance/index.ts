export type {
  BalanceCounts,
  BalanceOptions,
  BalanceReport,
  ItemBalances,
  ItemStatus,
  LimitStatus,
  PlannedActivity,
  ResourceBalances,
  TechniqueLoads,
} from './types.js';
export { balancePlan, DEFAULT_BALANCE_TOLERANCE } from './balance-plan.js';
export { checkPlanned } from './check-planned.js';
export { finalUse, targetInPeriod } from './final-use.js';
export type {
  BlockageChain,
  BlockageOptions,
  BlockageReport,
  BlockageRule,
  BlockageStep,
  BlockedTarget,
  BlockedTechnique,
  ShortItem,
} from './blockage-types.js';
export { blockedByDeficits } from './blocked-by-deficits.js';
export { itemComponents } from './item-components.js';
export type { CapacityShortage, ClosingOptions, ClosingReport, ClosingRequirement, ResourceShortage } from './closing-types.js';
export { closingRequirements } from './closing-requirements.js';
export { feasibleFraction, type FeasibleFraction, type FractionLimit } from './feasible-fraction.js';
export {
  summariseBalance,
  type BalanceSummary,
  type DeficitSummary,
  type LimitSummary,
  type SummaryOptions,
  type SurplusSummary,
} from './summarise-balance.js';
