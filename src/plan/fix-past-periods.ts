import type { FormulatedPlan, PlanObjective } from './plan-types.js';

/** What happened in the past periods of a plan, as fixPastPeriods takes it (period-major arrays). */
export interface FixedPast {
  /** Number of past periods (the index of the first period left to optimise). */
  readonly periods: number;
  /** Per past period × technique. */
  readonly activity: ArrayLike<number>;
  /** Per past period × item (only traded items are read). */
  readonly exports: ArrayLike<number>;
  readonly imports: ArrayLike<number>;
  /** Per past period × item: stock at the end of the period (only storable items are read). */
  readonly stock: ArrayLike<number>;
  /** What each target got in a past period; a delivery not listed is fixed at 0. */
  readonly deliveries: readonly { readonly target: number; readonly period: number; readonly delivered: number }[];
}

/**
 * A plan's LP (formulatePlan, same index) with its first `past.periods` periods fixed as data:
 *
 * - Every column of a past period is fixed at what happened: activity, exports, imports, closing
 *   stocks and deliveries, whatever the capacity or trade cap says.
 * - The past's rows are no constraints: its balances and resource limits, and its target rows,
 *   are free (−∞, ∞). A past that broke a limit is for the caller to report, not made to fit.
 * - What the past leaves the future enters the future's rows through the fixed columns alone: the
 *   stock at the end of the last past period in the first future balance, capacity that past
 *   investment puts on line in the future's resource rows.
 * - The objective counts the future alone: the past's columns cost nothing (mincost: the direct
 *   use of the past periods leaves the offset), maxmin's λ of a tier binds only the tier's future
 *   deliveries (a tier with nothing to deliver in the future is fixed at λ = 1, as in
 *   formulatePlan; a past period's own level is fixed and its link freed), harmony's credit of a
 *   past delivery is fixed at 0.
 *
 * So the LP is that of the future periods with the past's carry-over as right-hand sides, written
 * in the full plan's index (solutions read as any plan's). With no past period, `f` itself.
 */
export function fixPastPeriods(f: FormulatedPlan, objective: PlanObjective, past: FixedPast): FormulatedPlan {
  const { lp, index: ix } = f;
  const from = past.periods;
  if (from === 0) return f;
  const nT = ix.techniques;
  const n = ix.items;
  const colLower = Float64Array.from(lp.colLower);
  const colUpper = Float64Array.from(lp.colUpper);
  const cost = Float64Array.from(lp.c);
  const rowLower = Float64Array.from(lp.rowLower);
  const rowUpper = Float64Array.from(lp.rowUpper);
  const fix = (col: number, v: number): void => {
    colLower[col] = colUpper[col] = v;
    cost[col] = 0;
  };
  const free = (row: number): void => {
    rowLower[row] = -Infinity;
    rowUpper[row] = Infinity;
  };

  for (let k = 0; k < from * nT; k++) fix(ix.activityStart + k, past.activity[k]);
  // Whole plants of the past: built as they were (whole or not), opened where they ran, their lot rows freed.
  const integrality = lp.integrality === undefined ? undefined : Uint8Array.from(lp.integrality);
  const nOpen = ix.openTechniques.length;
  for (let t = 0; t < from; t++) {
    for (let j = 0; j < nT; j++) if (integrality !== undefined) integrality[ix.activityStart + t * nT + j] = 0;
    for (let k = 0; k < nOpen; k++) {
      const y = ix.openStart + t * nOpen + k;
      if (integrality !== undefined) integrality[y] = 0;
      colLower[y] = colUpper[y] = past.activity[t * nT + ix.openTechniques[k]] > 0 ? 1 : 0;
      free(ix.openRow[t * nOpen + k]);
      if (ix.openLotRow[t * nOpen + k] >= 0) free(ix.openLotRow[t * nOpen + k]);
    }
  }
  const nExp = ix.exportItems.length;
  const nImp = ix.importItems.length;
  const nS = ix.stockItems.length;
  for (let t = 0; t < from; t++) {
    for (let k = 0; k < nExp; k++) fix(ix.exportStart + t * nExp + k, past.exports[t * n + ix.exportItems[k]]);
    for (let k = 0; k < nImp; k++) fix(ix.importStart + t * nImp + k, past.imports[t * n + ix.importItems[k]]);
    for (let k = 0; k < nS; k++) fix(ix.stockStart + t * nS + k, past.stock[t * n + ix.stockItems[k]]);
    for (let i = 0; i < n; i++) free(ix.balanceStart + t * n + i);
    for (let r = 0; r < ix.resources; r++) if (ix.resourceRow[t * ix.resources + r] >= 0) free(ix.resourceRow[t * ix.resources + r]);
  }

  const delivered = new Map(past.deliveries.map((d) => [`${d.target}:${d.period}`, d.delivered]));
  const futureTotal = new Float64Array(ix.tiers.length);
  for (let g = 0; g < ix.deliveryTarget.length; g++) {
    const t = ix.deliveryPeriod[g];
    if (t >= from) {
      futureTotal[ix.deliveryTier[g]] += ix.deliveryAmount[g];
      continue;
    }
    fix(ix.deliveryStart + g, delivered.get(`${ix.deliveryTarget[g]}:${t}`) ?? 0);
    if (objective.kind === 'maxmin') free(ix.targetRowStart + g);
    if (objective.kind === 'harmony') {
      fix(ix.creditStart + g, 0);
      free(ix.targetRowStart + 2 * g);
      free(ix.targetRowStart + 2 * g + 1);
    }
  }
  if (objective.kind === 'maxmin') {
    const nTiers = ix.tiers.length;
    for (let s = 0; s < nTiers; s++) {
      if (!(futureTotal[s] > 0)) colLower[ix.lambdaStart + s] = colUpper[ix.lambdaStart + s] = 1;
      // A past period's own level is no variable: fixed (at 0), its link to λ free.
      for (let t = 0; t < from; t++) {
        if (ix.linkRow[t * nTiers + s] < 0) continue;
        fix(ix.levelColumn[t * nTiers + s], 0);
        free(ix.linkRow[t * nTiers + s]);
      }
    }
  }
  const offset = objective.kind === 'mincost' && ix.costResource >= 0 ? ix.directUse[ix.costResource] * (ix.periods - from) : (lp.offset ?? 0);
  return {
    lp: { ...lp, name: `${lp.name ?? 'plan'}, re-planned from period ${from + 1}`, c: cost, offset, colLower, colUpper, rowLower, rowUpper, ...(integrality === undefined ? {} : { integrality }) },
    index: ix,
  };
}
