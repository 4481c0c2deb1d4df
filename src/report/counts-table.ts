import type { Table } from './table.js';

/** How many of each thing a model holds (`plenty check`, `convert`, `import`): one row per entry of `counts`, in its order, labelled by `labels` where given. */
export function countsTable(name: string, title: string, counts: Readonly<Record<string, number>>, labels: Readonly<Record<string, string>> = {}): Table {
  return {
    name,
    title,
    columns: [
      { key: 'what', label: 'what' },
      { key: 'count', label: 'count' },
    ],
    rows: Object.entries(counts).map(([k, n]) => [labels[k] ?? k, n]),
  };
}
