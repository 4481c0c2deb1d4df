import type { AnalysisDocument, EconomyView } from '../api-types.js';
import { converged } from '../api-types.js';
import type { Api } from '../api.js';
import { barChart } from '../charts/bar-chart.js';
import { h, mount } from '../dom.js';
import { analyzeEffects } from '../effects-api.js';
import { formatAmount, itemLabel } from '../format.js';
import { tableView, type Column } from '../table.js';
import { errorBox } from './error-box.js';
import { effectsSection, failedPartBox, selectField } from './effects-controls.js';

type TypeII = Extract<NonNullable<AnalysisDocument['typeII']>, { status: 'converged' }>;
type Quantity = TypeII['quantities'][number];

interface Row {
  readonly i: number;
  readonly id: string;
}

const num = (label: string, v: readonly (number | null)[], unit?: string): Column<Row> => ({
  label,
  value: (r) => {
    const x = v[r.i];
    return x === null || x === undefined ? '—' : formatAmount(x);
  },
  raw: (r) => v[r.i] ?? null,
  numeric: true,
  ...(unit !== undefined && unit !== '' ? { unit } : {}),
});

function quantityView(d: AnalysisDocument, q: Quantity, k: number): HTMLElement {
  const unit = q.unit === '' ? 'per unit' : `${q.unit} per unit`;
  const rows = d.items.map((id, i) => ({ i, id }));
  const top = rows
    .filter((r) => Number.isFinite(q.induced[r.i]))
    .sort((a, b) => q.induced[b.i] - q.induced[a.i])
    .slice(0, 15)
    .map((r) => ({ key: r.id, label: itemLabel(r.id), value: q.induced[r.i], text: `${formatAmount(q.induced[r.i])} ${unit}`, tone: 'neutral' as const }));
  return h(
    'div',
    { class: 'type-ii-quantity', 'data-quantity': q.name },
    h('div', { class: 'charts' }, barChart({ name: `type-ii-induced-${k}`, title: `Induced effect on ${itemLabel(q.name)}`, description: `What households’ spending of their income adds to ${itemLabel(q.name)} per unit of final demand, the largest ${top.length}.`, bars: top, columns: ['item', 'induced'] })),
    tableView({
      caption: `Type I and Type II effects on ${itemLabel(q.name)} per unit of final demand`,
      name: `type-ii-${k}`,
      columns: [
        { label: 'item', value: (r) => itemLabel(r.id), raw: (r) => r.id },
        num('direct', q.direct, unit),
        num('first round', q.firstRound, unit),
        num('industrial support', q.industrialSupport, unit),
        num('induced', q.induced, unit),
        num('Type I total', q.typeI, unit),
        num('Type II total', q.typeII, unit),
        num('Type I ratio', q.typeIRatio, 'ratio'),
        num('Type II ratio', q.typeIIRatio, 'ratio'),
      ],
      rows,
      rowKey: (r) => r.id,
    }),
  );
}

function render(results: HTMLElement, d: AnalysisDocument): void {
  const p = d.typeII;
  if (p === undefined) return;
  if (!converged(p)) {
    mount(results, failedPartBox('Type II effects', p));
    return;
  }
  const holder = h('div', {}, quantityView(d, p.quantities[0], 0));
  const pick = selectField('type-ii-quantity', 'Effects on', p.quantities.map((q, k) => [String(k), q.name === 'output' ? 'gross output' : itemLabel(q.name)] as const), '0', (v) => holder.replaceChildren(quantityView(d, p.quantities[Number(v)], Number(v))));
  mount(
    results,
    h('p', { class: 'identity', text: `Closed with respect to households: their income is ${itemLabel(p.income)} (${formatAmount(p.totalIncome)} paid by the gross output of the period’s final use), their spending the final use “${p.category}”, per unit of income.` }),
    pick,
    holder,
  );
}

/**
 * Type II effects: the model closed with respect to households (their final-use category and
 * income row chosen here, or found by name), with direct, indirect and induced effects and Type I /
 * Type II ratios of output and every resource (POST /api/models/:id/analyze, `typeII`).
 */
export function typeIISection(api: Api, modelId: string, version: number | null, economy: EconomyView, period: () => string | undefined): HTMLElement {
  const categories = [...new Set(economy.targets.flatMap((t) => (t.category === undefined ? [] : [t.category])))];
  const choice: { consumption: string; income: string } = { consumption: '', income: '' };
  const fields = [
    selectField('type-ii-consumption', 'Households’ consumption (final-use category)', [['', 'the one named households'], ...categories.map((c) => [c, c] as const)], '', (v) => (choice.consumption = v)),
    selectField('type-ii-income', 'Households’ income (resource)', [['', 'the one named compensation of employees'], ...economy.resources.map((r) => [r.id, `${itemLabel(r.id)} (${r.unit})`] as const)], '', (v) => (choice.income = v)),
  ];
  return effectsSection(
    'type-ii',
    'Type II effects',
    'The model closed with respect to households: their income per unit of each item’s output is a resource row, their purchases per unit of income the period’s households’ final use over that income. Per unit of final demand: the direct effect, the indirect (first round and industrial support), the induced (households’ spending), and the Type I and Type II ratios.',
    fields,
    'Compute Type II effects',
    async (results, message) => {
      try {
        const p = period();
        const d = await analyzeEffects(api, modelId, { analyses: ['typeII'], ...(p !== undefined ? { period: p } : {}), ...(choice.consumption !== '' ? { householdConsumption: choice.consumption } : {}), ...(choice.income !== '' ? { householdIncome: choice.income } : {}) }, version);
        message.textContent = '';
        render(results, d);
      } catch (err) {
        message.textContent = '';
        mount(results, errorBox(err));
      }
    },
  );
}
