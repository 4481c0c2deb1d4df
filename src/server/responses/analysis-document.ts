import { z } from 'zod';
import { wireNumber } from './wire-number.js';

/** A part whose solves did not succeed: its status and sentence, no numbers. */
const failedPart = z
  .looseObject({ status: z.enum(['not-productive', 'max-iterations', 'breakdown', 'singular']), message: z.string(), iterations: z.number().optional(), spectralRadius: z.strictObject({ lower: z.number(), upper: z.number() }).optional() })
  .meta({ id: 'FailedAnalysisPart' });

const numbers = z.array(wireNumber);

const grossOutputPart = z.looseObject({ status: z.literal('converged'), iterations: z.number(), relativeResidual: z.number(), finalDemand: numbers, x: numbers }).meta({ id: 'GrossOutputPart' });
const multipliersPart = z
  .looseObject({ status: z.literal('converged'), output: numbers, rows: z.record(z.string(), z.looseObject({ direct: numbers, total: numbers })) })
  .meta({ id: 'MultipliersPart' });
const incomeMultipliersPart = z
  .looseObject({ status: z.literal('converged'), income: z.string(), direct: numbers, simple: numbers, typeI: z.array(wireNumber.nullable()) })
  .meta({ id: 'IncomeMultipliersPart' });
const linkage = z.looseObject({ raw: numbers, normalised: numbers });
const linkagesPart = z.looseObject({ status: z.literal('converged'), backward: linkage, forward: linkage }).meta({ id: 'LinkagesPart' });
const labourValuesPart = z
  .looseObject({
    status: z.literal('converged'),
    labour: z.string(),
    direct: numbers,
    values: numbers,
    identity: z.looseObject({ valueOfFinalDemand: wireNumber, totalLabour: wireNumber, relativeDifference: wireNumber }).nullable(),
  })
  .meta({ id: 'LabourValuesPart' });
const footprintsPart = z
  .looseObject({
    status: z.literal('converged'),
    regions: z.array(z.string()),
    rows: z.record(z.string(), numbers),
    perCapita: z.looseObject({ regions: z.array(z.string()), population: numbers, rows: z.record(z.string(), numbers) }).optional(),
  })
  .meta({ id: 'FootprintsPart' });
const inversePart = z.looseObject({ status: z.literal('converged') }).meta({ id: 'InversePart' });

const part = <T extends z.ZodType>(p: T) => z.union([p, failedPart]);

/** POST /models/:id/analyze: the document of `plenty analyze --json` with the model's id, version, units and notes. */
export const analysisDocument = z
  .looseObject({
    model: z.string(),
    modelId: z.string(),
    version: z.number(),
    demand: z.string(),
    items: z.array(z.string()),
    units: z.array(z.string()),
    resources: z.array(z.strictObject({ id: z.string(), unit: z.string() })),
    grossOutput: part(grossOutputPart),
    multipliers: part(multipliersPart).optional(),
    incomeMultipliers: part(incomeMultipliersPart).optional(),
    linkages: part(linkagesPart).optional(),
    labourValues: part(labourValuesPart).optional(),
    footprints: part(footprintsPart).optional(),
    inverse: part(inversePart).optional(),
    failures: z.array(z.string()),
    notes: z.array(z.string()),
  })
  .meta({ id: 'AnalysisDocument' });
