import { ApiError } from '../api.js';
import type { Alert, AlertKind, FulfilmentRow } from '../api-types.js';
import { barChart } from '../charts/bar-chart.js';
import { h, mount } from '../dom.js';
import { formatAmount, formatPercent, itemLabel } from '../format.js';
import type { AppState } from '../state.js';
import { dataTable, scroller } from '../table.js';
import { errorBox } from './error-box.js';

/** An alert's kind in the table's words. */
const KIND_LABEL: Readonly<Record<AlertKind, string>> = {
  'under-delivery': 'under-delivery',
  'over-delivery': 'over-delivery',
  'input-over-use': 'input over-use',
  'input-under-use': 'input under-use',
};

function ratioOf(r: FulfilmentRow): number {
  return r.ratio ?? (r.planned > 0 && r.reported !== null ? r.reported / r.planned : NaN);
}

/** Fulfilment per period: reported ÷ planned summed over the outputs reported in it. */
function perPeriod(rows: readonly FulfilmentRow[]): { period: string; planned: number; reported: number }[] {
  const by = new Map<string, { planned: number; reported: number }>();
  for (const r of rows) {
    if (r.reported === null || r.kind === 'input') continue;
    const p = r.period ?? '';
    const s = by.get(p) ?? { planned: 0, reported: 0 };
    s.planned += r.planned;
    s.reported += r.reported;
    by.set(p, s);
  }
  return [...by.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([period, s]) => ({ period, ...s }));
}

/** The execution view: how the published plan is going, from the enterprises' reports, and the alerts. */
export async function executionView(root: HTMLElement, state: AppState): Promise<void> {
  mount(root, h('h2', { text: 'Execution' }), h('p', { class: 'muted', text: 'Loading reports…' }));
  let rows: FulfilmentRow[] = [];
  let alerts: Alert[] = [];
  const problems: HTMLElement[] = [];
  // A service without this part yet (501) is said plainly, not as a failure.
  const note = (err: unknown) => (err instanceof ApiError && err.status === 501 ? h('p', { class: 'muted', text: err.message }) : errorBox(err));
  try {
    // Only what some report names: the service also lists every planned item nobody reported yet.
    rows = (await state.api.fulfilment()).filter((r) => r.reported !== null);
  } catch (err) {
    problems.push(note(err));
  }
  try {
    alerts = await state.api.alerts();
  } catch (err) {
    problems.push(note(err));
  }
  const periods = perPeriod(rows);
  const chart = barChart({
    name: 'execution',
    title: 'Fulfilment per period',
    description: 'Reported ÷ planned, summed over the items reported in each period; the mark is 100%.',
    columns: ['period', 'fulfilment'],
    domainMax: Math.max(1, ...periods.map((p) => (p.planned > 0 ? p.reported / p.planned : 0))),
    bars: periods.map((p) => {
      const v = p.planned > 0 ? p.reported / p.planned : 0;
      return { key: p.period, label: p.period, value: v, text: formatPercent(v), reference: 1, tone: v < 0.95 ? 'short' : 'ok' };
    }),
  });
  const order = { critical: 0, warning: 1, normal: 2 } as const;
  const sorted = [...alerts].sort((a, b) => order[a.level] - order[b.level] || a.period.localeCompare(b.period));
  const alertCols = [
    { label: 'level', value: (a: Alert) => a.level, tone: (a: Alert) => (a.level === 'critical' ? 'short' : a.level === 'warning' ? 'warn' : undefined) },
    { label: 'kind', value: (a: Alert) => KIND_LABEL[a.kind] ?? a.kind },
    { label: 'enterprise', value: (a: Alert) => a.enterprise },
    { label: 'period', value: (a: Alert) => a.period },
    { label: 'item', value: (a: Alert) => itemLabel(a.item) },
    { label: 'planned', value: (a: Alert) => formatAmount(a.planned), numeric: true },
    { label: 'actual', value: (a: Alert) => formatAmount(a.actual), numeric: true },
    { label: 'deviation', value: (a: Alert) => (a.deviation === null ? 'unplanned' : formatPercent(a.deviation)), numeric: true },
    { label: 'message', value: (a: Alert) => a.message },
  ];
  const fulCols = [
    { label: 'enterprise', value: (r: FulfilmentRow) => r.enterprise ?? '' },
    { label: 'period', value: (r: FulfilmentRow) => r.period ?? '' },
    { label: 'side', value: (r: FulfilmentRow) => r.kind ?? '' },
    { label: 'item', value: (r: FulfilmentRow) => itemLabel(r.item) },
    { label: 'planned', value: (r: FulfilmentRow) => formatAmount(r.planned), numeric: true },
    { label: 'reported', value: (r: FulfilmentRow) => (r.reported === null ? '—' : formatAmount(r.reported)), numeric: true },
    { label: 'fulfilment', value: (r: FulfilmentRow) => formatPercent(ratioOf(r)), numeric: true, tone: (r: FulfilmentRow) => (ratioOf(r) < 0.95 ? 'short' : undefined) },
  ];
  mount(
    root,
    h('h2', { text: 'Execution' }),
    h('p', { class: 'lede', text: 'How the published plan is going: what enterprises reported against what was planned, and the alerts raised when a report strays.' }),
    ...problems,
    rows.length === 0 && problems.length === 0 ? h('p', { class: 'muted', text: 'No reports yet: publish a plan and let enterprises report (POST /api/reports).' }) : chart,
    h('section', { class: 'panel', 'aria-labelledby': 'alerts-h' }, h('h3', { id: 'alerts-h', text: `Alerts (${alerts.length})` }), alerts.length === 0 ? h('p', { class: 'muted', text: 'No alerts.' }) : scroller(dataTable('Alerts, critical first', alertCols, sorted, (a) => String(a.id), 'alerts'), 'Alerts')),
    rows.length === 0 ? null : h('section', { class: 'panel', 'aria-labelledby': 'ful-h' }, h('h3', { id: 'ful-h', text: 'Fulfilment by enterprise and item' }), scroller(dataTable('Fulfilment by enterprise and item', fulCols, rows, (r) => `${r.enterprise}|${r.period}|${r.kind}|${r.item}`, 'fulfilment'), 'Fulfilment by enterprise')),
  );
}
