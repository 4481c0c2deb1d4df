import { extractEconomy, type ExtractionRequest } from '../analysis/index.js';
import { compileEconomy } from '../compile/index.js';
import { parseDemand } from '../model/parse-demand.js';
import { DEFAULT_MAX_ITERATIONS } from '../sparse/index.js';
import type { PlentyStore } from '../store/index.js';
import { refusedInput } from './refused-input.js';
import { storedModel } from './stored-model.js';

/** The options of a hypothetical extraction, named as in the request (`POST /api/models/:id/extraction`). */
export interface ExtractionOptions {
  readonly sectors?: readonly string[] | undefined;
  readonly regions?: readonly string[] | undefined;
  readonly kind?: 'total' | 'backward' | 'forward' | undefined;
  readonly rank?: 'items' | 'regions' | undefined;
  /** A final demand per product. */
  readonly demand?: Readonly<Record<string, number>> | undefined;
  readonly period?: string | undefined;
  readonly tolerance?: number | undefined;
  readonly maxIterations?: number | undefined;
}

/** The library's request for these options (defaults: total, 1e-12, the default iterations; options named as sent). */
function extractionRequestOf(o: ExtractionOptions): ExtractionRequest {
  const demand = o.demand === undefined ? undefined : parseDemand(JSON.stringify({ demand: o.demand }), { file: 'body.demand', format: 'json' });
  return {
    ...(o.sectors !== undefined ? { sectors: [...o.sectors] } : {}),
    ...(o.regions !== undefined ? { regions: [...o.regions] } : {}),
    kind: o.kind ?? 'total',
    ...(o.rank !== undefined ? { rank: o.rank } : {}),
    ...(demand !== undefined ? { demand, demandLabel: 'the demand sent' } : {}),
    ...(o.period !== undefined ? { period: o.period } : {}),
    tolerance: o.tolerance ?? 1e-12,
    maxIterations: o.maxIterations ?? DEFAULT_MAX_ITERATIONS,
    names: { sectors: 'sectors', regions: 'regions', rank: 'rank', period: 'period', tolerance: 'tolerance', maxIterations: 'maxIterations' },
  };
}

/**
 * Hypothetical extraction of sectors or regions of a stored model version, and the key-sector
 * ranking (analysis/extract-economy.ts, as `plenty extract --json`), with the model id, version
 * and `failures`; options that do not fit the model are refused as `the extraction`.
 */
export async function extractStoredModel(store: PlentyStore, id: string, version: number | undefined, options: ExtractionOptions): Promise<Record<string, unknown>> {
  const { model: m, economy } = await storedModel(store, id, version);
  return refusedInput('the extraction', () => {
    const r = extractEconomy(economy, compileEconomy(economy), extractionRequestOf(options));
    return { ...(r.json as object), modelId: m.id, version: m.version, failures: r.failures };
  });
}
