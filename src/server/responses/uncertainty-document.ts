import { z } from 'zod';
import { wireNumber } from './wire-number.js';

/** One quantity's distribution over the draws. */
const uncertaintyRow = z
  .strictObject({
    row: z.string().meta({ description: 'the resource, or "output" (gross output)' }),
    unit: z.string(),
    of: z.string().meta({ description: 'footprints: the region of final demand; multipliers: the product' }),
    value: wireNumber.meta({ description: 'the deterministic value (no spread)' }),
    mean: wireNumber,
    median: wireNumber,
    p025: wireNumber.meta({ description: '2.5th percentile over the draws' }),
    p975: wireNumber.meta({ description: '97.5th percentile over the draws' }),
  })
  .meta({ id: 'UncertaintyRow' });

const head = {
  model: z.string(),
  modelId: z.string(),
  version: z.number(),
  demand: z.string(),
  draws: z.number(),
  seed: z.number(),
  distribution: z.enum(['lognormal', 'normal']),
  rsd: z.strictObject({ coefficients: z.number(), demand: z.number(), extensions: z.number() }).meta({ description: 'the relative standard deviations of A’s coefficients, final demand and the resource coefficients' }),
  drawsTable: z.number().optional().meta({ description: 'entries of the table of draws, when one was sent' }),
  failures: z.array(z.string()),
};

/**
 * The answer of POST /models/:id/uncertainty: the document of `plenty uncertainty --json`
 * (src/analysis/uncertainty-of.ts, src/report/uncertainty-parts.ts) with the model's id, version
 * and `failures`; when a draw's solve did not succeed, its status and sentence and no numbers.
 */
export const uncertaintyDocument = z
  .union([
    z.strictObject({
      ...head,
      status: z.literal('converged'),
      iterations: z.number(),
      relativeResidual: wireNumber,
      regions: z.array(z.string()),
      footprints: z.array(uncertaintyRow).meta({ description: 'by resource and region of final demand (direct uses of final demand included)' }),
      multipliers: z.array(uncertaintyRow).meta({ description: 'by resource (and "output") and product, per unit of final demand' }),
    }),
    z.strictObject({
      ...head,
      status: z.enum(['not-productive', 'max-iterations', 'breakdown']),
      message: z.string(),
      iterations: z.number().optional(),
      spectralRadius: z.strictObject({ lower: wireNumber, upper: wireNumber }).optional(),
    }),
  ])
  .meta({ id: 'UncertaintyDocument' });
