import type { EconomyView, ModelEntry } from '../api-types.js';
import { wireNumber } from '../api-types.js';
import { divergingBarChart } from '../charts/diverging-bar-chart.js';
import { h, mount } from '../dom.js';
import { formatAmount, itemLabel } from '../format.js';
import { decompose, type DecompositionDocument } from '../io-change-api.js';
import type { AppState } from '../state.js';
import { tableView } from '../table.js';
import { errorBox } from './error-box.js';

const FACTORS = ['intensity', 'technology', 'level', 'destination', 'mix'] as const;
const FACTOR_TEXT: Readonly<Record<(typeof FACTORS)[number], string>> = {
  intensity: 'intensity (use per unit of output)',
  technology: 'technology (Leontief inverse)',
  level: 'level of final demand',
  destination: 'destination (regions’ shares)',
  mix: 'mix (each region’s products)',
};

type Measure = NonNullable<DecompositionDocument['measures']>[number];

function field(id: string, label: string, control: HTMLElement): HTMLElement {
  return h('div', { class: 'field' }, h('label', { for: id, text: label }), control);
}

function options(values: readonly (readonly [string, string])[], chosen: string): HTMLOptionElement[] {
  return values.map(([value, text]) => h('option', { value, text, selected: value === chosen }));
}

const withUnit = (x: number, unit: string): string => (unit === '' ? formatAmount(x) : `${formatAmount(x)} ${unit}`);

/** The parts of one measure as bars from a zero line, with the total change last. */
function partsChart(m: Measure): HTMLElement {
  const bars = [
    ...FACTORS.map((f) => ({ key: f, label: FACTOR_TEXT[f], value: wireNumber(m.parts[f] ?? 0), text: withUnit(wireNumber(m.parts[f] ?? 0), m.unit) })),
    { key: 'change', label: 'total change', value: wireNumber(m.change), text: withUnit(wireNumber(m.change), m.unit) },
  ];
  return divergingBarChart({
    name: 'decomposition',
    title: `What changed ${itemLabel(m.id)}`,
    description: `The five parts of the change from ${formatAmount(wireNumber(m.before))} to ${formatAmount(wireNumber(m.after))}${m.unit === '' ? '' : ` ${m.unit}`}; they sum to the total change (last bar).`,
    bars,
    empty: 'Nothing changed.',
  });
}

function render(doc: DecompositionDocument): (Node | null)[] {
  const measures = doc.measures ?? [];
  if (doc.status !== 'converged' || measures.length === 0) return [h('div', { class: 'error', role: 'alert' }, h('p', { text: doc.message ?? doc.failures.join(' ') }))];
  const holder = h('div', { class: 'picked-chart' }, partsChart(measures[0]));
  const pick = h('select', { id: 'decomposition-measure' }, ...measures.map((m, k) => h('option', { value: String(k), text: `${itemLabel(m.id)}${m.unit === '' ? '' : ` (${m.unit})`}` })));
  pick.addEventListener('change', () => holder.replaceChildren(partsChart(measures[Number(pick.value)])));
  const num = (label: string, get: (m: Measure) => number) => ({ label, value: (m: Measure) => formatAmount(get(m)), raw: (m: Measure) => get(m), numeric: true });
  return [
    h('p', { class: 'muted', text: `From ${doc.first.modelId} (${doc.first.period}) to ${doc.second.modelId}${doc.second.scenario !== undefined ? ` scenario ${doc.second.scenario}` : ''} (${doc.second.period}); final demand by ${doc.destinations.join(', ')}. The parts sum to the change (largest relative residual ${wireNumber(doc.identityResidual ?? 0).toExponential(1)}).` }),
    h('div', { class: 'chart-picker' }, field('decomposition-measure', 'Measure', pick), holder),
    tableView({
      caption: 'Structural decomposition per measure',
      name: 'decomposition',
      columns: [
        { label: 'measure', value: (m: Measure) => itemLabel(m.id), raw: (m: Measure) => m.id },
        { label: 'unit', value: (m: Measure) => m.unit },
        num('first', (m) => wireNumber(m.before)),
        num('second', (m) => wireNumber(m.after)),
        num('change', (m) => wireNumber(m.change)),
        ...FACTORS.map((f) => num(f, (m) => wireNumber(m.parts[f] ?? 0))),
        num('Σ parts', (m) => wireNumber(m.sum)),
      ],
      rows: measures,
      rowKey: (m) => m.id,
    }),
  ];
}

/**
 * The decomposition section of the analysis view: the change from the open model (a period of it)
 * to another stored model of the same classification or another period, split into intensity,
 * technology, level, destination and mix (POST /api/decomposition), as bars with the total and a
 * table of every measure.
 */
export function decompositionSection(state: AppState, economy: EconomyView, models: Promise<readonly ModelEntry[]>): HTMLElement {
  const modelId = state.modelId ?? '';
  const periods = economy.periods;
  const multi = periods.length > 1;
  const firstPeriod = h('select', { id: 'decomposition-first-period' }, ...options(periods.map((p) => [p, p] as const), periods[0] ?? ''));
  const secondPeriod = h('select', { id: 'decomposition-second-period' }, ...options(periods.map((p) => [p, p] as const), periods[periods.length - 1] ?? ''));
  const second = h('select', { id: 'decomposition-second' }, h('option', { value: modelId, text: `${state.modelName} (this model)`, selected: true }));
  void models.then((list) => {
    for (const m of list) if (m.id !== modelId) second.append(h('option', { value: m.id, text: `${m.name} (${m.id})` }));
  });
  const results = h('div', { 'aria-live': 'polite' });
  const status = h('p', { class: 'muted', role: 'status' });
  const form = h(
    'form',
    { class: 'analysis-controls', 'aria-label': 'What to decompose' },
    h('div', { class: 'fields' }, multi ? field('decomposition-first-period', 'From period', firstPeriod) : null, field('decomposition-second', 'To model', second), multi ? field('decomposition-second-period', 'To period (of this model)', secondPeriod) : null),
    h('div', { class: 'toolbar' }, h('button', { type: 'submit', class: 'primary', id: 'decompose', text: 'Decompose' }), status),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    status.textContent = 'Decomposing…';
    const same = second.value === modelId;
    decompose(state.api, {
      first: { id: modelId, ...(state.modelVersion !== null ? { version: state.modelVersion } : {}), ...(multi ? { period: firstPeriod.value } : {}) },
      second: { id: second.value, ...(same && multi ? { period: secondPeriod.value } : {}) },
    })
      .then((doc) => {
        status.textContent = '';
        mount(results, ...render(doc));
      })
      .catch((err: unknown) => {
        status.textContent = '';
        mount(results, errorBox(err));
      });
  });
  return h(
    'section',
    { class: 'panel analysis-part', 'data-part': 'decomposition', 'aria-labelledby': 'decomposition-h' },
    h('h3', { id: 'decomposition-h', text: 'Structural decomposition' }),
    h('p', { class: 'muted', text: 'The change of gross output and of every resource’s use from one table to another of the same classification (two years, two periods, a scenario), split into five parts, each averaged over all orders of change: they sum to the change.' }),
    form,
    results,
  );
}
