/**
 * The shapes the dashboard reads from the planning service (docs/api.md). Only the fields the
 * dashboard shows are listed; the service may send more.
 */

export interface ModelEntry {
  readonly id: string;
  readonly name: string;
  readonly version: number;
  readonly createdAt?: string;
}

export interface Located {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly path?: readonly (string | number)[];
  readonly value?: unknown;
  readonly message: string;
  readonly code?: string;
}

/** The model as the service returns it: its text and the validated economy. */
export interface ModelDetail {
  readonly id: string;
  readonly version: number;
  readonly name: string;
  readonly text?: string;
  readonly economy: EconomyView;
}

export interface EconomyView {
  readonly name: string;
  readonly periods: readonly string[];
  readonly products: readonly { readonly id: string; readonly unit: string; readonly name?: string; readonly region?: string }[];
  readonly resources: readonly { readonly id: string; readonly unit: string; readonly name?: string; readonly available?: number | Readonly<Record<string, number>> }[];
  readonly techniques: readonly TechniqueView[];
}

export interface TechniqueView {
  readonly id: string;
  readonly name?: string;
  readonly produces: Readonly<Record<string, number>>;
  readonly consumes: Readonly<Record<string, number>>;
  readonly uses: Readonly<Record<string, number>>;
  readonly region?: string;
}

/** One step of what a deficit blocks: the short item, a technique held back, the target it leaves short. */
export type ChainStep =
  | { readonly kind: 'item'; readonly depth: number; readonly id: string; readonly shortfall: number; readonly lost: number }
  | { readonly kind: 'technique'; readonly depth: number; readonly id: string; readonly planned: number; readonly allowed: number; readonly fraction: number; readonly reasonId: string; readonly missing: number }
  | { readonly kind: 'target'; readonly depth: number; readonly itemId: string; readonly priority: number; readonly amount: number; readonly covered: number; readonly shortfall: number };

export interface BalanceRow {
  readonly id: string;
  readonly unit: string;
  readonly supply: number;
  readonly use: number;
  readonly share: number;
}

export interface DeficitRow extends BalanceRow {
  readonly deficit: number;
  readonly chain: readonly ChainStep[];
}

export interface SurplusRow extends BalanceRow {
  readonly surplus: number;
}

export interface LimitRow {
  readonly id: string;
  readonly kind?: string;
  readonly unit?: string;
  readonly use?: number;
  readonly used?: number;
  readonly limit?: number;
  readonly available?: number;
  readonly over?: number;
  readonly excess?: number;
}

export interface BalanceSummary {
  readonly model: string;
  readonly plan: string | null;
  readonly period: string;
  readonly balances: boolean;
  readonly withinLimits: boolean;
  readonly counts: { readonly items: number; readonly balanced: number; readonly surplus: number; readonly deficit: number; readonly resources: number; readonly resourcesOver: number; readonly techniques: number; readonly capacitiesOver: number };
  readonly deficits: readonly DeficitRow[];
  readonly surpluses: readonly SurplusRow[];
  readonly limits: readonly LimitRow[];
}

export interface Bottleneck {
  readonly kind: string;
  readonly id: string;
  readonly period: string;
  readonly price: number;
  readonly limit: number;
  readonly rent: number;
  /** rent / objective; null when the objective is 0. */
  readonly share: number | null;
}

export interface TargetResult {
  readonly target: number;
  readonly item: string;
  readonly period: string;
  readonly priority: number;
  readonly amount: number;
  readonly delivered: number;
  readonly fulfilment: number;
}

type PerPeriod = Readonly<Record<string, Readonly<Record<string, number>>>>;

/** An optimal plan, as `plenty plan --json` writes it. */
export interface PlanResultView {
  readonly model: string;
  readonly status: string;
  readonly message: string | null;
  readonly solver: string;
  readonly objective: ObjectiveSpec;
  readonly objectiveValue: number;
  /** maxmin: λ per tier, the least of its levels over the periods. */
  readonly lambda: Readonly<Record<string, number>> | null;
  /** maxmin: the level of each tier per period (a period's targets of the tier get at least level × amount). */
  readonly levels?: Readonly<Record<string, Readonly<Record<string, number>>>> | null;
  readonly residuals: { readonly primal: number; readonly dual: number; readonly gap: number };
  readonly activity: PerPeriod;
  readonly exports: PerPeriod;
  readonly imports: PerPeriod;
  readonly targets: readonly TargetResult[];
  readonly valuations: PerPeriod;
  readonly resourcePrices: PerPeriod;
  readonly bottlenecks: readonly Bottleneck[];
  /** Per period and technique: net value at the valuations (0 in use; < 0 the loss per unit of an idle one; > 0 at capacity); absent entries are 0. */
  readonly reducedCosts?: PerPeriod;
  /** 1 / Σ valuations of the target items (Kantorovich's normalised multipliers); null when that sum is 0. */
  readonly normalisation?: number | null;
  readonly stages?: readonly PlanStageView[];
  /** Per period and resource: use and availability including investment (the service adds these; null: unlimited). */
  readonly resources?: Readonly<Record<string, Readonly<Record<string, { readonly use: number; readonly available: number | null }>>>>;
  readonly diagnosis: Diagnosis | null;
}

/** One LP of a plan: maxmin's tier rounds (`tier`, `test`, `raise`) or the one `solve`. */
export interface PlanStageView {
  readonly priority: number | null;
  readonly step?: string;
  readonly periods?: readonly string[] | null;
  readonly status: string;
}

