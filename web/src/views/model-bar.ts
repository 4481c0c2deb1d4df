import { ApiError } from '../api.js';
import type { ModelEntry } from '../api-types.js';
import { h, mount } from '../dom.js';
import { errorBox } from './error-box.js';
import { uploadErrors } from './upload-errors.js';

export interface ModelBarEvents {
  /** A model was chosen (opened or uploaded): its latest version, or `version`. */
  open(id: string, name: string, version?: number): void;
  /** Something to show in the main area instead of a view (an upload's refusal). */
  show(el: HTMLElement): void;
}

/** The model shown: its id and version (null: the latest). */
export interface OpenModel {
  readonly id: string;
  readonly version: number | null;
}

/** What the bar needs of the service: an upload under the model's own name, and a new version of a stored one. */
export interface UploadApi {
  uploadModelText(format: 'yaml' | 'json', text: string): Promise<{ id: string; name: string; version: number }>;
  updateModel(id: string, format: 'yaml' | 'json', text: string): Promise<{ id: string; name: string; version: number }>;
}

/** The service's answer to a model stored already: its message and the stored id, offering a new version of it. */
function existsBox(err: ApiError, file: string, format: 'yaml' | 'json', text: string, api: UploadApi, on: ModelBarEvents): HTMLElement {
  const id = err.issues.find((i) => i.code === 'exists' && typeof i.value === 'string')?.value as string | undefined;
  const result = h('p', { role: 'status' });
  const version = h('button', { type: 'button', class: 'primary', id: 'upload-new-version', text: id === undefined ? 'Store as a new version' : `Store as a new version of ${id}`, disabled: id === undefined });
  version.addEventListener('click', () => {
    if (id === undefined) return;
    version.disabled = true;
    void api
      .updateModel(id, format, text)
      .then((m) => on.open(m.id, m.name))
      .catch((e: unknown) => {
        version.disabled = false;
        mount(result, errorBox(e));
      });
  });
  const keep = h('button', { type: 'button', id: 'upload-cancel', text: 'Keep the stored model' });
  keep.addEventListener('click', () => {
    if (id !== undefined) on.open(id, id);
  });
  return h(
    'section',
    { class: 'panel upload-exists', role: 'alert', 'aria-labelledby': 'upload-exists-h', 'data-exists': id ?? '' },
    h('h2', { id: 'upload-exists-h', text: `${file}: this model is stored already` }),
    h('p', { text: `${err.message}.` }),
    h('div', { class: 'toolbar' }, version, keep),
    result,
  );
}

/**
 * The header's controls: the stored models to open, the version of the open one (when it has
 * several), and a file to upload as a new model (under the model's own name; a model stored already
 * is offered as a new version).
 */
export function modelBar(root: HTMLElement, models: readonly ModelEntry[], current: OpenModel | null, api: UploadApi, on: ModelBarEvents): void {
  const select = h('select', { id: 'model-select', 'aria-label': 'Stored model' }, ...models.map((m) => h('option', { value: m.id, selected: m.id === current?.id, text: m.name })));
  const open = h('button', { type: 'button', id: 'open-model', text: 'Open' });
  open.addEventListener('click', () => {
    const m = models.find((x) => x.id === select.value);
    if (m !== undefined) on.open(m.id, m.name);
  });
  const shown = models.find((m) => m.id === current?.id);
  let versions: HTMLElement | null = null;
  if (shown !== undefined && shown.version > 1) {
    const options = Array.from({ length: shown.version }, (_, k) => shown.version - k).map((v) =>
      h('option', { value: v === shown.version ? '' : String(v), selected: v === shown.version ? current?.version === null : v === current?.version, text: v === shown.version ? `v${v} (latest)` : `v${v}` }),
    );
    const pick = h('select', { id: 'model-version', 'aria-label': 'Version of the model' }, ...options);
    pick.addEventListener('change', () => on.open(shown.id, shown.name, pick.value === '' ? undefined : Number(pick.value)));
    versions = h('span', { class: 'model-version' }, h('label', { for: 'model-version', class: 'sr-only', text: 'Version of the model' }), pick);
  } else if (shown !== undefined) {
    versions = h('span', { class: 'model-version', title: 'Version of the model', text: `v${shown.version}` });
  }
  const input = h('input', { type: 'file', id: 'upload', class: 'sr-only', accept: '.yaml,.yml,.json,application/json,text/yaml' });
  const label = h('label', { for: 'upload', class: 'button', tabindex: -1, text: 'Upload a model…' });
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file === undefined) return;
    void (async () => {
      const text = await file.text();
      const format = /\.json$/i.test(file.name) ? 'json' : 'yaml';
      try {
        // The model's own `name` names it (and its id); the same model again is a 409, never a second entry.
        const r = await api.uploadModelText(format, text);
        on.open(r.id, r.name);
      } catch (err) {
        on.show(err instanceof ApiError && err.status === 422 ? uploadErrors(file.name, text, err.issues) : err instanceof ApiError && err.status === 409 ? existsBox(err, file.name, format, text, api, on) : errorBox(err));
      } finally {
        input.value = '';
      }
    })();
  });
  mount(root, h('label', { for: 'model-select', class: 'sr-only', text: 'Stored model' }), select, versions, open, input, label);
}
