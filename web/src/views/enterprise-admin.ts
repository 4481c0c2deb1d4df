import type { Enterprise, EnterpriseCreated, EnterpriseNames } from '../api-types.js';
import { h, mount } from '../dom.js';
import { dataTable, scroller } from '../table.js';
import { createEnterprise, enterpriseNames, enterprises as fetchEnterprises } from './execution-api.js';
import type { ExecutionContext } from './execution-context.js';
import { errorBox } from './error-box.js';

/** A new enterprise's token, shown once, with a copy button. */
function tokenCard(e: EnterpriseCreated): HTMLElement {
  const field = h('input', { id: 'ex-new-token', type: 'text', readonly: true, value: e.token, class: 'token-value', 'aria-describedby': 'ex-new-token-note' });
  const said = h('span', { role: 'status', class: 'muted' });
  const copy = h('button', { type: 'button', id: 'ex-copy-token', text: 'Copy token' });
  copy.addEventListener('click', () => {
    field.select();
    const done = () => (said.textContent = 'Copied.');
    if (navigator.clipboard !== undefined) navigator.clipboard.writeText(e.token).then(done, () => (said.textContent = 'Select the token and copy it (the browser refused the clipboard).'));
    else said.textContent = 'Select the token and copy it.';
  });
  return h(
    'div',
    { class: 'ex-token-card', 'data-enterprise': e.id },
    h('p', { class: 'verdict ok', text: `Enterprise “${e.name}” registered.` }),
    h('label', { for: 'ex-new-token', text: `Its token (give it to ${e.name}; the enterprise logs in with it in the Enterprise view)` }),
    h('div', { class: 'toolbar' }, field, copy, said),
    h('p', { id: 'ex-new-token-note', class: 'warn', text: 'The token is shown this once: the service keeps only its hash. Copy it now.' }),
  );
}

/** Planners register enterprises the published plan's model names and see each token once. */
export async function enterprisesSection(root: HTMLElement, ctx: ExecutionContext): Promise<void> {
  const { api, pub } = ctx;
  const heading = h('h3', { id: 'ex-enterprises-h', text: 'Enterprises' });
  let list: readonly Enterprise[];
  let names: EnterpriseNames['names'];
  try {
    [list, { names }] = await Promise.all([fetchEnterprises(api), enterpriseNames(api, pub.plan.modelId)]);
  } catch (err) {
    mount(root, heading, errorBox(err));
    return;
  }
  const free = names.filter((n) => !n.registered);
  const idSelect = h('select', { id: 'ex-enterprise-id', name: 'id', required: true }, ...free.map((n) => h('option', { value: n.id, text: n.id })));
  const nameInput = h('input', { id: 'ex-enterprise-name', name: 'name', type: 'text', autocomplete: 'off', placeholder: 'as the id' });
  const result = h('div', { class: 'ex-enterprise-result', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'ex-create-enterprise', text: 'Register and show its token', disabled: free.length === 0 });
  const form = h(
    'form',
    { class: 'ex-enterprise-form', 'aria-labelledby': 'ex-enterprise-form-h' },
    h('h4', { id: 'ex-enterprise-form-h', text: 'Register an enterprise' }),
    h('p', { class: 'muted', text: `An enterprise is one the model ${pub.plan.modelId} names: a technique’s enterprise, or a technique that has none (an enterprise of its own). ${free.length} of its ${names.length} are not registered yet.` }),
    h('div', { class: 'field' }, h('label', { for: 'ex-enterprise-id', text: 'Enterprise' }), idSelect),
    h('div', { class: 'field' }, h('label', { for: 'ex-enterprise-name', text: 'Display name (optional)' }), nameInput),
    submit,
    result,
  );
  const table = () =>
    list.length === 0
      ? h('p', { class: 'muted', text: 'No enterprise is registered yet.' })
      : scroller(
          dataTable('Registered enterprises', [{ label: 'id', value: (e: Enterprise) => e.id }, { label: 'name', value: (e: Enterprise) => e.name }, { label: 'registered', value: (e: Enterprise) => e.createdAt.slice(0, 16).replace('T', ' ') }], list, (e) => e.id, 'ex-enterprises'),
          'Registered enterprises',
        );
  const listHolder = h('div', {}, table());
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    submit.disabled = true;
    createEnterprise(api, idSelect.value, nameInput.value.trim()).then(
      (e) => {
        list = [...list, e];
        mount(listHolder, table());
        idSelect.querySelector(`option[value="${CSS.escape(e.id)}"]`)?.remove();
        nameInput.value = '';
        submit.disabled = idSelect.options.length === 0;
        mount(result, tokenCard(e));
      },
      (err: unknown) => {
        submit.disabled = false;
        mount(result, errorBox(err));
      },
    );
  });
  mount(root, heading, listHolder, form);
}
