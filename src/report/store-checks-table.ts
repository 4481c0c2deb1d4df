import type { Table } from './table.js';

/** The checks of a store or a backup (`plenty store check`), in the order made: each with ok or FAILED and its detail. */
export function storeChecksTable(checks: readonly { readonly name: string; readonly ok: boolean; readonly detail: string }[]): Table {
  return {
    name: 'checks',
    title: 'Checks',
    columns: [
      { key: 'check', label: 'check' },
      { key: 'result', label: 'result' },
      { key: 'detail', label: 'detail' },
    ],
    rows: checks.map((c) => [c.name, c.ok ? 'ok' : 'FAILED', c.detail]),
  };
}
