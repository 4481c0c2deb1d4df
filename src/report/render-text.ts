import { formatNumber } from './format-number.js';
import type { Cell, Table } from './table.js';

function cellText(c: Cell, digits: number): string {
  if (c === null) return '';
  return typeof c === 'number' ? formatNumber(c, digits) : c;
}

/** Renders tables as aligned plain text: text columns left-aligned, number columns right-aligned. */
export function renderText(tables: readonly Table[]): string {
  const out: string[] = [];
  for (const t of tables) {
    out.push(t.title);
    const cols = t.columns;
    const numeric = cols.map((_, j) => t.rows.length > 0 && t.rows.every((r) => r[j] === null || typeof r[j] === 'number'));
    const body = t.rows.map((r) => cols.map((c, j) => cellText(r[j] ?? null, c.digits ?? 6)));
    const hasUnits = cols.some((c) => c.unit !== undefined);
    const head = cols.map((c) => c.label);
    const units = cols.map((c) => (c.unit !== undefined ? `(${c.unit})` : ''));
    const width = cols.map((_, j) => Math.max(head[j].length, hasUnits ? units[j].length : 0, ...body.map((r) => r[j].length)));
    const line = (cells: readonly string[]) =>
      cells
        .map((s, j) => (numeric[j] ? s.padStart(width[j]) : s.padEnd(width[j])))
        .join('  ')
        .trimEnd();
    out.push(line(head));
    if (hasUnits) out.push(line(units));
    out.push(width.map((w) => '-'.repeat(w)).join('  '));
    for (const r of body) out.push(line(r));
    if (t.rows.length === 0) out.push('(none)');
    for (const n of t.notes ?? []) out.push(n);
    out.push('');
  }
  return out.join('\n');
}
