import type { AnalysisDocument, BalanceDocument, WireAnalysisDocument } from './api-types.js';
import type { Api } from './api.js';
import { decodeAnalysis } from './decode-analysis.js';

// The analysis part of the service's API: the calls the analysis and balance views make. Their
// answers' types are generated from the service's response schemas (api-types.generated.ts). The
// request bodies are the dashboard's own small types, the fields it sends of the routes' body
// schemas (src/service/analysis-body.ts `analyzeBody`, src/server/routes/model-routes.ts
// `balanceBody`): body schemas are not among the generated types.

/** The analyses `POST /api/models/:id/analyze` gives beyond gross output. */
export type AnalysisKind = 'multipliers' | 'linkages' | 'labourValues' | 'footprints' | 'inverse';

/** The body of `POST /api/models/:id/analyze` (the fields the dashboard sends). */
export interface AnalyzeRequest {
  readonly demand?: Readonly<Record<string, number>>;
  readonly period?: string;
  readonly analyses?: readonly AnalysisKind[];
  readonly labour?: string;
  readonly income?: string;
}

/** The body of `POST /api/models/:id/balance` (the fields the dashboard sends). */
export interface BalanceRequest {
  readonly planId?: number;
  readonly period?: string;
  readonly all?: boolean;
  readonly top?: number;
}

/** `?version=N` for an older version of the model (the latest when absent). */
const versionQuery = (version: number | null | undefined): string => (version === null || version === undefined ? '' : `?version=${version}`);

/** `POST /api/models/:id/analyze`: the input–output analysis of a model, its numbers read back once. */
export function analyzeModel(api: Api, modelId: string, body: AnalyzeRequest, version?: number | null): Promise<AnalysisDocument> {
  return api.request<WireAnalysisDocument>('POST', `/models/${encodeURIComponent(modelId)}/analyze${versionQuery(version)}`, body).then(decodeAnalysis);
}

/** `POST /api/models/:id/balance` with a period, a stored plan, every item. */
export function balanceOf(api: Api, modelId: string, body: BalanceRequest, version?: number | null): Promise<BalanceDocument> {
  return api.request('POST', `/models/${encodeURIComponent(modelId)}/balance${versionQuery(version)}`, body);
}

