import { analyzeModel, type AnalyzeRequest } from '../analysis-api.js';
import type { AnalysisDocument } from '../api-types.js';
import { converged } from '../api-types.js';
import { announce, h, mount } from '../dom.js';
import { itemLabel } from '../format.js';
import { modelDetail, type AppState } from '../state.js';
import { analysisSections } from './analysis-sections.js';
import { analysisEffects } from './analysis-effects.js';
import { decompositionSection } from './analysis-decomposition.js';
import { regionalSection } from './analysis-regional.js';
import { seriesSection } from './analysis-series.js';
import { pathsSection } from './analysis-paths.js';
import { uncertaintySection } from './analysis-uncertainty.js';
import { errorBox } from './error-box.js';
import { urlState } from '../url-state.js';

/** Up to this many items the demand is edited in a form; above it, as lines of `item, amount`. */
const FORM_ITEMS = 200;

/** The controls' choices. */
interface Choices {
  period?: string;
  labour?: string;
  income?: string;
  /** A final demand that differs from the model's, else undefined. */
  demand?: Record<string, number>;
}

function select(id: string, label: string, options: readonly (readonly [string, string])[], chosen: string | undefined, onChange: (v: string) => void): HTMLElement {
  const s = h('select', { id }, ...options.map(([value, text]) => h('option', { value, text, selected: value === (chosen ?? '') })));
  s.addEventListener('change', () => onChange(s.value));
  return h('div', { class: 'field' }, h('label', { for: id, text: label }), s);
}

/** The demand editor, filled with the model's final demand; `read` gives the edited amounts. */
function demandEditor(d: AnalysisDocument, y: readonly number[]): { element: HTMLElement; read: () => Record<string, number> | string } {
  if (d.items.length <= FORM_ITEMS) {
    const inputs = d.items.map((id, i) => h('input', { type: 'number', min: 0, step: 'any', value: String(y[i]), id: `demand-${i}`, 'data-item': id, inputmode: 'decimal' }));
    const rows = d.items.map((id, i) => h('tr', {}, h('th', { scope: 'row' }, h('label', { for: `demand-${i}`, text: itemLabel(id) })), h('td', {}, inputs[i]), h('td', { class: 'muted', text: d.units[i] ?? '' })));
    const table = h('table', { class: 'data demand' }, h('caption', { text: 'Final demand per item' }), h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'item' }), h('th', { scope: 'col', text: 'amount' }), h('th', { scope: 'col', text: 'unit' }))), h('tbody', {}, ...rows));
    const read = (): Record<string, number> | string => {
      const out: Record<string, number> = {};
      for (const [i, input] of inputs.entries()) {
        const v = input.value.trim() === '' ? 0 : Number(input.value);
        if (!Number.isFinite(v) || v < 0) return `The final demand for ${itemLabel(d.items[i])} must be a number of at least 0.`;
        if (v !== 0) out[d.items[i]] = v;
      }
      return out;
    };
    return { element: h('div', { class: 'scroller', role: 'region', 'aria-label': 'Final demand', tabindex: 0 }, table), read };
  }
  const text = d.items.flatMap((id, i) => (y[i] !== 0 ? [`${id}, ${y[i]}`] : [])).join('\n');
  const area = h('textarea', { id: 'demand-lines', rows: 10, spellcheck: 'false' });
  area.value = text;
  const read = (): Record<string, number> | string => {
    const out: Record<string, number> = {};
    for (const [k, line] of area.value.split('\n').entries()) {
      if (line.trim() === '') continue;
      const m = /^\s*(.+?)\s*[,;\t]\s*([^,;\t]+?)\s*$/.exec(line);
      const v = m === null ? Number.NaN : Number(m[2]);
      if (m === null || !Number.isFinite(v) || v < 0) return `Line ${k + 1} of the final demand is not “item, amount” with an amount of at least 0.`;
      out[m[1]] = (out[m[1]] ?? 0) + v;
    }
    return out;
  };
  return { element: h('div', {}, h('label', { for: 'demand-lines', text: `Final demand, one “item, amount” per line (items without a line: 0; ${d.items.length.toLocaleString('en-GB')} items)` }), area), read };
}

/** Whether an edited demand differs from the model's. */
function differs(d: AnalysisDocument, y: readonly number[], edited: Record<string, number>): boolean {
  const index = new Map(d.items.map((id, i) => [id, i]));
  if (Object.keys(edited).some((id) => !index.has(id))) return true;
  return d.items.some((id, i) => Math.abs((edited[id] ?? 0) - y[i]) > 1e-12 * Math.max(1, Math.abs(y[i])));
}

function request(c: Choices): AnalyzeRequest {
  return {
    ...(c.period !== undefined ? { period: c.period } : {}),
    ...(c.labour !== undefined ? { labour: c.labour } : {}),
    ...(c.income !== undefined ? { income: c.income } : {}),
    ...(c.demand !== undefined ? { demand: c.demand } : {}),
  };
}

/**
 * The analysis view: the input–output analysis of the open model (any model, imported tables and
 * multi-regional ones too) through POST /api/models/:id/analyze — gross output for the model's
 * final demand or an edited one, multipliers, income multipliers, linkages, labour values,
 * footprints by region and per person, as tables (sortable, filterable, CSV) and charts (SVG, PNG).
 */
