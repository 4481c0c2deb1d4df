import { balanceOf } from '../analysis-api.js';
import type { BalanceDocument, ClosingRequirement, ItemBalance, PlanSummary } from '../api-types.js';
import type { ChainStep, DeficitRow, LimitRow, SurplusRow } from '../api-types.js';
import { barChart } from '../charts/bar-chart.js';
import { announce, h, mount } from '../dom.js';
import { formatAmount, formatPercent, itemLabel } from '../format.js';
import { modelDetail, type AppState } from '../state.js';
import { dataTable, scroller, tableView } from '../table.js';
import { errorBox } from './error-box.js';

function chainText(s: ChainStep): string {
  switch (s.kind) {
    case 'item':
      return s.depth === 0 ? `${itemLabel(s.id)}: ${formatAmount(s.shortfall)} short` : `${itemLabel(s.id)} loses ${formatAmount(s.lost)}`;
    case 'technique':
      return `${s.id.replace(/_/g, ' ')} can run at ${formatPercent(s.fraction, 0)} of plan (${formatAmount(s.allowed)} of ${formatAmount(s.planned)}), for want of ${itemLabel(s.reasonId)}`;
    case 'target':
      return `target ${itemLabel(s.itemId)} (priority ${s.priority}) gets ${formatAmount(s.covered)} of ${formatAmount(s.amount)}: ${formatAmount(s.shortfall)} short`;
  }
}

/** What a deficit blocks, as a nested list following the chain's depths. */
function chainList(chain: readonly ChainStep[]): HTMLElement {
  const root = h('ul', { class: 'chain' });
  const stack: HTMLElement[] = [root];
  for (const s of chain.slice(1)) {
    const depth = Math.max(1, s.depth);
    while (stack.length > depth) stack.pop();
    while (stack.length < depth) {
      const parent = stack[stack.length - 1];
      const last = parent.lastElementChild ?? parent.appendChild(h('li'));
      const ul = h('ul');
      last.append(ul);
      stack.push(ul);
    }
    stack[stack.length - 1].append(h('li', { class: `step step-${s.kind}`, text: chainText(s) }));
  }
  return root;
}

/** What closing a deficit takes: the extra resources (largest share of what is available first), whether they allow it, what would be short. */
function closingBlock(r: ClosingRequirement | undefined, unit: string): HTMLElement | null {
  if (r === undefined) return null;
  if (r.status !== 'converged') return h('div', { class: 'closing', 'data-closing': r.item ?? 'all' }, h('p', { class: 'chain-title', text: 'What closing it takes' }), h('p', { class: 'short', text: `Not computed (${r.status}): ${r.message ?? ''}` }));
  const needs = r.needs ?? [];
  const items = Object.keys(r.grossOutput ?? {}).length;
  const short = [...(r.resourcesShort ?? []).map((x) => `${itemLabel(x.id)} short by ${formatAmount(x.short)}`), ...(r.capacitiesShort ?? []).map((x) => `capacity of ${itemLabel(x.id)} short by ${formatAmount(x.short)}`)];
  return h(
    'div',
    { class: 'closing', 'data-closing': r.item ?? 'all' },
    h('p', { class: 'chain-title', text: 'What closing it takes' }),
    h('p', { text: `${formatAmount(r.deficit)} ${unit} more, which calls for more output of ${items} ${items === 1 ? 'item' : 'items'} and ${needs.length === 0 ? 'no extra resources' : 'these extra resources'}:`.replace(/ {2}/g, ' ') }),
    needs.length === 0
      ? null
      : h('ul', { class: 'closing-needs' }, ...needs.slice(0, 5).map((n) => h('li', { 'data-need': n.id, 'data-value': String(n.extra), text: `${itemLabel(n.id)}: ${formatAmount(n.extra)} ${n.unit}${n.available === null ? ' (unlimited)' : ` (${n.extra / n.available < 0.001 ? 'under 0.1%' : formatPercent(n.extra / n.available)} of the ${formatAmount(n.available)} available)`}` }))),
    needs.length > 5 ? h('p', { class: 'muted', text: `… and ${needs.length - 5} more in smaller shares.` }) : null,
    h('p', { class: r.feasible ? 'ok' : 'short', text: r.feasible ? 'The resources and capacities left over allow it.' : `The resources do not allow it: ${short.join('; ')}.` }),
  );
}

