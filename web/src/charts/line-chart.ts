import { extent, line, scaleLinear, scalePoint } from 'd3';
import { h } from '../dom.js';
import { chartExport } from '../export.js';

export interface LinePoint {
  readonly x: string;
  /** null: no value that year (its solve did not succeed). */
  readonly y: number | null;
  /** The value as shown, with its unit. */
  readonly text: string;
}

export interface LineChartOptions {
  readonly name: string;
  readonly title: string;
  /** One sentence saying what the chart shows. */
  readonly description: string;
  readonly points: readonly LinePoint[];
  /** Column headings of the table alternative. */
  readonly columns: readonly [string, string];
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Readonly<Record<string, string | number>>, text?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** The chart as an SVG drawing of `width` pixels: axes, the line, a dot and label per year. */
function lineSvg(o: LineChartOptions, width: number, standalone: boolean): SVGSVGElement {
  const height = 260;
  const m = { top: standalone ? 56 : 16, right: 24, bottom: 32, left: 72 };
  const ys = o.points.flatMap((p) => (p.y === null ? [] : [p.y]));
  const [lo, hi] = extent(ys) as [number | undefined, number | undefined];
  const pad = lo === undefined || hi === undefined ? 1 : hi === lo ? Math.abs(hi) * 0.05 || 1 : (hi - lo) * 0.08;
  const y = scaleLinear()
    .domain([(lo ?? 0) - pad, (hi ?? 1) + pad])
    .range([height - m.bottom, m.top])
    .nice();
  const x = scalePoint<string>()
    .domain(o.points.map((p) => p.x))
    .range([m.left, width - m.right])
    .padding(0.3);
  const svg = svgEl('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': o.title, 'font-family': 'system-ui, sans-serif', 'font-size': 12 });
  if (standalone) {
    svg.append(svgEl('title', {}, o.title), svgEl('desc', {}, o.description), svgEl('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }));
    svg.append(svgEl('text', { x: 10, y: 22, 'font-size': 15, 'font-weight': 600, fill: '#1b1f24' }, o.title));
    svg.append(svgEl('text', { x: 10, y: 42, fill: '#4a5260' }, o.description.length > 110 ? `${o.description.slice(0, 109)}…` : o.description));
  }
  for (const t of y.ticks(5)) {
    svg.append(svgEl('line', { x1: m.left, x2: width - m.right, y1: y(t), y2: y(t), stroke: '#e3e7ec' }));
    svg.append(svgEl('text', { x: m.left - 6, y: y(t) + 4, 'text-anchor': 'end', fill: '#4a5260' }, y.tickFormat(5, '~s')(t)));
  }
  for (const p of o.points) svg.append(svgEl('text', { x: x(p.x) ?? 0, y: height - m.bottom + 18, 'text-anchor': 'middle', fill: '#4a5260' }, p.x));
  const defined = o.points.filter((p) => p.y !== null);
  const path = line<LinePoint>()
    .defined((p) => p.y !== null)
    .x((p) => x(p.x) ?? 0)
    .y((p) => y(p.y ?? 0))(o.points as LinePoint[]);
  if (path !== null) svg.append(svgEl('path', { d: path, fill: 'none', stroke: '#1f4e79', 'stroke-width': 2 }));
  for (const p of defined) svg.append(svgEl('circle', { cx: x(p.x) ?? 0, cy: y(p.y ?? 0), r: 4, fill: '#1f4e79', 'data-x': p.x, 'data-value': String(p.y) }));
  return svg;
}

/**
 * A line over the years (d3 scales and line), drawn as SVG at the width of its container (redrawn
 * when that changes), with the values in a table for readers who do not see the line, and SVG
 * and PNG downloads.
 */
export function lineChart(o: LineChartOptions): HTMLElement {
  const id = `chart-${o.name}`;
  const holder = h('div', { class: 'line-chart', 'aria-hidden': 'true' });
  const draw = (): void => {
    const w = Math.max(260, Math.min(900, Math.floor(holder.clientWidth || 600)));
    holder.replaceChildren(lineSvg(o, w, false));
  };
  new ResizeObserver(() => draw()).observe(holder);
  draw();
  const table = h(
    'table',
    { class: 'data' },
    h('caption', { text: o.title }),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: o.columns[0] }), h('th', { scope: 'col', class: 'num', text: o.columns[1] }))),
    h('tbody', {}, ...o.points.map((p) => h('tr', { 'data-key': p.x }, h('th', { scope: 'row', text: p.x }), h('td', { class: 'num', text: p.text, 'data-value': p.y === null ? undefined : String(p.y) })))),
  );
  return h(
    'figure',
    { class: 'chart', id, 'data-chart': o.name, 'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-desc` },
    h('figcaption', {}, h('h3', { id: `${id}-title`, text: o.title }), h('p', { id: `${id}-desc`, class: 'muted', text: o.description })),
    o.points.length === 0 ? null : chartExport(o.name, o.title, () => lineSvg(o, 760, true)),
    o.points.length === 0 ? h('p', { class: 'empty', text: 'Nothing to show.' }) : holder,
    h('details', { class: 'as-table' }, h('summary', { text: 'Show as a table' }), table),
  );
}
