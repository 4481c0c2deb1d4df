import type { EconomyView, ObjectiveSpec, SolveOptions } from '../api-types.js';
import { h } from '../dom.js';
import { OBJECTIVES, objectiveSentence, type ObjectiveKind } from '../objectives.js';

export interface PlanForm {
  readonly el: HTMLElement;
  /** The body of the solve request the form describes. */
  options(): SolveOptions;
  /** Shows an objective (a diagnosis's suggestion, say) in the form. */
  set(o: ObjectiveSpec): void;
}

const SOLVERS: readonly { value: NonNullable<SolveOptions['solver']>; label: string }[] = [
  { value: 'auto', label: 'auto — HiGHS up to its size limit, else PDHG' },
  { value: 'highs', label: 'HiGHS — exact simplex' },
  { value: 'pdhg', label: 'PDHG — first-order, for very large models' },
];

/** The objective and solver of a solve, each objective explained in a sentence. */
export function planForm(economy: EconomyView): PlanForm {
  const kind = h('select', { id: 'objective' }, ...OBJECTIVES.map((o) => h('option', { value: o.kind, text: o.label })));
  const help = h('p', { class: 'muted objective-help', id: 'objective-help' });
  const resource = h('select', { id: 'objective-resource' }, ...economy.resources.map((r) => h('option', { value: r.id, text: `${r.id.replace(/_/g, ' ')} (${r.unit})` })));
  const labour = economy.resources.find((r) => r.id === 'labour');
  if (labour !== undefined) resource.value = labour.id;
  const resourceRow = h('div', { class: 'field' }, h('label', { for: 'objective-resource', text: 'Resource to use least' }), resource);
  const periods = h('select', { id: 'objective-periods' }, h('option', { value: 'leximin', text: 'each period as high as it goes (leximin)' }), h('option', { value: 'common', text: 'one λ for all periods' }));
  const periodsRow = h('div', { class: 'field' }, h('label', { for: 'objective-periods', text: 'Periods' }), periods);
  const cap = h('input', { id: 'objective-cap', type: 'number', min: 0, step: 'any', inputmode: 'decimal', placeholder: 'default', 'aria-describedby': 'objective-cap-help' });
  const capRow = h('div', { class: 'field' }, h('label', { for: 'objective-cap', text: 'Cap on λ' }), cap, h('span', { class: 'muted small', id: 'objective-cap-help', text: 'empty: 1 for every tier but the last' }));
  const solver = h('select', { id: 'solver' }, ...SOLVERS.map((s) => h('option', { value: s.value, text: s.label })));
  const sync = () => {
    const k = kind.value as ObjectiveKind;
    help.textContent = objectiveSentence(k);
    resourceRow.hidden = k !== 'mincost' || economy.resources.length === 0;
    periodsRow.hidden = k !== 'maxmin';
    capRow.hidden = k !== 'maxmin';
  };
  kind.addEventListener('change', sync);
  sync();
  const el = h(
    'fieldset',
    { class: 'plan-form', id: 'plan-form' },
    h('legend', { text: 'Objective and solver' }),
    h('div', { class: 'fields' }, h('div', { class: 'field' }, h('label', { for: 'objective', text: 'Objective' }), kind), resourceRow, periodsRow, capRow, h('div', { class: 'field' }, h('label', { for: 'solver', text: 'Solver' }), solver)),
    help,
  );
  return {
    el,
    options() {
      const k = kind.value as ObjectiveKind;
      const capValue = cap.value.trim() === '' ? undefined : Number(cap.value);
      const objective: ObjectiveSpec =
        k === 'mincost'
          ? { kind: k, ...(resource.value === '' ? {} : { resource: resource.value }) }
          : k === 'maxmin'
            ? { kind: k, periods: periods.value as 'leximin' | 'common', ...(capValue === undefined || !Number.isFinite(capValue) ? {} : { cap: capValue }) }
            : { kind: k };
      return { objective, solver: solver.value as NonNullable<SolveOptions['solver']> };
    },
    set(o) {
      kind.value = o.kind;
      if (o.resource !== undefined) resource.value = o.resource;
      if (o.periods !== undefined) periods.value = o.periods;
      cap.value = o.cap === undefined || o.cap === null ? '' : String(o.cap);
      sync();
    },
  };
}