function deficitCard(d: DeficitRow, closing: ClosingRequirement | undefined): HTMLElement {
  return h(
    'article',
    { class: 'deficit', 'data-item': d.id, 'aria-label': `Deficit of ${itemLabel(d.id)}` },
    h(
      'header',
      {},
      h('h4', { text: itemLabel(d.id) }),
      h('p', { class: 'num short' }, `${formatAmount(d.deficit)} ${d.unit} short`, h('span', { class: 'muted', text: ` · ${formatPercent(d.share)} of use` })),
    ),
    h('p', { class: 'num muted', text: `supply ${formatAmount(d.supply)} · use ${formatAmount(d.use)} ${d.unit}` }),
    d.chain.length > 1 ? h('div', {}, h('p', { class: 'chain-title', text: 'What it blocks' }), chainList(d.chain)) : h('p', { class: 'muted', text: 'It blocks no technique or target of the plan.' }),
    closingBlock(closing, d.unit),
  );
}

/** Supply against use for every item: supply as a share of use (the mark at 100%), the shortest first. */
function supplyUseChart(items: readonly ItemBalance[]): HTMLElement {
  const LIMIT = 40;
  const used = items.filter((i) => i.use > 0 || i.supply > 0);
  const ratio = (i: ItemBalance): number => (i.use > 0 ? i.supply / i.use : Number.POSITIVE_INFINITY);
  const sorted = [...used].sort((a, b) => ratio(a) - ratio(b)).slice(0, LIMIT);
  return barChart({
    name: 'supply-use',
    title: 'Supply against use',
    description: `Each item’s supply (output, imports, stocks drawn) as a share of its use (inputs, final demand, exports, stocks added); the mark is 100%, where supply meets use. ${used.length > LIMIT ? `The ${LIMIT} least covered of ${used.length} items.` : `All ${used.length} items used or made.`} Bars end at 200%.`,
    bars: sorted.map((i) => {
      const r = ratio(i);
      return {
        key: i.id,
        label: itemLabel(i.id),
        value: Number.isFinite(r) ? r : 2,
        reference: 1,
        text: `${formatAmount(i.supply)} of ${formatAmount(i.use)} ${i.unit}${Number.isFinite(r) ? ` (${formatPercent(r, 0)})` : ''}`,
        tone: i.status === 'deficit' ? 'short' : i.status === 'surplus' ? 'over' : 'ok',
      };
    }),
    columns: ['item', 'supply of use'],
    domainMax: 2,
  });
}

const num = (label: string, f: (r: ItemBalance) => number): { label: string; value: (r: ItemBalance) => string; raw: (r: ItemBalance) => number; numeric: true } => ({ label, value: (r) => formatAmount(f(r)), raw: f, numeric: true });

/** Every item's balance: sortable, filterable, CSV. */
function itemTable(items: readonly ItemBalance[]): HTMLElement {
  return tableView({
    caption: 'Balance of every item (in its unit)',
    name: 'items',
    columns: [
      { label: 'item', value: (r) => itemLabel(r.id), raw: (r) => r.id },
      { label: 'unit', value: (r) => r.unit },
      num('output', (r) => r.output),
      num('imports', (r) => r.imports),
      num('from stock', (r) => r.fromStock),
      num('supply', (r) => r.supply),
      num('inputs', (r) => r.intermediate),
      num('final', (r) => r.final),
      num('exports', (r) => r.exports),
      num('to stock', (r) => r.toStock),
      num('use', (r) => r.use),
      { ...num('supply − use', (r) => r.gap), tone: (r) => (r.status === 'deficit' ? 'short' : undefined) },
      { label: 'status', value: (r) => r.status, tone: (r) => (r.status === 'deficit' ? 'short' : undefined) },
    ],
    rows: items,
    rowKey: (r) => r.id,
  });
}

