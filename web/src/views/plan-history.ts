import { ApiError } from '../api.js';
import type { Api } from '../api.js';
import type { PlanSummary } from '../api-types.js';
import { announce, h, mount } from '../dom.js';
import { formatLevel } from '../format.js';
import { errorBox } from './error-box.js';

export interface HistoryEvents {
  /** Show a stored plan. */
  show(planId: string): void;
}

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().replace('T', ' ').slice(0, 19) + ' UTC';
}

/**
 * The plans of one scenario, newest first, each to show or publish; the published one marked.
 * `notice` is the status line to show (after a publication: what was published, when), kept across
 * the re-render that marks the newly published plan.
 */
export async function planHistory(api: Api, scenarioId: string, shown: string | null, on: HistoryEvents, notice?: string): Promise<HTMLElement> {
  const [scenario, published] = await Promise.all([
    api.scenario(scenarioId),
    api.published().catch((err: unknown) => {
      if (err instanceof ApiError && err.status === 404) return null;
      throw err;
    }),
  ]);
  const result = h('p', { id: 'publish-result', role: 'status', text: notice });
  const plans = [...scenario.plans].sort((a, b) => Number(b.id) - Number(a.id));
  const row = (p: PlanSummary): HTMLElement => {
    const id = String(p.id);
    const isPublished = published !== null && String(published.planId) === id;
    const showText = shown === id ? 'Shown' : 'Show';
    const showButton = h('button', { type: 'button', 'data-show': id, 'aria-label': `${showText} plan ${id}`, text: showText, disabled: shown === id });
    showButton.addEventListener('click', () => on.show(id));
    const publishText = isPublished ? 'Published' : 'Publish';
    const publish = h('button', { type: 'button', 'data-publish': id, 'aria-label': `${publishText} plan ${id}`, text: publishText, disabled: p.status !== 'optimal' || isPublished });
    publish.addEventListener('click', () => {
      publish.disabled = true;
      void api
        .publish(id)
        .then((r) => {
          // One render with both the status line and the plan marked as published, so neither is seen without the other.
          const message = `Plan ${String(r.planId)} published at ${when(r.publishedAt)}: it is now the plan in execution; enterprises report against it.`;
          return planHistory(api, scenarioId, shown, on, message).then((el) => {
            holder.replaceWith(el);
            announce(`Plan ${id} published.`);
          });
        })
        .catch((err: unknown) => {
          publish.disabled = false;
          mount(result, errorBox(err));
        });
    });
    const value = typeof p.objective === 'number' ? formatLevel(p.objective) : '—';
    return h(
      'tr',
      { 'data-plan': id, class: isPublished ? 'published' : undefined },
      h('th', { scope: 'row', text: id }),
      h('td', { text: when(p.createdAt) }),
      h('td', { text: p.objectiveKind }),
      h('td', { text: p.solver }),
      h('td', { class: p.status === 'optimal' ? undefined : 'short', text: p.status }),
      h('td', { class: 'num', text: value }),
      h('td', { class: 'actions' }, showButton, publish),
    );
  };
  const holder = h(
    'section',
    { class: 'panel history', 'aria-labelledby': 'history-h', 'data-scenario': scenarioId },
    h('h3', { id: 'history-h', text: `Plans of “${scenario.name}” (${plans.length})` }),
    published === null ? h('p', { class: 'muted small', text: 'No plan is published yet: publish an optimal plan to put it into execution.' }) : h('p', { class: 'muted small', text: `Published: plan ${String(published.planId)}, since ${when(published.publishedAt)}.` }),
    plans.length === 0
      ? h('p', { class: 'muted', text: 'No plan solved for this scenario yet.' })
      : h(
          'div',
          { class: 'scroller', role: 'region', 'aria-label': 'Plan history', tabindex: 0 },
          h(
            'table',
            { class: 'data', 'data-table': 'history' },
            h('caption', { text: 'Plans solved for this scenario, newest first; the objective value is λ of the last tier for maxmin' }),
            h('thead', {}, h('tr', {}, ...['plan', 'solved', 'objective', 'solver', 'status', 'value', 'actions'].map((c) => h('th', { scope: 'col', class: c === 'value' ? 'num' : undefined, text: c })))),
            h('tbody', {}, ...plans.map(row)),
          ),
        ),
    result,
  );
  return holder;
}
