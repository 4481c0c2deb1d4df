import { h } from '../dom.js';
import { formatAmount } from '../format.js';
import type { AppState } from '../state.js';
import { publish } from './execution-api.js';
import { errorBox } from './error-box.js';

/**
 * Before any plan is published: what that means, a link to the Plans view, and the latest optimal
 * plan of the open model to publish from here.
 */
export function notPublishedPanel(state: AppState, onPublished: () => void): HTMLElement {
  const action = h('div', { class: 'ex-publish' }, h('p', { class: 'muted', text: 'Looking for an optimal plan of this model…' }));
  const panel = h(
    'section',
    { class: 'panel', id: 'ex-not-published', 'aria-labelledby': 'ex-not-published-h' },
    h('h3', { id: 'ex-not-published-h', text: 'Nothing is published yet' }),
    h('p', {}, 'Execution follows the one published plan: enterprises report against it, and fulfilment, alerts and re-plans are measured from it. Solve a plan and publish it in the ', h('a', { href: '#solve', text: 'Plans view' }), '; enterprises can be registered once a model names them.'),
    action,
  );
  void (async () => {
    try {
      const list = (await state.api.plans()).filter((p) => p.modelId === state.modelId && p.status === 'optimal');
      const latest = list.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id)[0];
      if (latest === undefined) {
        action.replaceChildren(h('p', { class: 'muted', text: `No optimal plan of ${state.modelName || 'this model'} is stored yet: solve one in the Plans view first.` }));
        return;
      }
      const status = h('p', { role: 'status' });
      const button = h('button', { type: 'button', class: 'primary', id: 'ex-publish-latest', text: `Publish plan #${latest.id}` });
      button.addEventListener('click', () => {
        button.disabled = true;
        status.textContent = 'Publishing…';
        publish(state.api, latest.id).then(
          () => onPublished(),
          (err: unknown) => {
            button.disabled = false;
            status.replaceChildren(errorBox(err));
          },
        );
      });
      action.replaceChildren(
        h('p', { text: `The latest optimal plan of ${state.modelName || 'this model'} is plan #${latest.id} (${latest.objectiveKind}${latest.objective === null ? '' : ` ${formatAmount(latest.objective)}`}, solved ${latest.createdAt.slice(0, 16).replace('T', ' ')}).` }),
        button,
        status,
      );
    } catch (err) {
      action.replaceChildren(errorBox(err));
    }
  })();
  return panel;
}
