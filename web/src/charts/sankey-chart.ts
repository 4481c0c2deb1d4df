import { select } from 'd3';
import { sankey, sankeyLinkHorizontal } from 'd3-sankey';
import type { SankeyLink, SankeyNode } from 'd3-sankey';
import { h } from '../dom.js';
import { formatAmount } from '../format.js';

export interface Flow {
  /** Node ids: the supplying item and the using sector. */
  readonly source: string;
  readonly target: string;
  readonly sourceLabel: string;
  readonly targetLabel: string;
  /** Width of the band (a common measure: value at the plan's valuations). */
  readonly value: number;
  /** The physical amount and its unit, for the table. */
  readonly amount: number;
  readonly unit: string;
}

interface NodeExtra {
  readonly id: string;
  readonly label: string;
  readonly side: 'from' | 'to';
}
type LinkExtra = { readonly flow: Flow };
type Node = SankeyNode<NodeExtra, LinkExtra>;
type Link = SankeyLink<NodeExtra, LinkExtra>;

const SVG = 'http://www.w3.org/2000/svg';

/**
 * A two-column Sankey diagram: supplying items on the left, the sectors that use them on the right,
 * band widths proportional to `value`; the flows also as a table.
 */
export function sankeyChart(title: string, description: string, flows: readonly Flow[], valueLabel: string): HTMLElement {
  const id = 'chart-sankey';
  const figure = h('figure', { class: 'chart', id, 'data-chart': 'sankey', 'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-desc` });
  figure.append(h('figcaption', {}, h('h3', { id: `${id}-title`, text: title }), h('p', { id: `${id}-desc`, class: 'muted', text: description })));
  if (flows.length === 0) {
    figure.append(h('p', { class: 'empty', text: 'No flows in this period.' }));
    return figure;
  }
  const nodeMap = new Map<string, NodeExtra>();
  for (const f of flows) {
    const s = `from:${f.source}`;
    const t = `to:${f.target}`;
    if (!nodeMap.has(s)) nodeMap.set(s, { id: s, label: f.sourceLabel, side: 'from' });
    if (!nodeMap.has(t)) nodeMap.set(t, { id: t, label: f.targetLabel, side: 'to' });
  }
  const nodes = [...nodeMap.values()].map((n) => ({ ...n }));
  const links = flows.map((f) => ({ source: `from:${f.source}`, target: `to:${f.target}`, value: f.value, flow: f }));
  const width = 760;
  const rows = Math.max(nodes.filter((n) => n.side === 'from').length, nodes.filter((n) => n.side === 'to').length);
  const height = Math.max(240, rows * 26);
  const layout = sankey<NodeExtra, LinkExtra>()
    .nodeId((d) => d.id)
    .nodeWidth(10)
    .nodePadding(10)
    .extent([
      [200, 4],
      [width - 200, height - 4],
    ]);
  const graph = layout({ nodes, links } as unknown as { nodes: Node[]; links: Link[] });

  const svg = select(document.createElementNS(SVG, 'svg'))
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('class', 'sankey')
    .attr('role', 'img')
    .attr('aria-label', `${title}: ${flows.length} flows among ${nodes.length} nodes; the table below lists them.`);
  svg
    .append('g')
    .attr('class', 'links')
    .selectAll('path')
    .data(graph.links)
    .join('path')
    .attr('class', 'link')
    .attr('d', sankeyLinkHorizontal())
    .attr('stroke-width', (d) => Math.max(1, d.width ?? 1))
    .attr('data-value', (d) => String(d.value))
    .append('title')
    .text((d) => `${d.flow.sourceLabel} → ${d.flow.targetLabel}: ${formatAmount(d.flow.amount)} ${d.flow.unit}`);
  const node = svg.append('g').attr('class', 'nodes').selectAll('g').data(graph.nodes).join('g').attr('class', 'node');
  node
    .append('rect')
    .attr('x', (d) => d.x0 ?? 0)
    .attr('y', (d) => d.y0 ?? 0)
    .attr('width', (d) => (d.x1 ?? 0) - (d.x0 ?? 0))
    .attr('height', (d) => Math.max(1, (d.y1 ?? 0) - (d.y0 ?? 0)));
  node
    .append('text')
    .attr('x', (d) => (d.side === 'from' ? (d.x0 ?? 0) - 6 : (d.x1 ?? 0) + 6))
    .attr('y', (d) => ((d.y0 ?? 0) + (d.y1 ?? 0)) / 2)
    .attr('dy', '0.35em')
    .attr('text-anchor', (d) => (d.side === 'from' ? 'end' : 'start'))
    .text((d) => d.label);
  const holder = h('div', { class: 'sankey-holder', tabindex: 0, role: 'region', 'aria-label': 'Flows chart (scrolls sideways)' });
  const el = svg.node();
  if (el !== null) holder.append(el);
  figure.append(holder);
  figure.append(
    h(
      'details',
      { class: 'as-table' },
      h('summary', { text: 'Show as a table' }),
      h(
        'table',
        { class: 'data' },
        h('caption', { text: title }),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'from' }), h('th', { scope: 'col', text: 'to' }), h('th', { scope: 'col', class: 'num', text: 'amount' }), h('th', { scope: 'col', text: 'unit' }), h('th', { scope: 'col', class: 'num', text: valueLabel }))),
        h('tbody', {}, ...flows.map((f) => h('tr', {}, h('td', { text: f.sourceLabel }), h('td', { text: f.targetLabel }), h('td', { class: 'num', text: formatAmount(f.amount) }), h('td', { text: f.unit }), h('td', { class: 'num', text: formatAmount(f.value) })))),
      ),
    ),
  );
  return figure;
}
