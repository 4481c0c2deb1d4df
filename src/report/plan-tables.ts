import type { CompiledEconomy } from '../compile/types.js';
import type { PlanResult } from '../plan/plan-types.js';
import { levelsTable } from './plan-levels.js';
import type { Table } from './table.js';
import { formatGap } from './plan-failure.js';
import type { PlantBuilt } from '../plan/plants-built.js';

/** The whole-plant decisions of a plan: which plant, how many units, in which period, what they build and when it is on line. */
export function plantsTable(plants: readonly PlantBuilt[], title: string): Table {
  return {
    name: 'plants',
    title,
    columns: [{ key: 'technique', label: 'plant' }, { key: 'period', label: 'period' }, { key: 'units', label: 'units' }, { key: 'builds', label: 'builds' }, { key: 'onLine', label: 'on line' }, { key: 'kind', label: 'decision' }],
    rows: plants.map((p) => [p.technique, p.period, p.units, Object.entries(p.builds).map(([k, v]) => `${k} ${v}`).join(', '), p.onLine ?? '', p.kind]),
    notes: plants.length === 0 ? ['No plant is built or run.'] : [],
  };
}

/** The headline line on how whole-plant decisions were solved, or none when the model has none. */
function mipLine(r: PlanResult): string[] {
  if (r.mip === undefined) return [];
  if (r.mip.method === 'relaxation') return ['Whole plants: LP relaxation only (--relax-integers): the plan may build fractions of plants, and its valuations are the relaxation’s.'];
  const valuations = r.mip.valuations === 'integers-fixed' ? 'valuations of the LP with the plants fixed as built' : 'no valuations (the LP with the plants fixed did not solve)';
  return [`Whole plants: branch and bound, gap ${formatGap(r.mip.gap)} from the bound ${r.mip.bound.toPrecision(8)} (asked ${formatGap(r.mip.requestedGap)}), ${r.mip.nodes} ${r.mip.nodes === 1 ? 'node' : 'nodes'}; ${valuations}.`];
}

/** The headline of a plan that did not solve to optimality: its objective, status, the solver's message and the diagnosis. */
export function failedPlanHeadline(r: PlanResult, model: string): string[] {
  const lines = [`No optimal plan for ${model}: objective ${r.objective.kind}, status ${r.status} (${r.solver}).`];
  if (r.message !== undefined) lines.push(r.message);
  if (r.diagnosis !== undefined) lines.push(`Diagnosis: ${r.diagnosis.message}.`);
  return lines;
}

/** The headline of an optimal plan: objective, λ per tier (maxmin) or the objective value, residuals, files written. */
export function planHeadline(r: PlanResult, model: string, written: readonly string[]): string[] {
  const lines = [`Optimal plan for ${model}: objective ${r.objective.kind}, status ${r.status} (${r.solver}).`];
  if (r.objective.kind === 'maxmin') {
    const parts = Array.from(r.economy.targets.priority.length === 0 ? [] : r.formulated.index.tiers, (p, s) => `tier ${p}: ${Number.isNaN(r.lambda[s]) ? 'not solved' : r.lambda[s].toPrecision(6)}`);
    if (parts.length > 0) lines.push(`Fulfilment ratio λ per priority tier (every target of a tier gets at least λ × its amount): ${parts.join(', ')}.`);
  } else {
    lines.push(`Objective value: ${r.objectiveValue.toPrecision(8)}${r.objective.kind === 'mincost' ? ` ${r.economy.model.resources[r.economy.resources.index.get(r.objective.resource ?? '') ?? 0]?.unit ?? ''} of ${r.objective.resource ?? ''}` : ''}.`);
  }
  lines.push(`Residuals: primal ${r.primalResidual.toExponential(1)}, dual ${r.dualResidual.toExponential(1)}, gap ${r.relativeGap.toExponential(1)}.`);
  lines.push(...mipLine(r));
  if (r.message !== undefined) lines.push(r.message);
  for (const f of written) lines.push(`Wrote ${f} (check it with: plenty balance MODEL --plan ${f}).`);
  return lines;
}

/** The diagnosis of an infeasible plan: the smallest reductions of the targets (a diagnosis, not a result). */
export function planDiagnosisTables(r: PlanResult, top: number): Table[] {
  if (r.status === 'time-limit' && r.mip?.method === 'branch-and-bound' && r.plants.length > 0) {
    return [plantsTable(r.plants, `Plants built in the best plan found at the time limit (NOT proven optimal; gap ${formatGap(r.mip.gap)})`)];
  }
  if (r.diagnosis?.kind !== 'infeasible' || r.diagnosis.shortfalls.length === 0) return [];
  return [
    {
      name: 'shortfalls',
      title: 'Smallest reductions of the targets that make the plan feasible',
      columns: [{ key: 'product', label: 'target' }, { key: 'period', label: 'period' }, { key: 'amount', label: 'amount' }, { key: 'shortfall', label: 'reduce by' }, { key: 'fraction', label: 'share', digits: 3 }],
      rows: r.diagnosis.shortfalls.slice(0, top).map((s) => [s.product, s.period, s.amount, s.shortfall, s.fraction]),
      notes: r.diagnosis.binding.length > 0 ? [`Conflicting limits: ${r.diagnosis.binding.slice(0, top).map((b) => `${b.id} (${b.period})`).join(', ')}.`] : [],
    },
  ];
}