function limitValue(l: LimitRow): string {
  return `${formatAmount(l.used)} of ${formatAmount(l.available)} ${l.unit}`;
}

function render(b: BalanceDocument): HTMLElement[] {
  const c = b.counts;
  const verdict = b.balances && b.withinLimits ? 'The plan balances.' : b.balances ? 'Every product balances, but some limits are overdrawn.' : `The plan does not balance: ${c.deficit} ${c.deficit === 1 ? 'product is' : 'products are'} short.`;
  const summary = h(
    'section',
    { class: 'summary', 'aria-label': 'Summary' },
    h('p', { class: `verdict ${b.balances && b.withinLimits ? 'ok' : 'short'}`, text: verdict }),
    h(
      'dl',
      { class: 'stats' },
      ...(
        [
          ['items', c.items],
          ['balanced', c.balanced],
          ['in surplus', c.surplus],
          ['short', c.deficit],
          ['resources overdrawn', c.resourcesOver],
          ['capacities exceeded', c.capacitiesOver],
        ] as const
      ).map(([k, v]) => h('div', { class: k === 'short' && v > 0 ? 'short' : undefined }, h('dt', { text: k }), h('dd', { class: 'num', text: String(v) }))),
    ),
  );
  const deficits = h(
    'section',
    { class: 'panel', 'aria-labelledby': 'deficits-h', 'data-section': 'deficits' },
    h('h3', { id: 'deficits-h', text: 'Deficits and what they block' }),
    b.deficits.length === 0 ? h('p', { class: 'muted', text: 'No deficits.' }) : h('div', { class: 'deficits' }, ...b.deficits.map((d) => deficitCard(d, b.closing?.each.find((r) => r.item === d.id)))),
    b.closing?.all !== null && b.closing?.all !== undefined && b.deficits.length > 1 ? h('div', { class: 'closing-all' }, h('h4', { text: 'Closing every deficit together' }), closingBlock(b.closing.all, '')) : null,
    b.closing?.status === 'no-system' ? h('p', { class: 'muted', text: `No closing requirements: ${b.closing.message ?? ''}` }) : null,
  );
  const items = b.items ?? [];
  const supplyUse = h(
    'section',
    { class: 'panel', 'aria-labelledby': 'supply-use-h', 'data-section': 'items' },
    h('h3', { id: 'supply-use-h', text: 'Supply and use of every item' }),
    items.length === 0 ? h('p', { class: 'muted', text: 'No items.' }) : h('div', {}, supplyUseChart(items), itemTable(items)),
  );
  const surplusCols = [
    { label: 'item', value: (r: SurplusRow) => itemLabel(r.id) },
    { label: 'supply', value: (r: SurplusRow) => formatAmount(r.supply), numeric: true },
    { label: 'use', value: (r: SurplusRow) => formatAmount(r.use), numeric: true },
    { label: 'surplus', value: (r: SurplusRow) => formatAmount(r.surplus), numeric: true },
    { label: 'unit', value: (r: SurplusRow) => r.unit },
    { label: 'share', value: (r: SurplusRow) => formatPercent(r.share), numeric: true },
  ];
  const surpluses = h(
    'section',
    { class: 'panel', 'aria-labelledby': 'surpluses-h', 'data-section': 'surpluses' },
    h('h3', { id: 'surpluses-h', text: 'Largest surpluses' }),
    h('p', { class: 'muted', text: 'Made but not used: waste unless stored, exported or planned for.' }),
    scroller(dataTable('Surpluses, largest share first', surplusCols, b.surpluses, (r) => r.id, 'surpluses'), 'Surpluses'),
  );
  const limits = h(
    'section',
    { class: 'panel', 'aria-labelledby': 'limits-h', 'data-section': 'limits' },
    h('h3', { id: 'limits-h', text: 'Overdrawn resources and capacities' }),
    b.limits.length === 0
      ? h('p', { class: 'muted', text: 'None: the plan stays within every resource and capacity.' })
      : scroller(dataTable('Resources and capacities over their limit', [{ label: 'limit', value: (r: LimitRow) => r.id.replace(/_/g, ' ') }, { label: 'kind', value: (r: LimitRow) => r.kind ?? '' }, { label: 'use of limit', value: limitValue, numeric: true, tone: () => 'short' }], b.limits, (r) => r.id, 'limits'), 'Overdrawn limits'),
  );
  return [h('p', { class: 'lede', text: `${b.plan ?? 'The model’s plan'}, period ${b.period}.` }), summary, deficits, supplyUse, h('div', { class: 'two' }, surpluses, limits)];
}

