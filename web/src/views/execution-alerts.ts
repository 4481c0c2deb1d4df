import type { Api } from '../api.js';
import type { Alert, AlertKind } from '../api-types.js';
import { h, mount } from '../dom.js';
import { formatPercent, itemLabel } from '../format.js';
import { dataTable, scroller } from '../table.js';
import { alerts as fetchAlerts, type AlertFilter } from './execution-api.js';
import type { Units } from './execution-units.js';
import { errorBox } from './error-box.js';

/** An alert's kind in words. */
export const KIND_LABEL: Readonly<Record<AlertKind, string>> = {
  'under-delivery': 'under-delivery',
  'over-delivery': 'over-delivery',
  'input-over-use': 'input over-use',
  'input-under-use': 'input under-use',
};

const ORDER = { critical: 0, warning: 1, normal: 2 } as const;

/** The alerts, critical first, as a table with their level and kind. */
export function alertTable(list: readonly Alert[], units: Units, name: string, withEnterprise = true): HTMLElement {
  const sorted = [...list].sort((a, b) => ORDER[a.level] - ORDER[b.level] || a.period.localeCompare(b.period) || a.enterprise.localeCompare(b.enterprise) || a.item.localeCompare(b.item));
  const cols = [
    { label: 'level', value: (a: Alert) => a.level, tone: (a: Alert) => (a.level === 'critical' ? 'short' : a.level === 'warning' ? 'warn' : undefined) },
    { label: 'kind', value: (a: Alert) => KIND_LABEL[a.kind] ?? a.kind },
    ...(withEnterprise ? [{ label: 'enterprise', value: (a: Alert) => a.enterprise }] : []),
    { label: 'period', value: (a: Alert) => a.period },
    { label: 'item', value: (a: Alert) => itemLabel(a.item) },
    { label: 'planned', value: (a: Alert) => units.amount(a.planned, a.item), numeric: true },
    { label: 'actual', value: (a: Alert) => units.amount(a.actual, a.item), numeric: true },
    { label: 'deviation', value: (a: Alert) => (a.deviation === null ? 'unplanned' : `${a.deviation > 0 ? '+' : ''}${formatPercent(a.deviation)}`), numeric: true },
    { label: 'message', value: (a: Alert) => a.message },
  ];
  return scroller(dataTable('Alerts, critical first (deviation = (actual − planned) ÷ planned)', cols, sorted, (a) => String(a.id), name), 'Alerts');
}

function select(id: string, label: string, options: readonly (readonly [string, string])[]): [HTMLElement, HTMLSelectElement] {
  const s = h('select', { id, name: id }, h('option', { value: '', text: 'any' }), ...options.map(([v, t]) => h('option', { value: v, text: t })));
  return [h('div', { class: 'field' }, h('label', { for: id, text: label }), s), s];
}

/** The planner's alerts: filterable by level, kind, enterprise and period (the service filters). */
export async function alertsSection(root: HTMLElement, ctx: { readonly api: Api; readonly units: Units }): Promise<void> {
  const { api, units } = ctx;
  let all: readonly Alert[];
  try {
    all = await fetchAlerts(api);
  } catch (err) {
    mount(root, h('h3', { id: 'ex-alerts-h', text: 'Alerts' }), errorBox(err));
    return;
  }
  const heading = h('h3', { id: 'ex-alerts-h', text: `Alerts (${all.length})` });
  const [levelField, level] = select('ex-alert-level', 'Level', [['critical', 'critical'], ['warning', 'warning'], ['normal', 'normal']]);
  const [kindField, kind] = select('ex-alert-kind', 'Kind', Object.entries(KIND_LABEL));
  const [entField, enterprise] = select('ex-alert-enterprise', 'Enterprise', [...new Set(all.map((a) => a.enterprise))].sort().map((e) => [e, e] as const));
  const [perField, period] = select('ex-alert-period', 'Period', [...new Set(all.map((a) => a.period))].sort().map((p) => [p, p] as const));
  const which = h('select', { id: 'ex-alert-which', name: 'superseded' }, h('option', { value: '', text: 'current' }), h('option', { value: 'true', text: 'superseded by a newer report' }), h('option', { value: 'all', text: 'both' }));
  const whichField = h('div', { class: 'field' }, h('label', { for: 'ex-alert-which', text: 'Which' }), which);
  const body = h('div', { class: 'ex-alert-list', 'aria-live': 'polite' });
  const show = (list: readonly Alert[], filtered: boolean) => {
    const counts = { critical: 0, warning: 0, normal: 0 };
    for (const a of list) counts[a.level]++;
    mount(
      body,
      h('p', { class: 'ex-alert-count', 'data-count': String(list.length), text: `${list.length} ${filtered ? 'matching ' : ''}alert${list.length === 1 ? '' : 's'}: ${counts.critical} critical, ${counts.warning} warning, ${counts.normal} normal.` }),
      list.length === 0 ? h('p', { class: 'muted', text: filtered ? 'No alert matches.' : 'No alerts: no report has strayed from the plan yet.' }) : alertTable(list, units, 'alerts'),
    );
  };
  const refresh = async () => {
    const f: AlertFilter = {
      ...(level.value === '' ? {} : { level: level.value as Alert['level'] }),
      ...(kind.value === '' ? {} : { kind: kind.value as AlertKind }),
      ...(enterprise.value === '' ? {} : { enterprise: enterprise.value }),
      ...(period.value === '' ? {} : { period: period.value }),
      ...(which.value === '' ? {} : { superseded: which.value as 'true' | 'all' }),
    };
    const filtered = Object.keys(f).length > 0;
    try {
      show(filtered ? await fetchAlerts(api, f) : all, filtered);
    } catch (err) {
      mount(body, errorBox(err));
    }
  };
  for (const s of [level, kind, enterprise, period, which]) s.addEventListener('change', () => void refresh());
  mount(
    root,
    heading,
    h('p', { class: 'muted', text: 'Raised when a report strays from the plan: under- or over-delivery of an output, over- or under-use of an input. Critical alerts go to the planners, warnings to the enterprise.' }),
    h('form', { class: 'toolbar ex-filters', 'aria-label': 'Filter the alerts', onsubmit: (e: Event) => e.preventDefault() }, levelField, kindField, entField, perField, whichField),
    body,
  );
  show(all, false);
}
