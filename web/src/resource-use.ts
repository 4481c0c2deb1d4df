import type { EconomyView, PlanResultView } from './api-types.js';

export interface ResourceUse {
  readonly id: string;
  readonly unit: string;
  readonly use: number;
  readonly available: number;
}

/**
 * Use against availability of each limited resource in one period. The service's own figures when
 * the plan carries them (availability then includes what investment built); otherwise use by
 * production (activity × use per unit) against the model's stated availability.
 */
export function resourceUse(economy: EconomyView, plan: PlanResultView, period: string): { rows: ResourceUse[]; fromService: boolean } {
  const unit = new Map(economy.resources.map((r) => [r.id, r.unit]));
  const given = plan.resources?.[period];
  if (given !== undefined) {
    const rows = Object.entries(given).flatMap(([id, u]) => (u.available !== null && Number.isFinite(u.available) ? [{ id, unit: unit.get(id) ?? '', use: u.use, available: u.available }] : []));
    return { rows, fromService: true };
  }
  const activity = plan.activity[period] ?? {};
  const used = new Map<string, number>();
  for (const t of economy.techniques) {
    const a = activity[t.id] ?? 0;
    if (a === 0) continue;
    for (const [r, per] of Object.entries(t.uses)) used.set(r, (used.get(r) ?? 0) + a * per);
  }
  const rows: ResourceUse[] = [];
  for (const r of economy.resources) {
    const a = typeof r.available === 'number' ? r.available : r.available?.[period];
    if (a === undefined || !Number.isFinite(a)) continue;
    rows.push({ id: r.id, unit: r.unit, use: used.get(r.id) ?? 0, available: a });
  }
  return { rows, fromService: false };
}
