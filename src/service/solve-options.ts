import { z } from 'zod';
import { MAX_MAGNITUDE, MAX_MAGNITUDE_TEXT } from '../model/magnitude.js';

/** A finite number within the magnitude rule (docs/model.md, "Numbers"). */
const within = (n: z.ZodNumber): z.ZodNumber => n.finite().max(MAX_MAGNITUDE, `must be at most ${MAX_MAGNITUDE_TEXT}`);
const positive = within(z.number().positive());

/**
 * Options of a solve: objective (kind or object, docs/optimize.md), solver, gap, time limit in
 * seconds, and for whole plants the MIP gap and whether to solve the relaxation only. Every number is finite and at most 1e30; a time limit beyond what a timer holds (about
 * 24.8 days) is clamped where the timer is set, never read as "at once".
 */
export const solveOptionsSchema = z.strictObject({
  objective: z
    .union([
      z.enum(['maxmin', 'weighted', 'harmony', 'mincost']),
      z.strictObject({
        kind: z.enum(['maxmin', 'weighted', 'harmony', 'mincost']),
        cap: positive.optional(),
        periods: z.enum(['leximin', 'common']).optional(),
        resource: z.string().min(1).optional(),
        weights: z.record(z.string().regex(/^\d+$/), within(z.number().nonnegative())).optional(),
        overSlope: within(z.number().nonnegative()).optional(),
        harmonyCap: positive.optional(),
      }),
    ])
    .optional(),
  solver: z.enum(['auto', 'highs', 'pdhg']).optional(),
  gap: positive.optional(),
  timeLimit: positive.optional(),
  /** Whole plants: relative gap at which branch and bound stops as optimal (default 1e-4). */
  mipGap: z.number().min(0).lt(1).optional(),
  /** Whole plants: solve the LP relaxation instead (fractions of plants allowed). */
  relaxIntegers: z.boolean().optional(),
});

export type SolveOptions = z.output<typeof solveOptionsSchema>;
