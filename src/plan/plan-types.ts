import type { CompiledEconomy } from '../compile/types.js';
import type { LinearProgram, LpSolution, LpSolver, LpStatus } from '../lp/lp-types.js';

/**
 * Optimal plans (Kantorovich): activity levels per technique and period, trade, stocks and
 * deliveries to targets that fulfil the targets as far as resources allow. docs/optimize.md
 * describes the formulation, the objectives and the sign conventions of the valuations.
 *
 * Arrays "per period" are period-major: the value of entry k in period t is at `t * count + k`.
 */

/** maxmin: whether each period of a tier has its own level (leximin) or all share one (common). */
export type PeriodLevels = 'leximin' | 'common';

/** What "best" means; see docs/optimize.md. */
export type PlanObjectiveKind = 'maxmin' | 'weighted' | 'harmony' | 'mincost';

export interface PlanObjective {
  readonly kind: PlanObjectiveKind;
  /**
   * maxmin: largest fulfilment ratio λ credited per tier. Default: 1 for every tier but the last,
   * none for the last (a single tier is uncapped, as in Kantorovich's examples). A number applies
   * to every tier; Infinity uncaps them all.
   */
  readonly cap?: number;
  /** maxmin: relative tolerance by which an earlier tier's optimum is relaxed in later stages (default 1e-7). */
  readonly tierTolerance?: number;
  /**
   * maxmin: how the periods of a tier share its level (default: 'leximin' where HiGHS solves the
   * plan, 'common' where PDHG does — withPeriods; a plan's result records the mode used). 'leximin': each period
   * has its own level, raised as far as it goes once the tier's common λ is reached (the tier's
   * worst periods do not hold the others back; extra LP solves, see docs/optimize.md); 'common':
   * one λ per tier for all periods (one LP per tier).
   */
  readonly periods?: PeriodLevels;
  /** weighted, harmony: weight per priority tier (default 10^(tiers − rank), rank 1 = first tier). */
  readonly weights?: Readonly<Record<number, number>>;
  /** harmony: slope of credit above full fulfilment (default 0.1; below it the slope is 1). */
  readonly overSlope?: number;
  /** harmony: fulfilment beyond which nothing more is credited (default 2). */
  readonly harmonyCap?: number;
  /** mincost: the resource whose total use over all periods is minimised (default: labour). */
  readonly resource?: string;
}

/**
 * Which LP variable and row is which. Columns: activity (technique × period), exports and
 * imports (traded item × period), stocks (storable item × period, end of period, all but the
 * last period), deliveries (one per target and period it applies in), then objective variables
 * (maxmin: λ per tier, then a level μ per tier and period for the tiers whose periods have
 * levels of their own; harmony: credit h per delivery). Rows: item balances (item × period),
 * resource limits (resource × period, only where availability is finite), then target rows
 * (maxmin: delivery − amount·level ≥ 0, then links μ − λ ≥ 0; harmony: two per delivery).
 * Capacities and trade caps are column bounds: their shadow prices are column duals.
 */
