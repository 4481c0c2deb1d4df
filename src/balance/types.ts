import type { CompiledEconomy } from '../compile/types.js';

/**
 * The method of material balances: for every item (a located product), supply (output + imports)
 * against use (intermediate + final + exports); for every resource, use against availability; for
 * every technique, activity against capacity.
 *
 * Sign convention: `gap = supply − use`. A positive gap is a surplus, a negative gap a deficit of
 * −gap units (in the item's unit, per period).
 */

/** A plan as activity levels per technique, with trade per item, for one period. */
export interface PlannedActivity {
  /** Per technique (length = techniques): activity level in the period. Non-negative. */
  readonly activity: Float64Array;
  /** Per item (length = items): imports. Absent: none. */
  readonly imports?: Float64Array;
  /** Per item (length = items): exports. Absent: none. */
  readonly exports?: Float64Array;
  /** Per item: drawn from stocks in the period (supply). Absent: none. */
  readonly fromStock?: Float64Array;
  /** Per item: added to stocks in the period (use). Absent: none. */
  readonly toStock?: Float64Array;
  /** Per resource: availability added by investment of earlier periods. Absent: none. */
  readonly built?: Float64Array;
  /** Index into the compiled economy's periods. Absent: the first period. */
  readonly period?: number;
}

export interface BalanceOptions {
  /**
   * Relative tolerance (default 1e-9). An item balances when |supply − use| ≤ tolerance ×
   * max(supply, use); a resource is over when use > available × (1 + tolerance); a technique is
   * over capacity when activity > capacity × (1 + tolerance).
   */
  readonly tolerance?: number;
}

export type ItemStatus = 'balanced' | 'surplus' | 'deficit';
export type LimitStatus = 'within' | 'over';

/** Per item, parallel arrays in the compiled economy's item order. */
export interface ItemBalances {
  /** outputs · activity. */
  readonly output: Float64Array;
  /** inputs · activity. */
  readonly intermediate: Float64Array;
  /** Sum of the targets for this item in the period (targets without a period count in every period). */
  readonly final: Float64Array;
  readonly imports: Float64Array;
  readonly exports: Float64Array;
  readonly fromStock: Float64Array;
  readonly toStock: Float64Array;
  /** output + imports + fromStock. */
  readonly supply: Float64Array;
  /** intermediate + final + exports + toStock. */
  readonly use: Float64Array;
  /** supply − use: positive is a surplus, negative a deficit. */
  readonly gap: Float64Array;
  /** gap / max(supply, use), in [−1, 1]; 0 when both are 0. */
  readonly relativeGap: Float64Array;
  readonly status: readonly ItemStatus[];
}

/** Per resource, parallel arrays in the compiled economy's resource order. */
export interface ResourceBalances {
  /** resourceUse · activity: use by production. */
  readonly production: Float64Array;
  /** Direct use by final demand (the model's `directUse`, which applies in every period). */
  readonly direct: Float64Array;
  /**
   * For the model's currency only: imports × import price − exports × export price (negative
   * when exports earn more than imports cost); zero for every other resource.
   */
  readonly trade: Float64Array;
  /** production + direct + trade. */
  readonly use: Float64Array;
  /** Availability in the period plus what earlier investment built (Infinity when unlimited). */
  readonly available: Float64Array;
  /** available − use (Infinity when unlimited, negative when over). */
  readonly slack: Float64Array;
  /** use / available: 0 when unused (or net earned), Infinity when used but nothing is available. */
  readonly utilisation: Float64Array;
  readonly status: readonly LimitStatus[];
}

/** Per technique, parallel arrays in the compiled economy's technique order. */
export interface TechniqueLoads {
  readonly activity: Float64Array;
  /** Largest activity per period (Infinity when unlimited). */
  readonly capacity: Float64Array;
  /** activity / capacity: 0 when idle, Infinity when run with zero capacity. */
  readonly utilisation: Float64Array;
  readonly status: readonly LimitStatus[];
}

export interface BalanceCounts {
  readonly items: number;
  readonly balanced: number;
  readonly surplus: number;
  readonly deficit: number;
  readonly resources: number;
  readonly resourcesOver: number;
  readonly techniques: number;
  readonly capacitiesOver: number;
}

/** What `balancePlan` returns. The arrays are fresh; `economy` is the economy it was computed for. */
export interface BalanceReport {
  readonly economy: CompiledEconomy;
  /** Index into `economy.periods`. */
  readonly period: number;
  readonly tolerance: number;
  readonly items: ItemBalances;
  readonly resources: ResourceBalances;
  readonly techniques: TechniqueLoads;
  /** Items in deficit, largest relative deficit first (ties: larger deficit in units first, then index). */
  readonly deficits: Int32Array;
  /** Items in surplus, largest relative surplus first. */
  readonly surpluses: Int32Array;
  /** Resources over their availability, largest utilisation first. */
  readonly resourcesOver: Int32Array;
  /** Techniques over capacity, largest utilisation first. */
  readonly capacitiesOver: Int32Array;
  readonly counts: BalanceCounts;
  /** No item in deficit: every use is covered by supply. */
  readonly balances: boolean;
  /** No resource over its availability and no technique over its capacity. */
  readonly withinLimits: boolean;
}
