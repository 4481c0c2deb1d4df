import type { Economy } from '../model/types.js';

/** One technique of an enterprise in one period of a plan. */
export interface EnterpriseTask {
  readonly technique: string;
  readonly period: string;
  readonly activity: number;
  readonly outputs: Record<string, number>;
  readonly inputs: Record<string, number>;
  readonly resources: Record<string, number>;
}

const scaled = (m: Readonly<Record<string, number>>, a: number): Record<string, number> => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v * a]));

/**
 * An enterprise's share of a plan: for each of its techniques (by the model's `enterprise` field;
 * a technique without one is an enterprise of its own)
 * and each period, the planned activity and the outputs, inputs and resource use it implies.
 */
export function enterprisePlan(economy: Economy, activity: Readonly<Record<string, Readonly<Record<string, number>>>>, enterprise: string): EnterpriseTask[] {
  const tasks: EnterpriseTask[] = [];
  const own = economy.techniques.filter((t) => (t.enterprise ?? t.id) === enterprise);
  for (const period of economy.periods) {
    for (const t of own) {
      const a = activity[period]?.[t.id] ?? 0;
      tasks.push({ technique: t.id, period, activity: a, outputs: scaled(t.produces, a), inputs: scaled(t.consumes, a), resources: scaled(t.uses, a) });
    }
  }
  return tasks;
}
