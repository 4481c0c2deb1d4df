import { ApiError } from '../api.js';
import { h, mount } from '../dom.js';
import { formatAmount } from '../format.js';
import type { Published } from '../api-types.js';
import type { AppState } from '../state.js';
import { alertsSection } from './execution-alerts.js';
import { published as fetchPublished } from './execution-api.js';
import { distributionSection } from './execution-distribution.js';
import { fulfilmentSection } from './execution-fulfilment.js';
import { networkSection } from './execution-network.js';
import { notPublishedPanel } from './execution-not-published.js';
import { replanSection } from './execution-replan.js';
import { loadUnits } from './execution-units.js';
import { enterprisesSection } from './enterprise-admin.js';
import { errorBox } from './error-box.js';

const SECTIONS: readonly { id: string; label: string }[] = [
  { id: 'ex-fulfilment', label: 'Fulfilment' },
  { id: 'ex-alerts', label: 'Alerts' },
  { id: 'ex-enterprises', label: 'Enterprises' },
  { id: 'ex-replan', label: 'Re-plan' },
  { id: 'ex-network', label: 'Supply network' },
  { id: 'ex-distribution', label: 'Distribution' },
];

/** The execution view: the published plan as it is carried out, from the enterprises' reports. */
export async function executionView(root: HTMLElement, state: AppState): Promise<void> {
  mount(root, h('h2', { text: 'Execution' }), h('p', { class: 'muted', text: 'Loading the published plan…' }));
  let pub: Published;
  try {
    pub = await fetchPublished(state.api);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) {
      mount(root, h('h2', { text: 'Execution' }), notPublishedPanel(state, () => void executionView(root, state)));
      return;
    }
    mount(root, h('h2', { text: 'Execution' }), errorBox(err));
    return;
  }
  let units;
  try {
    units = await loadUnits(state.api, pub.plan.modelId, pub.plan.modelVersion);
  } catch (err) {
    mount(root, h('h2', { text: 'Execution' }), h('p', { text: `The model ${pub.plan.modelId} (version ${pub.plan.modelVersion}) of the published plan could not be read:` }), errorBox(err));
    return;
  }
  const holder = (id: string) => h('section', { class: 'panel ex-section', id, 'aria-labelledby': `${id}-h` }, h('p', { class: 'muted', text: 'Loading…' }));
  const parts = Object.fromEntries(SECTIONS.map((s) => [s.id, holder(s.id)]));
  const objective = pub.plan.objective === null ? '—' : formatAmount(pub.plan.objective);
  mount(
    root,
    h('h2', { text: 'Execution' }),
    h('p', { class: 'lede', text: 'How the published plan is going: what the enterprises reported against what was planned, the alerts their reports raised, and a re-plan from any period on.' }),
    h(
      'dl',
      { class: 'stats summary', 'data-published': String(pub.planId) },
      h('div', {}, h('dt', { text: 'Published plan' }), h('dd', { text: `#${pub.planId}` })),
      h('div', {}, h('dt', { text: 'Model' }), h('dd', { text: `${pub.plan.modelId} v${pub.plan.modelVersion}` })),
      h('div', {}, h('dt', { text: 'Objective' }), h('dd', { text: `${pub.plan.objectiveKind} ${objective}` })),
      h('div', {}, h('dt', { text: 'Published' }), h('dd', { text: pub.publishedAt.slice(0, 16).replace('T', ' ') })),
    ),
    h('nav', { class: 'ex-nav', 'aria-label': 'Parts of the execution view' }, h('ul', {}, ...SECTIONS.map((s) => h('li', {}, h('a', { href: `#execution`, 'data-target': s.id, text: s.label, onclick: (e: Event) => jump(e, s.id) }))))),
    ...SECTIONS.map((s) => parts[s.id]),
  );
  const ctx = { api: state.api, pub, units };
  await Promise.all([
    fulfilmentSection(parts['ex-fulfilment'], ctx),
    alertsSection(parts['ex-alerts'], ctx),
    enterprisesSection(parts['ex-enterprises'], ctx),
    replanSection(parts['ex-replan'], ctx, () => void executionView(root, state)),
    networkSection(parts['ex-network'], ctx),
    distributionSection(parts['ex-distribution'], ctx),
  ]);
}

/** Moves to a part of the view without changing the address (the hash names the view). */
function jump(e: Event, id: string): void {
  e.preventDefault();
  const el = document.getElementById(id);
  if (el === null) return;
  el.scrollIntoView({ block: 'start' });
  const heading = el.querySelector('h3');
  if (heading !== null) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
}