export interface PlanIndex {
  readonly periods: number;
  readonly techniques: number;
  readonly items: number;
  readonly resources: number;
  /** First activity column; activity of technique j in period t is `activityStart + t * techniques + j`. */
  readonly activityStart: number;
  /** Items that may be exported; export of exportItems[k] in period t is `exportStart + t * exportItems.length + k`. */
  readonly exportItems: Int32Array;
  readonly exportPrice: Float64Array;
  readonly exportStart: number;
  readonly importItems: Int32Array;
  readonly importPrice: Float64Array;
  readonly importStart: number;
  /** Storable items; stock of stockItems[k] at the end of period t (t < periods − 1) is `stockStart + t * stockItems.length + k`. */
  readonly stockItems: Int32Array;
  readonly stockStart: number;
  /** Per item: stock at the start of the first period. */
  readonly initialStock: Float64Array;
  /** Deliveries: target index and period of each; column `deliveryStart + g`. */
  readonly deliveryTarget: Int32Array;
  readonly deliveryPeriod: Int32Array;
  readonly deliveryAmount: Float64Array;
  /** Per delivery: index of its tier in `tiers`. */
  readonly deliveryTier: Int32Array;
  readonly deliveryStart: number;
  /** Priority of each tier, ascending (tier 0 is served first). */
  readonly tiers: Int32Array;
  /** maxmin: λ of tier s is column `lambdaStart + s`; −1 for other objectives. */
  readonly lambdaStart: number;
  /**
   * maxmin, per period × tier (period-major, `t * tiers.length + s`): the column whose value is the
   * level of tier s in period t (its delivery rows read delivery − amount·level ≥ 0): a level μ of
   * its own, or the tier's λ column when its periods share it (objective periods 'common', or a
   * tier with targets in one period only); −1 where the tier has no target of positive amount in
   * the period. Empty for other objectives.
   */
  readonly levelColumn: Int32Array;
  /** maxmin, per period × tier: the link row μ − λ ≥ 0 of a level of its own; −1 where there is none. Empty for other objectives. */
  readonly linkRow: Int32Array;
  /** harmony: credit of delivery g is column `creditStart + g`; −1 otherwise. */
  readonly creditStart: number;
  readonly columns: number;
  /** Balance of item i in period t is row `balanceStart + t * items + i`. */
  readonly balanceStart: number;
  /** Per resource × period (period-major): its row, or −1 when unlimited. */
  readonly resourceRow: Int32Array;
  /** Per resource × period (period-major): availability including investment (finite part only). */
  readonly baseAvailable: Float64Array;
  /** Per resource: direct use by final demand (every period). */
  readonly directUse: Float64Array;
  /** First target row (maxmin: one per delivery, then the link rows; harmony: two per delivery); −1 when none. */
  readonly targetRowStart: number;
  readonly rows: number;
  /** Model currency resource index, or −1. */
  readonly currency: number;
  /**
   * Whole plants: the techniques with a minimum lot or a fixed cost of opening, each with an open
   * variable (0 or 1) per period, column `openStart + t * openTechniques.length + k` (after every
   * other column); its rows (activity − capacity·open ≤ 0; with a lot, activity − lot·open ≥ 0)
   * are the last rows, and a fixed cost is its coefficient in the resource rows.
   */
  readonly openTechniques: Int32Array;
  readonly openStart: number;
  /** Per period × open technique (`t * openTechniques.length + k`): its capacity row (activity − capacity·open ≤ 0). */
  readonly openRow: Int32Array;
  /** Per period × open technique: its lot row (activity − lot·open ≥ 0), or −1 without a minimum lot. */
  readonly openLotRow: Int32Array;
  /** mincost: the resource minimised; −1 otherwise. */
  readonly costResource: number;
}

export interface FormulatedPlan {
  readonly lp: LinearProgram;
  readonly index: PlanIndex;
}

export interface PlanProgress {
  /** maxmin: the tier being solved (0-based, of `stages`), whichever of its LPs runs; else 0. */
  readonly stage: number;
  readonly stages: number;
  readonly iteration: number;
  readonly text?: string;
}

export interface SolvePlanOptions {
  readonly objective?: PlanObjectiveKind | PlanObjective;
  /** A backend, or 'auto': HiGHS up to its maxNonZeros, else PDHG. */
  readonly solver?: LpSolver | 'auto' | 'highs' | 'pdhg';
  readonly gap?: number;
  /** Seconds for the whole plan (all stages). */
  readonly timeLimit?: number;
  readonly onProgress?: (info: PlanProgress) => void;
  /** Also diagnose an infeasible plan (default true). */
  readonly diagnose?: boolean;
  /** Whole plants: the relative gap at which HiGHS's branch and bound stops as optimal (default 1e-4). */
  readonly mipGap?: number;
  /**
   * Whole plants: solve the LP relaxation instead (whole units, lots and fixed costs taken as
   * continuous; the result says so). Without it, a model with whole-plant decisions is solved by
   * HiGHS's branch and bound, and PDHG refuses it.
   */
  readonly relaxIntegers?: boolean;
}

