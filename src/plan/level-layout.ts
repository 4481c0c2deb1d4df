import type { PeriodLevels } from './plan-types.js';

/** Where maxmin's levels live in the LP (see PlanIndex.levelColumn and linkRow). */
export interface LevelLayout {
  /** Per period × tier (period-major): the column of the level, or −1 (no target of positive amount). */
  readonly levelColumn: Int32Array;
  /** Per period × tier: the link row μ − λ ≥ 0 of a level of its own, or −1. */
  readonly linkRow: Int32Array;
  /** Number of level columns of their own (one link row each). */
  readonly count: number;
  /** Per tier: total amount of its deliveries (a tier with nothing to deliver has λ fixed at 1). */
  readonly tierTotal: Float64Array;
}

export interface LevelLayoutInput {
  readonly periods: number;
  /** Number of tiers; 0 for objectives other than maxmin (no levels). */
  readonly tiers: number;
  readonly deliveryTier: Int32Array;
  readonly deliveryPeriod: Int32Array;
  readonly deliveryAmount: Float64Array;
  readonly mode: PeriodLevels;
  /** Column of λ of tier 0 (λ of tier s is `lambdaStart + s`). */
  readonly lambdaStart: number;
  /** First column and first row for the levels of their own and their links. */
  readonly levelStart: number;
  readonly linkRowStart: number;
}

/**
 * The levels of maxmin: a tier with targets of positive amount in two periods or more has, with
 * mode 'leximin', a level μ per such period (columns from `levelStart`, tier-major then period)
 * and a link row μ − λ ≥ 0 for each (rows from `linkRowStart`), so that maximising λ maximises the
 * least of its levels and freeing a link lets the other periods rise. Otherwise (mode 'common', or
 * a tier with one such period) the level is the tier's λ column itself, and there is no link.
 */
export function levelLayout(input: LevelLayoutInput): LevelLayout {
  const { periods: nPer, tiers: nS } = input;
  if (nS === 0) return { levelColumn: new Int32Array(0), linkRow: new Int32Array(0), count: 0, tierTotal: new Float64Array(0) };
  const amount = new Float64Array(nPer * nS);
  const tierTotal = new Float64Array(nS);
  for (let g = 0; g < input.deliveryTier.length; g++) {
    amount[input.deliveryPeriod[g] * nS + input.deliveryTier[g]] += input.deliveryAmount[g];
    tierTotal[input.deliveryTier[g]] += input.deliveryAmount[g];
  }
  const levelColumn = new Int32Array(nPer * nS).fill(-1);
  const linkRow = new Int32Array(nPer * nS).fill(-1);
  let count = 0;
  for (let s = 0; s < nS; s++) {
    let active = 0;
    for (let t = 0; t < nPer; t++) if (amount[t * nS + s] > 0) active++;
    const own = input.mode === 'leximin' && active >= 2;
    for (let t = 0; t < nPer; t++) {
      if (!(amount[t * nS + s] > 0)) continue;
      if (own) {
        levelColumn[t * nS + s] = input.levelStart + count;
        linkRow[t * nS + s] = input.linkRowStart + count;
        count++;
      } else {
        levelColumn[t * nS + s] = input.lambdaStart + s;
      }
    }
  }
  return { levelColumn, linkRow, count, tierTotal };
}
