/**
 * Plain data exchanged by the execution functions (reports in, fulfilment, alerts, assignments and
 * allocations out): records with ids and numbers, so that a store can keep them as JSON.
 *
 * Arrays "per period" are period-major, as in PlanResult: entry k of period t is at `t * count + k`.
 */

/** What an enterprise reports for one period: amounts by item id (`grain@ukraine`, or a product id with one item). */
export interface Report {
  /** Chosen by the client; the same id twice is the same report. */
  readonly reportId: string;
  readonly enterprise: string;
  /** Period id, e.g. "1930". */
  readonly period: string;
  readonly outputs: Readonly<Record<string, number>>;
  readonly inputs: Readonly<Record<string, number>>;
  /** The technique reported on; absent: the enterprise's techniques together. */
  readonly technique?: string;
}

/**
 * The parts of a plan the execution functions read. `executionPlan(result)` takes them from a
 * PlanResult; a stored plan gives the same arrays as plain numbers.
 */
export interface ExecutionPlan {
  /** Activity per technique and period (period-major). */
  readonly activity: ArrayLike<number>;
  /** Per delivery: target index (model order), period index and planned amount delivered. */
  readonly deliveries?: readonly PlannedDelivery[];
  /** Per item and period: imports and exports (period-major). */
  readonly imports?: ArrayLike<number>;
  readonly exports?: ArrayLike<number>;
  /** Per item and period: stock at the end of the period (period-major). */
  readonly stock?: ArrayLike<number>;
  /** Per resource and period: availability including investment (period-major). */
  readonly available?: ArrayLike<number>;
}

export interface PlannedDelivery {
  readonly target: number;
  readonly period: number;
  readonly amount: number;
}