/**
 * How a plan with whole-plant decisions was solved. 'branch-and-bound': by HiGHS's MIP, `gap` from
 * the best `bound` (of the LP read: the last stage's), its valuations those of the LP with the
 * whole-plant decisions fixed at their values ('integers-fixed'; 'none' when that LP did not solve);
 * 'relaxation': the LP relaxation only (relaxIntegers), its plan may run fractions of plants and its
 * valuations are the relaxation's.
 */
export interface PlanMip {
  readonly method: 'branch-and-bound' | 'relaxation';
  readonly gap: number;
  readonly bound: number;
  readonly requestedGap: number;
  readonly nodes: number;
  readonly valuations: 'integers-fixed' | 'none' | 'relaxation';
}

/**
 * What an LP of a plan did: `solve`, the one LP of weighted, harmony and mincost; maxmin, per
 * tier: `tier`, the tier's common level λ over all its periods; `test`, which of the periods not
 * yet held can rise above the round's level; `raise`, the common level of the periods that can.
 */
export type PlanStep = 'solve' | 'tier' | 'test' | 'raise';

/** One LP solve of a plan: one step of a lexicographic tier (maxmin) or the single objective. */
export interface PlanStage {
  /** Priority of the tier maximised (maxmin), else null. */
  readonly priority: number | null;
  readonly step: PlanStep;
  /** maxmin: the periods the LP raises (tier, raise) or tests (test); null for other objectives. */
  readonly periods: readonly string[] | null;
  readonly status: LpStatus;
  readonly objective: number;
  readonly iterations: number;
  /** The solver's own time. */
  readonly elapsedMs: number;
  /** Time around the backend's solve (worker start-up and data transfer included). */
  readonly wallMs: number;
  readonly solver: string;
}

/** A binding resource or capacity. */
export interface Bottleneck {
  readonly kind: 'resource' | 'capacity' | 'trade';
  /** Resource, technique or traded item id. */
  readonly id: string;
  readonly period: string;
  /** Objective units per unit of the resource (activity for capacities, item for trade caps). */
  readonly price: number;
  /** The binding limit (availability including investment, capacity, trade cap). */
  readonly limit: number;
  /** price × limit: the part of the objective imputed to this limit (ranking key). */
  readonly rent: number;
  /** rent / objective; null when the objective is 0 (no share to take). */
  readonly share: number | null;
}

/** Why an infeasible plan is infeasible (mincost), from the elastic plan. */
export interface InfeasibilityDiagnosis {
  readonly kind: 'infeasible';
  readonly status: LpStatus;
  /** Targets that cannot be met in full: the smallest reductions (Σ shortfall/amount minimal). */
  readonly shortfalls: readonly { readonly target: number; readonly product: string; readonly period: string; readonly amount: number; readonly shortfall: number; readonly fraction: number }[];
  /** The limits that bind in the elastic plan: what conflicts with the targets. */
  readonly binding: readonly Bottleneck[];
  /** Resources whose direct use alone exceeds their availability (no plan can fix that). */
  readonly overcommitted: readonly { readonly resource: string; readonly period: string; readonly available: number; readonly directUse: number }[];
  readonly message: string;
}

/** Why a maxmin plan is unbounded (diagnoseUnbounded): what grows without limit, and the objectives that fit. */
export interface UnboundedDiagnosis {
  readonly kind: 'unbounded';
  /** The tier whose level grows without limit (null: not a maxmin tier). */
  readonly priority: number | null;
  /** Targets of the tier whose items can be made in any amount. */
  readonly targets: readonly { readonly target: number; readonly product: string; readonly period: string; readonly amount: number }[];
  /** Techniques that make them without a capacity and without a limited resource. */
  readonly techniques: readonly string[];
  /** Resources without an availability that those techniques use. */
  readonly resources: readonly string[];
  /** Objectives that are bounded on this model, each with why it fits. */
  readonly suggestions: readonly { readonly objective: PlanObjective; readonly reason: string }[];
  readonly message: string;
}

