import { Api, ApiError } from '../api.js';
import type { Alert, EnterprisePlan, EnterpriseTask, SupplyAssignment } from '../api-types.js';
import { h, mount } from '../dom.js';
import { formatAmount, itemLabel } from '../format.js';
import { dataTable, scroller } from '../table.js';
import { alertTable } from './execution-alerts.js';
import { alerts, customers, enterprisePlan, suppliers } from './execution-api.js';
import { unitsFromMap, type Units } from './execution-units.js';
import { reportForm } from './enterprise-report-form.js';
import { errorBox } from './error-box.js';

const KEY = 'plenty.enterprise';

interface Login {
  readonly id: string;
  readonly token: string;
}

function saved(): Login | null {
  try {
    const v: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
    if (typeof v === 'object' && v !== null && typeof (v as Login).id === 'string' && typeof (v as Login).token === 'string') return v as Login;
  } catch {
    // Nothing usable kept.
  }
  return null;
}

/** The enterprise's log-in: its id and the token the planners gave it (kept for this tab only). */
function loginForm(onLogin: (l: Login) => void, problem: HTMLElement | null): HTMLElement {
  const id = h('input', { id: 'ent-id', type: 'text', required: true, autocomplete: 'username' });
  const token = h('input', { id: 'ent-token', type: 'password', required: true, autocomplete: 'current-password' });
  const form = h(
    'form',
    { class: 'panel token-form', 'aria-labelledby': 'ent-login-h' },
    h('h3', { id: 'ent-login-h', text: 'Log in as an enterprise' }),
    h('p', { class: 'muted', text: 'Your enterprise id and the token the planning office gave you when it registered the enterprise. They are kept for this tab only.' }),
    problem,
    h('label', { for: 'ent-id', text: 'Enterprise id' }),
    id,
    h('label', { for: 'ent-token', text: 'Token' }),
    token,
    h('button', { type: 'submit', class: 'primary', id: 'ent-login', text: 'Log in' }),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (id.value.trim() !== '' && token.value.trim() !== '') onLogin({ id: id.value.trim(), token: token.value.trim() });
  });
  return form;
}

function planTable(plan: EnterprisePlan, units: Units): HTMLElement {
  const list = (m: Readonly<Record<string, number>>, unit: (id: string) => string, label: (id: string) => string) =>
    Object.entries(m)
      .map(([k, v]) => `${label(k)} ${formatAmount(v)}${unit(k) === '' ? '' : ` ${unit(k)}`}`)
      .join('; ');
  const cols = [
    { label: 'period', value: (t: EnterpriseTask) => t.period },
    { label: 'technique', value: (t: EnterpriseTask) => t.technique.replace(/_/g, ' ') },
    { label: 'activity', value: (t: EnterpriseTask) => formatAmount(t.activity), numeric: true },
    { label: 'outputs', value: (t: EnterpriseTask) => list(t.outputs, units.item, itemLabel) },
    { label: 'inputs', value: (t: EnterpriseTask) => list(t.inputs, units.item, itemLabel) },
    { label: 'resources', value: (t: EnterpriseTask) => list(t.resources, units.resource, (r) => r.replace(/_/g, ' ')) },
  ];
  return scroller(dataTable(`Plan #${plan.planId} for ${plan.enterprise}, per period and technique`, cols, plan.techniques, (t) => `${t.period}|${t.technique}`, 'ent-plan'), 'Your plan');
}

function partner(id: string): string {
  const m = /^(import|export|stock|final):(.*)$/.exec(id);
  if (m === null) return id;
  const where = m[2].replace(/_/g, ' ');
  return { import: `imports into ${where}`, export: `exports from ${where}`, stock: `stock in ${where}`, final: `final use in ${where}` }[m[1] as 'import' | 'export' | 'stock' | 'final'];
}

