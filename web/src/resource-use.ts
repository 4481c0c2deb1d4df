import type { EconomyView, PlanResultView } from './api-types.js';

export interface ResourceUse {
  readonly id: string;
  readonly unit: string;
  readonly use: number;
  readonly available: number;
}

/**
 * Use against availability (including what investment built) of each limited resource in one
 * period, as the service computed them; empty when the plan does not carry them.
 */
export function resourceUse(economy: EconomyView, plan: PlanResultView, period: string): ResourceUse[] {
  const unit = new Map(economy.resources.map((r) => [r.id, r.unit]));
  const given = plan.resources[period] ?? {};
  return Object.entries(given).flatMap(([id, u]) => (Number.isFinite(u.available) ? [{ id, unit: unit.get(id) ?? '', use: u.use, available: u.available }] : []));
}
