import type { SupplyNetwork } from '../api-types.js';
import { barChart } from '../charts/bar-chart.js';
import { networkChart, type NetworkEdge } from '../charts/network-chart.js';
import { h, mount } from '../dom.js';
import { formatAmount, formatPercent } from '../format.js';
import { dataTable, scroller } from '../table.js';
import { supplyNetwork } from './execution-api.js';
import type { ExecutionContext } from './execution-context.js';
import { errorBox } from './error-box.js';

type NetworkFlow = SupplyNetwork['flows'][number];
type NetworkLine = SupplyNetwork['lines'][number];

const FULL = 0.999;

function render(out: HTMLElement, net: SupplyNetwork, period: string): void {
  const flows = net.flows.filter((f) => f.period === period);
  const lines = net.lines.filter((l) => l.period === period);
  const unserved = net.unserved.filter((u) => u.period === period);
  const regionName = new Map(net.regions.map((r) => [r.id, r.name]));
  const name = (id: string) => regionName.get(id) ?? id;
  const loadOf = new Map(lines.map((l) => [l.resource, l.load]));
  // One arrow per pair of regions: the products it carries summed only where they share a unit.
  const pairs = new Map<string, { from: string; to: string; flows: NetworkFlow[] }>();
  for (const f of flows) {
    const key = `${f.from}→${f.to}`;
    let p = pairs.get(key);
    if (p === undefined) pairs.set(key, (p = { from: f.from, to: f.to, flows: [] }));
    p.flows.push(f);
  }
  const edges: NetworkEdge[] = [...pairs.entries()].map(([key, p]) => {
    const loads = p.flows.flatMap((f) => f.lines.map((l) => loadOf.get(l) ?? null)).filter((x): x is number => x !== null);
    const worst = loads.length === 0 ? null : Math.max(...loads);
    const unitsSet = new Set(p.flows.map((f) => f.unit));
    const value = unitsSet.size === 1 ? p.flows.reduce((s, f) => s + f.amount, 0) : Math.max(...p.flows.map((f) => f.amount));
    return {
      key,
      from: p.from,
      to: p.to,
      value,
      tone: worst === null ? 'free' : worst >= FULL ? 'full' : 'normal',
      title: `${name(p.from)} → ${name(p.to)}: ${p.flows.map((f) => `${f.product.replace(/_/g, ' ')} ${formatAmount(f.amount)} ${f.unit}`).join(', ')}${worst === null ? '' : `; line load ${formatPercent(worst)}`}`,
    };
  });
  // Lines that carry nothing in the period are still drawn, dashed: the network as the model has it.
  for (const l of lines) {
    for (const k of l.links) {
      const key = `${k.from}→${k.to}`;
      if (pairs.has(key) || edges.some((e) => e.key === key)) continue;
      edges.push({ key, from: k.from, to: k.to, value: 0, tone: 'idle', title: `${name(k.from)} → ${name(k.to)}: nothing in ${period} (${l.name})` });
    }
  }
  const flowCols = [
    { label: 'from', value: (f: NetworkFlow) => name(f.from) },
    { label: 'to', value: (f: NetworkFlow) => name(f.to) },
    { label: 'product', value: (f: NetworkFlow) => f.product.replace(/_/g, ' ') },
    { label: 'amount', value: (f: NetworkFlow) => `${formatAmount(f.amount)} ${f.unit}`, numeric: true },
    { label: 'on', value: (f: NetworkFlow) => (f.lines.length === 0 ? 'no shared capacity' : f.lines.join(', ')) },
  ];
  const lineCols = [
    { label: 'line', value: (l: NetworkLine) => l.name },
    { label: 'links', value: (l: NetworkLine) => l.links.map((k) => `${name(k.from)} → ${name(k.to)}`).join('; ') },
    { label: 'used', value: (l: NetworkLine) => `${formatAmount(l.used)} ${l.unit}`, numeric: true },
    { label: 'capacity left for transport', value: (l: NetworkLine) => (l.capacity === null ? 'unlimited' : `${formatAmount(l.capacity)} ${l.unit}`), numeric: true },
    { label: 'load', value: (l: NetworkLine) => (l.load === null ? '—' : formatPercent(l.load)), numeric: true, tone: (l: NetworkLine) => (l.load !== null && l.load >= FULL ? 'short' : undefined) },
  ];
  mount(
    out,
    net.status === 'optimal' || net.status === 'capacity-short' ? null : errorBox(new Error(`The supply assignments are ${net.status}${net.message === undefined ? '' : `: ${net.message}`}`)),
    unserved.length === 0 ? null : h('p', { class: 'short', text: `The lines cannot carry everything in ${period}: ${unserved.map((u) => `${u.product.replace(/_/g, ' ')} ${formatAmount(u.amount)} short in ${u.region === null ? 'the economy' : name(u.region)}`).join('; ')}.` }),
    h(
      'figure',
      { class: 'chart ex-network', 'aria-labelledby': 'ex-network-title', 'aria-describedby': 'ex-network-desc' },
      h('figcaption', {}, h('h4', { id: 'ex-network-title', text: `Flows between regions, ${period}` }), h('p', { id: 'ex-network-desc', class: 'muted', text: 'Arrows: what the supply assignments send from one region to another (width by amount, by square root). Red: the line it runs on is full; blue: a line with room; grey: no shared capacity limits it; dashed: a line that carries nothing this period. Flows within a region are not drawn.' })),
      pairs.size === 0 && edges.length === 0 ? h('p', { class: 'empty', text: `Nothing moves between regions in ${period}.` }) : h('div', { class: 'network-holder', role: 'region', 'aria-label': `Flows between regions, ${period} (scrolls sideways on a narrow screen)`, tabindex: 0 }, networkChart(net.regions.map((r) => ({ id: r.id, label: r.name })), edges, `Flows between regions in ${period}: ${edges.length} arrows; the table below gives each`)),
    ),
    lines.length === 0
      ? h('p', { class: 'muted', text: 'No transport technique of the model uses a shared capacity.' })
      : barChart({
          name: 'ex-line-load',
          title: `Line loads, ${period}`,
          description: 'Use by the flows ÷ what the line has left after the techniques that are not transport; the mark is 100% (full).',
          columns: ['line', 'load'],
          domainMax: Math.max(1, ...lines.map((l) => l.load ?? 0)),
          bars: lines.map((l) => ({ key: l.resource, label: l.name, value: l.load ?? 0, text: l.capacity === null ? 'unlimited' : `${formatPercent(l.load ?? 0)} (${formatAmount(l.used)} of ${formatAmount(l.capacity)} ${l.unit})`, reference: 1, tone: l.load !== null && l.load >= FULL ? 'short' : 'ok' })),
        }),
    lines.length === 0 ? null : scroller(dataTable('Lines: the links they serve, use and capacity', lineCols, lines, (l) => l.resource, 'ex-lines'), 'Lines'),
    flows.length === 0 ? null : h('details', { class: 'ex-more' }, h('summary', { text: `Every flow between regions in ${period} (${flows.length})` }), scroller(dataTable('Flows between regions', flowCols, flows, (f) => `${f.from}|${f.to}|${f.product}`, 'ex-flows'), 'Flows')),
  );
}

/** The published plan's supply assignments as a network of regions and lines, per period. */
export async function networkSection(root: HTMLElement, ctx: ExecutionContext): Promise<void> {
  const heading = h('h3', { id: 'ex-network-h', text: 'Supply network' });
  let net: SupplyNetwork;
  try {
    net = await supplyNetwork(ctx.api);
  } catch (err) {
    mount(root, heading, errorBox(err));
    return;
  }
  const period = h('select', { id: 'ex-network-period' }, ...net.periods.map((p) => h('option', { value: p, text: p })));
  const out = h('div', {});
  period.addEventListener('change', () => render(out, net, period.value));
  mount(
    root,
    heading,
    h('p', { class: 'muted', text: 'Who supplies whom under the published plan, summed by region: a transportation problem per product and period from producers to users within the rail lines’ capacity.' }),
    h('div', { class: 'toolbar' }, h('label', { for: 'ex-network-period', text: 'Period' }), period),
    out,
  );
  render(out, net, period.value);
}
