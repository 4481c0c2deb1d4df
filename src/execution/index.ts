export type { ExecutionPlan, PlannedDelivery, Report } from './types.js';
export { executionPlan } from './execution-plan.js';
export { executionPlanOf } from './execution-plan-of.js';
export { enterpriseOfTechniques, enterprises } from './enterprises.js';
export { checkReport, collectReports, type CollectedReport } from './collect-reports.js';
export { checkReportTotals } from './check-report-totals.js';
export { reportableItems, type ReportableItems } from './reportable-items.js';
export { actualActivity, type ActualActivity } from './actual-activity.js';
export { fulfilment, type EnterpriseFulfilment, type Fulfilment, type FulfilmentOptions, type ItemFulfilment, type TargetFulfilment } from './fulfilment.js';
export { priorityDependencies } from './priority-dependencies.js';
export {
  alerts,
  alertKind,
  alertLimits,
  alertOf,
  alertSide,
  ALERT_KINDS,
  DEFAULT_THRESHOLDS,
  type Alert,
  type AlertKind,
  type AlertLevel,
  type AlertLimits,
  type AlertOptions,
  type AlertRecipient,
  type AlertSide,
  type AlertSubject,
  type KindThresholds,
} from './alerts.js';
export { amountText, deviationText } from './amount-text.js';
export { reportAlertBasis, reportAlerts, type ReportAlertBasis, type ReportedTotals } from './report-alerts.js';
export { distribute, type Allocation, type Distribution, type DistributionRegion } from './distribute.js';
export { distributionRegions, type DistributionRegionsOptions } from './distribution-regions.js';
export { prepareReplan, replan, solveReplan, type PreparedReplan, type ReplanInput, type ReplanOptions, type ReplanPast, type ReplanResult, type ReplanTiming } from './replan.js';
export { pastRecord, type AmountsByPeriod, type PastDelivery, type PastRecord, type PastRecordInput, type ReportedPast } from './past-record.js';
export { pastBreaches, BREACH_TOLERANCE, type PastBreach } from './past-breaches.js';
export { pastShortfalls, type PastShortfall } from './past-shortfalls.js';
export { eliminateFixed, type EliminatedLp } from './eliminate-fixed.js';
export { eliminatingSolver } from './eliminating-solver.js';
export { transportLinks, type TransportLink } from './transport-links.js';
export {
  supplyAssignments,
  type LinkCapacityUse,
  type SupplyAssignment,
  type SupplyAssignments,
  type SupplyAssignmentsOptions,
  type Unserved,
} from './supply-assignments.js';
export { supplyNetwork, type NetworkFlow, type NetworkLine, type NetworkRegion, type SupplyNetwork } from './supply-network.js';
