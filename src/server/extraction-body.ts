import { z } from 'zod';
import type { ExtractionRequest } from '../analysis/index.js';
import { parseDemand } from '../model/parse-demand.js';
import { DEFAULT_MAX_ITERATIONS } from '../sparse/index.js';

export const extractionBody = z.strictObject({
  sectors: z.array(z.string().min(1)).optional().meta({ description: 'items, products or (imported tables) sectors to extract together' }),
  regions: z.array(z.string().min(1)).optional().meta({ description: 'regions whose items to extract together' }),
  kind: z.enum(['total', 'backward', 'forward']).optional().meta({ description: 'default total' }),
  rank: z.enum(['items', 'regions']).optional().meta({ description: 'extract every item or every region on its own and rank them by the loss of gross output' }),
  demand: z.record(z.string().min(1), z.number()).optional(),
  period: z.string().min(1).optional(),
  tolerance: z.number().gt(0).lt(1).optional(),
  maxIterations: z.number().int().positive().max(1_000_000).optional(),
});
export type ExtractionBody = z.infer<typeof extractionBody>;

/** The request an extraction body makes. */
export function extractionRequestOf(body: ExtractionBody): ExtractionRequest {
  const demand = body.demand === undefined ? undefined : parseDemand(JSON.stringify({ demand: body.demand }), { file: 'body.demand', format: 'json' });
  return {
    ...(body.sectors !== undefined ? { sectors: body.sectors } : {}),
    ...(body.regions !== undefined ? { regions: body.regions } : {}),
    kind: body.kind ?? 'total',
    ...(body.rank !== undefined ? { rank: body.rank } : {}),
    ...(demand !== undefined ? { demand, demandLabel: 'the demand sent' } : {}),
    ...(body.period !== undefined ? { period: body.period } : {}),
    tolerance: body.tolerance ?? 1e-12,
    maxIterations: body.maxIterations ?? DEFAULT_MAX_ITERATIONS,
    names: { sectors: 'sectors', regions: 'regions', rank: 'rank', period: 'period', tolerance: 'tolerance', maxIterations: 'maxIterations' },
  };
}
