import { max, scaleLinear } from 'd3';
import { h } from '../dom.js';

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

/**
 * A ranked horizontal bar chart drawn in HTML (it reflows at any width), with a reference mark per
 * bar and the same numbers in a table for readers who do not see the bars.
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
    o.bars.length === 0 ? h('p', { class: 'empty', text: 'Nothing to show.' }) : list,
    h('details', { class: 'as-table' }, h('summary', { text: 'Show as a table' }), table),
  );
}
