import { isOptimal, type Diagnosis, type ObjectiveSpec, type PlanRecord } from '../api-types.js';
import { h } from '../dom.js';
import { formatAmount, formatPercent, itemLabel } from '../format.js';
import { objectiveText } from '../objectives.js';

/** Targets listed by name in an unbounded plan's diagnosis; the rest are counted. */
const LISTED = 12;

/** What a status means and what to do, in words. */
function statusWords(status: string): { headline: string; todo: string } {
  switch (status) {
    case 'optimal':
      return { headline: 'Optimal plan found.', todo: '' };
    case 'infeasible':
      return { headline: 'No plan meets every target within the limits.', todo: 'Reduce the targets as the diagnosis shows, raise the limits it names, or choose an objective that allows shortfalls (maxmin, weighted, harmony).' };
    case 'unbounded':
      return { headline: 'No optimal plan: nothing limits the objective.', todo: 'Give the resources below an availability, or choose an objective that is bounded on this model.' };
    case 'infeasible-or-unbounded':
      return { headline: 'The solver could not tell whether the plan is infeasible or unbounded.', todo: 'Solve again with the HiGHS solver to tell which.' };
    case 'time-limit':
    case 'iteration-limit':
      return { headline: `The solver stopped short (${status}).`, todo: 'Solve again with HiGHS, or on a smaller model.' };
    default:
      return { headline: `No optimal plan: ${status}.`, todo: 'Check the model’s numbers, or solve again with another solver.' };
  }
}

function diagnosisPart(d: Diagnosis, economyUnits: ReadonlyMap<string, string>, choose: (o: ObjectiveSpec) => void): HTMLElement {
  if (d.kind !== 'unbounded') {
    const rows = d.shortfalls ?? [];
    return h(
      'div',
      { class: 'diagnosis', 'data-diagnosis': 'infeasible' },
      h('p', { text: `Diagnosis: ${d.message}.` }),
      rows.length === 0
        ? null
        : h(
            'ul',
            {},
            ...rows.slice(0, 12).map((s) => h('li', { text: `${itemLabel(s.product)}, ${s.period}: reduce by ${formatAmount(s.shortfall)} ${economyUnits.get(s.product.split('@')[0] ?? s.product) ?? ''} of ${formatAmount(s.amount)} (${formatPercent(s.fraction)})` })),
          ),
    );
  }
  const items = [...new Set(d.targets.map((t) => t.product))];
  return h(
    'div',
    { class: 'diagnosis', 'data-diagnosis': 'unbounded' },
    h('p', { text: `Diagnosis: ${d.message}.` }),
    h(
      'dl',
      { class: 'pairs' },
      h('dt', { text: d.priority === null ? 'Targets that grow without limit' : `Targets of tier ${d.priority} that grow without limit` }),
      h('dd', { 'data-unbounded': 'targets', text: items.length === 0 ? 'none named' : items.slice(0, LISTED).map(itemLabel).join(', ') + (items.length > LISTED ? ` and ${items.length - LISTED} more` : '') }),
      h('dt', { text: 'Resources without an availability that make them' }),
      h('dd', { 'data-unbounded': 'resources', text: d.resources.length === 0 ? 'none: their techniques use no resource' : d.resources.map((r) => r.replace(/_/g, ' ')).join(', ') }),
    ),
    h('p', { text: 'Objectives that fit this model:' }),
    h(
      'ul',
      { class: 'suggestions' },
      ...d.suggestions.map((s, i) => {
        const b = h('button', { type: 'button', class: i === 0 ? 'primary' : undefined, 'data-suggestion': s.objective.kind, text: `Solve with ${objectiveText(s.objective)}` });
        b.addEventListener('click', () => choose(s.objective));
        return h('li', {}, b, ` — ${s.reason}.`);
      }),
    ),
  );
}

/** The plan's status in words, with what to do; for an unbounded plan, what leaves it so and the objectives that fit. */
export function planStatus(rec: PlanRecord, units: ReadonlyMap<string, string>, choose: (o: ObjectiveSpec) => void): HTMLElement {
  const r = rec.result;
  const words = statusWords(r.status);
  return h(
    'section',
    { class: 'summary', 'aria-label': 'Plan status', 'data-plan': rec.id, 'data-status': r.status },
    h('p', { class: `verdict ${isOptimal(r) ? 'ok' : 'short'}`, role: isOptimal(r) ? undefined : 'alert', text: words.headline }),
    h('p', { class: 'muted', text: `Plan ${rec.id}: objective ${objectiveText(r.objective)}, solver ${r.solver}.` }),
    words.todo === '' ? null : h('p', { class: 'todo', text: words.todo }),
    r.message !== null && r.message !== undefined ? h('p', { class: 'muted', text: r.message }) : null,
    r.diagnosis !== null && r.diagnosis !== undefined ? diagnosisPart(r.diagnosis, units, choose) : null,
  );
}
