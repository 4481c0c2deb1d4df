import type { ModelEntry } from '../api-types.js';
import { wireNumber } from '../api-types.js';
import { lineChart } from '../charts/line-chart.js';
import { h, mount } from '../dom.js';
import { formatAmount, itemLabel } from '../format.js';
import { series, type SeriesDocument } from '../io-change-api.js';
import type { AppState } from '../state.js';
import { tableView, type Column } from '../table.js';
import { errorBox } from './error-box.js';

type Measure = SeriesDocument['measures'][number];
type Decomposition = NonNullable<SeriesDocument['decompositions']>[number];

const FACTORS = ['intensity', 'technology', 'level', 'destination', 'mix'] as const;

function check(id: string, label: string, checked: boolean, value = ''): { box: HTMLInputElement; element: HTMLElement } {
  const box = h('input', { type: 'checkbox', id, value, checked });
  return { box, element: h('div', { class: 'check' }, box, h('label', { for: id, text: label })) };
}

function chartOf(doc: SeriesDocument, m: Measure): HTMLElement {
  const years = doc.years.map((y) => y.year);
  return lineChart({
    name: 'series',
    title: `${itemLabel(m.id)} over the years`,
    description: `${itemLabel(m.id)}${m.unit === '' ? '' : ` (${m.unit})`} in each year ${years[0]}–${years[years.length - 1]}.`,
    points: years.map((x, k) => {
      const v = m.values[k] ?? null;
      return { x, y: v, text: v === null ? '—' : `${formatAmount(v)}${m.unit === '' ? '' : ` ${m.unit}`}` };
    }),
    columns: ['year', itemLabel(m.id)],
  });
}

function render(doc: SeriesDocument): (Node | null)[] {
  const years = doc.years.map((y) => y.year);
  const holder = h('div', { class: 'picked-chart' }, chartOf(doc, doc.measures[0]));
  const pick = h('select', { id: 'series-measure' }, ...doc.measures.map((m, k) => h('option', { value: String(k), text: `${itemLabel(m.id)}${m.unit === '' ? '' : ` (${m.unit})`}` })));
  pick.addEventListener('change', () => holder.replaceChildren(chartOf(doc, doc.measures[Number(pick.value)])));
  const columns: Column<Measure>[] = [
    { label: 'measure', value: (m) => itemLabel(m.id), raw: (m) => m.id },
    { label: 'unit', value: (m) => m.unit },
    ...years.map((y, k): Column<Measure> => ({ label: y, value: (m) => (m.values[k] === null || m.values[k] === undefined ? '—' : formatAmount(m.values[k] ?? 0)), raw: (m) => m.values[k] ?? null, numeric: true })),
  ];
  const rows = (doc.decompositions ?? []).flatMap((d) => (d.measures ?? []).map((m) => ({ d, m })));
  type Row = (typeof rows)[number];
  const num = (label: string, get: (r: Row) => number): Column<Row> => ({ label, value: (r) => formatAmount(get(r)), raw: (r) => get(r), numeric: true });
  return [
    doc.failures.length > 0 ? h('div', { class: 'error', role: 'alert' }, h('ul', {}, ...doc.failures.map((f) => h('li', { text: f })))) : null,
    h('p', { class: 'muted', text: `Years: ${doc.years.map((y) => `${y.year} (${y.source}${y.period !== y.year ? `, period ${y.period}` : ''})`).join(', ')}.` }),
    h('div', { class: 'chart-picker' }, h('div', { class: 'field' }, h('label', { for: 'series-measure', text: 'Measure' }), pick), holder),
    tableView({ caption: 'Measures over the years', name: 'series', columns, rows: doc.measures, rowKey: (m) => m.id }),
    rows.length === 0
      ? null
      : tableView({
          caption: 'Decomposition between consecutive years',
          name: 'series-decomposition',
          columns: [
            { label: 'years', value: (r: Row) => `${(r.d as Decomposition).from}–${(r.d as Decomposition).to}` },
            { label: 'measure', value: (r: Row) => itemLabel(r.m.id), raw: (r: Row) => r.m.id },
            num('change', (r) => wireNumber(r.m.change)),
            ...FACTORS.map((f) => num(f, (r) => wireNumber(r.m.parts[f] ?? 0))),
          ],
          rows,
          rowKey: (r) => `${r.d.from}-${r.d.to}-${r.m.id}`,
        }),
  ];
}

/**
 * The series section of the analysis view: stored models of one classification as years (a model
 * with several periods: one year per period), with gross output, resource use and, on request,
 * multipliers and footprints per year as a line over the years (the measure chosen in the page),
 * a table, and the decomposition between consecutive years (POST /api/series).
 */
export function seriesSection(state: AppState, models: Promise<readonly ModelEntry[]>): HTMLElement {
  const modelId = state.modelId ?? '';
  const list = h('fieldset', { class: 'model-checks' }, h('legend', { text: 'Models (years from each model’s periods or its id, e.g. germany-1995)' }));
  const boxes: HTMLInputElement[] = [];
  const add = (id: string, name: string, checked: boolean): void => {
    const c = check(`series-model-${boxes.length}`, `${name} (${id})`, checked, id);
    boxes.push(c.box);
    list.append(c.element);
  };
  add(modelId, state.modelName, true);
  void models.then((ms) => {
    for (const m of ms) if (m.id !== modelId) add(m.id, m.name, false);
  });
  const multipliers = check('series-multipliers', 'output multipliers', false);
  const footprints = check('series-footprints', 'footprints by region', false);
  const decomposeBox = check('series-decompose', 'decomposition between consecutive years', true);
  const results = h('div', { 'aria-live': 'polite' });
  const status = h('p', { class: 'muted', role: 'status' });
  const form = h(
    'form',
    { class: 'analysis-controls', 'aria-label': 'Which years' },
    list,
    h('div', { class: 'fields' }, multipliers.element, footprints.element, decomposeBox.element),
    h('div', { class: 'toolbar' }, h('button', { type: 'submit', class: 'primary', id: 'run-series', text: 'Run the series' }), status),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const chosen = boxes.filter((b) => b.checked).map((b) => ({ id: b.value }));
    if (chosen.length === 0) {
      status.textContent = 'Choose at least one model.';
      return;
    }
    status.textContent = `Analysing ${chosen.length} model${chosen.length === 1 ? '' : 's'}…`;
    const analyses = [...(multipliers.box.checked ? (['multipliers'] as const) : []), ...(footprints.box.checked ? (['footprints'] as const) : [])];
    series(state.api, { models: chosen, analyses, decompose: decomposeBox.box.checked })
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
    { class: 'panel analysis-part', 'data-part': 'series', 'aria-labelledby': 'series-h' },
    h('h3', { id: 'series-h', text: 'Series of tables' }),
    h('p', { class: 'muted', text: 'Several years of one classification: each year analysed, the chosen measure over the years, and what changed between consecutive years.' }),
    form,
    results,
  );
}
