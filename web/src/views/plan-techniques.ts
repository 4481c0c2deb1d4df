import type { EconomyView, PlanResultView } from '../api-types.js';
import { h } from '../dom.js';
import { formatAmount, formatPrice, itemLabel } from '../format.js';
import { dataTable, scroller } from '../table.js';
import { objectiveUnit } from './plan-bottlenecks.js';

interface Row {
  readonly id: string;
  readonly output: string;
  readonly activity: number;
  readonly reducedCost: number;
  readonly rivals: number;
}

const EPS = 1e-9;

function verdict(x: Row, ou: string): string {
  if (x.activity > EPS) return x.reducedCost > EPS ? `runs at capacity (worth ${formatPrice(x.reducedCost)} ${ou} more per unit)` : 'runs';
  if (x.reducedCost < -EPS) return `idle: loses ${formatPrice(-x.reducedCost)} ${ou} per unit`;
  return 'idle (would break even)';
}

/**
 * Activity of every technique in one period, and for the idle ones how much they would lose per
 * unit of activity at the plan's valuations (the reduced cost); the items made by several
 * techniques first, so that the table says why the chosen technique beats the others.
 */
export function planTechniques(economy: EconomyView, r: PlanResultView, period: string): HTMLElement {
  const ou = objectiveUnit(economy, r);
  const activity = r.activity[period] ?? {};
  const reduced = r.reducedCosts?.[period] ?? {};
  const makers = new Map<string, number>();
  const outputOf = (t: EconomyView['techniques'][number]): string => {
    const k = Object.keys(t.produces)[0] ?? '';
    return k.includes('@') || t.region === undefined ? k : `${k}@${t.region}`;
  };
  for (const t of economy.techniques) makers.set(outputOf(t), (makers.get(outputOf(t)) ?? 0) + 1);
  const rows: Row[] = economy.techniques.map((t) => ({ id: t.id, output: outputOf(t), activity: activity[t.id] ?? 0, reducedCost: reduced[t.id] ?? 0, rivals: makers.get(outputOf(t)) ?? 1 }));
  rows.sort((a, b) => (b.rivals > 1 ? 1 : 0) - (a.rivals > 1 ? 1 : 0) || a.output.localeCompare(b.output) || b.activity - a.activity || b.reducedCost - a.reducedCost);
  const cols = [
    { label: 'technique', value: (x: Row) => x.id.replace(/_/g, ' ') },
    { label: 'makes', value: (x: Row) => itemLabel(x.output) },
    { label: 'activity', value: (x: Row) => formatAmount(x.activity), numeric: true },
    { label: `reduced cost, ${ou} per unit`, value: (x: Row) => (Math.abs(x.reducedCost) <= EPS ? '0' : formatPrice(x.reducedCost)), numeric: true, tone: (x: Row) => (x.reducedCost < -EPS ? 'short' : undefined) },
    { label: 'verdict', value: (x: Row) => verdict(x, ou) },
  ];
  const competing = rows.filter((x) => x.rivals > 1);
  const table = (caption: string, list: readonly Row[], name: string): HTMLTableElement => {
    const t = dataTable(caption, cols, list, (x) => x.id, name);
    const byId = new Map(list.map((x) => [x.id, x]));
    for (const tr of Array.from(t.tBodies[0]?.rows ?? [])) {
      const x = byId.get(tr.getAttribute('data-key') ?? '');
      if (x === undefined) continue;
      tr.setAttribute('data-activity', String(x.activity));
      tr.setAttribute('data-reduced-cost', String(x.reducedCost));
    }
    return t;
  };
  const running = rows.filter((x) => x.activity > EPS).length;
  const hasCosts = r.reducedCosts !== undefined;
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'techniques-h', 'data-period': period },
    h('h3', { id: 'techniques-h', text: `Techniques, ${period}` }),
    h('p', { class: 'muted small', text: `${running} of ${rows.length} techniques run. The reduced cost is a technique’s net value at the valuations: 0 for one in use, negative for an idle one (what each unit of it would lose), positive at its capacity.${hasCosts ? '' : ' This plan was stored without reduced costs: solve it again to see them.'}` }),
    competing.length > 0 ? scroller(table(`Items made by several techniques, ${period}: which runs and what the others would lose`, competing, 'competing'), 'Competing techniques') : null,
    h('details', { class: 'as-table' }, h('summary', { text: `All ${rows.length} techniques` }), scroller(table(`Every technique, ${period}`, rows, 'techniques'), 'All techniques')),
  );
}
