import { z } from 'zod';
import { overrideSchema } from '../../service/overrides.js';
import { economySchema } from './economy.js';
import { planRecord } from './plan-document.js';
import { timestamp } from './wire-number.js';

/** The latest version of a model, without its text (GET /models). */
export const modelEntry = z.strictObject({ id: z.string(), version: z.number(), name: z.string(), format: z.enum(['yaml', 'json']), createdAt: timestamp }).meta({ id: 'ModelEntry' });

/** How much a model holds. */
export const modelSummary = z
  .strictObject({ name: z.string(), periods: z.array(z.string()), regions: z.number(), products: z.number(), resources: z.number(), techniques: z.number(), targets: z.number(), enterprises: z.array(z.string()) })
  .meta({ id: 'ModelSummary' });

/** A stored model version (POST and PUT /models). */
export const modelSaved = z.strictObject({ id: z.string(), version: z.number(), name: z.string(), createdAt: timestamp, summary: modelSummary }).meta({ id: 'ModelSaved' });

/** A model version with its text and parsed economy (GET /models/:id). */
export const modelDetail = z
  .strictObject({ id: z.string(), version: z.number(), name: z.string(), format: z.enum(['yaml', 'json']), createdAt: timestamp, text: z.string(), summary: modelSummary, economy: economySchema })
  .meta({ id: 'ModelDetail' });

/** A scenario override as stored (docs/api.md). */
export const overrideOut = overrideSchema.meta({ id: 'Override' });

/** A scenario: a model version with overrides. */
export const scenarioSchema = z.strictObject({ id: z.number(), modelId: z.string(), modelVersion: z.number(), name: z.string(), overrides: z.array(overrideOut), createdAt: timestamp }).meta({ id: 'Scenario' });

/** A scenario with its plans (GET /scenarios/:id). */
export const scenarioDetail = scenarioSchema.extend({ plans: z.array(planRecord) }).meta({ id: 'ScenarioDetail' });