async function partnersPanel(api: Api, plan: EnterprisePlan, units: Units): Promise<HTMLElement> {
  const period = h('select', { id: 'ent-partner-period' }, ...plan.periods.map((p) => h('option', { value: p, text: p })));
  const out = h('div', { 'aria-live': 'polite' });
  // The plan names items by region (`coal@donbass_baku`); an assignment names the product and the regions.
  const unitOf = (a: SupplyAssignment): string => [a.toRegion, a.fromRegion].map((r) => units.item(`${a.product}@${r ?? ''}`)).find((u) => u !== '') ?? units.item(a.product);
  const cols = (who: 'from' | 'to') => [
    { label: who === 'from' ? 'supplier' : 'customer', value: (a: SupplyAssignment) => partner(a[who]) },
    { label: 'product', value: (a: SupplyAssignment) => a.product.replace(/_/g, ' ') },
    { label: 'from region', value: (a: SupplyAssignment) => (a.fromRegion ?? '—').replace(/_/g, ' ') },
    { label: 'to region', value: (a: SupplyAssignment) => (a.toRegion ?? '—').replace(/_/g, ' ') },
    { label: 'amount', value: (a: SupplyAssignment) => `${formatAmount(a.amount)} ${unitOf(a)}`.trim(), numeric: true },
  ];
  const load = async () => {
    try {
      const [s, c] = await Promise.all([suppliers(api, plan.enterprise, period.value), customers(api, plan.enterprise, period.value)]);
      mount(
        out,
        s.status === 'optimal' || s.status === 'capacity-short' ? null : h('p', { class: 'warn', text: `The supply assignments are ${s.status}${s.message === undefined ? '' : `: ${s.message}`}` }),
        h('h4', { text: `Suppliers (${s.assignments.length})` }),
        s.assignments.length === 0 ? h('p', { class: 'muted', text: 'No supplier in this period.' }) : scroller(dataTable('Who supplies you', cols('from'), s.assignments, (a) => `${a.from}|${a.product}|${a.fromRegion ?? ''}`, 'ent-suppliers'), 'Suppliers'),
        h('h4', { text: `Customers (${c.assignments.length})` }),
        c.assignments.length === 0 ? h('p', { class: 'muted', text: 'No customer in this period.' }) : scroller(dataTable('Whom you supply', cols('to'), c.assignments, (a) => `${a.to}|${a.product}|${a.toRegion ?? ''}`, 'ent-customers'), 'Customers'),
      );
    } catch (err) {
      mount(out, errorBox(err));
    }
  };
  period.addEventListener('change', () => void load());
  await load();
  return h('section', { class: 'panel', 'aria-labelledby': 'ent-partners-h' }, h('h3', { id: 'ent-partners-h', text: 'Suppliers and customers' }), h('div', { class: 'toolbar' }, h('label', { for: 'ent-partner-period', text: 'Period' }), period), out);
}

async function alertsPanel(api: Api, units: Units, holder: HTMLElement): Promise<void> {
  try {
    const list: readonly Alert[] = await alerts(api);
    mount(holder, h('h3', { id: 'ent-alerts-h', text: `Your alerts (${list.length})` }), list.length === 0 ? h('p', { class: 'muted', text: 'No alerts.' }) : alertTable(list, units, 'ent-alerts', false));
  } catch (err) {
    mount(holder, h('h3', { id: 'ent-alerts-h', text: 'Your alerts' }), errorBox(err));
  }
}

async function show(root: HTMLElement, login: Login): Promise<void> {
  const api = new Api('/api', login.token);
  mount(root, h('h2', { text: 'Enterprise' }), h('p', { class: 'muted', text: 'Loading your plan…' }));
  let plan: EnterprisePlan;
  try {
    plan = await enterprisePlan(api, login.id);
  } catch (err) {
    if (err instanceof ApiError && (err.status === 401 || err.status === 403)) {
      sessionStorage.removeItem(KEY);
      mount(root, h('h2', { text: 'Enterprise' }), loginForm((l) => void logIn(root, l), errorBox(new Error(err.status === 401 ? 'The token is not known to the service.' : `The token does not belong to ${login.id}.`))));
      return;
    }
    if (err instanceof ApiError && err.status === 404) {
      mount(root, h('h2', { text: `Enterprise ${login.id}` }), logoutBar(root), h('p', { class: 'muted', text: /publish/i.test(err.message) ? 'No plan is published yet: your plan appears here once the planners publish one.' : err.message }));
      return;
    }
    mount(root, h('h2', { text: 'Enterprise' }), errorBox(err));
    return;
  }
  const units = unitsFromMap(plan.units.items, plan.units.resources);
  const alertHolder = h('section', { class: 'panel', id: 'ent-alerts', 'aria-labelledby': 'ent-alerts-h' });
  const partners = await partnersPanel(api, plan, units);
  mount(
    root,
    h('h2', { text: `Enterprise ${plan.enterprise}` }),
    logoutBar(root),
    h('p', { class: 'lede', text: `Your part of the published plan #${plan.planId} (model ${plan.modelId}, published ${plan.publishedAt.slice(0, 16).replace('T', ' ')}), the report form, who supplies you and whom you supply, and your alerts.` }),
    h('section', { class: 'panel', 'aria-labelledby': 'ent-plan-h' }, h('h3', { id: 'ent-plan-h', text: 'Your plan' }), planTable(plan, units)),
    reportForm(api, plan, units, () => void alertsPanel(api, units, alertHolder)),
    alertHolder,
    partners,
  );
  await alertsPanel(api, units, alertHolder);
}

function logoutBar(root: HTMLElement): HTMLElement {
  const out = h('button', { type: 'button', id: 'ent-logout', text: 'Log out' });
  out.addEventListener('click', () => {
    sessionStorage.removeItem(KEY);
    mount(root, h('h2', { text: 'Enterprise' }), loginForm((l) => void logIn(root, l), null));
  });
  return h('div', { class: 'toolbar' }, out);
}

function logIn(root: HTMLElement, l: Login): Promise<void> {
  sessionStorage.setItem(KEY, JSON.stringify(l));
  return show(root, l);
}

/** The enterprise's own view: log in with its token, its plan, its report form, its partners and alerts. */
export async function enterpriseView(root: HTMLElement): Promise<void> {
  const l = saved();
  if (l === null) {
    mount(root, h('h2', { text: 'Enterprise' }), loginForm((x) => void logIn(root, x), null));
    return;
  }
  await show(root, l);
}
