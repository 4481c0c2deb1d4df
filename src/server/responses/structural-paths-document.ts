import { z } from 'zod';
import { wireNumber } from './wire-number.js';

/** One supply chain of POST /models/:id/paths. */
const structuralPath = z
  .strictObject({
    rank: z.number(),
    items: z.array(z.string()).meta({ description: 'the chain: the final demand’s product first, then its supplier, …, the product whose resource use (or output) is counted last' }),
    value: wireNumber,
    share: wireNumber.meta({ description: 'value / total' }),
    cumulative: wireNumber.meta({ description: 'the shares of this path and the larger ones' }),
  })
  .meta({ id: 'StructuralPath' });

const head = {
  model: z.string(),
  modelId: z.string(),
  version: z.number(),
  resource: z.string().nullable().meta({ description: 'the resource whose footprint is decomposed; null: gross output' }),
  unit: z.string(),
  demand: z.string().meta({ description: 'which final demand: a region’s, one unit of a product’s, the demand sent, or the model’s final use' }),
  top: z.number(),
  depth: z.number(),
  threshold: z.number(),
  failures: z.array(z.string()),
};

/**
 * The answer of POST /models/:id/paths: the document of `plenty paths --json`
 * (src/analysis/structural-paths-of.ts, src/report/structural-paths-part.ts) with the model's id,
 * version and `failures`; when the solve did not succeed, its status and sentence and no paths.
 */
export const structuralPathsDocument = z
  .union([
    z.strictObject({
      ...head,
      status: z.literal('converged'),
      iterations: z.number(),
      relativeResidual: wireNumber,
      total: wireNumber.meta({ description: 'the footprint (or gross output) the paths decompose: s (I − A)⁻¹ y' }),
      covered: wireNumber.meta({ description: 'Σ listed values / total' }),
      complete: z.boolean().meta({ description: 'false when the search stopped at its node limit before it could prove the list is the largest' }),
      expanded: z.number(),
      paths: z.array(structuralPath),
    }),
    z.strictObject({
      ...head,
      status: z.enum(['not-productive', 'max-iterations', 'breakdown']),
      message: z.string(),
      iterations: z.number().optional(),
      spectralRadius: z.strictObject({ lower: wireNumber, upper: wireNumber }).optional(),
    }),
  ])
  .meta({ id: 'StructuralPathsDocument' });
