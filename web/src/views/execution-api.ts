import type { Api } from '../api.js';
import type { Alert, AlertKind, PlanRecord } from '../api-types.js';

// The execution part of the service's API (docs/api.md, "Execution"): the shapes the execution and
// enterprise views read, and the calls that fetch them.

/** `GET /api/published`. */
export interface Published {
  readonly planId: number | string;
  readonly publishedAt: string;
  readonly plan: PlanRecord & { readonly modelId: string; readonly modelVersion: number; readonly objectiveKind?: string };
}

export interface EnterpriseFulfilmentRow {
  readonly enterprise: string;
  readonly period: string;
  readonly item: string;
  readonly kind: 'output' | 'input';
  readonly planned: number;
  readonly reported: number | null;
  readonly ratio: number | null;
}

export interface ItemFulfilmentRow {
  readonly item: string;
  readonly period: string;
  readonly planned: number;
  readonly actual: number;
  readonly ratio: number;
}

export interface TargetFulfilmentRow {
  readonly target: number;
  readonly item: string;
  readonly period: string;
  readonly priority: number;
  readonly category: string | null;
  readonly amount: number;
  readonly planned: number;
  readonly implied: number;
  readonly fulfilment: number;
}

/** `GET /api/fulfilment`. */
export interface FulfilmentDoc {
  readonly planId: number | string;
  readonly reports: number;
  readonly enterprises: readonly EnterpriseFulfilmentRow[];
  readonly items: readonly ItemFulfilmentRow[];
  readonly targets: readonly TargetFulfilmentRow[];
}

export interface AlertFilter {
  readonly level?: Alert['level'];
  readonly kind?: AlertKind;
  readonly enterprise?: string;
  readonly period?: string;
  /** false (the service's default): the current alerts; true: those a newer report superseded; all: both. */
  readonly superseded?: 'false' | 'true' | 'all';
}

export interface EnterpriseRecord {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
}

export interface EnterpriseTask {
  readonly technique: string;
  readonly period: string;
  readonly activity: number;
  readonly outputs: Readonly<Record<string, number>>;
  readonly inputs: Readonly<Record<string, number>>;
  readonly resources: Readonly<Record<string, number>>;
}

/** `GET /api/enterprises/:id/plan`. */
export interface EnterprisePlan {
  readonly enterprise: string;
  readonly planId: number | string;
  readonly modelId: string;
  readonly publishedAt: string;
  readonly periods: readonly string[];
  readonly techniques: readonly EnterpriseTask[];
  readonly units: { readonly items: Readonly<Record<string, string>>; readonly resources: Readonly<Record<string, string>> };
}

export interface Assignment {
  readonly product: string;
  readonly period: string;
  readonly from: string;
  readonly to: string;
  readonly fromRegion: string | null;
  readonly toRegion: string | null;
  readonly amount: number;
}

/** `GET /api/enterprises/:id/suppliers` and `/customers`. */
export interface Assignments {
  readonly status: string;
  readonly message?: string;
  readonly assignments: readonly Assignment[];
}

export interface ReportBody {
  readonly reportId: string;
  readonly enterprise: string;
  readonly period: string;
  readonly technique?: string;
  readonly outputs: Readonly<Record<string, number>>;
  readonly inputs: Readonly<Record<string, number>>;
}

export interface NetworkFlow {
  readonly period: string;
  readonly product: string;
  readonly unit: string;
  readonly from: string;
  readonly to: string;
  readonly amount: number;
  readonly lines: readonly string[];
}

export interface NetworkLine {
  readonly resource: string;
  readonly name: string;
  readonly unit: string;
  readonly period: string;
  readonly used: number;
  readonly capacity: number | null;
  readonly load: number | null;
  readonly links: readonly { readonly from: string; readonly to: string; readonly products: readonly string[] }[];
}

/** `GET /api/supply`. */
export interface SupplyNetwork {
  readonly planId: number | string;
  readonly status: string;
  readonly message?: string;
  readonly periods: readonly string[];
  readonly regions: readonly { readonly id: string; readonly name: string }[];
  readonly flows: readonly NetworkFlow[];
  readonly lines: readonly NetworkLine[];
  readonly unserved: readonly { readonly product: string; readonly period: string; readonly region: string | null; readonly amount: number }[];
}

/** `GET /api/distribution`. */
export interface DistributionDoc {
  readonly planId: number | string;
  readonly product: string;
  readonly period: string;
  readonly category: string;
  readonly supply: number;
  readonly need: number;
  readonly allocated: number;
  readonly left: number;
  readonly allocations: readonly { readonly region: string; readonly tier: number; readonly need: number; readonly allocated: number; readonly fraction: number }[];
}

