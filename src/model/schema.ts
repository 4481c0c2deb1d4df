import { z } from 'zod';
import { MAX_MAGNITUDE } from './magnitude.js';

/**
 * The shape of a model file (YAML or JSON) before references are checked: snake_case keys as
 * written in the file. Documented in docs/model.md. Numbers must be finite and at most
 * MAX_MAGNITUDE (1e30) in magnitude (docs/model.md, "Numbers"); ids are text (a whole number such
 * as a year is read as its text) and contain no `@`.
 */

const nonNegative = z.number().min(0).max(MAX_MAGNITUDE);

/** An id or a reference to one: non-empty text or a whole number, without `@`. */
const id = z.custom<string | number>(
  (v) => (typeof v === 'string' && v.trim() !== '' && !v.includes('@')) || (typeof v === 'number' && Number.isSafeInteger(v)),
  { params: { code: 'invalid-id' }, message: 'must be an id: non-empty text without "@"' },
);

/** A product reference: `product` or `product@region`. */
const productRef = z.custom<string>(
  (v) => typeof v === 'string' && /^[^@\s][^@]*(@[^@\s][^@]*)?$/.test(v.trim()),
  { params: { code: 'invalid-id' }, message: 'must be a product id, or product@region' },
);

const text = z.string();
const nonBlank = z.custom<string>((v) => typeof v === 'string' && v.trim() !== '', {
  params: { code: 'empty' },
  message: 'must be non-empty text',
});

const priority = z.custom<number>((v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 1, {
  params: { code: 'not-positive-integer' },
  message: 'must be a positive whole number (1 = first)',
});

const amounts = z.record(z.string(), nonNegative);

const lag = z.custom<number>((v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 1, {
  params: { code: 'not-positive-integer' },
  message: 'must be a positive whole number of periods',
});

export const regionSchema = z.preprocess(
  (v) => (typeof v === 'string' || typeof v === 'number' ? { id: v } : v),
  z.strictObject({ id, name: text.optional(), population: nonNegative.optional() }),
);

export const productSchema = z.strictObject({
  id,
  unit: nonBlank,
  name: text.optional(),
  region: id.optional(),
  storable: z.boolean().optional(),
  initial_stock: nonNegative.optional(),
});

export const resourceSchema = z.strictObject({
  id,
  unit: nonBlank,
  name: text.optional(),
  available: z.union([nonNegative, amounts], { error: 'must be a non-negative number or a map period → number' }).optional(),
  region: id.optional(),
});

export const techniqueSchema = z.strictObject({
  id,
  name: text.optional(),
  produces: amounts,
  consumes: amounts.optional(),
  uses: amounts.optional(),
  capacity: nonNegative.optional(),
  region: id.optional(),
  enterprise: text.optional(),
  build: amounts.optional(),
  lag: lag.optional(),
  whole: z.boolean().optional(),
  min_lot: z.number().gt(0, 'must be a positive number').max(MAX_MAGNITUDE).optional(),
  fixed_cost: amounts.optional(),
});

export const targetSchema = z.strictObject({
  product: productRef,
  amount: nonNegative,
  priority: priority.optional(),
  region: id.optional(),
  period: id.optional(),
  category: text.optional(),
});

export const tradeSchema = z.strictObject({
  product: productRef,
  export_price: nonNegative.optional(),
  import_price: nonNegative.optional(),
  max_export: nonNegative.optional(),
  max_import: nonNegative.optional(),
});

export const directUseSchema = z.strictObject({
  resource: id,
  amount: nonNegative,
  region: id.optional(),
  category: text.optional(),
});

export const planSchema = z.strictObject({
  name: text.optional(),
  period: id.optional(),
  activity: amounts.optional(),
  output: amounts.optional(),
  imports: amounts.optional(),
  exports: amounts.optional(),
  from_stock: amounts.optional(),
  to_stock: amounts.optional(),
  built: amounts.optional(),
});

export const economySchema = z.strictObject({
  name: text.optional(),
  description: text.optional(),
  periods: z.array(id).min(1, 'must list at least one period (leave periods out for a single period "1")').optional(),
  regions: z.array(regionSchema).optional(),
  products: z.array(productSchema).optional(),
  resources: z.array(resourceSchema).optional(),
  techniques: z.array(techniqueSchema).optional(),
  targets: z.array(targetSchema).optional(),
  trade: z.array(tradeSchema).optional(),
  direct_use: z.array(directUseSchema).optional(),
  currency: id.optional(),
  plan: planSchema.optional(),
});

export type EconomyFile = z.infer<typeof economySchema>;
export type PlanFile = z.infer<typeof planSchema>;

/** Every field name a model file may use (for "did you mean" on unknown fields). */
export const FIELD_NAMES: readonly string[] = [
  ...Object.keys(economySchema.shape),
  ...Object.keys(productSchema.shape),
  ...Object.keys(resourceSchema.shape),
  ...Object.keys(techniqueSchema.shape),
  ...Object.keys(targetSchema.shape),
  ...Object.keys(tradeSchema.shape),
  ...Object.keys(directUseSchema.shape),
  ...Object.keys(planSchema.shape),
  'population',
];
