import type { AnalysisDocument, AnalyzeRequest, BalanceDocument, BalanceRequest, StoredPlanEntry } from './analysis-types.js';
import type { Api } from './api.js';

/** `POST /api/models/:id/analyze`: the input–output analysis of a model. */
export function analyzeModel(api: Api, modelId: string, body: AnalyzeRequest): Promise<AnalysisDocument> {
  return api.request('POST', `/models/${encodeURIComponent(modelId)}/analyze`, body);
}

/** `POST /api/models/:id/balance` with a period, a stored plan, every item. */
export function balanceOf(api: Api, modelId: string, body: BalanceRequest): Promise<BalanceDocument> {
  return api.request('POST', `/models/${encodeURIComponent(modelId)}/balance`, body);
}

/** `GET /api/plans`: every stored plan (without results). */
export function storedPlans(api: Api): Promise<StoredPlanEntry[]> {
  return api.request<StoredPlanEntry[] | { plans: StoredPlanEntry[] }>('GET', '/plans').then((r) => (Array.isArray(r) ? r : r.plans));
}
