import { tableProductIds } from '../io-table-to-economy.js';
import { NEGATIVE_PART_SUFFIX, splitNegativeStressors } from '../split-negative-stressors.js';
import type { IoExtension, IoTable } from '../types.js';
import { listed, noteNumber } from './import-notes.js';

/**
 * A table whose satellite accounts have no negative entry, so that it becomes a model that loads
 * (a resource use and a direct use are never negative there). Published tables do have negative
 * primary inputs: taxes less subsidies, value added of a loss-making industry, the cif/fob
 * adjustment, purchases by non-residents. Each stressor with a negative entry in F or F_Y is split
 * as every importer splits it (splitNegativeStressors): `<id>` keeps its positive entries and
 * `<id> (negative part)` holds the size of its negative entries, so that nothing is lost and every
 * account of the stressor is the difference of the accounts of its parts. The table's notes say
 * which stressors were split, where their entries are negative and how much.
 */
export function splitSignedStressors(table: IoTable): IoTable {
  const n = table.regions.length * table.sectors.length;
  const said: string[] = [];
  let ids: string[] | undefined;
  const extensions = table.extensions.map((ext): IoExtension => {
    const { extension, split } = splitNegativeStressors(ext);
    if (split.length === 0) return ext;
    ids ??= tableProductIds(table);
    for (const id of split) said.push(describe(ext, ext.stressors.findIndex((s) => s.id === id), n, ids));
    return extension;
  });
  if (said.length === 0) return table;
  const notes = table.notes ?? { read: [], guessed: [], dropped: [] };
  const why = `a model holds no negative use of a resource, so each keeps its positive entries and "<id>${NEGATIVE_PART_SUFFIX}" holds its negative ones, sign reversed (published = <id> − <id>${NEGATIVE_PART_SUFFIX})`;
  return { ...table, extensions, notes: { ...notes, guessed: [...notes.guessed, `satellite accounts with negative entries: ${said.join('; ')}; ${why}`] } };
}

function describe(ext: IoExtension, s: number, n: number, ids: readonly string[]): string {
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
  const K = ext.FY === undefined ? 0 : ext.FY.length / ext.stressors.length;
  for (let c = 0; c < K; c++) if ((ext.FY?.[s * K + c] ?? 0) < 0) fy++;
  const parts = [count > 0 ? `${count} of ${n} products (the most negative: ${at}, ${noteNumber(worst)})` : '', fy > 0 ? `${fy} final-demand entries` : ''].filter((p) => p !== '');
  const id = ext.stressors[s].id;
  return `${ext.name}/${id} in ${listed(parts)}, now ${id} and ${id}${NEGATIVE_PART_SUFFIX}`;
}
