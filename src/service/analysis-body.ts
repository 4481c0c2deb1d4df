import { z } from 'zod';
import type { AnalysisRequest } from '../analysis/index.js';
import { labourRow, parseCharacterisationFactors } from '../analysis/index.js';
import type { CompiledEconomy } from '../compile/index.js';
import { InputError } from '../model/errors.js';
import { parseDemand } from '../model/parse-demand.js';
import { DEFAULT_MAX_ITERATIONS } from '../sparse/index.js';

/** The analyses `POST /api/models/:id/analyze` can give beyond gross output. */
export const ANALYSES = ['multipliers', 'linkages', 'labourValues', 'footprints', 'inverse', 'typeII'] as const;

/** The default analyses: all but the dense inverse (labour values where a labour row is found). */
const DEFAULT_ANALYSES: readonly (typeof ANALYSES)[number][] = ['multipliers', 'linkages', 'labourValues', 'footprints'];

export const analyzeBody = z.strictObject({
  demand: z.record(z.string().min(1), z.number()).optional(),
  period: z.string().min(1).optional(),
  analyses: z.array(z.enum(ANALYSES)).optional(),
  labour: z.string().min(1).optional(),
  income: z.string().min(1).optional(),
  tolerance: z.number().gt(0).lt(1).optional(),
  maxIterations: z.number().int().positive().max(1_000_000).optional(),
  householdConsumption: z.string().min(1).optional().meta({ description: 'typeII: the final-use category that is households’ consumption (default: the one named households)' }),
  householdIncome: z.string().min(1).optional().meta({ description: 'typeII: the resource that is households’ income (default: the one named compensation of employees)' }),
  characterise: z
    .strictObject({ csv: z.string().min(1).max(10_000_000), name: z.string().min(1).max(200).optional() })
    .optional()
    .meta({ description: 'characterised impacts: a factors file (CSV/TSV with stressor, impact, factor, unit; docs/analysis.md) and its name for messages' }),
});
export type AnalyzeBody = z.infer<typeof analyzeBody>;

/** The request an analyze body makes, and notes on the analyses it left out (no labour row). */
export function analysisRequestOf(c: CompiledEconomy, body: AnalyzeBody): { request: AnalysisRequest; notes: string[] } {
  const asked = new Set(body.analyses ?? DEFAULT_ANALYSES);
  const notes: string[] = [];
  let labourValues = asked.has('labourValues');
  if (labourValues && body.labour === undefined && body.analyses === undefined) {
    try {
      labourRow(c, undefined, 'labour');
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      labourValues = false;
      notes.push(`Labour values are left out: no resource is named like labour or employment; name one as labour (resources: ${c.resources.ids.join(', ') || 'none'}).`);
    }
  }
  const demand = body.demand === undefined ? undefined : parseDemand(JSON.stringify({ demand: body.demand }), { file: 'body.demand', format: 'json' });
  const request: AnalysisRequest = {
    ...(demand !== undefined ? { demand, demandLabel: 'the demand sent' } : {}),
    ...(body.period !== undefined ? { period: body.period } : {}),
    multipliers: asked.has('multipliers'),
    linkages: asked.has('linkages'),
    labourValues,
    ...(body.labour !== undefined ? { labour: body.labour } : {}),
    ...(body.income !== undefined ? { income: body.income } : {}),
    footprints: asked.has('footprints'),
    inverse: asked.has('inverse'),
    ...(asked.has('typeII') || body.householdConsumption !== undefined || body.householdIncome !== undefined
      ? {
          typeII: {
            ...(body.householdConsumption !== undefined ? { consumption: body.householdConsumption } : {}),
            ...(body.householdIncome !== undefined ? { income: body.householdIncome } : {}),
            names: { consumption: 'householdConsumption', income: 'householdIncome' },
          },
        }
      : {}),
    ...(body.characterise !== undefined ? { characterise: characteriseOf(body.characterise) } : {}),
    tolerance: body.tolerance ?? 1e-12,
    maxIterations: body.maxIterations ?? DEFAULT_MAX_ITERATIONS,
    names: { labour: 'labour', income: 'income', period: 'period', tolerance: 'tolerance', maxIterations: 'maxIterations' },
  };
  return { request, notes };
}

/** The factors of a body's `characterise`, parsed (errors name the file as sent, or body.characterise.csv). */
function characteriseOf(b: { csv: string; name?: string | undefined }): NonNullable<AnalysisRequest['characterise']> {
  const file = b.name ?? 'body.characterise.csv';
  return { factors: parseCharacterisationFactors(b.csv, file), file };
}
