import { tableProductIds } from '../io-table-to-economy.js';
import type { IoExtension, IoTable } from '../types.js';
import { listed, noteNumber } from './import-notes.js';

/** Suffixes of the two parts of a stressor with negative entries. */
export const POSITIVE_PART = '_positive';
export const NEGATIVE_PART = '_negative';

/**
 * A table whose satellite accounts have no negative entry, so that it becomes a model that loads
 * (a resource use and a direct use are never negative there). Published tables do have negative
 * primary inputs: taxes less subsidies, value added of a loss-making industry, the cif/fob
 * adjustment, purchases by non-residents. Each stressor with a negative entry in F or F_Y is
 * replaced by two, `<id>_positive` (its positive entries) and `<id>_negative` (the size of its
 * negative entries), so that nothing is lost: `<id> = <id>_positive − <id>_negative`, and every
 * account of the stressor is the difference of the accounts of its parts. Stressors without a
 * negative entry are kept as they are; the table's notes say which were split.
 */
export function splitSignedStressors(table: IoTable): IoTable {
  const n = table.regions.length * table.sectors.length;
  const K = table.regions.length * table.categories.length;
  const said: string[] = [];
  let ids: string[] | undefined;
  const extensions = table.extensions.map((ext): IoExtension => {
    const m = ext.stressors.length;
    const signed: boolean[] = [];
    for (let s = 0; s < m; s++) {
      let neg = false;
      for (let j = 0; j < n && !neg; j++) if (ext.F[s * n + j] < 0) neg = true;
      if (ext.FY !== undefined) for (let c = 0; c < K && !neg; c++) if (ext.FY[s * K + c] < 0) neg = true;
      signed.push(neg);
    }
    if (!signed.includes(true)) return ext;
    ids ??= tableProductIds(table);
    const stressors: IoExtension['stressors'][number][] = [];
    const rows: { from: number; sign: 1 | -1 }[] = [];
    ext.stressors.forEach((st, s) => {
      if (!signed[s]) {
        stressors.push(st);
        rows.push({ from: s, sign: 1 });
        return;
      }
      stressors.push({ ...st, id: `${st.id}${POSITIVE_PART}` }, { ...st, id: `${st.id}${NEGATIVE_PART}` });
      rows.push({ from: s, sign: 1 }, { from: s, sign: -1 });
      said.push(describe(ext, s, n, K, ids ?? []));
    });
    const part = (src: Float64Array, width: number): Float64Array => {
      const out = new Float64Array(rows.length * width);
      rows.forEach(({ from, sign }, k) => {
        const split = signed[from];
        for (let j = 0; j < width; j++) {
          const v = src[from * width + j];
          out[k * width + j] = !split ? v : sign === 1 ? Math.max(v, 0) : Math.max(-v, 0);
        }
      });
      return out;
    };
    const F = part(ext.F, n);
    return ext.FY === undefined ? { name: ext.name, stressors, F } : { name: ext.name, stressors, F, FY: part(ext.FY, K) };
  });
  if (said.length === 0) return table;
  const notes = table.notes ?? { read: [], guessed: [], dropped: [] };
  const why = `a model holds no negative use of a resource, so each is split into <id>${POSITIVE_PART} (its positive entries) and <id>${NEGATIVE_PART} (the size of its negative entries), <id> = <id>${POSITIVE_PART} − <id>${NEGATIVE_PART}`;
  return { ...table, extensions, notes: { ...notes, guessed: [...notes.guessed, `satellite accounts with negative entries: ${said.join('; ')}; ${why}`] } };
}

function describe(ext: IoExtension, s: number, n: number, K: number, ids: readonly string[]): string {
  let count = 0;
  let worst = 0;
  let at = '';
  for (let j = 0; j < n; j++) {
    const v = ext.F[s * n + j];
    if (v < 0) {
      count++;
      if (v < worst) {
        worst = v;
        at = ids[j];
      }
    }
  }
  let fy = 0;
  if (ext.FY !== undefined) for (let c = 0; c < K; c++) if (ext.FY[s * K + c] < 0) fy++;
  const parts = [count > 0 ? `${count} of ${n} products (the most negative: ${at}, ${noteNumber(worst)})` : '', fy > 0 ? `${fy} final-demand entries` : ''].filter((p) => p !== '');
  const id = ext.stressors[s].id;
  return `${ext.name}/${id} in ${listed(parts)}, now ${id}${POSITIVE_PART} and ${id}${NEGATIVE_PART}`;
}
