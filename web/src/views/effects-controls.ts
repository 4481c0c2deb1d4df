import type { FailedAnalysisPart } from '../api-types.js';
import { h } from '../dom.js';

// Small pieces the Type II, key-sector and impact sections of the analysis view share.

/** A labelled select; `onChange` gets the chosen value ('' for the first option when it is a default). */
export function selectField(id: string, label: string, options: readonly (readonly [string, string])[], chosen: string, onChange: (v: string) => void): HTMLElement {
  const s = h('select', { id }, ...options.map(([value, text]) => h('option', { value, text, selected: value === chosen })));
  s.addEventListener('change', () => onChange(s.value));
  return h('div', { class: 'field' }, h('label', { for: id, text: label }), s);
}

/** A part whose solves did not succeed: its status and sentence, no numbers. */
export function failedPartBox(title: string, p: FailedAnalysisPart): HTMLElement {
  return h('div', { class: 'error', role: 'alert', 'data-failed': p.status }, h('p', {}, h('strong', { text: `${title}: ${p.status.replace(/-/g, ' ')}. ` }), p.message));
}

/** A section of the analysis view with its heading, lede, a form of controls and a place for results. */
export function effectsSection(key: string, title: string, lede: string, fields: readonly (Node | null)[], button: string, onSubmit: (results: HTMLElement, message: HTMLElement) => Promise<void>): HTMLElement {
  const results = h('div', { class: 'effects-results', 'aria-live': 'polite' });
  const message = h('p', { class: 'muted', role: 'status' });
  const form = h('form', { class: 'analysis-controls', 'aria-label': title }, h('div', { class: 'fields' }, ...fields), h('div', { class: 'toolbar' }, h('button', { type: 'submit', class: 'primary', text: button }), message));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    message.textContent = 'Computing…';
    void onSubmit(results, message).finally(() => {
      if (message.textContent === 'Computing…') message.textContent = '';
    });
  });
  return h('section', { class: 'panel analysis-part', 'data-part': key, 'aria-labelledby': `${key}-h` }, h('h3', { id: `${key}-h`, text: title }), h('p', { class: 'muted', text: lede }), form, results);
}
