import type { CompiledEconomy } from '../compile/types.js';
import type { PlanResult } from '../plan/plan-types.js';
import type { Table } from './table.js';

/**
 * maxmin: the level of each tier per period, `{ "2": { "1930": 1.237, "1931": 1.252, … } }`, with
 * the periods in which the tier has a level (a target of positive amount, not in a re-plan's fixed
 * past, the tier solved); null for other objectives.
 */
export function levelsByTier(c: CompiledEconomy, r: PlanResult): Record<string, Record<string, number>> | null {
  if (r.objective.kind !== 'maxmin') return null;
  const tiers = r.formulated.index.tiers;
  const nS = tiers.length;
  return Object.fromEntries(
    Array.from(tiers, (p, s) => [String(p), Object.fromEntries(c.periods.ids.flatMap((id, t) => (Number.isNaN(r.levels[t * nS + s]) ? [] : [[id, r.levels[t * nS + s]]])))]),
  );
}

/**
 * maxmin over several periods: the level of each tier (a row) in each period (a column), or null
 * when there is one period or no level (the λ per tier says it all then).
 */
export function levelsTable(c: CompiledEconomy, r: PlanResult): Table | null {
  if (r.objective.kind !== 'maxmin' || c.periods.ids.length < 2 || r.status !== 'optimal') return null;
  const tiers = r.formulated.index.tiers;
  const nS = tiers.length;
  if (!r.levels.some((v) => !Number.isNaN(v))) return null;
  const leximin = r.objective.periods !== 'common';
  return {
    name: 'levels',
    title: 'Fulfilment level per tier and period: every target of the tier in the period gets at least the level × its amount',
    columns: [{ key: 'tier', label: 'tier' }, ...c.periods.ids.map((id) => ({ key: id, label: id }))],
    rows: Array.from(tiers, (p, s) => [p, ...c.periods.ids.map((_, t) => (Number.isNaN(r.levels[t * nS + s]) ? null : r.levels[t * nS + s]))]),
    notes: [
      leximin
        ? 'Leximin: each period is raised as far as it goes without lowering a period at a lower level; λ is the least level of the tier.'
        : 'One level per tier for all periods (periods: common).',
    ],
  };
}
