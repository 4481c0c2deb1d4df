import { h } from './dom.js';
import { csvText, downloadFile } from './export.js';

export interface Column<R> {
  readonly label: string;
  readonly value: (row: R) => string;
  readonly numeric?: boolean;
  /** A class for the cell (e.g. `short` to colour a deficit). */
  readonly tone?: (row: R) => string | undefined;
  /**
   * The number (or text) behind the cell, at full precision: what sorting uses, what the CSV holds
   * and the cell's `data-value`. Default: the number read back from the shown value, or the text.
   */
  readonly raw?: (row: R) => number | string | null;
  /** The unit of the column, named in its header and the CSV's (`gross output (dollar)`). */
  readonly unit?: string;
}

type Direction = 'ascending' | 'descending';

/** A shown number read back: `1,234.5` → 1234.5, `−3` → −3, `12.5%` → 12.5; NaN when it is not one. */
function shownNumber(text: string): number {
  const t = text.replace(/[,\s%]/g, '').replace(/−/g, '-');
  return t === '' || !/^[-+]?(\d|\.\d)/.test(t) ? Number.NaN : Number.parseFloat(t);
}

function rawOf<R>(c: Column<R>, row: R): number | string | null {
  if (c.raw !== undefined) return c.raw(row);
  const shown = c.value(row);
  if (c.numeric === true) {
    const x = shownNumber(shown);
    return Number.isNaN(x) ? null : x;
  }
  return shown;
}

/** Compares two cells: numbers by value, text by locale; empty cells (null, NaN) last either way. */
function compareCells(a: number | string | null, b: number | string | null): number {
  const emptyA = a === null || (typeof a === 'number' && Number.isNaN(a));
  const emptyB = b === null || (typeof b === 'number' && Number.isNaN(b));
  if (emptyA || emptyB) return emptyA === emptyB ? 0 : emptyA ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'en', { numeric: true });
}

function cellClass<R>(c: Column<R>, row: R): string | undefined {
  return [c.numeric === true ? 'num' : '', c.tone?.(row) ?? ''].filter((s) => s !== '').join(' ') || undefined;
}

function rowElement<R>(columns: readonly Column<R>[], row: R, key: string): HTMLTableRowElement {
  return h(
    'tr',
    { 'data-key': key },
    ...columns.map((c, i) => {
      const raw = c.numeric === true ? rawOf(c, row) : null;
      const attrs = { class: cellClass(c, row), text: c.value(row), 'data-value': typeof raw === 'number' ? String(raw) : undefined };
      return i === 0 ? h('th', { scope: 'row', ...attrs }) : h('td', attrs);
    }),
  );
}

/**
 * Header cells that sort the rows: a button in each (click, Enter or Space), `aria-sort` on the
 * sorted one; a second press reverses the order. `onSort` re-renders the body.
 */
function sortableHead<R>(columns: readonly Column<R>[], onSort: (column: number, direction: Direction) => void): HTMLTableSectionElement {
  let sorted = -1;
  let direction: Direction = 'ascending';
  const cells = columns.map((c, i) => {
    const text = c.unit === undefined || c.unit === '' ? c.label : `${c.label} (${c.unit})`;
    const button = h('button', { type: 'button', class: 'sort', text, title: `Sort by ${c.label}` });
    const th = h('th', { scope: 'col', class: c.numeric === true ? 'num' : undefined }, button);
    button.addEventListener('click', () => {
      // Numbers sort largest first on the first press, text from A.
      direction = sorted === i ? (direction === 'ascending' ? 'descending' : 'ascending') : c.numeric === true ? 'descending' : 'ascending';
      sorted = i;
      for (const other of cells) other.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', direction);
      onSort(i, direction);
    });
    return th;
  });
  return h('thead', {}, h('tr', {}, ...cells));
}

/** The rows in the order of a column (stable: equal cells keep their order). */
function sortRows<R>(rows: readonly R[], c: Column<R>, direction: Direction): R[] {
  const keyed = rows.map((row, k) => ({ row, k, v: rawOf(c, row) }));
  keyed.sort((a, b) => {
    const bothFull = a.v !== null && b.v !== null && !(typeof a.v === 'number' && Number.isNaN(a.v)) && !(typeof b.v === 'number' && Number.isNaN(b.v));
    const d = compareCells(a.v, b.v);
    return (bothFull && direction === 'descending' ? -d : d) || a.k - b.k;
  });
  return keyed.map((e) => e.row);
}

/**
 * A data table with a caption, header cells scoped to columns, numbers right-aligned (with their
 * full value in `data-value`), sortable by any column.
 */
export function dataTable<R>(caption: string, columns: readonly Column<R>[], rows: readonly R[], rowKey: (row: R) => string, name: string): HTMLTableElement {
  const elements = new Map<R, HTMLTableRowElement>();
  const element = (r: R): HTMLTableRowElement => {
    let tr = elements.get(r);
    if (tr === undefined) elements.set(r, (tr = rowElement(columns, r, rowKey(r))));
    return tr;
  };
  const body = h('tbody', {}, ...rows.map(element));
  const head = sortableHead(columns, (i, d) => body.replaceChildren(...sortRows(rows, columns[i], d).map(element)));
  return h('table', { class: 'data', 'data-table': name }, h('caption', { text: caption }), head, body);
}

