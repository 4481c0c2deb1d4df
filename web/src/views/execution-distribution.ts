import type { Distribution } from '../api-types.js';
import { barChart } from '../charts/bar-chart.js';
import { h, mount } from '../dom.js';
import { formatAmount, formatPercent } from '../format.js';
import { dataTable, scroller } from '../table.js';
import { distribution, fulfilmentDoc } from './execution-api.js';
import type { ExecutionContext } from './execution-context.js';
import { errorBox } from './error-box.js';

type Allocation = Distribution['allocations'][number];

function render(out: HTMLElement, d: Distribution, unit: string, regionName: (id: string) => string): void {
  const amount = (x: number) => `${formatAmount(x)} ${unit}`.trim();
  const cols = [
    { label: 'region', value: (a: Allocation) => regionName(a.region) },
    { label: 'tier', value: (a: Allocation) => String(a.tier), numeric: true },
    { label: 'need', value: (a: Allocation) => amount(a.need), numeric: true },
    { label: 'allocated', value: (a: Allocation) => amount(a.allocated), numeric: true },
    { label: 'share of need', value: (a: Allocation) => formatPercent(a.fraction), numeric: true, tone: (a: Allocation) => (a.fraction < 0.995 ? 'short' : undefined) },
  ];
  const sorted = [...d.allocations].sort((a, b) => a.tier - b.tier || a.region.localeCompare(b.region));
  mount(
    out,
    h(
      'dl',
      { class: 'stats', 'data-distribution': `${d.product}|${d.period}` },
      h('div', {}, h('dt', { text: 'Supply' }), h('dd', { 'data-value': String(d.supply), text: amount(d.supply) })),
      h('div', {}, h('dt', { text: 'Need (norms × population)' }), h('dd', { 'data-value': String(d.need), text: amount(d.need) })),
      h('div', { class: d.allocated < d.need - 1e-9 ? 'short' : undefined }, h('dt', { text: 'Allocated' }), h('dd', { 'data-value': String(d.allocated), text: amount(d.allocated) })),
      h('div', {}, h('dt', { text: 'Left over' }), h('dd', { 'data-value': String(d.left), text: amount(d.left) })),
    ),
    sorted.length === 0
      ? h('p', { class: 'muted', text: `No ${d.category} target of ${d.product.replace(/_/g, ' ')} names a need in ${d.period}.` })
      : barChart({
          name: 'ex-distribution',
          title: `${d.product.replace(/_/g, ' ')} for ${d.category}, ${d.period}: share of each region’s need served`,
          description: 'Allocated ÷ need per region, tier 1 served first; within a tier in proportion to need. The mark is the full need.',
          columns: ['region and tier', 'share of need'],
          domainMax: 1,
          bars: sorted.map((a) => ({ key: a.region, label: `tier ${a.tier} · ${regionName(a.region)}`, value: a.fraction, text: `${formatPercent(a.fraction)} (${amount(a.allocated)})`, reference: 1, tone: a.fraction < 0.995 ? 'short' : 'ok' })),
        }),
    sorted.length === 0 ? null : scroller(dataTable('Allocation by region and tier', cols, sorted, (a) => a.region, 'ex-distribution'), 'Allocation'),
  );
}

/** A consumer good divided among regions by norms and priority tiers (GET /distribution). */
export async function distributionSection(root: HTMLElement, ctx: ExecutionContext): Promise<void> {
  const { api, units } = ctx;
  const heading = h('h3', { id: 'ex-distribution-h', text: 'Distribution by region and tier' });
  let goods: string[];
  let periods: string[];
  try {
    const f = await fulfilmentDoc(api);
    goods = [...new Set(f.targets.filter((t) => t.category === 'households').map((t) => t.item.split('@')[0]))].sort();
    periods = [...new Set(f.targets.map((t) => t.period))];
  } catch (err) {
    mount(root, heading, errorBox(err));
    return;
  }
  if (goods.length === 0) {
    mount(root, heading, h('p', { class: 'muted', text: 'The published plan has no household targets: nothing to distribute.' }));
    return;
  }
  const product = h('select', { id: 'ex-dist-product' }, ...goods.map((g) => h('option', { value: g, text: g.replace(/_/g, ' ') })));
  const period = h('select', { id: 'ex-dist-period' }, ...periods.map((p) => h('option', { value: p, text: p })));
  const supply = h('input', { id: 'ex-dist-supply', type: 'number', min: 0, step: 'any', inputmode: 'decimal', placeholder: 'as delivered' });
  const out = h('div', { 'aria-live': 'polite' });
  const load = async () => {
    try {
      const d = await distribution(api, product.value, period.value, supply.value.trim() === '' ? undefined : supply.value.trim());
      render(out, d, units.item(d.product), units.regionName);
    } catch (err) {
      mount(out, errorBox(err));
    }
  };
  const form = h(
    'form',
    { class: 'toolbar', 'aria-label': 'Which good and period' },
    h('div', { class: 'field' }, h('label', { for: 'ex-dist-product', text: 'Good' }), product),
    h('div', { class: 'field' }, h('label', { for: 'ex-dist-period', text: 'Period' }), period),
    h('div', { class: 'field' }, h('label', { for: 'ex-dist-supply', text: 'Supply (what if; empty: what the plan delivers, scaled by reports)' }), supply),
    h('button', { type: 'submit', id: 'ex-dist-show', text: 'Show' }),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void load();
  });
  product.addEventListener('change', () => void load());
  period.addEventListener('change', () => void load());
  mount(root, heading, h('p', { class: 'muted', text: 'When supply falls short of norm × population, the regions are served by priority tier; within a tier in proportion to need.' }), form, out);
  await load();
}