/**
 * The tables of an optimal plan (`plenty plan`): the levels per tier and period (maxmin, several
 * periods), the targets least fulfilled first, the bottlenecks, the valuations of the chosen
 * period and the competing techniques' net values; `top` rows of each.
 */
export function planTables(c: CompiledEconomy, r: PlanResult, period: number, top: number): Table[] {
  const tables: Table[] = [];
  const ix = r.formulated.index;
  const pid = (t: number) => c.periods.ids[t] ?? '1';
  const levels = levelsTable(c, r);
  if (levels !== null) tables.push(levels);
  if (r.mip !== undefined) tables.push(plantsTable(r.plants, r.mip.method === 'relaxation' ? 'Plants run in the LP relaxation (fractions allowed)' : 'Plants built: which plant, how many units, in which period'));
  // Fulfilment: the least fulfilled targets first.
  const order = Array.from(ix.deliveryTarget, (_, g) => g).sort((a, b) => r.fulfilment[a] - r.fulfilment[b] || a - b);
  tables.push({
    name: 'fulfilment',
    title: 'Targets, least fulfilled first',
    columns: [{ key: 'target', label: 'target' }, { key: 'period', label: 'period' }, { key: 'priority', label: 'tier' }, { key: 'amount', label: 'amount' }, { key: 'delivered', label: 'delivered' }, { key: 'fulfilment', label: 'fulfilment', digits: 4 }],
    rows: order.slice(0, top).map((g) => {
      const k = ix.deliveryTarget[g];
      return [c.items.ids[c.targets.item[k]], pid(ix.deliveryPeriod[g]), c.targets.priority[k], ix.deliveryAmount[g], r.delivered[g], r.fulfilment[g]];
    }),
    notes: order.length > top ? [`… ${order.length - top} more targets (--top N, or --json for all).`] : [],
  });
  const norm = r.normalisation;
  tables.push({
    name: 'bottlenecks',
    title: 'Bottlenecks: binding limits, ranked by rent = shadow price × limit',
    columns: [{ key: 'kind', label: 'kind' }, { key: 'id', label: 'limit' }, { key: 'period', label: 'period' }, { key: 'price', label: 'shadow price' }, { key: 'limit', label: 'limit' }, { key: 'rent', label: 'rent' }, { key: 'share', label: 'share', digits: 3 }],
    rows: r.bottlenecks.slice(0, top).map((b) => [b.kind, b.id, b.period, b.price, b.limit, b.rent, b.share]),
    notes: [
      'Shadow price: objective gained per one more unit of the limit (per unit of activity for a capacity); rent: its share of the objective by the duals.',
      ...(r.bottlenecks.length > top ? [`… ${r.bottlenecks.length - top} more.`] : []),
    ],
  });
  // Valuations of the items in the chosen period, largest first.
  const n = ix.items;
  const items = Array.from({ length: n }, (_, i) => i).filter((i) => r.valuation[period * n + i] > 0).sort((a, b) => r.valuation[period * n + b] - r.valuation[period * n + a] || a - b);
  tables.push({
    name: 'valuations',
    title: `Valuations of products in ${pid(period)} (objectively determined valuations)`,
    columns: [{ key: 'item', label: 'item' }, { key: 'unit', label: 'unit' }, { key: 'valuation', label: 'valuation' }, { key: 'normalised', label: 'normalised', digits: 4 }],
    rows: items.slice(0, top).map((i) => [c.items.ids[i], c.model.products[c.itemProduct[i]].unit, r.valuation[period * n + i], norm === null ? null : r.valuation[period * n + i] * norm]),
    notes: [
      'Valuation: objective gained per one more unit of the item in the period; normalised: divided by the sum over the target items (Kantorovich’s resolving multipliers).',
      ...(items.length > top ? [`… ${items.length - top} more.`] : []),
    ],
  });
  // Competing techniques: items made by several techniques; net value at the valuations.
  const nT = ix.techniques;
  const rows: (string | number)[][] = [];
  const { rowPtr, colIdx } = c.outputs;
  for (let i = 0; i < n && rows.length < top * 3; i++) {
    if (rowPtr[i + 1] - rowPtr[i] < 2) continue;
    for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
      const j = colIdx[k];
      rows.push([c.items.ids[i], c.techniques.ids[j], r.activity[period * nT + j], r.reducedCost[period * nT + j]]);
    }
  }
  if (rows.length > 0) {
    tables.push({
      name: 'techniques',
      title: `Competing techniques in ${pid(period)}: net value per unit of activity at the valuations`,
      columns: [{ key: 'item', label: 'item' }, { key: 'technique', label: 'technique' }, { key: 'activity', label: 'activity' }, { key: 'netValue', label: 'net value' }],
      rows,
      notes: ['A technique in use below its capacity has net value 0; a negative net value is what running one unit would lose; a positive one is its capacity’s shadow price.'],
    });
  }
  return tables;
}