/** A table that scrolls sideways by itself on a narrow screen instead of widening the page. */
export function scroller(table: HTMLTableElement, label: string): HTMLElement {
  return h('div', { class: 'scroller', role: 'region', 'aria-label': label, tabindex: 0 }, table);
}

export interface TableViewOptions<R> {
  readonly caption: string;
  readonly columns: readonly Column<R>[];
  readonly rows: readonly R[];
  readonly rowKey: (row: R) => string;
  /** The table's name (tests, `data-table`) and the CSV file's name. */
  readonly name: string;
  /** Render only the rows in view (default: above VIRTUAL_FROM rows). */
  readonly virtual?: boolean;
}

/** From this many rows on, a table view renders only the rows in view. */
export const VIRTUAL_FROM = 400;
/** The height of a row of a virtual table, in CSS pixels (the stylesheet fixes it). */
const ROW_HEIGHT = 30;
/** Rows rendered above and below the ones in view. */
const OVERSCAN = 8;

/**
 * A table with its tools: a text filter (rows whose cells contain the text), sorting by any
 * column, the count of rows shown, and a CSV download of the whole table (every row, in the
 * current order, numbers at full precision with their units in the header). Above VIRTUAL_FROM
 * rows (or with `virtual`) only the rows in view are in the page; the rest are spacers of the same
 * height, so the scroll bar, the keyboard (arrows, Page Up/Down, Home/End in the focused region)
 * and the row count stay those of the whole table.
 */
export function tableView<R>(o: TableViewOptions<R>): HTMLElement {
  const virtual = o.virtual ?? o.rows.length >= VIRTUAL_FROM;
  const { columns } = o;
  const text = new Map<R, string>();
  const haystack = (r: R): string => {
    let t = text.get(r);
    if (t === undefined) text.set(r, (t = columns.map((c) => c.value(r)).join('\u0000').toLowerCase()));
    return t;
  };
  let order: readonly R[] = o.rows;
  let filter = '';
  let shown: readonly R[] = o.rows;

  const body = h('tbody');
  const table = h('table', { class: 'data', 'data-table': o.name, 'aria-rowcount': virtual ? String(o.rows.length + 1) : undefined });
  const region = h('div', { class: virtual ? 'scroller virtual' : 'scroller', role: 'region', 'aria-label': o.caption, tabindex: 0 }, table);
  const count = h('span', { class: 'muted count', 'aria-live': 'polite' });
  const elements = new Map<R, HTMLTableRowElement>();
  const element = (r: R, index: number): HTMLTableRowElement => {
    let tr = elements.get(r);
    if (tr === undefined) elements.set(r, (tr = rowElement(columns, r, o.rowKey(r))));
    if (virtual) tr.setAttribute('aria-rowindex', String(index + 2));
    return tr;
  };
  const spacer = (height: number): HTMLTableRowElement =>
    h('tr', { class: 'spacer', 'aria-hidden': 'true' }, h('td', { colspan: String(columns.length), style: `height:${height}px` }));

  let frame = 0;
  const renderWindow = (): void => {
    frame = 0;
    const n = shown.length;
    const first = Math.max(0, Math.floor(region.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(n, Math.ceil((region.scrollTop + (region.clientHeight || 600)) / ROW_HEIGHT) + OVERSCAN);
    const rows: HTMLTableRowElement[] = [];
    if (first > 0) rows.push(spacer(first * ROW_HEIGHT));
    for (let k = first; k < last; k++) rows.push(element(shown[k], k));
    if (last < n) rows.push(spacer((n - last) * ROW_HEIGHT));
    body.replaceChildren(...rows);
  };
  const render = (): void => {
    const needle = filter.trim().toLowerCase();
    shown = needle === '' ? order : order.filter((r) => haystack(r).includes(needle));
    count.textContent = shown.length === o.rows.length ? `${o.rows.length.toLocaleString('en-GB')} rows` : `${shown.length.toLocaleString('en-GB')} of ${o.rows.length.toLocaleString('en-GB')} rows`;
    if (virtual) renderWindow();
    else body.replaceChildren(...shown.map((r, k) => element(r, k)));
  };
  if (virtual) {
    region.addEventListener('scroll', () => {
      if (frame === 0) frame = requestAnimationFrame(renderWindow);
    });
  }
  const head = sortableHead(columns, (i, d) => {
    order = sortRows(o.rows, columns[i], d);
    render();
  });
  table.append(h('caption', { text: o.caption }), head, body);

  const filterId = `filter-${o.name}`;
  const input = h('input', { type: 'search', id: filterId, placeholder: 'text in any column', autocomplete: 'off' });
  input.addEventListener('input', () => {
    filter = input.value;
    region.scrollTop = 0;
    render();
  });
  const csv = h('button', { type: 'button', class: 'csv', text: 'CSV', title: `Download every row of “${o.caption}” as CSV` });
  csv.addEventListener('click', () => downloadFile(`${o.name}.csv`, 'text/csv;charset=utf-8', csvText(columns, order, rawOf)));
  render();
  if (virtual) requestAnimationFrame(renderWindow);
  return h(
    'div',
    { class: 'table-view', 'data-table-view': o.name },
    h('div', { class: 'table-tools' }, h('label', { for: filterId, text: 'Filter' }), input, count, csv),
    region,
  );
}
