import { z } from 'zod';
import type { ReportedPast } from '../execution/index.js';
import { solveOptionsSchema } from './solve-options.js';

/** Amounts per period id, then per item id. */
const amountsByPeriod = z.record(z.string(), z.record(z.string(), z.number()));

/**
 * The body of `POST /api/replan`: the solve options, the first period re-planned, and the past's
 * trade and closing stocks as reported (by item id per past period; what is not given stays as
 * published).
 */
export const replanBodySchema = solveOptionsSchema.extend({
  fromPeriod: z.string().min(1),
  reported: z.strictObject({ exports: amountsByPeriod.optional(), imports: amountsByPeriod.optional(), stock: amountsByPeriod.optional() }).optional(),
});

/** The body's reported trade and stocks in the library's shape (absent fields left out). */
export function reportedPast(r: NonNullable<z.output<typeof replanBodySchema>['reported']>): ReportedPast {
  return { ...(r.exports === undefined ? {} : { exports: r.exports }), ...(r.imports === undefined ? {} : { imports: r.imports }), ...(r.stock === undefined ? {} : { stock: r.stock }) };
}
