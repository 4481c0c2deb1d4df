import { z } from 'zod';
import { amounts } from './wire-number.js';

/** A product: `unit` is the unit of every amount of it. */
export const productSchema = z.strictObject({ id: z.string(), unit: z.string(), name: z.string().optional(), region: z.string().optional(), storable: z.boolean().optional(), initialStock: z.number().optional() }).meta({ id: 'Product' });

/** A resource: availability per period (or one number for every period); absent: unlimited. */
export const resourceSchema = z
  .strictObject({ id: z.string(), unit: z.string(), name: z.string().optional(), available: z.union([z.number(), amounts]).optional(), region: z.string().optional() })
  .meta({ id: 'Resource' });

/** A technique: what one unit of activity produces, consumes (items) and uses (resources). */
export const techniqueSchema = z
  .strictObject({
    id: z.string(),
    name: z.string().optional(),
    capacity: z.number().optional(),
    region: z.string().optional(),
    enterprise: z.string().optional(),
    build: amounts.optional(),
    lag: z.number().optional(),
    whole: z.boolean().optional(),
    minLot: z.number().optional(),
    fixedCost: z.record(z.string(), z.number()).optional(),
    produces: amounts,
    consumes: amounts,
    uses: amounts,
  })
  .meta({ id: 'Technique' });

export const targetSchema = z.strictObject({ product: z.string(), amount: z.number(), priority: z.number(), region: z.string().optional(), period: z.string().optional(), category: z.string().optional() }).meta({ id: 'Target' });

/** A model's economy as parsed and validated (docs/model.md). */
export const economySchema = z
  .strictObject({
    name: z.string(),
    description: z.string().optional(),
    periods: z.array(z.string()),
    regions: z.array(z.strictObject({ id: z.string(), name: z.string().optional(), population: z.number().optional() })),
    products: z.array(productSchema),
    resources: z.array(resourceSchema),
    techniques: z.array(techniqueSchema),
    targets: z.array(targetSchema),
    trade: z.array(z.strictObject({ product: z.string(), exportPrice: z.number().optional(), importPrice: z.number().optional(), maxExport: z.number().optional(), maxImport: z.number().optional() })),
    directUse: z.array(z.strictObject({ resource: z.string(), amount: z.number(), region: z.string().optional(), category: z.string().optional() })),
    currency: z.string().optional(),
    plan: z
      .strictObject({
        name: z.string().optional(),
        period: z.string().optional(),
        activity: amounts.optional(),
        output: amounts.optional(),
        imports: amounts.optional(),
        exports: amounts.optional(),
        fromStock: amounts.optional(),
        toStock: amounts.optional(),
        built: amounts.optional(),
      })
      .optional(),
  })
  .meta({ id: 'Economy' });
