import type { DecompositionDocument, RegionalDocument, SeriesDocument } from './api-types.generated.js';
import type { Api } from './api.js';

// The calls of the analysis view's decomposition, series and regional sections (docs/api.md):
// POST /api/decomposition, POST /api/series, POST /api/models/:id/regionalise. The bodies are the
// fields the dashboard sends of the routes' body schemas (src/server/routes/decomposition-routes.ts,
// series-routes.ts, regional-routes.ts).

export type { DecompositionDocument, RegionalDocument, SeriesDocument };

/** A stored model version and the period whose targets are the final demand. */
export interface ModelRef {
  readonly id: string;
  readonly version?: number;
  readonly period?: string;
}

export interface DecompositionRequest {
  readonly first: ModelRef;
  readonly second: ModelRef;
  readonly resources?: readonly string[];
}

export interface SeriesRequest {
  readonly models: readonly { readonly id: string; readonly year?: string }[];
  readonly analyses?: readonly ('multipliers' | 'footprints')[];
  readonly decompose?: boolean;
}

export interface RegionaliseRequest {
  readonly method: 'slq' | 'cilq' | 'flq';
  readonly delta?: number;
  readonly measure?: string;
  readonly csv: string;
}

export function decompose(api: Api, body: DecompositionRequest): Promise<DecompositionDocument> {
  return api.request('POST', '/decomposition', body);
}

export function series(api: Api, body: SeriesRequest): Promise<SeriesDocument> {
  return api.request('POST', '/series', body);
}

export function regionalise(api: Api, modelId: string, body: RegionaliseRequest, version?: number | null): Promise<RegionalDocument> {
  const q = version === null || version === undefined ? '' : `?version=${version}`;
  return api.request('POST', `/models/${encodeURIComponent(modelId)}/regionalise${q}`, body);
}
