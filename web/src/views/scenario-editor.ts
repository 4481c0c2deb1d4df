import type { EconomyView, Override } from '../api-types.js';
import { h } from '../dom.js';
import { itemLabel } from '../format.js';
import { tradedItems } from '../presets.js';

export interface ScenarioEditor {
  readonly el: HTMLElement;
  /** The overrides as the rows stand; an error message naming the row when one is incomplete. */
  overrides(): { overrides: Override[] } | { error: string };
  name(): string;
  /** Replaces the rows by these overrides (a preset). */
  load(name: string, overrides: readonly Override[]): void;
}

type Kind = Override['kind'];

const FIELDS: Record<Kind, readonly { key: string; label: string }[]> = {
  target: [
    { key: 'factor', label: 'factor (× amount)' },
    { key: 'amount', label: 'new amount' },
  ],
  resource: [
    { key: 'factor', label: 'factor (× available)' },
    { key: 'available', label: 'new availability' },
  ],
  price: [
    { key: 'exportPrice', label: 'export price' },
    { key: 'importPrice', label: 'import price' },
    { key: 'maxExport', label: 'export cap' },
    { key: 'maxImport', label: 'import cap' },
  ],
};

let counter = 0;

/** One override: kind, what it names (only what the model has), period or region, and its values. */
function overrideRow(economy: EconomyView, regions: readonly string[], initial: Override | null, remove: (row: HTMLElement) => void): { el: HTMLElement; read(): Override | string } {
  const n = ++counter;
  const kind = h('select', { id: `ov-kind-${n}` }, h('option', { value: 'target', text: 'target' }), h('option', { value: 'resource', text: 'availability of a resource' }), h('option', { value: 'price', text: 'trade price or cap' }));
  const subject = h('select', { id: `ov-subject-${n}` });
  const region = h('select', { id: `ov-region-${n}` }, h('option', { value: '', text: 'every region' }), ...regions.map((r) => h('option', { value: r, text: r.replace(/_/g, ' ') })));
  const period = h('select', { id: `ov-period-${n}` }, h('option', { value: '', text: 'every period' }), ...economy.periods.map((p) => h('option', { value: p, text: p })));
  const regionField = h('div', { class: 'field' }, h('label', { for: `ov-region-${n}`, text: 'Region' }), region);
  const periodField = h('div', { class: 'field' }, h('label', { for: `ov-period-${n}`, text: 'Period' }), period);
  const values = h('div', { class: 'fields' });
  const inputs = new Map<string, HTMLInputElement>();
  const removeButton = h('button', { type: 'button', 'aria-label': `Remove override ${n}`, text: 'Remove' });
  const el = h(
    'li',
    { class: 'override', 'data-override': String(n) },
    h('div', { class: 'field' }, h('label', { for: `ov-kind-${n}`, text: 'Change' }), kind),
    h('div', { class: 'field' }, h('label', { for: `ov-subject-${n}`, text: 'Of' }), subject),
    regionField,
    periodField,
    values,
    removeButton,
  );
  removeButton.addEventListener('click', () => remove(el));
  const fill = (k: Kind) => {
    const traded = tradedItems(economy);
    const options =
      k === 'resource'
        ? economy.resources.map((r) => [r.id, `${r.id.replace(/_/g, ' ')} (${r.unit})`] as const)
        : k === 'price'
          ? [...traded, ...economy.products.map((p) => p.id).filter((id) => !traded.includes(id))].map((id) => [id, itemLabel(id)] as const)
          : economy.products.map((p) => [p.id, `${p.id.replace(/_/g, ' ')} (${p.unit})`] as const);
    subject.replaceChildren(...options.map(([v, t]) => h('option', { value: v, text: t })));
    regionField.hidden = k !== 'target' || regions.length === 0;
    periodField.hidden = k === 'price' || economy.periods.length < 2;
    inputs.clear();
    values.replaceChildren(
      ...FIELDS[k].map((f) => {
        const input = h('input', { type: 'number', step: 'any', min: 0, id: `ov-${f.key}-${n}`, inputmode: 'decimal', 'data-field': f.key });
        inputs.set(f.key, input);
        return h('div', { class: 'field' }, h('label', { for: input.id, text: f.label }), input);
      }),
    );
  };
  kind.addEventListener('change', () => fill(kind.value as Kind));
  const start: Kind = initial?.kind ?? 'resource';
  kind.value = start;
  fill(start);
  if (initial !== null) {
    subject.value = initial.kind === 'resource' ? initial.resource : initial.product;
    if (initial.kind !== 'price' && initial.period !== undefined) period.value = initial.period;
    if (initial.kind === 'target' && initial.region !== undefined) region.value = initial.region;
    for (const [k, input] of inputs) {
      const v = (initial as unknown as Record<string, unknown>)[k];
      if (typeof v === 'number') input.value = String(v);
    }
  }
  return {
    el,
    read() {
      const k = kind.value as Kind;
      const given = [...inputs].flatMap(([key, input]) => (input.value.trim() === '' ? [] : [[key, Number(input.value)] as const]));
      if (given.some(([, v]) => !Number.isFinite(v) || v < 0)) return 'values must be numbers ≥ 0';
      if (k !== 'price' && given.length !== 1) return `give either a factor or a new ${k === 'target' ? 'amount' : 'availability'}`;
      if (k === 'price' && given.length === 0) return 'give a price or a cap';
      const extra = Object.fromEntries(given);
      if (k === 'resource') return { kind: k, resource: subject.value, ...(period.value === '' ? {} : { period: period.value }), ...extra } as Override;
      if (k === 'target') return { kind: k, product: subject.value, ...(region.value === '' || regions.length === 0 ? {} : { region: region.value }), ...(period.value === '' ? {} : { period: period.value }), ...extra } as Override;
      return { kind: k, product: subject.value, ...extra } as Override;
    },
  };
}

/** An editor of a scenario's overrides on any model: targets, availabilities, trade prices and caps. */
export function scenarioEditor(economy: EconomyView): ScenarioEditor {
  const regions = ((economy as unknown as { regions?: readonly { id: string }[] }).regions ?? []).map((r) => r.id);
  const list = h('ul', { class: 'overrides', id: 'overrides', 'aria-label': 'Overrides' });
  const rows = new Map<HTMLElement, ReturnType<typeof overrideRow>>();
  const nameInput = h('input', { type: 'text', id: 'scenario-name', value: 'My scenario', autocomplete: 'off' });
  const add = (o: Override | null) => {
    const row = overrideRow(economy, regions, o, (el) => {
      rows.delete(el);
      el.remove();
    });
    rows.set(row.el, row);
    list.append(row.el);
  };
  const addButton = h('button', { type: 'button', id: 'add-override', text: 'Add an override' });
  addButton.addEventListener('click', () => add(null));
  add(null);
  const el = h(
    'fieldset',
    { class: 'plan-form', id: 'scenario-editor' },
    h('legend', { text: 'Scenario: what changes against the model' }),
    h('div', { class: 'field' }, h('label', { for: 'scenario-name', text: 'Scenario name' }), nameInput),
    list,
    addButton,
  );
  return {
    el,
    name: () => nameInput.value.trim() || 'Scenario',
    overrides() {
      const out: Override[] = [];
      let i = 0;
      for (const row of rows.values()) {
        i++;
        const r = row.read();
        if (typeof r === 'string') return { error: `Override ${i}: ${r}.` };
        out.push(r);
      }
      return { overrides: out };
    },
    load(name, overrides) {
      nameInput.value = name;
      rows.clear();
      list.replaceChildren();
      for (const o of overrides) add(o);
      if (overrides.length === 0) add(null);
    },
  };
}
