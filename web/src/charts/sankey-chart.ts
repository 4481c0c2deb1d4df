import { scaleOrdinal, schemeTableau10, select } from 'd3';
import { sankey, sankeyLinkHorizontal } from 'd3-sankey';
import type { SankeyLink, SankeyNode } from 'd3-sankey';
import { h } from '../dom.js';
import { formatAmount, formatPrice } from '../format.js';
import { chartExport } from '../export.js';

/** A node of the diagram: its column (0 = left) and its region (its colour), null for none. */
export interface FlowNode {
  readonly id: string;
  readonly label: string;
  readonly column: number;
  readonly region: string | null;
}

export interface Flow {
  readonly source: FlowNode;
  readonly target: FlowNode;
  /** Width of the band, in the diagram's stated unit (value at the plan's valuations). */
  readonly value: number;
  /** The physical amount and its unit, for the table and the tooltip. */
  readonly amount: number;
  readonly unit: string;
}

export interface SankeyOptions {
  readonly title: string;
  readonly description: string;
  readonly flows: readonly Flow[];
  /** What a band's width measures, with its unit: "value, λ". */
  readonly valueLabel: string;
  /** The column headings, left to right. */
  readonly columns: readonly string[];
  /** Shown instead of the diagram when there are no flows. */
  readonly empty: HTMLElement | string;
}

type NodeExtra = FlowNode;
type LinkExtra = { readonly flow: Flow };
type Node = SankeyNode<NodeExtra, LinkExtra>;
type Link = SankeyLink<NodeExtra, LinkExtra>;

const SVG = 'http://www.w3.org/2000/svg';
const NONE = '#6b7785';

/**
 * A Sankey diagram in fixed columns (each node's `column`), nodes and bands coloured by region
 * (grey: none), band widths proportional to `value`, with a legend of the regions and the flows as
 * a table with their physical amounts.
 */
