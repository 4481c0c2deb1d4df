import type { EconomyView, PlanResultView } from '../api-types.js';
import { h, mount } from '../dom.js';
import { formatLevel, formatPrice, formatRatio, itemLabel } from '../format.js';
import { dataTable, scroller } from '../table.js';
import { objectiveUnit } from './plan-bottlenecks.js';

interface Row {
  readonly key: string;
  readonly kind: 'product' | 'resource';
  readonly id: string;
  readonly unit: string;
  readonly value: number;
}

function rowsOf(economy: EconomyView, r: PlanResultView, period: string): Row[] {
  const productUnit = new Map(economy.products.map((p) => [p.id, p.unit]));
  const resourceUnit = new Map(economy.resources.map((p) => [p.id, p.unit]));
  const items = Object.entries(r.valuations[period] ?? {})
    .filter(([, v]) => v > 0)
    .map(([id, v]) => ({ key: `product:${id}`, kind: 'product' as const, id, unit: productUnit.get(id.split('@')[0] ?? id) ?? '', value: v }));
  const resources = Object.entries(r.resourcePrices[period] ?? {})
    .filter(([, v]) => v > 0)
    .map(([id, v]) => ({ key: `resource:${id}`, kind: 'resource' as const, id, unit: resourceUnit.get(id) ?? '', value: v }));
  return [...items.sort((a, b) => b.value - a.value), ...resources.sort((a, b) => b.value - a.value)];
}

/**
 * The valuations of one period with their units: per unit of the objective (λ per piece), and
 * relative to a numeraire the planner picks (Kantorovich's 2 : 1 between his parts).
 */
export function planValuations(economy: EconomyView, r: PlanResultView, period: string): HTMLElement {
  const rows = rowsOf(economy, r, period);
  const ou = objectiveUnit(economy, r);
  if (rows.length === 0) return h('p', { class: 'muted', 'data-valuations': 'none', text: `Nothing is valued in ${period}: no product or resource there limits the objective.` });
  const select = h('select', { id: 'numeraire' }, ...rows.map((x) => h('option', { value: x.key, text: `${x.kind === 'product' ? itemLabel(x.id) : x.id.replace(/_/g, ' ')} (per ${x.unit})` })));
  // Default numeraire: the least valued product, so that the others read as multiples of it.
  const products = rows.filter((x) => x.kind === 'product');
  select.value = (products[products.length - 1] ?? rows[0]).key;
  const holder = h('div', {});
  const show = () => {
    const base = rows.find((x) => x.key === select.value) ?? rows[0];
    const label = base.kind === 'product' ? itemLabel(base.id) : base.id.replace(/_/g, ' ');
    const cols = [
      { label: 'product or resource', value: (x: Row) => (x.kind === 'product' ? itemLabel(x.id) : `${x.id.replace(/_/g, ' ')} (resource)`) },
      { label: `valuation, ${ou} per unit`, value: (x: Row) => `${formatPrice(x.value)} ${ou} per ${x.unit}`, numeric: true },
      { label: `in ${label}`, value: (x: Row) => `${formatLevel((x.value / base.value))} ${base.unit} ${label} per ${x.unit}`, numeric: true },
      { label: `ratio to ${label}`, value: (x: Row) => (x.unit === base.unit ? formatRatio(x.value / base.value) : '—'), numeric: true },
    ];
    const table = dataTable(`Valuations in ${period}: what one more unit would add to the objective, and the same relative to ${label}`, cols, rows, (x) => x.key, 'valuations');
    // The numbers as the plan has them, for people who copy them and for the tests.
    const byKey = new Map(rows.map((x) => [x.key, x]));
    for (const tr of Array.from(table.tBodies[0]?.rows ?? [])) {
      const x = byKey.get(tr.getAttribute('data-key') ?? '');
      if (x === undefined) continue;
      tr.setAttribute('data-value', String(x.value));
      tr.setAttribute('data-relative', String(x.value / base.value));
    }
    mount(holder, scroller(table, 'Valuations'));
  };
  select.addEventListener('change', show);
  show();
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'valuations-h', 'data-period': period },
    h('h3', { id: 'valuations-h', text: `Valuations, ${period}` }),
    h('p', { class: 'muted small', text: `Shadow prices of the products and resources that limit the plan: ${ou} gained per one more unit. Relative to a numeraire they read as exchange ratios (Kantorovich’s resolving multipliers).` }),
    h('div', { class: 'toolbar' }, h('label', { for: 'numeraire', text: 'Numeraire' }), select),
    holder,
  );
}