/** The plan picker's choices: the model's own plan, or a stored optimal plan of this model. */
function planOptions(plans: readonly PlanSummary[], modelId: string): [string, string][] {
  const own: [string, string] = ['', 'the model’s own plan'];
  return [own, ...plans.filter((p) => p.modelId === modelId && p.status === 'optimal').map((p): [string, string] => [String(p.id), `optimal plan ${p.id} (${p.objectiveKind}, scenario ${p.scenarioId ?? '—'})`])];
}

function picker(id: string, label: string, options: readonly [string, string][], chosen: string, onChange: (v: string) => void): HTMLElement {
  const s = h('select', { id }, ...options.map(([value, text]) => h('option', { value, text, selected: value === chosen })));
  s.addEventListener('change', () => onChange(s.value));
  return h('div', { class: 'field' }, h('label', { for: id, text: label }), s);
}

/**
 * The balance view: a plan (the model's own, or a stored optimal plan) checked product by product
 * in a period — deficits, what they block and what closing each takes, supply against use, every
 * item's balance, surpluses and overdrawn limits.
 */
export async function balanceView(root: HTMLElement, state: AppState): Promise<void> {
  const modelId = state.modelId;
  if (modelId === null) return;
  const title = h('h2', { text: 'Balance' });
  mount(root, title, h('p', { class: 'muted', text: 'Checking the balance…' }));
  let periods: readonly string[];
  let plans: readonly PlanSummary[];
  try {
    [periods, plans] = await Promise.all([modelDetail(state).then((d) => d.economy.periods), state.api.plans()]);
  } catch (err) {
    mount(root, title, errorBox(err));
    return;
  }
  const choice = { plan: '', period: '' };
  const body = h('div', { class: 'balance-body' });
  const check = async (): Promise<void> => {
    mount(body, h('p', { class: 'muted', text: 'Checking the balance…' }));
    try {
      const b = await balanceOf(state.api, modelId, { all: true, ...(choice.plan !== '' ? { planId: Number(choice.plan) } : {}), ...(choice.period !== '' ? { period: choice.period } : {}) }, state.modelVersion);
      mount(body, ...render(b));
      announce(`Balance checked: ${b.counts.deficit} deficits.`);
    } catch (err) {
      mount(body, errorBox(err));
    }
  };
  const controls = h(
    'form',
    { class: 'balance-controls panel', 'aria-label': 'Which plan and period' },
    picker('balance-plan', 'Plan', planOptions(plans, modelId), choice.plan, (v) => {
      choice.plan = v;
      void check();
    }),
    periods.length > 1
      ? picker('balance-period', 'Period', [['', 'the plan’s own'], ...periods.map((p): [string, string] => [p, p])], choice.period, (v) => {
          choice.period = v;
          void check();
        })
      : null,
  );
  controls.addEventListener('submit', (e) => e.preventDefault());
  mount(root, title, controls, body);
  await check();
}