export function sankeyChart(o: SankeyOptions): HTMLElement {
  const id = 'chart-sankey';
  const figure = h('figure', { class: 'chart', id, 'data-chart': 'sankey', 'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-desc` });
  figure.append(h('figcaption', {}, h('h3', { id: `${id}-title`, text: o.title }), h('p', { id: `${id}-desc`, class: 'muted', text: o.description })));
  if (o.flows.length === 0) {
    figure.append(typeof o.empty === 'string' ? h('p', { class: 'empty', text: o.empty }) : o.empty);
    return figure;
  }
  const nodeMap = new Map<string, NodeExtra>();
  for (const f of o.flows) for (const n of [f.source, f.target]) if (!nodeMap.has(n.id)) nodeMap.set(n.id, { ...n });
  const nodes = [...nodeMap.values()];
  const regions = [...new Set(nodes.flatMap((n) => (n.region === null ? [] : [n.region])))].sort();
  const colour = scaleOrdinal<string, string>().domain(regions).range(schemeTableau10);
  const colourOf = (n: FlowNode): string => (n.region === null ? NONE : colour(n.region));
  const links = o.flows.map((f) => ({ source: f.source.id, target: f.target.id, value: f.value, flow: f }));
  const width = 1000;
  const left = 150;
  const right = width - 230;
  // Columns as drawn: those with a node, in order (d3-sankey needs every layer filled).
  const present = [...new Set(nodes.map((n) => n.column))].sort((a, b) => a - b);
  const dense = new Map(present.map((c, k) => [c, k]));
  const columns = present.length;
  const perColumn = present.map((c) => nodes.filter((n) => n.column === c).length);
  const height = Math.max(260, Math.max(...perColumn) * 22);
  const layout = sankey<NodeExtra, LinkExtra>()
    .nodeId((d) => d.id)
    .nodeAlign((d, n) => Math.min(dense.get((d as unknown as NodeExtra).column) ?? 0, n - 1))
    .nodeWidth(10)
    .nodePadding(8)
    .extent([
      [left, 20],
      [right, height - 4],
    ]);
  const graph = layout({ nodes: nodes.map((n) => ({ ...n })), links } as unknown as { nodes: Node[]; links: Link[] });

  const svg = select(document.createElementNS(SVG, 'svg'))
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('class', 'sankey')
    .attr('role', 'img')
    .attr('aria-label', `${o.title}: ${o.flows.length} flows among ${nodes.length} nodes; the table below lists them.`);
  const step = columns > 1 ? (right - left - 10) / (columns - 1) : 0;
  svg
    .append('g')
    .attr('class', 'columns')
    .selectAll('text')
    .data(present.map((c) => o.columns[c] ?? ''))
    .join('text')
    .attr('x', (_, i) => left + i * step + 5)
    .attr('y', 12)
    .attr('text-anchor', (_, i) => (i === 0 ? 'start' : i === columns - 1 ? 'end' : 'middle'))
    .attr('class', 'column-head')
    .text((d) => d);
  svg
    .append('g')
    .attr('class', 'links')
    .selectAll('path')
    .data(graph.links)
    .join('path')
    .attr('class', 'link')
    .attr('d', sankeyLinkHorizontal())
    .style('stroke', (d) => colourOf(d.flow.source.region === null ? d.flow.target : d.flow.source))
    .attr('stroke-width', (d) => Math.max(1, d.width ?? 1))
    .attr('data-value', (d) => String(d.value))
    .append('title')
    .text((d) => `${d.flow.source.label} → ${d.flow.target.label}: ${formatAmount(d.flow.amount)} ${d.flow.unit}, ${formatPrice(d.flow.value)} ${o.valueLabel}`);
  const node = svg.append('g').attr('class', 'nodes').selectAll('g').data(graph.nodes).join('g').attr('class', 'node');
  node
    .append('rect')
    .attr('x', (d) => d.x0 ?? 0)
    .attr('y', (d) => d.y0 ?? 0)
    .attr('width', (d) => (d.x1 ?? 0) - (d.x0 ?? 0))
    .attr('height', (d) => Math.max(1, (d.y1 ?? 0) - (d.y0 ?? 0)))
    .style('fill', (d) => colourOf(d));
  node
    .append('text')
    .attr('x', (d) => (d.column === present[0] ? (d.x0 ?? 0) - 6 : (d.x1 ?? 0) + 6))
    .attr('y', (d) => ((d.y0 ?? 0) + (d.y1 ?? 0)) / 2)
    .attr('dy', '0.35em')
    .attr('text-anchor', (d) => (d.column === present[0] ? 'end' : 'start'))
    .text((d) => d.label);
  const holder = h('div', { class: 'sankey-holder', role: 'region', 'aria-label': `${o.title}: the diagram`, tabindex: 0 });
  const el = svg.node();
  if (el !== null) holder.append(el);
  figure.append(holder);
  if (el !== null) figure.append(chartExport('sankey', o.title, () => el.cloneNode(true) as SVGSVGElement));
  if (regions.length > 0) {
    figure.append(
      h(
        'ul',
        { class: 'legend', 'aria-label': 'Colours: regions' },
        ...regions.map((r) => h('li', {}, h('span', { class: 'swatch', style: `background:${colour(r)}` }), r.replace(/_/g, ' '))),
        h('li', {}, h('span', { class: 'swatch', style: `background:${NONE}` }), 'no region (resources, final use)'),
      ),
    );
  }
  figure.append(
    h(
      'details',
      { class: 'as-table' },
      h('summary', { text: 'Show as a table' }),
      h(
        'div',
        { class: 'scroller', role: 'region', 'aria-label': 'Flows as a table', tabindex: 0 },
        h(
          'table',
          { class: 'data' },
          h('caption', { text: o.title }),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'from' }), h('th', { scope: 'col', text: 'to' }), h('th', { scope: 'col', class: 'num', text: 'amount' }), h('th', { scope: 'col', text: 'unit' }), h('th', { scope: 'col', class: 'num', text: o.valueLabel }))),
          h('tbody', {}, ...o.flows.map((f) => h('tr', {}, h('td', { text: f.source.label }), h('td', { text: f.target.label }), h('td', { class: 'num', text: formatAmount(f.amount) }), h('td', { text: f.unit }), h('td', { class: 'num', text: formatPrice(f.value) })))),
        ),
      ),
    ),
  );
  return figure;
}
