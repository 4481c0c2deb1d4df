import type { FormulatedPlan, PlanObjective } from '../optimize/plan-types.js';
import type { PastRecord } from './past-record.js';

/**
 * The re-plan's LP: the plan's own LP (formulatePlan, same index) with the past as data.
 *
 * - Every column of a past period is fixed at what happened (pastRecord): activity, exports,
 *   imports, closing stocks and deliveries, whatever the capacity or trade cap says.
 * - The past's rows are no constraints: its balances and resource limits, and its target rows,
 *   are free (−∞, ∞). A past that broke a limit is reported (pastBreaches), not made to fit.
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
 * in the full plan's index; eliminateFixed removes the fixed columns and free rows before a solver
 * sees it, and maps the solution back.
 */
export function formulateReplan(f: FormulatedPlan, objective: PlanObjective, past: PastRecord): FormulatedPlan {
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
    const nS = ix.tiers.length;
    for (let s = 0; s < nS; s++) {
      if (!(futureTotal[s] > 0)) colLower[ix.lambdaStart + s] = colUpper[ix.lambdaStart + s] = 1;
      // A past period's own level is no variable: fixed (at 0), its link to λ free.
      for (let t = 0; t < from; t++) {
        if (ix.linkRow[t * nS + s] < 0) continue;
        fix(ix.levelColumn[t * nS + s], 0);
        free(ix.linkRow[t * nS + s]);
      }
    }
  }
  const offset = objective.kind === 'mincost' && ix.costResource >= 0 ? ix.directUse[ix.costResource] * (ix.periods - from) : (lp.offset ?? 0);
  return { lp: { ...lp, name: `${lp.name ?? 'plan'}, re-planned from period ${from + 1}`, c: cost, offset, colLower, colUpper, rowLower, rowUpper }, index: ix };
}