export interface Difference {
  readonly a: number | null;
  readonly b: number | null;
  readonly change: number | null;
}

/** `GET /api/plans/:a/compare/:b`. */
export interface PlanComparison {
  readonly objective: Difference;
  readonly targets: readonly { readonly item: string; readonly period: string; readonly priority: number; readonly fulfilment: Difference; readonly delivered: Difference }[];
  readonly activity: readonly { readonly technique: string; readonly period: string; readonly activity: Difference }[];
  readonly resources: readonly { readonly resource: string; readonly period: string; readonly use: Difference; readonly available: Difference }[];
  readonly bottlenecks: { readonly onlyA: readonly string[]; readonly onlyB: readonly string[]; readonly both: readonly string[] };
}

/** A re-plan's own section of its plan (`result.replan`). */
export interface ReplanSection {
  readonly basePlanId: number | string;
  readonly fromPeriod: string;
  readonly fixedPeriods: number;
  readonly reports: number;
  readonly past: {
    readonly periods: readonly string[];
    readonly breaches: readonly { readonly resource?: string; readonly item?: string; readonly period: string; readonly [k: string]: unknown }[];
    readonly shortfalls: readonly { readonly target: number; readonly item: string; readonly period: string; readonly priority: number; readonly amount: number; readonly planned: number; readonly delivered: number; readonly fulfilment: number }[];
    readonly reportedValues: number;
  };
  readonly future: { readonly periods: readonly string[]; readonly lambda: Readonly<Record<string, number>> | null; readonly levels: Readonly<Record<string, Readonly<Record<string, number>>>> | null };
}

const q = (params: Readonly<Record<string, string | undefined>>): string => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') s.set(k, v);
  const text = s.toString();
  return text === '' ? '' : `?${text}`;
};
const seg = encodeURIComponent;

export const published = (api: Api): Promise<Published> => api.request('GET', '/published');
export const publish = (api: Api, planId: string | number): Promise<{ planId: number; publishedAt: string }> => api.request('POST', `/plans/${seg(String(planId))}/publish`, {});
export const plans = (api: Api): Promise<(Omit<PlanRecord, 'result'> & { modelId: string; objectiveKind?: string; inputsHash?: string })[]> => api.request('GET', '/plans');
export const fulfilmentDoc = (api: Api, period?: string): Promise<FulfilmentDoc> => api.request('GET', `/fulfilment${q({ period })}`);
export const alerts = (api: Api, f: AlertFilter = {}): Promise<Alert[]> => api.request('GET', `/alerts${q({ ...f })}`);
export const enterprises = (api: Api): Promise<EnterpriseRecord[]> => api.request('GET', '/enterprises');
export const enterpriseNames = (api: Api, model?: string): Promise<{ names: { id: string; registered: boolean }[] }> => api.request('GET', `/enterprises/names${q({ model })}`);
export const createEnterprise = (api: Api, id: string, name?: string): Promise<EnterpriseRecord & { token: string }> => api.request('POST', '/enterprises', name === undefined || name === '' ? { id } : { id, name });
export const enterprisePlan = (api: Api, id: string): Promise<EnterprisePlan> => api.request('GET', `/enterprises/${seg(id)}/plan`);
export const suppliers = (api: Api, id: string, period?: string): Promise<Assignments> => api.request('GET', `/enterprises/${seg(id)}/suppliers${q({ period })}`);
export const customers = (api: Api, id: string, period?: string): Promise<Assignments> => api.request('GET', `/enterprises/${seg(id)}/customers${q({ period })}`);
export const submitReport = (api: Api, body: ReportBody): Promise<{ status: number; body: { reportId: string; createdAt: string } }> => api.requestWithStatus('POST', '/reports', body);
export const supplyNetwork = (api: Api, period?: string): Promise<SupplyNetwork> => api.request('GET', `/supply${q({ period })}`);
export const distribution = (api: Api, product: string, period?: string, supply?: string): Promise<DistributionDoc> => api.request('GET', `/distribution${q({ product, period, supply })}`);
export const replan = (api: Api, fromPeriod: string): Promise<{ jobId: string }> => api.request('POST', '/replan', { fromPeriod });
export const comparePlans = (api: Api, a: string | number, b: string | number): Promise<PlanComparison> => api.request('GET', `/plans/${seg(String(a))}/compare/${seg(String(b))}`);
