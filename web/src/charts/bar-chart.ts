import { max, scaleLinear } from 'd3';
import { h } from '../dom.js';
import { chartExport } from '../export.js';

export interface Bar {
  readonly key: string;
  readonly label: string;
  readonly value: number;
  /** The value as shown (formatted, with its unit). */
  readonly text: string;
  /** A reference mark on the same scale (availability, the target's full amount). */
  readonly reference?: number;
  /** `short` (red), `over`, `ok`: the bar's state. */
  readonly tone?: 'short' | 'ok' | 'over' | 'neutral';
}

export interface BarChartOptions {
  readonly title: string;
  /** One sentence saying what the chart shows, read to screen readers and shown beneath the title. */
  readonly description: string;
  readonly bars: readonly Bar[];
  /** Column headings of the table alternative. */
  readonly columns: readonly [string, string];
  /** A fixed upper end of the scale (otherwise the largest value or reference). */
  readonly domainMax?: number;
  /** The name of the chart for tests and styling. */
  readonly name: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const TONES: Readonly<Record<string, string>> = { short: '#b42318', ok: '#7f9cb8', over: '#1f4e79', neutral: '#9aa5b1' };

function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Readonly<Record<string, string | number>>, text?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** The same chart as a standalone SVG drawing (for the SVG and PNG downloads): title, description, bars, values. */
export function barChartSvg(o: BarChartOptions): SVGSVGElement {
  const top = o.domainMax ?? max(o.bars, (b) => Math.max(b.value, b.reference ?? 0)) ?? 1;
  const width = 760;
  const labelWidth = 240;
  const valueWidth = 150;
  const rowHeight = 22;
  const head = 56;
  const height = head + Math.max(1, o.bars.length) * rowHeight + 12;
  const x = scaleLinear().domain([0, top > 0 ? top : 1]).range([0, width - labelWidth - valueWidth - 20]).clamp(true);
  const svg = svgEl('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'font-family': 'system-ui, sans-serif', 'font-size': 12 });
  svg.append(svgEl('title', {}, o.title), svgEl('desc', {}, o.description), svgEl('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }));
  svg.append(svgEl('text', { x: 10, y: 22, 'font-size': 15, 'font-weight': 600, fill: '#1b1f24' }, o.title));
  svg.append(svgEl('text', { x: 10, y: 42, fill: '#4a5260' }, o.description.length > 120 ? `${o.description.slice(0, 119)}…` : o.description));
  o.bars.forEach((b, k) => {
    const y = head + k * rowHeight;
    const label = b.label.length > 36 ? `${b.label.slice(0, 35)}…` : b.label;
    svg.append(svgEl('text', { x: labelWidth - 8, y: y + 15, 'text-anchor': 'end', fill: '#1b1f24' }, label));
    svg.append(svgEl('rect', { x: labelWidth, y: y + 4, width: (width - labelWidth - valueWidth - 20).toFixed(1), height: 14, fill: '#eceff3' }));
    svg.append(svgEl('rect', { x: labelWidth, y: y + 4, width: x(Math.max(0, b.value)).toFixed(2), height: 14, fill: TONES[b.tone ?? 'neutral'] ?? TONES['neutral'] }));
    if (b.reference !== undefined) svg.append(svgEl('rect', { x: (labelWidth + x(b.reference) - 1).toFixed(2), y: y + 1, width: 2, height: 20, fill: '#1b1f24' }));
    svg.append(svgEl('text', { x: width - 10, y: y + 15, 'text-anchor': 'end', fill: '#1b1f24' }, b.text));
  });
  return svg;
}

/**
 * A ranked horizontal bar chart drawn in HTML (it reflows at any width), with a reference mark per
 * bar, the same numbers in a table for readers who do not see the bars, and SVG and PNG downloads
 * of it (drawn by `barChartSvg`).
 */
export function barChart(o: BarChartOptions): HTMLElement {
  const top = o.domainMax ?? max(o.bars, (b) => Math.max(b.value, b.reference ?? 0)) ?? 1;
  const x = scaleLinear().domain([0, top > 0 ? top : 1]).range([0, 100]).clamp(true);
  const id = `chart-${o.name}`;
  const list = h('ol', { class: 'bars', 'aria-hidden': 'true' });
  for (const b of o.bars) {
    const track = h('span', { class: 'bar-track' }, h('span', { class: `bar-fill tone-${b.tone ?? 'neutral'}`, style: `width:${x(Math.max(0, b.value)).toFixed(2)}%` }));
    if (b.reference !== undefined) track.append(h('span', { class: 'bar-ref', style: `left:${x(b.reference).toFixed(2)}%` }));
    list.append(
      h('li', { class: 'bar', 'data-key': b.key, 'data-value': String(b.value) }, h('span', { class: 'bar-label', title: b.label, text: b.label }), track, h('span', { class: 'bar-value num', text: b.text })),
    );
  }
  const table = h(
    'table',
    { class: 'data' },
    h('caption', { text: o.title }),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: o.columns[0] }), h('th', { scope: 'col', class: 'num', text: o.columns[1] }))),
    h('tbody', {}, ...o.bars.map((b) => h('tr', { 'data-key': b.key }, h('th', { scope: 'row', text: b.label }), h('td', { class: 'num', text: b.text })))),
  );
  return h(
    'figure',
    { class: 'chart', id, 'data-chart': o.name, 'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-desc` },
    h('figcaption', {}, h('h3', { id: `${id}-title`, text: o.title }), h('p', { id: `${id}-desc`, class: 'muted', text: o.description })),
    o.bars.length === 0 ? null : chartExport(o.name, o.title, () => barChartSvg(o)),
    o.bars.length === 0 ? h('p', { class: 'empty', text: 'Nothing to show.' }) : list,
    h('details', { class: 'as-table' }, h('summary', { text: 'Show as a table' }), table),
  );
}
