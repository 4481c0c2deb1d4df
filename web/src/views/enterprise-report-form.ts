import { ApiError, type Api } from '../api.js';
import type { EnterprisePlan } from '../api-types.js';
import { h, mount } from '../dom.js';
import { formatAmount, itemLabel } from '../format.js';
import { submitReport, type ReportBody } from './execution-api.js';
import type { Units } from './execution-units.js';

const ALL = '';

/** The items a choice of technique names in the plan (outputs and inputs), with their planned amounts in the period. */
function itemsOf(plan: EnterprisePlan, period: string, technique: string): { outputs: Map<string, number>; inputs: Map<string, number> } {
  const outputs = new Map<string, number>();
  const inputs = new Map<string, number>();
  for (const t of plan.techniques) {
    if (technique !== ALL && t.technique !== technique) continue;
    // Every period names the same items (a model's techniques are the same in every period); amounts are the period's.
    const same = t.period === period;
    for (const [k, v] of Object.entries(t.outputs)) outputs.set(k, (outputs.get(k) ?? 0) + (same ? v : 0));
    for (const [k, v] of Object.entries(t.inputs)) inputs.set(k, (inputs.get(k) ?? 0) + (same ? v : 0));
  }
  return { outputs, inputs };
}

/** Where a located issue points in the form: `body.outputs["x"]` → the field of x on the outputs side. */
function issuePlace(path: readonly (string | number)[] | undefined): string {
  if (path === undefined) return '';
  const p = path[0] === 'body' ? path.slice(1) : path;
  if ((p[0] === 'outputs' || p[0] === 'inputs') && p.length > 1) return `${p[0] === 'outputs' ? 'output' : 'input'} ${itemLabel(String(p[1]))}`;
  return p.join(' › ');
}

/**
 * The report form: a period and a technique (or all of the enterprise's), then exactly the items the
 * plan names for that choice, outputs and inputs, each with its unit and planned amount. The
 * answer is shown as the service gives it: 201 stored, 200 a repeat, 422 with its located issues.
 */
export function reportForm(api: Api, plan: EnterprisePlan, units: Units, onStored: () => void): HTMLElement {
  const techniques = [...new Set(plan.techniques.map((t) => t.technique))];
  const period = h('select', { id: 'rep-period', name: 'period' }, ...plan.periods.map((p) => h('option', { value: p, text: p })));
  const technique = h('select', { id: 'rep-technique', name: 'technique' }, h('option', { value: ALL, text: 'all its techniques together' }), ...techniques.map((t) => h('option', { value: t, text: t.replace(/_/g, ' ') })));
  const reportId = h('input', { id: 'rep-id', name: 'reportId', type: 'text', required: true, autocomplete: 'off' });
  const fields = h('div', { class: 'rep-fields' });
  const answer = h('div', { class: 'rep-answer', 'aria-live': 'polite' });
  const newId = () => (reportId.value = `${plan.enterprise.replace(/\s+/g, '-').toLowerCase()}-${period.value}-${Date.now().toString(36)}`);
  const side = (name: 'outputs' | 'inputs', items: Map<string, number>) => {
    if (items.size === 0) return h('p', { class: 'muted', text: `No ${name} in the plan for this choice.` });
    return h(
      'fieldset',
      { class: 'rep-side', 'data-side': name },
      h('legend', { text: name === 'outputs' ? 'Outputs made' : 'Inputs used' }),
      ...[...items.entries()].map(([item, planned], k) => {
        const id = `rep-${name}-${k}`;
        const unit = units.item(item);
        return h(
          'div',
          { class: 'rep-row' },
          h('label', { for: id, text: `${itemLabel(item)}${unit === '' ? '' : ` (${unit})`}` }),
          h('input', { id, type: 'number', min: 0, step: 'any', inputmode: 'decimal', 'data-item': item, 'data-side': name, 'aria-describedby': `${id}-plan` }),
          h('span', { id: `${id}-plan`, class: 'muted num', text: `planned ${formatAmount(planned)}${unit === '' ? '' : ` ${unit}`}` }),
        );
      }),
    );
  };
  const refill = () => {
    const { outputs, inputs } = itemsOf(plan, period.value, technique.value);
    mount(fields, side('outputs', outputs), side('inputs', inputs));
    newId();
  };
  period.addEventListener('change', refill);
  technique.addEventListener('change', refill);
  const submit = h('button', { type: 'submit', class: 'primary', id: 'rep-submit', text: 'Submit the report' });
  const form = h(
    'form',
    { class: 'panel rep-form', 'aria-labelledby': 'rep-h', novalidate: true },
    h('h3', { id: 'rep-h', text: 'Report' }),
    h('p', { class: 'muted', text: 'Enter what was made and used in the period; leave a field empty for an item you do not report. Only the items the plan names for your choice can be reported.' }),
    h('div', { class: 'toolbar' }, h('div', { class: 'field' }, h('label', { for: 'rep-period', text: 'Period' }), period), h('div', { class: 'field' }, h('label', { for: 'rep-technique', text: 'Technique' }), technique), h('div', { class: 'field' }, h('label', { for: 'rep-id', text: 'Report id' }), reportId)),
    fields,
    submit,
    answer,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const outputs: Record<string, number> = {};
    const inputs: Record<string, number> = {};
    for (const input of form.querySelectorAll<HTMLInputElement>('input[data-item]')) {
      input.removeAttribute('aria-invalid');
      if (input.value.trim() === '') continue;
      const v = Number(input.value);
      (input.dataset['side'] === 'inputs' ? inputs : outputs)[input.dataset['item'] ?? ''] = v;
    }
    const body: ReportBody = { reportId: reportId.value.trim(), enterprise: plan.enterprise, period: period.value, ...(technique.value === ALL ? {} : { technique: technique.value }), outputs, inputs };
    if (Object.keys(outputs).length + Object.keys(inputs).length === 0) {
      mount(answer, h('p', { class: 'error', role: 'alert', text: 'Enter at least one amount.' }));
      return;
    }
    submit.disabled = true;
    submitReport(api, body).then(
      (r) => {
        mount(
          answer,
          h('p', {
            class: 'verdict ok',
            'data-status': String(r.status),
            text: r.status === 201 ? `${r.status} Created: report “${body.reportId}” is stored and counted.` : `${r.status} OK: report “${body.reportId}” was already stored with the same content; nothing changed.`,
          }),
        );
        submit.disabled = false;
        newId();
        onStored();
      },
      (err: unknown) => {
        submit.disabled = false;
        const status = err instanceof ApiError ? err.status : 0;
        const issues = err instanceof ApiError ? err.issues : [];
        for (const i of issues) {
          const p = i.path ?? [];
          const key = p[0] === 'body' && (p[1] === 'outputs' || p[1] === 'inputs') ? String(p[2]) : null;
          if (key !== null) form.querySelector<HTMLInputElement>(`input[data-item="${CSS.escape(key)}"][data-side="${String(p[1])}"]`)?.setAttribute('aria-invalid', 'true');
        }
        mount(
          answer,
          h(
            'div',
            { class: 'error', role: 'alert', 'data-status': String(status) },
            h('p', { text: `${status === 0 ? '' : `${status} `}Refused: ${issues.length > 0 ? 'the service did not store the report.' : err instanceof Error ? err.message : String(err)}` }),
            issues.length === 0 ? null : h('ul', {}, ...issues.map((i) => h('li', { 'data-path': (i.path ?? []).join('.') }, h('strong', { text: `${issuePlace(i.path)}: ` }), i.message))),
          ),
        );
      },
    );
  });
  refill();
  return form;
}
