import './styles.css';
import { Api, ApiError } from './api.js';
import type { ModelEntry } from './api-types.js';
import { announce, h, mount } from './dom.js';
import type { AppState } from './state.js';
import { urlState } from './url-state.js';
import { analysisView } from './views/analysis-view.js';
import { balanceView } from './views/balance-view.js';
import { compareView } from './views/compare-view.js';
import { errorBox } from './views/error-box.js';
import { enterpriseView } from './views/enterprise-view.js';
import { executionView } from './views/execution-view.js';
import { modelBar } from './views/model-bar.js';
import { solveView } from './views/solve-view.js';
import { tabList } from './views/tab-list.js';
import { tokenForm } from './views/token-form.js';

type ViewId = 'balance' | 'solve' | 'compare' | 'execution' | 'analysis' | 'enterprise';

const VIEWS: readonly { id: ViewId; label: string; render: (root: HTMLElement, state: AppState) => void | Promise<void> }[] = [
  { id: 'balance', label: 'Balance', render: balanceView },
  { id: 'solve', label: 'Plans', render: solveView },
  { id: 'compare', label: 'Scenarios', render: compareView },
  { id: 'execution', label: 'Execution', render: executionView },
  { id: 'analysis', label: 'Analysis', render: analysisView },
  { id: 'enterprise', label: 'Enterprise', render: (root) => enterpriseView(root) },
];

const main = document.getElementById('main') as HTMLElement;
const tabs = document.getElementById('tabs') as HTMLElement;
const bar = document.getElementById('model-bar') as HTMLElement;

const state: AppState = { api: new Api(), modelId: null, modelVersion: null, modelName: '', detail: null, baseline: null, scenarios: new Map() };
let models: ModelEntry[] = [];

function currentView(): ViewId {
  const id = urlState.view();
  return VIEWS.find((v) => v.id === id)?.id ?? 'balance';
}

function renderTabs(active: ViewId): void {
  const list = tabList(
    VIEWS.map((v) => ({ id: v.id, label: v.label, href: urlState.href(v.id) })),
    active,
    (id) => {
      urlState.go(id);
      route();
    },
  );
  mount(tabs, list, h('p', { class: 'model-name', id: 'model-name', text: state.modelName }));
}

/** The model the URL names, else the 1930 example, else the first stored; null when none is stored. */
function chosenModel(): ModelEntry | null {
  const named = urlState.get('model');
  return models.find((m) => m.id === named) ?? models.find((m) => /1930/.test(m.name)) ?? models[0] ?? null;
}

/** Shows what the URL says: its view, of its model (and version). */
function route(): void {
  if (currentView() === 'enterprise' && models.length === 0) {
    // The enterprise view needs no model (nor a planner token): it logs in with the enterprise's own.
    renderTabs('enterprise');
    const section = h('section', { class: 'view', id: 'view-enterprise', role: 'tabpanel', 'aria-labelledby': 'tab-enterprise' });
    mount(main, section);
    void enterpriseView(section);
    return;
  }
  const model = chosenModel();
  if (model === null) {
    renderTabs(currentView());
    mount(main, h('p', { class: 'muted', text: 'No models stored yet: upload one.' }));
    return;
  }
  const named = urlState.get('model');
  if (named !== model.id) {
    // No model in the URL (or one no longer stored): the default, recorded without a history entry.
    urlState.go(currentView(), { model: model.id, version: null, scenario: null, plan: null }, { replace: true });
    if (named !== null) announce(`No model ${named} is stored: showing ${model.name}.`);
  } else if (urlState.view() !== currentView()) {
    urlState.go(currentView(), {}, { replace: true });
  }
  urlState.settle();
  const version = urlState.number('version');
  const wanted = version !== null && Number.isInteger(version) && version >= 1 && version < model.version ? version : null;
  if (state.modelId !== model.id || state.modelVersion !== wanted) {
    state.modelId = model.id;
    state.modelVersion = wanted;
    state.detail = null;
    state.baseline = null;
  }
  state.modelName = wanted === null ? model.name : `${model.name} (version ${wanted})`;
  modelBar(bar, models, { id: model.id, version: wanted }, state.api, { open, show: (el) => mount(main, el) });
  const id = currentView();
  const view = VIEWS.find((v) => v.id === id) ?? VIEWS[0];
  renderTabs(view.id);
  document.title = `${view.label} · ${state.modelName} — Plenty`;
  const section = h('section', { class: 'view', id: `view-${view.id}`, role: 'tabpanel', 'aria-labelledby': `tab-${view.id}` });
  mount(main, section);
  void view.render(section, state);
}

/** Opens a model (a version of it, or its latest): a history entry with the model alone. */
function open(id: string, _name: string, version?: number): void {
  void refreshModels().then(() => {
    urlState.go(currentView(), { model: id, version: version ?? null, scenario: null, plan: null }, { only: true });
    route();
  });
}

async function refreshModels(): Promise<void> {
  models = await state.api.models();
}

async function start(): Promise<void> {
  if (!state.api.hasToken) await state.api.openSession();
  try {
    await refreshModels();
  } catch (err) {
    if (err instanceof ApiError && err.status === 401 && currentView() === 'enterprise') {
      route();
      return;
    }
    if (err instanceof ApiError && err.status === 401) {
      mount(main, tokenForm((token) => {
        state.api.setToken(token);
        void start();
      }));
      return;
    }
    mount(main, errorBox(err));
    return;
  }
  route();
}

/** Back, forward, a link followed or a URL edited: show what it says (once, though both events fire). */
function navigated(): void {
  if (urlState.isSettled() || models.length === 0) return;
  urlState.settle();
  // The stored models may have changed (a new version, an upload elsewhere): read them again.
  void refreshModels()
    .catch(() => undefined)
    .then(route);
}

// The skip link moves the focus to the content without touching the URL (its hash is the view's).
document.querySelector('a.skip')?.addEventListener('click', (e) => {
  e.preventDefault();
  main.focus();
});
window.addEventListener('hashchange', navigated);
window.addEventListener('popstate', navigated);
void start();
