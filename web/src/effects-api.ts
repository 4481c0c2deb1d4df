import type { AnalysisDocument, ExtractionDocument as WireExtractionDocument, WireAnalysisDocument } from './api-types.js';
import type { Api } from './api.js';
import { decodeAnalysis } from './decode-analysis.js';
import { decodeExtraction } from './decode-effects.js';
import type { Decoded } from './decode-plan.js';

// The calls of the analysis view's Type II, key-sector and impact sections: the fields they send
// of the bodies of POST /api/models/:id/analyze (src/service/analysis-body.ts) and
// POST /api/models/:id/extraction (src/server/extraction-body.ts).

export type ExtractionDocument = Decoded<WireExtractionDocument>;

/** The body of `POST /api/models/:id/analyze` for Type II effects or characterised impacts. */
export interface EffectsRequest {
  readonly period?: string;
  readonly analyses: readonly 'typeII'[];
  readonly householdConsumption?: string;
  readonly householdIncome?: string;
  readonly characterise?: { readonly csv: string; readonly name: string };
}

/** The body of `POST /api/models/:id/extraction`. */
export interface ExtractionRequest {
  readonly sectors?: readonly string[];
  readonly regions?: readonly string[];
  readonly kind: 'total' | 'backward' | 'forward';
  readonly rank?: 'items' | 'regions';
  readonly period?: string;
}

const versionQuery = (version: number | null | undefined): string => (version === null || version === undefined ? '' : `?version=${version}`);

/** `POST /api/models/:id/analyze` with the Type II or impact fields. */
export function analyzeEffects(api: Api, modelId: string, body: EffectsRequest, version?: number | null): Promise<AnalysisDocument> {
  return api.request<WireAnalysisDocument>('POST', `/models/${encodeURIComponent(modelId)}/analyze${versionQuery(version)}`, body).then(decodeAnalysis);
}

/** `POST /api/models/:id/extraction`: hypothetical extraction and key sectors, numbers read back once. */
export function extractModel(api: Api, modelId: string, body: ExtractionRequest, version?: number | null): Promise<ExtractionDocument> {
  return api.request<WireExtractionDocument>('POST', `/models/${encodeURIComponent(modelId)}/extraction${versionQuery(version)}`, body).then(decodeExtraction);
}
