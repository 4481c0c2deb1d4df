import { z } from 'zod';

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

