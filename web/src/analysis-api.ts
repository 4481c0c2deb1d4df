import type { AnalysisDocument, AnalyzeRequest, BalanceDocument, BalanceRequest, StoredPlanEntry } from './analysis-types.js';
import type { Api } from './api.js';

/** `?version=N` for an older version of the model (the latest when absent). */
const versionQuery = (version: number | null | undefined): string => (version === null || version === undefined ? '' : `?version=${version}`);

/** `POST /api/models/:id/analyze`: the input–output analysis of a model. */
export function analyzeModel(api: Api, modelId: string, body: AnalyzeRequest, version?: number | null): Promise<AnalysisDocument> {
  return api.request('POST', `/models/${encodeURIComponent(modelId)}/analyze${versionQuery(version)}`, body);
}

/** `POST /api/models/:id/balance` with a period, a stored plan, every item. */
export function balanceOf(api: Api, modelId: string, body: BalanceRequest, version?: number | null): Promise<BalanceDocument> {
  return api.request('POST', `/models/${encodeURIComponent(modelId)}/balance${versionQuery(version)}`, body);
}

/** `GET /api/plans`: every stored plan (without results). */
export function storedPlans(api: Api): Promise<StoredPlanEntry[]> {
  return api.request<StoredPlanEntry[] | { plans: StoredPlanEntry[] }>('GET', '/plans').then((r) => (Array.isArray(r) ? r : r.plans));
}
