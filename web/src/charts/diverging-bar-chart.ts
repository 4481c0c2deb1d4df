import { h } from '../dom.js';

export interface DivergingBar {
  readonly key: string;
  readonly label: string;
  /** Signed: right of the zero line when positive, left when negative. */
  readonly value: number;
  /** The change as shown, with its unit. */
  readonly text: string;
}

export interface DivergingChartOptions {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly bars: readonly DivergingBar[];
  /** Shown instead of bars when there are none. */
  readonly empty: string;
}

/**
 * Horizontal bars from a zero line in the middle: gains to the right, losses to the left, scaled
 * to the largest |value|; drawn in HTML so that it reflows at any width.
 */
export function divergingBarChart(o: DivergingChartOptions): HTMLElement {
  const id = `chart-${o.name}`;
  const top = Math.max(...o.bars.map((b) => Math.abs(b.value)), 0);
  return h(
    'figure',
    { class: 'chart diverging', id, 'data-chart': o.name, 'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-desc` },
    h('figcaption', {}, h('h3', { id: `${id}-title`, text: o.title }), h('p', { id: `${id}-desc`, class: 'muted', text: o.description })),
    o.bars.length === 0
      ? h('p', { class: 'empty', text: o.empty })
      : h(
          'ul',
          { 'aria-label': o.title },
          ...o.bars.map((b) => {
            const w = top > 0 ? (Math.abs(b.value) / top) * 50 : 0;
            return h(
              'li',
              { class: 'dbar', 'data-key': b.key, 'data-value': String(b.value) },
              h('span', { class: 'dlabel bar-label', title: b.label, text: b.label }),
              h('span', { class: 'dtrack', 'aria-hidden': 'true' }, h('span', { class: 'dzero' }), h('span', { class: `dfill ${b.value >= 0 ? 'up' : 'down'}`, style: b.value >= 0 ? `left:50%;width:${w}%` : `left:${50 - w}%;width:${w}%` })),
              h('span', { class: 'dvalue num', text: b.text }),
            );
          }),
        ),
  );
}