/** The objective a plan was solved with, or one to ask for (docs/optimize.md, Objectives). */
export interface ObjectiveSpec {
  readonly kind: 'maxmin' | 'weighted' | 'harmony' | 'mincost';
  readonly cap?: number | null;
  readonly periods?: 'leximin' | 'common';
  readonly resource?: string;
  readonly weights?: Readonly<Record<string, number>>;
  readonly overSlope?: number;
  readonly harmonyCap?: number;
}

/** Why a plan did not solve: an infeasible plan's smallest reductions, or what leaves it unbounded. */
export type Diagnosis =
  | { readonly kind?: 'infeasible'; readonly message: string; readonly shortfalls?: readonly { readonly product: string; readonly period: string; readonly amount: number; readonly shortfall: number; readonly fraction: number }[] }
  | {
      readonly kind: 'unbounded';
      readonly message: string;
      readonly priority: number | null;
      readonly targets: readonly { readonly product: string; readonly period: string; readonly amount: number }[];
      readonly techniques: readonly string[];
      readonly resources: readonly string[];
      readonly suggestions: readonly { readonly objective: ObjectiveSpec; readonly reason: string }[];
    };

/** The body of `POST /scenarios/:id/solve`. */
export interface SolveOptions {
  readonly objective?: ObjectiveSpec;
  readonly solver?: 'auto' | 'highs' | 'pdhg';
}

/** A stored scenario (`GET /scenarios`). */
export interface ScenarioEntry {
  readonly id: string | number;
  readonly modelId: string;
  readonly modelVersion: number;
  readonly name: string;
  readonly overrides: readonly Override[];
  readonly createdAt: string;
}

/** A plan without its result (`GET /plans?scenario=`, a scenario's `plans`). */
export interface PlanSummary {
  readonly id: string | number;
  readonly scenarioId: string | number;
  readonly modelId: string;
  readonly modelVersion: number;
  readonly objectiveKind: string;
  readonly solver: string;
  readonly status: string;
  readonly objective: number | string | null;
  readonly createdAt: string;
}

export interface ScenarioDetail extends ScenarioEntry {
  readonly plans: readonly PlanSummary[];
}

export interface Published {
  readonly planId: string | number;
  readonly publishedAt: string;
}

/** A difference of `GET /plans/:a/compare/:b`: b − a (null when either is missing). */
export interface Difference {
  readonly a: number | null;
  readonly b: number | null;
  readonly change: number | null;
}

export interface PlanComparison {
  readonly status: { readonly a: string; readonly b: string };
  readonly objective: Difference;
  readonly targets: readonly { readonly item: string; readonly period: string; readonly priority: number; readonly fulfilment: Difference; readonly delivered: Difference; readonly changed: boolean }[];
  readonly activity: readonly { readonly technique: string; readonly period: string; readonly activity: Difference }[];
  readonly resources: readonly { readonly resource: string; readonly period: string; readonly use: Difference; readonly available: Difference }[];
  readonly bottlenecks: { readonly onlyA: readonly string[]; readonly onlyB: readonly string[]; readonly both: readonly string[] };
}

/** A plan that did not solve to optimality: its status and diagnosis, no numbers of the failed solve. */
export interface FailedPlanView {
  readonly model: string;
  readonly status: string;
  readonly message: string | null;
  readonly solver: string;
  readonly objective: ObjectiveSpec;
  readonly diagnosis: Diagnosis | null;
}

/** Whether a stored plan is optimal (only then does it carry numbers). */
export function isOptimal(r: PlanResultView | FailedPlanView): r is PlanResultView {
  return r.status === 'optimal';
}

export interface PlanRecord {
  readonly id: string;
  readonly scenarioId: string;
  readonly status: string;
  readonly solver: string;
  readonly objective: number | null;
  readonly createdAt?: string;
  readonly result: PlanResultView | FailedPlanView;
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface Job {
  readonly id: string;
  readonly status: JobStatus;
  readonly progress?: { readonly fraction?: number; readonly text?: string };
  readonly result?: { readonly planId: string };
  readonly error?: string | { readonly message: string };
}

export type Override =
  | { readonly kind: 'target'; readonly product: string; readonly region?: string; readonly period?: string; readonly factor?: number; readonly amount?: number }
  | { readonly kind: 'resource'; readonly resource: string; readonly period?: string; readonly factor?: number; readonly available?: number }
  | { readonly kind: 'price'; readonly product: string; readonly exportPrice?: number; readonly importPrice?: number; readonly maxExport?: number; readonly maxImport?: number };

/** Which way a report strays from the plan (docs/api.md, "Alerts"). */
export type AlertKind = 'under-delivery' | 'over-delivery' | 'input-over-use' | 'input-under-use';

/** An alert of `GET /api/alerts` (the current ones: a newer report's alert supersedes an older one). */
export interface Alert {
  readonly id: string | number;
  readonly enterprise: string;
  readonly period: string;
  readonly item: string;
  readonly kind: AlertKind;
  readonly level: 'normal' | 'warning' | 'critical';
  readonly planned: number;
  readonly actual: number;
  /** (actual − planned) ÷ planned; null when nothing was planned. */
  readonly deviation: number | null;
  readonly message: string;
  readonly superseded: boolean;
}

/** A row of `GET /api/fulfilment`'s `enterprises`: planned against reported per enterprise, period, item and side. */
export interface FulfilmentRow {
  readonly enterprise?: string;
  readonly product?: string;
  readonly item?: string;
  readonly target?: string | number;
  readonly period?: string;
  readonly kind?: 'output' | 'input';
  readonly planned: number;
  /** null: no report of the period names the item. */
  readonly reported: number | null;
  readonly ratio?: number | null;
  readonly fulfilment?: number;
}
