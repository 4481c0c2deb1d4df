import { z } from 'zod';

/** A value in plan a and in plan b, and b − a (null when either is missing or not a number). */
export const difference = z.strictObject({ a: z.number().nullable(), b: z.number().nullable(), change: z.number().nullable() }).meta({ id: 'Difference' });

/** GET /plans/:a/compare/:b: what changes from plan a to plan b. */
export const planComparison = z
  .strictObject({
    a: z.number(),
    b: z.number(),
    status: z.strictObject({ a: z.string(), b: z.string() }),
    objective: difference,
    targets: z.array(z.strictObject({ item: z.string(), period: z.string(), priority: z.number(), fulfilment: difference, delivered: difference, changed: z.boolean() })),
    activity: z.array(z.strictObject({ technique: z.string(), period: z.string(), activity: difference })),
    resources: z.array(z.strictObject({ resource: z.string(), period: z.string(), use: difference, available: difference })),
    bottlenecks: z.strictObject({ onlyA: z.array(z.string()), onlyB: z.array(z.string()), both: z.array(z.string()) }).meta({ description: 'bottleneck keys `kind:id@period`' }),
  })
  .meta({ id: 'PlanComparison' });
