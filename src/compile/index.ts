export type { CompiledEconomy, IdIndex, LeontiefSystem } from './types.js';
export { compileEconomy } from './compile-economy.js';
export { leontiefSystem } from './leontief-system.js';
export type { LeontiefSystemOptions } from './leontief-system.js';
export { planActivities } from './plan-activities.js';
export type { PlanActivities } from './plan-activities.js';
export { producers } from './producers.js';
export { resolveItem } from './resolve-item.js';
export { demandVector } from './demand-vector.js';
