import type { EconomyView } from '../api-types.js';
import { wireNumber } from '../api-types.js';
import { h, mount } from '../dom.js';
import { formatAmount, itemLabel } from '../format.js';
import { regionalise, type RegionalDocument } from '../io-change-api.js';
import type { AppState } from '../state.js';
import { tableView, type Column } from '../table.js';
import { errorBox } from './error-box.js';

type Sector = NonNullable<RegionalDocument['sectors']>[number];

function field(id: string, label: string, control: HTMLElement): HTMLElement {
  return h('div', { class: 'field' }, h('label', { for: id, text: label }), control);
}

function render(doc: RegionalDocument): (Node | null)[] {
  const sectors = doc.sectors ?? [];
  if (sectors.length === 0) return [h('div', { class: 'error', role: 'alert' }, h('p', { text: doc.message ?? doc.failures.join(' ') }))];
  const num = (label: string, get: (s: Sector) => number | null): Column<Sector> => ({ label, value: (s) => (get(s) === null ? '—' : formatAmount(get(s) ?? 0)), raw: (s) => get(s), numeric: true });
  const method = doc.method === 'flq' ? `FLQ (δ = ${doc.delta ?? 0.3}, λ* = ${formatAmount(wireNumber(doc.lambda ?? 1))})` : (doc.method ?? '').toUpperCase();
  return [
    h('p', { class: 'muted', text: `${method} over ${doc.measure ?? ''}: the region’s share ${formatAmount(wireNumber(doc.share ?? 0))}; ${doc.changed ?? 0} of ${doc.entries ?? 0} coefficients lowered, none raised.` }),
    tableView({
      caption: 'Regional coefficients by sector',
      name: 'regional',
      columns: [
        { label: 'sector', value: (s) => itemLabel(s.id), raw: (s) => s.id },
        num('national', (s) => wireNumber(s.national)),
        num('regional', (s) => wireNumber(s.regional)),
        num('SLQ', (s) => (s.slq === null ? null : wireNumber(s.slq))),
        num('Σ a national', (s) => wireNumber(s.nationalInputs)),
        num('Σ a regional', (s) => wireNumber(s.regionalInputs)),
        num('multiplier national', (s) => wireNumber(s.nationalMultiplier)),
        num('multiplier regional', (s) => wireNumber(s.regionalMultiplier)),
      ],
      rows: sectors,
      rowKey: (s) => s.id,
    }),
  ];
}

/**
 * The regional section of the analysis view: a regional table of the open (national) model by
 * location quotients from a regional data file chosen in the page (CSV sector,regional[,national];
 * docs/analysis.md), through POST /api/models/:id/regionalise: per sector the quotient, the inputs
 * bought per unit of output and the output multiplier, nationally and in the region.
 */
export function regionalSection(state: AppState, economy: EconomyView): HTMLElement {
  const file = h('input', { type: 'file', id: 'regional-file', accept: '.csv,text/csv' });
  const method = h('select', { id: 'regional-method' }, ...(['flq', 'cilq', 'slq'] as const).map((m) => h('option', { value: m, text: m.toUpperCase() })));
  const delta = h('input', { type: 'number', id: 'regional-delta', min: 0, max: 0.99, step: 0.05, value: '0.3', inputmode: 'decimal' });
  method.addEventListener('change', () => (delta.disabled = method.value !== 'flq'));
  const measure = h('select', { id: 'regional-measure' }, h('option', { value: 'output', text: 'gross output' }), ...economy.resources.map((r) => h('option', { value: r.id, text: `${itemLabel(r.id)} (${r.unit})` })));
  const results = h('div', { 'aria-live': 'polite' });
  const status = h('p', { class: 'muted', role: 'status' });
  const form = h(
    'form',
    { class: 'analysis-controls', 'aria-label': 'Regional data' },
    h(
      'div',
      { class: 'fields' },
      field('regional-file', 'Regional data (CSV sector,regional[,national])', file),
      field('regional-method', 'Location quotient', method),
      field('regional-delta', 'FLQ δ', delta),
      field('regional-measure', 'The values measure (without a national column)', measure),
    ),
    h('div', { class: 'toolbar' }, h('button', { type: 'submit', class: 'primary', id: 'regionalise', text: 'Regional table' }), status),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const f = file.files?.[0];
    if (f === undefined) {
      status.textContent = 'Choose a regional data file.';
      return;
    }
    const d = Number(delta.value);
    if (method.value === 'flq' && !(d >= 0 && d < 1)) {
      status.textContent = 'δ must be at least 0 and below 1.';
      return;
    }
    status.textContent = 'Computing…';
    void f
      .text()
      .then((csv) =>
        regionalise(
          state.api,
          state.modelId ?? '',
          { method: method.value as 'slq' | 'cilq' | 'flq', ...(method.value === 'flq' ? { delta: d } : {}), ...(measure.value !== 'output' ? { measure: measure.value } : {}), csv },
          state.modelVersion,
        ),
      )
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
    { class: 'panel analysis-part', 'data-part': 'regional', 'aria-labelledby': 'regional-h' },
    h('h3', { id: 'regional-h', text: 'Regional table by location quotients' }),
    h('p', { class: 'muted', text: 'The open model as a nation: a region’s coefficients a_ij · min(1, LQ_ij) from its output or employment by sector (SLQ, CILQ, or Flegg’s FLQ with δ). Never above the national ones: what the region lacks it buys from outside.' }),
    form,
    results,
  );
}