export async function analysisView(root: HTMLElement, state: AppState): Promise<void> {
  const modelId = state.modelId;
  if (modelId === null) return;
  const choices: Choices = {};
  const title = h('h2', { text: 'Analysis' });
  mount(root, title, h('p', { class: 'muted', text: 'Analysing…' }));
  let detail;
  try {
    detail = await modelDetail(state);
  } catch (err) {
    mount(root, title, errorBox(err));
    return;
  }
  const economy = detail.economy;
  // The choices a reload or a shared link names (ids the model does not have are ignored).
  const resourceIds = new Set(economy.resources.map((r) => r.id));
  const asked = { period: urlState.get('period'), labour: urlState.get('labour'), income: urlState.get('income') };
  if (asked.period !== null && economy.periods.includes(asked.period)) choices.period = asked.period;
  if (asked.labour !== null && resourceIds.has(asked.labour)) choices.labour = asked.labour;
  if (asked.income !== null && resourceIds.has(asked.income)) choices.income = asked.income;
  let first = true;
  const results = h('div', { class: 'analysis-results', 'aria-live': 'polite' });
  const controls = h('form', { class: 'analysis-controls panel', 'aria-label': 'What to analyse' });
  let baseline: { doc: AnalysisDocument; y: readonly number[] } | undefined;
  let editor: ReturnType<typeof demandEditor> | undefined;
  const message = h('p', { class: 'muted', role: 'status' });

  const run = async (): Promise<void> => {
    message.textContent = 'Analysing…';
    try {
      const doc = await analyzeModel(state.api, modelId, request(choices), state.modelVersion);
      // Recorded in the URL: the first analysis replaces the entry, a later one is a choice of the user's.
      urlState.set({ period: choices.period ?? null, labour: choices.labour ?? null, income: choices.income ?? null }, { replace: first });
      first = false;
      if (choices.demand === undefined) {
        baseline = { doc, y: converged(doc.grossOutput) ? doc.grossOutput.finalDemand : [] };
        renderControls();
      }
      message.textContent = '';
      render(doc);
    } catch (err) {
      message.textContent = '';
      mount(results, errorBox(err));
    }
  };

  const render = (doc: AnalysisDocument): void => {
    const failed = doc.failures.length > 0;
    const lede = h(
      'p',
      { class: 'lede' },
      `${doc.model}: ${doc.items.length.toLocaleString('en-GB')} items, ${doc.resources.length} resource rows; final demand: ${doc.demand === 'targets' ? 'the model’s own' : doc.demand}${choices.period !== undefined ? `, period ${choices.period}` : ''}.`,
    );
    mount(
      results,
      lede,
      failed ? h('div', { class: 'error', role: 'alert', 'data-failures': String(doc.failures.length) }, h('p', { text: 'Some solves did not succeed; their parts show no numbers:' }), h('ul', {}, ...doc.failures.map((f) => h('li', { text: f })))) : null,
      ...doc.notes.map((n) => h('p', { class: 'note muted', text: n })),
      ...analysisSections(doc),
    );
    announce(failed ? `Analysis done; ${doc.failures.length} solve(s) did not succeed.` : 'Analysis done.');
  };

  const renderControls = (): void => {
    const resources = economy.resources.map((r) => [r.id, `${itemLabel(r.id)} (${r.unit})`] as const);
    const fields = h(
      'div',
      { class: 'fields' },
      economy.periods.length > 1 ? select('analysis-period', 'Period', economy.periods.map((p) => [p, p] as const), choices.period ?? economy.periods[0], (v) => (choices.period = v)) : null,
      select('analysis-labour', 'Labour row (labour values)', [['', 'a resource named like labour'], ...resources], choices.labour, (v) => (v === '' ? delete choices.labour : (choices.labour = v))),
      select('analysis-income', 'Income row (income multipliers)', [['', 'none'], ...resources], choices.income, (v) => (v === '' ? delete choices.income : (choices.income = v))),
    );
    const y = baseline?.y ?? [];
    editor = baseline !== undefined && y.length > 0 ? demandEditor(baseline.doc, y) : undefined;
    const demand =
      editor === undefined
        ? null
        : h('details', { class: 'demand-editor' }, h('summary', { text: 'Edit the final demand (the model’s own to begin with)' }), editor.element, h('p', { class: 'muted', text: 'An edited demand has no regions: its footprints are one column, “all”.' }));
    const reset = h('button', { type: 'button', text: 'Model’s demand' });
    reset.addEventListener('click', () => {
      delete choices.demand;
      void run();
    });
    mount(controls, fields, demand, h('div', { class: 'toolbar' }, h('button', { type: 'submit', class: 'primary', text: 'Analyse' }), reset, message));
  };

  controls.addEventListener('submit', (e) => {
    e.preventDefault();
    if (editor !== undefined && baseline !== undefined) {
      const edited = editor.read();
      if (typeof edited === 'string') {
        message.textContent = edited;
        return;
      }
      if (differs(baseline.doc, baseline.y, edited)) choices.demand = edited;
      else delete choices.demand;
    }
    void run();
  });
  renderControls();
  const stored = state.api.models().catch(() => []);
  const ioChange = h('div', { class: 'io-change' }, decompositionSection(state, economy, stored), seriesSection(state, stored), regionalSection(state, economy));
  mount(root, title, h('p', { class: 'muted', text: 'Gross output, multipliers, linkages, labour values and footprints of the open model (Leontief’s open model: technical coefficients A of the model’s techniques; where several make an item, the model’s plan says which runs).' }), controls, results, ...analysisEffects(state.api, modelId, state.modelVersion ?? null, economy, () => choices.period), pathsSection(state.api, modelId, state.modelVersion ?? null, economy), uncertaintySection(state.api, modelId, state.modelVersion ?? null, economy), ioChange);
  await run();
}
