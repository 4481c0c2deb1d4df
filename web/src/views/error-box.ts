import { ApiError } from '../api.js';
import { h } from '../dom.js';

/** A refusal or failure, said plainly, with the service's located issues if it gave any. */
export function errorBox(err: unknown): HTMLElement {
  const message = err instanceof Error ? err.message : String(err);
  const box = h('div', { class: 'error', role: 'alert' }, h('p', { text: message }));
  if (err instanceof ApiError && err.issues.length > 0) {
    box.append(h('ul', {}, ...err.issues.map((i) => h('li', { text: `${i.path !== undefined ? `${i.path.join('.')}: ` : ''}${i.message}` }))));
  }
  return box;
}
