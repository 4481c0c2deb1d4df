import type { IoExtension } from './types.js';

/** Suffix of the account that holds the magnitudes of a row's negative entries. */
export const NEGATIVE_PART = ' (negative)';

/** An extension with its negative entries moved to accounts of their own, and the ids of the rows split. */
export interface SplitAccounts {
  readonly extension: IoExtension;
  readonly split: readonly string[];
}

/**
 * Splits each stressor (primary input) of `ext` that has a negative entry, in F or F_Y, into two
 * accounts that are never negative, as a model's resource use must be: `id`, its positive entries,
 * and `id (negative)`, the magnitudes of its negative entries (other taxes less subsidies where
 * subsidies exceed taxes, a negative operating surplus, imports into a decrease of inventories).
 * The row is the first account minus the second, and so is every multiplier and footprint of it.
 * Stressors without negative entries are kept as they are, in their order; the negative account
 * follows the positive one. `columns` is the number of columns of F (products), `finalColumns`
 * that of F_Y.
 */
export function splitNegativeAccounts(ext: IoExtension, columns: number, finalColumns: number): SplitAccounts {
  const m = ext.stressors.length;
  const hasNegative = (s: number): boolean => {
    for (let j = 0; j < columns; j++) if (ext.F[s * columns + j] < 0) return true;
    if (ext.FY !== undefined) for (let k = 0; k < finalColumns; k++) if (ext.FY[s * finalColumns + k] < 0) return true;
    return false;
  };
  const negative = Array.from({ length: m }, (_, s) => hasNegative(s));
  if (!negative.includes(true)) return { extension: ext, split: [] };
  const stressors: IoExtension['stressors'][number][] = [];
  const rows: { s: number; sign: 1 | -1 }[] = [];
  ext.stressors.forEach((st, s) => {
    stressors.push(st);
    rows.push({ s, sign: 1 });
    if (negative[s]) {
      stressors.push({ ...st, id: `${st.id}${NEGATIVE_PART}` });
      rows.push({ s, sign: -1 });
    }
  });
  const part = (v: number, sign: 1 | -1): number => (sign === 1 ? Math.max(v, 0) : Math.max(-v, 0));
  const F = new Float64Array(rows.length * columns);
  const FY = ext.FY === undefined ? undefined : new Float64Array(rows.length * finalColumns);
  rows.forEach(({ s, sign }, r) => {
    for (let j = 0; j < columns; j++) F[r * columns + j] = part(ext.F[s * columns + j], sign);
    if (FY !== undefined && ext.FY !== undefined) for (let k = 0; k < finalColumns; k++) FY[r * finalColumns + k] = part(ext.FY[s * finalColumns + k], sign);
  });
  const split = ext.stressors.filter((_, s) => negative[s]).map((st) => st.id);
  return { extension: { name: ext.name, stressors, F, ...(FY === undefined ? {} : { FY }) }, split };
}
