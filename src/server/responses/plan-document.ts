import { z } from 'zod';
import { amounts, planDocument } from '../../report/plan-document-schema.js';

/** A computed plan without its result (GET /plans). */
export const planRecord = z
  .strictObject({
    id: z.number(),
    scenarioId: z.number().nullable(),
    modelId: z.string(),
    modelVersion: z.number(),
    inputsHash: z.string(),
    objectiveKind: z.string(),
    solver: z.string(),
    status: z.string(),
    objective: z.number().nullable().meta({ description: 'the objective value; null for a plan that is not optimal' }),
    createdAt: z.string(),
  })
  .meta({ id: 'PlanRecord' });

/** A computed plan with its result (GET /plans/:id): the plan document of report/plan-document-schema.ts. */
export const planWithResult = planRecord.extend({ result: planDocument }).meta({ id: 'PlanWithResult' });

/** Amounts by id, re-exported for the enterprise's plan. */
export { amounts };
