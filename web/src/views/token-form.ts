import { h } from '../dom.js';

/** Asks for a planner token when the service did not hand one out. */
export function tokenForm(onToken: (token: string) => void): HTMLElement {
  const input = h('input', { id: 'token', type: 'password', autocomplete: 'off', required: true });
  const form = h(
    'form',
    { class: 'panel token-form', 'aria-labelledby': 'token-h' },
    h('h2', { id: 'token-h', text: 'Planner token' }),
    h('p', { class: 'muted', text: 'The service printed a planner token when its store was made. Paste it here; it is kept for this tab only.' }),
    h('label', { for: 'token', text: 'Token' }),
    input,
    h('button', { type: 'submit', class: 'primary', text: 'Continue' }),
    h('p', { class: 'muted' }, 'An enterprise? ', h('a', { href: '#enterprise', text: 'Log in with its own token' }), '.'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (input.value.trim() !== '') onToken(input.value.trim());
  });
  return form;
}
