import { modelSeries, type SeriesModel } from '../analysis/index.js';
import { compileEconomy } from '../compile/index.js';
import { DEFAULT_MAX_ITERATIONS } from '../sparse/index.js';
import type { PlentyStore } from '../store/index.js';
import { refusedInput } from './refused-input.js';
import { storedModel } from './stored-model.js';

/** The analyses a series can run per year beyond gross output. */
export type SeriesAnalysis = 'multipliers' | 'footprints' | 'linkages' | 'labourValues';

/** The options of a series, named as in the request (`POST /api/series`). */
export interface SeriesOptions {
  /** The stored models (the latest version without `version`); a year given, else the model's period, else its id. */
  readonly models: readonly { readonly id: string; readonly version?: number | undefined; readonly year?: string | undefined }[];
  readonly analyses?: readonly SeriesAnalysis[] | undefined;
  readonly labour?: string | undefined;
  readonly decompose?: boolean | undefined;
  /** With decompose: the resources to decompose besides gross output (default every resource). */
  readonly resources?: readonly string[] | undefined;
  readonly tolerance?: number | undefined;
  readonly maxIterations?: number | undefined;
}

/**
 * Several stored models of one classification as years (analysis/model-series.ts, as `plenty
 * series --json`): the measures over the years, each year's analysis and, with `decompose`, the
 * decomposition between consecutive years; `versions` (the version of each model id used) and
 * `failures`. A model not found is not-found; options that do not fit are refused as `the series`.
 */
export async function storedModelSeries(store: PlentyStore, o: SeriesOptions): Promise<Record<string, unknown>> {
  const records = await Promise.all(o.models.map(async (ref) => ({ ref, ...(await storedModel(store, ref.id, ref.version)) })));
  return refusedInput('the series', () => {
    const models: SeriesModel[] = records.map(({ ref, model: m, economy }) => {
      return { economy, c: compileEconomy(economy), source: m.id, ...(ref.year !== undefined ? { year: ref.year } : {}) };
    });
    const asked = new Set(o.analyses ?? []);
    const r = modelSeries(models, {
      analysis: {
        multipliers: asked.has('multipliers'),
        footprints: asked.has('footprints'),
        linkages: asked.has('linkages'),
        labourValues: asked.has('labourValues'),
        ...(o.labour !== undefined ? { labour: o.labour } : {}),
        tolerance: o.tolerance ?? 1e-12,
        maxIterations: o.maxIterations ?? DEFAULT_MAX_ITERATIONS,
        names: { labour: 'labour', income: 'income', period: 'period', tolerance: 'tolerance', maxIterations: 'maxIterations' },
      },
      decompose: o.decompose === true,
      ...(o.resources !== undefined ? { decomposition: { resources: [...o.resources], resourceOption: 'resources' } } : {}),
    });
    const versions = Object.fromEntries(records.map(({ model: m }) => [m.id, m.version]));
    return { ...(r.json as object), versions, failures: r.failures };
  });
}
