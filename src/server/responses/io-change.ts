import { z } from 'zod';
import { wireNumber } from './wire-number.js';

/**
 * The answers of POST /api/decomposition, POST /api/models/:id/regionalise and POST /api/series:
 * the documents of `plenty decompose --json`, `plenty regionalise --json` and `plenty series
 * --json` (src/analysis/decompose-models.ts, regionalise-model.ts, model-series.ts; tables in
 * src/report/decomposition-tables.ts, regional-tables.ts, series-tables.ts).
 */

const factor = z.enum(['intensity', 'technology', 'level', 'destination', 'mix']);
const failedStatus = z.enum(['not-productive', 'max-iterations', 'breakdown', 'singular']);
const spectralRadius = z.strictObject({ lower: wireNumber, upper: wireNumber });

const decompositionSide = z
  .strictObject({
    model: z.string(),
    source: z.string().meta({ description: 'first or second (as the request names it)' }),
    period: z.string().meta({ description: 'the period whose targets are the final demand' }),
    modelId: z.string(),
    version: z.number(),
    scenario: z.number().optional(),
  })
  .meta({ id: 'DecompositionSide' });

const decompositionMeasure = z
  .strictObject({
    kind: z.enum(['output', 'resource']),
    id: z.string().meta({ description: '"gross output" (the sum over items), or a resource id' }),
    unit: z.string(),
    before: wireNumber,
    after: wireNumber,
    change: wireNumber,
    parts: z.record(factor, wireNumber).meta({ description: 'each factor’s part of the change' }),
    sum: wireNumber.meta({ description: 'Σ parts: equal to the change' }),
    residual: wireNumber.meta({ description: 'Σ parts − change (0 to rounding)' }),
  })
  .meta({ id: 'DecompositionMeasure' });

/** The fields of a decomposition that converged (also in each of a series' decompositions). */
const decompositionCore = {
  destinations: z.array(z.string()).meta({ description: 'the regions of final demand (columns of Y), or "all"' }),
  factors: z.array(factor),
  status: z.union([z.literal('converged'), failedStatus]),
  iterations: z.number().optional(),
  relativeResidual: wireNumber.optional(),
  identityResidual: wireNumber.optional().meta({ description: 'largest |Σ parts − change| / max(1, |change|), checked ≤ 1e-9' }),
  measures: z.array(decompositionMeasure).optional().meta({ description: 'absent when a solve did not succeed' }),
  message: z.string().optional().meta({ description: 'when a solve did not succeed: what happened and what to do' }),
  spectralRadius: spectralRadius.optional(),
};

export const decompositionDocument = z
  .strictObject({
    first: decompositionSide,
    second: decompositionSide,
    ...decompositionCore,
    failures: z.array(z.string()),
  })
  .meta({ id: 'DecompositionDocument' });

const regionalSector = z
  .strictObject({
    id: z.string(),
    national: wireNumber,
    regional: wireNumber,
    slq: wireNumber.nullable().meta({ description: 'null where the nation has none of the sector' }),
    nationalInputs: wireNumber.meta({ description: 'Σ_i a_ij of the national table' }),
    regionalInputs: wireNumber.meta({ description: 'Σ_i a_ij of the regional table (≤ the national)' }),
    nationalMultiplier: wireNumber,
    regionalMultiplier: wireNumber,
  })
  .meta({ id: 'RegionalSector' });

export const regionalDocument = z
  .strictObject({
    model: z.string().optional().meta({ description: 'the regional model’s name' }),
    source: z.string().optional(),
    modelId: z.string(),
    version: z.number(),
    method: z.enum(['slq', 'cilq', 'flq']).optional(),
    delta: z.number().optional(),
    lambda: wireNumber.optional(),
    measure: z.string().optional(),
    share: wireNumber.optional().meta({ description: 'R / N, the region’s share' }),
    changed: z.number().optional(),
    entries: z.number().optional(),
    sectors: z.array(regionalSector).optional(),
    stored: z.strictObject({ id: z.string(), version: z.number(), name: z.string() }).nullable().meta({ description: 'the regional model stored as a new model (with `store`)' }),
    status: failedStatus.optional(),
    message: z.string().optional(),
    iterations: z.number().optional(),
    spectralRadius: spectralRadius.optional(),
    failures: z.array(z.string()),
  })
  .meta({ id: 'RegionalDocument' });

const seriesMeasure = z
  .strictObject({
    id: z.string(),
    kind: z.enum(['output', 'resource', 'multiplier', 'footprint']),
    unit: z.string(),
    item: z.string().optional(),
    resource: z.string().optional(),
    region: z.string().optional(),
    values: z.array(z.number().nullable()).meta({ description: 'one per year, null where the year’s solve did not succeed' }),
  })
  .meta({ id: 'SeriesMeasure' });

export const seriesDocument = z
  .strictObject({
    years: z.array(z.strictObject({ year: z.string(), source: z.string(), model: z.string(), period: z.string() })),
    measures: z.array(seriesMeasure),
    analyses: z
      .array(z.looseObject({ year: z.string(), source: z.string(), items: z.array(z.string()) }))
      .meta({ description: 'each year’s analysis: the document of POST /api/models/:id/analyze without modelId, version, failures and notes' }),
    decompositions: z.array(z.strictObject({ from: z.string(), to: z.string(), first: z.looseObject({}), second: z.looseObject({}), ...decompositionCore })).optional(),
    versions: z.record(z.string(), z.number()).meta({ description: 'the version of each model used' }),
    failures: z.array(z.string()),
  })
  .meta({ id: 'SeriesDocument' });
