import { h } from './dom.js';

export interface Column<R> {
  readonly label: string;
  readonly value: (row: R) => string;
  readonly numeric?: boolean;
  /** A class for the cell (e.g. `short` to colour a deficit). */
  readonly tone?: (row: R) => string | undefined;
}

/** A data table with a caption, header cells scoped to columns and numbers right-aligned. */
export function dataTable<R>(caption: string, columns: readonly Column<R>[], rows: readonly R[], rowKey: (row: R) => string, name: string): HTMLTableElement {
  return h(
    'table',
    { class: 'data', 'data-table': name },
    h('caption', { text: caption }),
    h('thead', {}, h('tr', {}, ...columns.map((c) => h('th', { scope: 'col', class: c.numeric === true ? 'num' : undefined, text: c.label })))),
    h(
      'tbody',
      {},
      ...rows.map((r) =>
        h(
          'tr',
          { 'data-key': rowKey(r) },
          ...columns.map((c, i) => {
            const cls = [c.numeric === true ? 'num' : '', c.tone?.(r) ?? ''].filter((s) => s !== '').join(' ') || undefined;
            return i === 0 ? h('th', { scope: 'row', class: cls, text: c.value(r) }) : h('td', { class: cls, text: c.value(r) });
          }),
        ),
      ),
    ),
  );
}

/** A table that scrolls sideways by itself on a narrow screen instead of widening the page. */
export function scroller(table: HTMLTableElement, label: string): HTMLElement {
  return h('div', { class: 'scroller', role: 'region', 'aria-label': label, tabindex: 0 }, table);
}
