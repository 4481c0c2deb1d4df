import { z } from 'zod';

const positive = z.number().finite().positive();

/** Options of a solve: objective (kind or object, docs/optimize.md), solver, gap, time limit in seconds. */
export const solveOptionsSchema = z.strictObject({
  objective: z
    .union([
      z.enum(['maxmin', 'weighted', 'harmony', 'mincost']),
      z.strictObject({
        kind: z.enum(['maxmin', 'weighted', 'harmony', 'mincost']),
        cap: positive.optional(),
        periods: z.enum(['leximin', 'common']).optional(),
        resource: z.string().min(1).optional(),
        weights: z.record(z.string().regex(/^\d+$/), z.number().finite().nonnegative()).optional(),
        overSlope: z.number().finite().nonnegative().optional(),
        harmonyCap: positive.optional(),
      }),
    ])
    .optional(),
  solver: z.enum(['auto', 'highs', 'pdhg']).optional(),
  gap: positive.optional(),
  timeLimit: positive.optional(),
});

export type SolveOptions = z.output<typeof solveOptionsSchema>;
