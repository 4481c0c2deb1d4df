import { z } from 'zod';
import { planWithResult } from './plan-document.js';
import { amounts, timestamp } from './wire-number.js';

/** POST /plans/:id/publish. */
export const publication = z.strictObject({ planId: z.number(), publishedAt: timestamp }).meta({ id: 'Publication' });

/** GET /published: the plan in execution. */
export const publishedSchema = publication.extend({ plan: planWithResult }).meta({ id: 'Published' });

export const enterpriseSchema = z.strictObject({ id: z.string(), name: z.string(), createdAt: timestamp }).meta({ id: 'Enterprise' });

/** POST /enterprises: the enterprise and its token, shown this once. */
export const enterpriseCreated = enterpriseSchema.extend({ token: z.string() }).meta({ id: 'EnterpriseCreated' });

/** One technique of an enterprise in one period of the published plan; items by item id, as reports name them. */
export const enterpriseTask = z.strictObject({ technique: z.string(), period: z.string(), activity: z.number(), outputs: amounts, inputs: amounts, resources: amounts }).meta({ id: 'EnterpriseTask' });

/** GET /enterprises/:id/plan. */
export const enterprisePlanSchema = z
  .strictObject({
    enterprise: z.string(),
    planId: z.number(),
    modelId: z.string(),
    modelVersion: z.number(),
    publishedAt: timestamp,
    periods: z.array(z.string()),
    techniques: z.array(enterpriseTask),
    /** The unit of every item and resource the techniques name, by id. */
    units: z.strictObject({ items: z.record(z.string(), z.string()), resources: z.record(z.string(), z.string()) }),
  })
  .meta({ id: 'EnterprisePlan' });

/** GET /enterprises/names: the ids an enterprise can be registered under, per model or all. */
export const enterpriseNames = z
  .strictObject({ model: z.string().optional(), names: z.array(z.strictObject({ id: z.string(), registered: z.boolean() })) })
  .meta({ id: 'EnterpriseNames' });

/** GET /supply: the published plan's supply assignments as a network of regions (src/execution/supply-network.ts). */
export const supplyNetworkSchema = z
  .strictObject({
    planId: z.number(),
    status: z.string(),
    message: z.string().optional(),
    periods: z.array(z.string()),
    regions: z.array(z.strictObject({ id: z.string(), name: z.string() })),
    flows: z.array(z.strictObject({ period: z.string(), product: z.string(), unit: z.string(), from: z.string(), to: z.string(), amount: z.number(), lines: z.array(z.string()) })),
    lines: z.array(
      z.strictObject({
        resource: z.string(),
        name: z.string(),
        unit: z.string(),
        period: z.string(),
        used: z.number(),
        capacity: z.number().nullable(),
        load: z.number().nullable(),
        links: z.array(z.strictObject({ from: z.string(), to: z.string(), products: z.array(z.string()) })),
      }),
    ),
    unserved: z.array(z.strictObject({ product: z.string(), period: z.string(), region: z.string().nullable(), amount: z.number() })),
  })
  .meta({ id: 'SupplyNetwork' });

/** One supplier–customer pair of the published plan: `from`/`to` are enterprise ids or `import:`, `stock:`, `final:`, `export:` with a region. */
export const supplyAssignment = z
  .strictObject({ product: z.string(), period: z.string(), from: z.string(), to: z.string(), fromRegion: z.string().nullable(), toRegion: z.string().nullable(), amount: z.number() })
  .meta({ id: 'SupplyAssignment' });

/** GET /enterprises/:id/suppliers and /customers. */
export const enterpriseAssignments = z
  .strictObject({ enterprise: z.string(), planId: z.number(), status: z.string(), message: z.string().optional(), assignments: z.array(supplyAssignment) })
  .meta({ id: 'EnterpriseAssignments' });

/** A report as stored: the body as sent (with empty outputs or inputs filled in). */
export const reportSchema = z
  .strictObject({
    reportId: z.string(),
    enterprise: z.string(),
    period: z.string(),
    body: z.strictObject({ reportId: z.string(), enterprise: z.string(), period: z.string(), technique: z.string().optional(), outputs: amounts, inputs: amounts }),
    createdAt: timestamp,
  })
  .meta({ id: 'Report' });

export const alertKind = z.enum(['under-delivery', 'over-delivery', 'input-over-use', 'input-under-use']).meta({ id: 'AlertKind' });
export const alertLevel = z.enum(['normal', 'warning', 'critical']).meta({ id: 'AlertLevel' });

/** An alert: a report straying from the plan. */
export const alertSchema = z
  .strictObject({
    id: z.number(),
    enterprise: z.string(),
    period: z.string(),
    item: z.string(),
    kind: alertKind,
    level: alertLevel,
    planned: z.number(),
    actual: z.number(),
    deviation: z.number().nullable().meta({ description: '(actual − planned) ÷ planned; null when nothing was planned' }),
    message: z.string(),
    reportId: z.string().nullable(),
    superseded: z.boolean(),
    createdAt: timestamp,
  })
  .meta({ id: 'Alert' });

/** Planned against reported amounts of one item for one enterprise in one period. */
export const enterpriseFulfilment = z
  .strictObject({
    enterprise: z.string(),
    period: z.string(),
    item: z.string(),
    kind: z.enum(['output', 'input']),
    planned: z.number(),
    reported: z.number().nullable().meta({ description: 'null: no report of the period names the item' }),
    ratio: z.number().nullable().meta({ description: 'reported ÷ planned; null when not reported or nothing was planned' }),
  })
  .meta({ id: 'EnterpriseFulfilment' });

/** Output of an item in a period: planned against actual. */
export const itemFulfilment = z.strictObject({ item: z.string(), period: z.string(), planned: z.number(), actual: z.number(), ratio: z.number() }).meta({ id: 'ItemFulfilment' });

/** A target's planned delivery in a period and the delivery its item's actual output implies. */
export const targetFulfilment = z
  .strictObject({ target: z.number(), item: z.string(), period: z.string(), priority: z.number(), category: z.string().nullable(), amount: z.number(), planned: z.number(), implied: z.number(), fulfilment: z.number() })
  .meta({ id: 'TargetFulfilment' });

/** GET /fulfilment. */
export const fulfilmentSchema = z
  .strictObject({ planId: z.number(), reports: z.number(), enterprises: z.array(enterpriseFulfilment), items: z.array(itemFulfilment), targets: z.array(targetFulfilment) })
  .meta({ id: 'Fulfilment' });

/** GET /distribution: a consumer good divided among regions by norms and priority tiers. */
export const distributionSchema = z
  .strictObject({
    planId: z.number(),
    product: z.string(),
    period: z.string(),
    category: z.string(),
    supply: z.number(),
    need: z.number(),
    allocated: z.number(),
    left: z.number(),
    allocations: z.array(z.strictObject({ region: z.string(), tier: z.number(), need: z.number(), allocated: z.number(), fraction: z.number() })),
  })
  .meta({ id: 'Distribution' });
