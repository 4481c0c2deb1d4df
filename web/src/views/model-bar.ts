import { ApiError } from '../api.js';
import type { ModelEntry } from '../api-types.js';
import { h, mount } from '../dom.js';
import { errorBox } from './error-box.js';
import { uploadErrors } from './upload-errors.js';

export interface ModelBarEvents {
  /** A model was chosen (opened or uploaded). */
  open(id: string, name: string): void;
  /** Something to show in the main area instead of a view (an upload's refusal). */
  show(el: HTMLElement): void;
}

/** The header's controls: the stored models to open, and a file to upload as a new model. */
export function modelBar(root: HTMLElement, models: readonly ModelEntry[], current: string | null, api: { uploadModel(name: string, format: 'yaml' | 'json', text: string): Promise<{ id: string }> }, on: ModelBarEvents): void {
  const select = h('select', { id: 'model-select', 'aria-label': 'Stored model' }, ...models.map((m) => h('option', { value: m.id, selected: m.id === current, text: `${m.name} (v${m.version})` })));
  const open = h('button', { type: 'button', id: 'open-model', text: 'Open' });
  open.addEventListener('click', () => {
    const m = models.find((x) => x.id === select.value);
    if (m !== undefined) on.open(m.id, m.name);
  });
  const input = h('input', { type: 'file', id: 'upload', class: 'sr-only', accept: '.yaml,.yml,.json,application/json,text/yaml' });
  const label = h('label', { for: 'upload', class: 'button', tabindex: -1, text: 'Upload a model…' });
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file === undefined) return;
    void (async () => {
      const text = await file.text();
      const format = /\.json$/i.test(file.name) ? 'json' : 'yaml';
      try {
        const r = await api.uploadModel(file.name.replace(/\.(ya?ml|json)$/i, ''), format, text);
        on.open(r.id, file.name);
      } catch (err) {
        on.show(err instanceof ApiError && err.status === 422 ? uploadErrors(file.name, text, err.issues) : errorBox(err));
      } finally {
        input.value = '';
      }
    })();
  });
  mount(root, h('label', { for: 'model-select', class: 'sr-only', text: 'Stored model' }), select, open, input, label);
}
