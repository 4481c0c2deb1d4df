import { z } from 'zod';
import { amounts } from './wire-number.js';

/** One step of what a deficit blocks: a short item, a technique held back, a target left short. */
export const chainStep = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('item'), depth: z.number(), item: z.number(), id: z.string(), shortfall: z.number(), lost: z.number(), cause: z.number() }),
    z.strictObject({ kind: z.literal('technique'), depth: z.number(), technique: z.number(), id: z.string(), planned: z.number(), allowed: z.number(), fraction: z.number(), reason: z.number(), reasonId: z.string(), missing: z.number() }),
    z.strictObject({ kind: z.literal('target'), depth: z.number(), target: z.number(), item: z.number(), itemId: z.string(), priority: z.number(), amount: z.number(), covered: z.number(), shortfall: z.number() }),
  ])
  .meta({ id: 'ChainStep' });

export const deficitRow = z
  .strictObject({ item: z.number(), id: z.string(), unit: z.string(), supply: z.number(), use: z.number(), deficit: z.number(), share: z.number(), chain: z.array(chainStep), lines: z.array(z.string()), truncated: z.boolean() })
  .meta({ id: 'DeficitRow' });

export const surplusRow = z.strictObject({ item: z.number(), id: z.string(), unit: z.string(), supply: z.number(), use: z.number(), surplus: z.number(), share: z.number() }).meta({ id: 'SurplusRow' });

/** A resource or capacity used beyond its availability; `unit` is "activity" for a capacity. */
export const limitRow = z
  .strictObject({ kind: z.enum(['resource', 'capacity']), index: z.number(), id: z.string(), unit: z.string(), used: z.number(), available: z.number(), excess: z.number(), utilisation: z.number().nullable() })
  .meta({ id: 'LimitRow' });

const fractionLimit = z.strictObject({ kind: z.enum(['item', 'resource', 'capacity']), index: z.number(), id: z.string(), ratio: z.number().nullable() });

const shortage = z.strictObject({ id: z.string(), required: z.number(), slack: z.number(), short: z.number() });

/** One extra resource that closing a deficit needs: its share of what is available (null: unlimited). */
const closingNeed = z.strictObject({ id: z.string(), unit: z.string(), extra: z.number(), available: z.number().nullable(), share: z.number() }).meta({ id: 'ClosingNeed' });

/** What closing a deficit takes (the gross output and resources it needs), or why that could not be computed. */
export const closingRequirement = z
  .union([
    z.strictObject({
      item: z.string().nullable(),
      deficit: z.number(),
      status: z.literal('converged'),
      relativeResidual: z.number(),
      feasible: z.boolean(),
      grossOutput: amounts,
      resources: amounts,
      resourcesShort: z.array(shortage),
      capacitiesShort: z.array(shortage),
      /** The extra resources closing it takes, the largest share of what is available first. */
      needs: z.array(closingNeed),
    }),
    z.strictObject({
      item: z.string().nullable(),
      deficit: z.number(),
      feasible: z.literal(false),
      status: z.enum(['not-productive', 'max-iterations', 'breakdown', 'singular']),
      message: z.string(),
      iterations: z.number().optional(),
      spectralRadius: z.strictObject({ lower: z.number(), upper: z.number() }).optional(),
    }),
  ])
  .meta({ id: 'ClosingRequirement' });

/** POST /models/:id/balance: the document of `plenty balance --json`. */
export const balanceDocument = z
  .strictObject({
    model: z.string(),
    plan: z.string(),
    period: z.string(),
    balances: z.boolean(),
    withinLimits: z.boolean(),
    counts: z.strictObject({ items: z.number(), balanced: z.number(), surplus: z.number(), deficit: z.number(), resources: z.number(), resourcesOver: z.number(), techniques: z.number(), capacitiesOver: z.number() }),
    deficits: z.array(deficitRow),
    surpluses: z.array(surplusRow),
    limits: z.array(limitRow),
    fraction: z.strictObject({
      targets: z.number(),
      targetsRatio: z.number().nullable(),
      targetsLimit: fractionLimit.optional(),
      resources: z.number(),
      resourcesRatio: z.number().nullable(),
      resourcesLimit: fractionLimit.optional(),
      uniform: z.number(),
      combined: z.number(),
    }),
    propagation: z.enum(['converged', 'max-iterations']),
    closing: z.strictObject({ status: z.enum(['ok', 'no-system']), message: z.string().nullable(), each: z.array(closingRequirement), all: closingRequirement.nullable() }).nullable(),
    items: z
      .array(
        z.strictObject({
          id: z.string(),
          unit: z.string(),
          output: z.number(),
          imports: z.number(),
          fromStock: z.number(),
          intermediate: z.number(),
          final: z.number(),
          exports: z.number(),
          toStock: z.number(),
          /** output + imports + fromStock. */
          supply: z.number(),
          /** intermediate + final + exports + toStock. */
          use: z.number(),
          gap: z.number(),
          status: z.string(),
        }),
      )
      .optional(),
    resources: z.array(z.strictObject({ id: z.string(), unit: z.string(), use: z.number(), available: z.number().nullable(), slack: z.number().nullable(), status: z.string() })).optional(),
  })
  .meta({ id: 'BalanceDocument' });
