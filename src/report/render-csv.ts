import type { Cell, Table } from './table.js';

function csvCell(c: Cell): string {
  if (c === null) return '';
  if (typeof c === 'number') return Number.isFinite(c) ? String(c) : c > 0 ? 'inf' : c < 0 ? '-inf' : 'NaN';
  return /[",\r\n]/.test(c) || c !== c.trim() ? `"${c.replace(/"/g, '""')}"` : c;
}

/**
 * Renders one table as RFC 4180 CSV with a header row of column keys. Numbers keep full
 * precision (shortest round-trip form). Several tables are separated by a blank line, each
 * preceded by a `# name` line, so that one stream can hold a whole report.
 */
export function renderCsv(tables: readonly Table[]): string {
  const single = tables.length === 1;
  const parts = tables.map((t) => {
    const lines = [t.columns.map((c) => csvCell(c.key)).join(',')];
    for (const r of t.rows) lines.push(t.columns.map((_, j) => csvCell(r[j] ?? null)).join(','));
    return (single ? '' : `# ${t.name}\r\n`) + lines.join('\r\n') + '\r\n';
  });
  return parts.join('\r\n');
}
