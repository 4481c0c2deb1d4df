import { analyzeEconomy } from '../analysis/index.js';
import { compileEconomy } from '../compile/index.js';
import type { PlentyStore } from '../store/index.js';
import { analysisRequestOf, type AnalyzeBody } from './analysis-body.js';
import { refusedInput } from './refused-input.js';
import { storedModel } from './stored-model.js';

/**
 * The input–output analysis of a stored model version (analysis/analyze-economy.ts, as `plenty
 * analyze --json`), with `failures` (the sentence of each solve that did not succeed) and `notes`
 * (analyses left out); options that do not fit the model are refused as `the analysis`.
 */
export async function analyseModel(store: PlentyStore, id: string, version: number | undefined, options: AnalyzeBody): Promise<Record<string, unknown>> {
  const { model: m, economy } = await storedModel(store, id, version);
  return refusedInput('the analysis', () => {
    const c = compileEconomy(economy);
    const { request, notes } = analysisRequestOf(c, options);
    const r = analyzeEconomy(economy, c, request);
    return { ...(r.json as object), modelId: m.id, version: m.version, failures: r.failures, notes };
  });
}