/** The physical plan and its valuations, per period (period-major), read from an LP solution. */
export interface PlanQuantities {
  /** Activity per technique and period. */
  readonly activity: Float64Array;
  /** Per item and period: output, intermediate use, exports, imports, stock at the end, surplus (disposed). */
  readonly output: Float64Array;
  readonly intermediate: Float64Array;
  readonly exports: Float64Array;
  readonly imports: Float64Array;
  readonly stock: Float64Array;
  readonly surplus: Float64Array;
  /** Per delivery (index.deliveryTarget / deliveryPeriod): delivered amount and fulfilment = delivered / amount. */
  readonly delivered: Float64Array;
  readonly fulfilment: Float64Array;
  /** Per resource and period: use (production + direct + net currency spending) and availability including investment. */
  readonly resourceUse: Float64Array;
  readonly available: Float64Array;
  /** Per resource and period: built by investment up to that period (added to availability). */
  readonly built: Float64Array;
  /**
   * Per item and period: valuation = objective gain per extra unit of the item in the period
   * (−dual of its balance row), in objective units per item unit. ≥ 0.
   */
  readonly valuation: Float64Array;
  /** Per resource and period: shadow price = objective gain per extra unit available. ≥ 0. */
  readonly resourcePrice: Float64Array;
  /** Per technique and period: net value at the valuations (the reduced cost): 0 for techniques in use below capacity, < 0 for those not worth running, > 0 at capacity (the capacity's shadow price). */
  readonly reducedCost: Float64Array;
}

export interface PlanResult extends PlanQuantities {
  readonly economy: CompiledEconomy;
  readonly objective: PlanObjective;
  readonly status: LpStatus;
  readonly message?: string;
  /**
   * Objective value: maxmin, λ of the last tier solved (the least of its periods' levels); the
   * others, that of their LP.
   */
  readonly objectiveValue: number;
  readonly solver: string;
  readonly stages: readonly PlanStage[];
  /**
   * maxmin: λ per tier (fulfilment ratio), in `index.tiers` order: the least of the tier's levels
   * over its periods (every target of the tier gets at least λ × its amount); NaN for tiers not
   * solved.
   */
  readonly lambda: Float64Array;
  /**
   * maxmin: level per period and tier (period-major, `t * tiers + s`): every target of tier s in
   * period t gets at least the level × its amount. With periods 'leximin', a period's level is
   * raised as far as it goes without lowering a period at a lower level (docs/optimize.md); with
   * 'common', all are the tier's λ. NaN where the tier has no target of positive amount in the
   * period, for the fixed past of a re-plan and for tiers not solved.
   */
  readonly levels: Float64Array;
  /**
   * Valuations and prices divided by the sum of the valuations of the target items (Kantorovich's
   * resolving multipliers normalised to sum 1); null when that sum is 0.
   */
  readonly normalisation: number | null;
  /** Binding limits ranked by rent (shadow price × limit), largest first. */
  readonly bottlenecks: readonly Bottleneck[];
  readonly primalResidual: number;
  readonly dualResidual: number;
  readonly relativeGap: number;
  readonly diagnosis?: InfeasibilityDiagnosis | UnboundedDiagnosis;
  /** Whole-plant decisions taken (techniques with whole units, a minimum lot or a fixed cost that run), period by period; empty when the model has none. */
  readonly plants: readonly PlantBuilt[];
  /** How the whole-plant decisions were solved; absent when the model has none. */
  readonly mip?: PlanMip;
  readonly formulated: FormulatedPlan;
  /**
   * The LP solution read: that of the last stage, except that maxmin's `test` stages are never
   * read (the last LP that raised a level is).
   */
  readonly solution: LpSolution;
}

/** One whole-plant decision taken: a technique with whole units, a minimum lot or a fixed cost, run in a period. */
export interface PlantBuilt {
  readonly technique: string;
  readonly name?: string;
  readonly period: string;
  /** The activity level: whole units for a whole technique. */
  readonly units: number;
  /** What the units build (investment): resource → capacity added, from `onLine` on. */
  readonly builds: Readonly<Record<string, number>>;
  /** The period from which what it builds is on line; null when it builds nothing, or comes on line after the last period. */
  readonly onLine: string | null;
  /** What the units are: 'whole units', a minimum lot, a fixed cost of opening (joined by ", "). */
  readonly kind: string;
}
