import './styles.css';
import { Api, ApiError } from './api.js';
import type { ModelEntry } from './api-types.js';
import { h, mount } from './dom.js';
import type { AppState } from './state.js';
import { analysisView } from './views/analysis-view.js';
import { balanceView } from './views/balance-view.js';
import { compareView } from './views/compare-view.js';
import { errorBox } from './views/error-box.js';
import { executionView } from './views/execution-view.js';
import { modelBar } from './views/model-bar.js';
import { solveView } from './views/solve-view.js';
import { tokenForm } from './views/token-form.js';

type ViewId = 'balance' | 'solve' | 'compare' | 'execution' | 'analysis';

const VIEWS: readonly { id: ViewId; label: string; render: (root: HTMLElement, state: AppState) => void | Promise<void> }[] = [
  { id: 'balance', label: 'Balance', render: balanceView },
  { id: 'solve', label: 'Solve', render: solveView },
  { id: 'compare', label: 'Compare', render: compareView },
  { id: 'execution', label: 'Execution', render: executionView },
  { id: 'analysis', label: 'Analysis', render: analysisView },
];

const main = document.getElementById('main') as HTMLElement;
const tabs = document.getElementById('tabs') as HTMLElement;
const bar = document.getElementById('model-bar') as HTMLElement;

const state: AppState = { api: new Api(), modelId: null, modelName: '', detail: null, baseline: null, scenarios: new Map() };
let models: ModelEntry[] = [];

function currentView(): ViewId {
  const id = location.hash.replace(/^#/, '');
  return VIEWS.some((v) => v.id === id) ? (id as ViewId) : 'balance';
}

function renderTabs(active: ViewId): void {
  mount(
    tabs,
    h(
      'ul',
      {},
      ...VIEWS.map((v) => h('li', {}, h('a', { href: `#${v.id}`, id: `tab-${v.id}`, 'aria-current': v.id === active ? 'page' : undefined, text: v.label }))),
    ),
    h('p', { class: 'model-name', id: 'model-name', text: state.modelName }),
  );
}

function route(): void {
  const id = currentView();
  renderTabs(id);
  if (state.modelId === null) return;
  const view = VIEWS.find((v) => v.id === id) ?? VIEWS[0];
  const section = h('section', { class: 'view', id: `view-${view.id}`, 'aria-labelledby': `tab-${view.id}` });
  mount(main, section);
  void view.render(section, state);
}

function open(id: string, name: string): void {
  if (state.modelId !== id) {
    state.modelId = id;
    state.detail = null;
    state.baseline = null;
  }
  state.modelName = name;
  void refreshModels().then(() => route());
}

async function refreshModels(): Promise<void> {
  models = await state.api.models();
  const m = models.find((x) => x.id === state.modelId);
  if (m !== undefined) state.modelName = m.name;
  modelBar(bar, models, state.modelId, state.api, { open, show: (el) => mount(main, el) });
}

async function start(): Promise<void> {
  if (!state.api.hasToken) await state.api.openSession();
  try {
    await refreshModels();
  } catch (err) {
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
  const first = models.find((m) => /1930/.test(m.name)) ?? models[0];
  if (first === undefined) {
    renderTabs(currentView());
    mount(main, h('p', { class: 'muted', text: 'No models stored yet: upload one.' }));
    return;
  }
  open(first.id, first.name);
}

window.addEventListener('hashchange', route);
void start();
