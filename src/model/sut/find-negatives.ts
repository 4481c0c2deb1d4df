import type { NegativeEntry, SupplyUseTables, SymmetricTable } from './types.js';

/**
 * The negative entries of a symmetric table that its supply and use tables did not have: every
 * negative flow (use tables have none), and negatives in rows of value added and extensions that
 * had no negative entry (a row of taxes less subsidies may be negative to start with). For model A
 * each entry names the industry at the column's position, whose primary product the column is.
 */
export function findNegatives(t: SupplyUseTables, s: Pick<SymmetricTable, 'model' | 'labels' | 'Z' | 'rowBlocks'>): NegativeEntry[] {
  const n = s.labels.length;
  const industryOf = (c: number): string => (s.model === 'A' && t.industries.length === n ? t.industries[c] : '');
  const out: NegativeEntry[] = [];
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < n; c++) {
      const v = s.Z[i * n + c];
      if (v < 0) out.push({ block: 'flows', row: s.labels[i], column: s.labels[c], industry: industryOf(c), value: v });
    }
  }
  const m = t.industries.length;
  s.rowBlocks.forEach((b, k) => {
    const source = t.rowBlocks[k] as (typeof t.rowBlocks)[number] | undefined;
    if (source === undefined || source.values === b.values) return;
    for (let r = 0; r < b.rows.length; r++) {
      let hadNegative = false;
      for (let j = 0; j < m; j++) if (source.values[r * m + j] < 0) hadNegative = true;
      if (hadNegative) continue;
      for (let c = 0; c < n; c++) {
        const v = b.values[r * n + c];
        if (v < 0) out.push({ block: b.name, row: b.rows[r], column: s.labels[c], industry: industryOf(c), value: v });
      }
    }
  });
  return out;
}
