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

/** A plan result, as `plenty plan --json` writes it. */
export interface PlanResultView {
  readonly model: string;
  readonly status: string;
  readonly message: string | null;
  readonly solver: string;
  readonly objective: { readonly kind: string };
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
  /** Per period and resource: use and availability including investment (the service adds these; null: unlimited). */
  readonly resources?: Readonly<Record<string, Readonly<Record<string, { readonly use: number; readonly available: number | null }>>>>;
  readonly diagnosis: { readonly message: string } | null;
}

export interface PlanRecord {
  readonly id: string;
  readonly scenarioId: string;
  readonly status: string;
  readonly solver: string;
  readonly objective: number | null;
  readonly createdAt?: string;
  readonly result: PlanResultView;
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
  | { readonly kind: 'price'; readonly product: string; readonly exportPrice?: number; readonly importPrice?: number; readonly maxExport?: number };

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
