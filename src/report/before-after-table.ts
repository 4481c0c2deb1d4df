import type { Table } from './table.js';

/** How many of each thing before and after a change (`plenty aggregate`): one row per key of `before`, in its order. */
export function beforeAfterTable(name: string, title: string, before: Readonly<Record<string, number>>, after: Readonly<Record<string, number>>): Table {
  return {
    name,
    title,
    columns: [
      { key: 'what', label: 'what' },
      { key: 'before', label: 'before' },
      { key: 'after', label: 'after' },
    ],
    rows: Object.keys(before).map((k) => [k, before[k], after[k] ?? null]),
  };
}
