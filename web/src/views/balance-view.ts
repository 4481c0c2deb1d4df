import type { BalanceSummary, ChainStep, DeficitRow, LimitRow, SurplusRow } from '../api-types.js';
import { announce, h, mount } from '../dom.js';
import { formatAmount, formatPercent, itemLabel } from '../format.js';
import type { AppState } from '../state.js';
import { dataTable, scroller } from '../table.js';
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

function deficitCard(d: DeficitRow): HTMLElement {
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
  );
}

function limitValue(l: LimitRow): string {
  return `${formatAmount(l.used)} of ${formatAmount(l.available)} ${l.unit}`;
}

function render(b: BalanceSummary): HTMLElement[] {
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
    b.deficits.length === 0 ? h('p', { class: 'muted', text: 'No deficits.' }) : h('div', { class: 'deficits' }, ...b.deficits.map(deficitCard)),
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
  return [h('p', { class: 'lede', text: `${b.plan ?? 'The model’s plan'}, period ${b.period}.` }), summary, deficits, h('div', { class: 'two' }, surpluses, limits)];
}

/** The balance view: the model's own plan checked product by product. */
export async function balanceView(root: HTMLElement, state: AppState): Promise<void> {
  if (state.modelId === null) return;
  mount(root, h('h2', { text: 'Balance' }), h('p', { class: 'muted', text: 'Checking the balance…' }));
  try {
    const b = await state.api.balance(state.modelId, state.modelVersion ?? undefined);
    mount(root, h('h2', { text: 'Balance' }), ...render(b));
    announce(`Balance checked: ${b.counts.deficit} deficits.`);
  } catch (err) {
    mount(root, h('h2', { text: 'Balance' }), errorBox(err));
  }
}
