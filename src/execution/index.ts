export type { ExecutionPlan, PlannedDelivery, Report } from './types.js';
export { executionPlan } from './execution-plan.js';
export { enterpriseOfTechniques, enterprises } from './enterprises.js';
export { collectReports, type CollectedReport } from './collect-reports.js';
export { actualActivity, type ActualActivity } from './actual-activity.js';
export { fulfilment, type EnterpriseFulfilment, type Fulfilment, type FulfilmentOptions, type ItemFulfilment, type TargetFulfilment } from './fulfilment.js';
export { priorityDependencies } from './priority-dependencies.js';
export { alerts, DEFAULT_CRITICAL, DEFAULT_WARNING, type Alert, type AlertLevel, type AlertOptions, type AlertRecipient } from './alerts.js';
