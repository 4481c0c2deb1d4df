import type { Api } from '../api.js';
import type {
  Alert,
  AlertKind,
  AlertList,
  Distribution,
  EnterpriseAssignments,
  EnterpriseCreated,
  EnterpriseList,
  EnterpriseNames,
  EnterprisePlan,
  Fulfilment,
  Id,
  JobStarted,
  PlanComparison,
  Publication,
  Published,
  Report,
  SupplyNetwork,
  WirePublished,
} from '../api-types.js';
import { decodePublished } from '../decode-plan.js';

// The execution part of the service's API (docs/api.md, "Execution"): the calls the execution and
// enterprise views make. Their answers' types are generated from the service's response schemas
// (api-types.generated.ts); only the query filters are the dashboard's own.

export interface AlertFilter {
  readonly level?: Alert['level'];
  readonly kind?: AlertKind;
  readonly enterprise?: string;
  readonly period?: string;
  /** false (the service's default): the current alerts; true: those a newer report superseded; all: both. */
  readonly superseded?: 'false' | 'true' | 'all';
}

/** The body of `POST /api/reports`: the report as the service stores it. */
export type ReportBody = Report['body'];

const q = (params: Readonly<Record<string, string | undefined>>): string => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') s.set(k, v);
  const text = s.toString();
  return text === '' ? '' : `?${text}`;
};
const seg = (id: Id): string => encodeURIComponent(String(id));

/** The published plan, its plan's numbers read back as numbers. */
export const published = (api: Api): Promise<Published> => api.request<WirePublished>('GET', '/published').then(decodePublished);
export const publish = (api: Api, planId: Id): Promise<Publication> => api.request('POST', `/plans/${seg(planId)}/publish`);
export const fulfilmentDoc = (api: Api, period?: string): Promise<Fulfilment> => api.request('GET', `/fulfilment${q({ period })}`);
export const alerts = (api: Api, f: AlertFilter = {}): Promise<AlertList> => api.request('GET', `/alerts${q({ ...f })}`);
export const enterprises = (api: Api): Promise<EnterpriseList> => api.request('GET', '/enterprises');
export const enterpriseNames = (api: Api, model?: string): Promise<EnterpriseNames> => api.request('GET', `/enterprises/names${q({ model })}`);
export const createEnterprise = (api: Api, id: string, name?: string): Promise<EnterpriseCreated> => api.request('POST', '/enterprises', name === undefined || name === '' ? { id } : { id, name });
export const enterprisePlan = (api: Api, id: string): Promise<EnterprisePlan> => api.request('GET', `/enterprises/${seg(id)}/plan`);
export const suppliers = (api: Api, id: string, period?: string): Promise<EnterpriseAssignments> => api.request('GET', `/enterprises/${seg(id)}/suppliers${q({ period })}`);
export const customers = (api: Api, id: string, period?: string): Promise<EnterpriseAssignments> => api.request('GET', `/enterprises/${seg(id)}/customers${q({ period })}`);
export const submitReport = (api: Api, body: ReportBody): Promise<{ status: number; body: Report }> => api.requestWithStatus('POST', '/reports', body);
export const supplyNetwork = (api: Api, period?: string): Promise<SupplyNetwork> => api.request('GET', `/supply${q({ period })}`);
export const distribution = (api: Api, product: string, period?: string, supply?: string): Promise<Distribution> => api.request('GET', `/distribution${q({ product, period, supply })}`);
export const replan = (api: Api, fromPeriod: string): Promise<JobStarted> => api.request('POST', '/replan', { fromPeriod });
export const comparePlans = (api: Api, a: Id, b: Id): Promise<PlanComparison> => api.request('GET', `/plans/${seg(a)}/compare/${seg(b)}`);
