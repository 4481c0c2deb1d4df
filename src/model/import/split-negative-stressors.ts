import type { IoExtension } from './types.js';

/** The suffix of the stressor that holds the negative entries of a split stressor, sign reversed. */
export const NEGATIVE_PART_SUFFIX = ' (negative part)';

/** A satellite account whose negative entries were moved to a stressor of their own. */
export interface SplitStressors {
  readonly extension: IoExtension;
  /** Ids of the stressors that had negative entries (each now has a `… (negative part)` twin). */
  readonly split: readonly string[];
}

/**
 * A model has no negative resource use, but published satellite accounts have negative entries
 * where they belong (subsidies in value added, net taxes, removals of a greenhouse gas). Each
 * stressor with a negative entry in F or F_Y is split in two, in the same unit: `id` keeps the
 * positive entries (negatives become 0) and `id (negative part)`, placed right after it, holds
 * the negative entries with their sign reversed. Nothing is lost: the published account is
 * `id` − `id (negative part)`, entry by entry and so in every footprint (accounts are linear in F).
 * An extension without negative entries is returned as it is.
 */
export function splitNegativeStressors(ext: IoExtension): SplitStressors {
  const m = ext.stressors.length;
  const n = m === 0 ? 0 : ext.F.length / m;
  const k = m === 0 || ext.FY === undefined ? 0 : ext.FY.length / m;
  const hasNegative = (s: number): boolean => {
    for (let j = 0; j < n; j++) if (ext.F[s * n + j] < 0) return true;
    if (ext.FY !== undefined) for (let c = 0; c < k; c++) if (ext.FY[s * k + c] < 0) return true;
    return false;
  };
  const negative = ext.stressors.map((_, s) => hasNegative(s));
  const count = negative.filter(Boolean).length;
  if (count === 0) return { extension: ext, split: [] };

  const stressors: IoExtension['stressors'][number][] = [];
  const F = new Float64Array((m + count) * n);
  const FY = ext.FY === undefined ? undefined : new Float64Array((m + count) * k);
  const copy = (from: Float64Array, to: Float64Array, width: number, s: number, row: number, part: 1 | -1 | 0): void => {
    for (let j = 0; j < width; j++) {
      const v = from[s * width + j];
      to[row * width + j] = part === 0 ? v : part === 1 ? Math.max(v, 0) : Math.max(-v, 0);
    }
  };
  let row = 0;
  ext.stressors.forEach((st, s) => {
    stressors.push(st);
    copy(ext.F, F, n, s, row, negative[s] ? 1 : 0);
    if (FY !== undefined && ext.FY !== undefined) copy(ext.FY, FY, k, s, row, negative[s] ? 1 : 0);
    row++;
    if (!negative[s]) return;
    stressors.push({ ...st, id: `${st.id}${NEGATIVE_PART_SUFFIX}` });
    copy(ext.F, F, n, s, row, -1);
    if (FY !== undefined && ext.FY !== undefined) copy(ext.FY, FY, k, s, row, -1);
    row++;
  });
  const split = ext.stressors.filter((_, s) => negative[s]).map((st) => st.id);
  return { extension: FY === undefined ? { name: ext.name, stressors, F } : { name: ext.name, stressors, F, FY }, split };
}
