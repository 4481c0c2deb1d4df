import type { EconomyView } from '../api-types.js';
import type { Api } from '../api.js';
import { extractionSection } from './analysis-extraction.js';
import { impactsSection } from './analysis-impacts.js';
import { typeIISection } from './analysis-type-ii.js';

/** The analysis view's sections computed on request: Type II effects, key sectors, characterised impacts. */
export function analysisEffects(api: Api, modelId: string, version: number | null, economy: EconomyView, period: () => string | undefined): HTMLElement[] {
  return [typeIISection(api, modelId, version, economy, period), extractionSection(api, modelId, version, economy, period), impactsSection(api, modelId, version, period)];
}
