import { z } from 'zod';
import { impactsPartSchema, typeIIPartSchema } from './effects-parts.js';
import { wireNumber } from './wire-number.js';

/**
 * The answer of POST /models/:id/analyze: the document of `plenty analyze --json`
 * (src/analysis/analyze-economy.ts; its parts written by src/report/analysis-tables.ts and
 * solve-failure.ts) with the model's id and version, `failures` and `notes`. Every number may be
 * non-finite on the wire ("NaN", "Infinity"); the dashboard reads them back once.
 */

/** A part whose solves did not succeed: its status and sentence, no numbers of the solve. */
export const failedPart = z
  .strictObject({
    status: z.enum(['not-productive', 'max-iterations', 'breakdown', 'singular']),
    message: z.string(),
    iterations: z.number().optional(),
    spectralRadius: z.strictObject({ lower: wireNumber, upper: wireNumber }).optional(),
  })
  .meta({ id: 'FailedAnalysisPart' });

/** One number per item, in the order of `items`. */
const perItem = z.array(wireNumber);
/** One number per region, in the order of the part's `regions`. */
const perRegion = z.array(wireNumber);
const converged = z.literal('converged');

const grossOutputPart = z
  .strictObject({ status: converged, iterations: z.number(), relativeResidual: wireNumber, finalDemand: perItem, x: perItem })
  .meta({ id: 'GrossOutputPart' });
const multipliersPart = z
  .strictObject({
    status: converged,
    relativeResidual: wireNumber,
    output: perItem,
    rows: z.record(z.string(), z.strictObject({ direct: perItem, total: perItem })).meta({ description: 'by resource: its direct use per unit of each item, and its total (direct and indirect) per unit of final demand' }),
  })
  .meta({ id: 'MultipliersPart' });
const incomeMultipliersPart = z
  .strictObject({
    status: converged,
    income: z.string(),
    relativeResidual: wireNumber,
    direct: perItem,
    simple: perItem,
    typeI: z.array(wireNumber.nullable()).meta({ description: 'null where the item pays no income directly' }),
  })
  .meta({ id: 'IncomeMultipliersPart' });
const linkage = z.strictObject({ raw: perItem, normalised: perItem }).meta({ id: 'Linkage' });
const linkagesPart = z.strictObject({ status: converged, relativeResidual: wireNumber, backward: linkage, forward: linkage }).meta({ id: 'LinkagesPart' });
const labourValuesPart = z
  .strictObject({
    status: converged,
    labour: z.string(),
    relativeResidual: wireNumber,
    direct: perItem,
    values: perItem,
    identity: z.strictObject({ valueOfFinalDemand: wireNumber, totalLabour: wireNumber, relativeDifference: wireNumber }).nullable(),
  })
  .meta({ id: 'LabourValuesPart' });
const footprintsPerCapita = z
  .strictObject({ regions: z.array(z.string()), population: perRegion, rows: z.record(z.string(), perRegion).meta({ description: 'by resource, per person of each region' }) })
  .meta({ id: 'FootprintsPerCapita' });
const footprintsPart = z
  .strictObject({
    status: converged,
    relativeResidual: wireNumber,
    regions: z.array(z.string()),
    rows: z.record(z.string(), perRegion).meta({ description: 'by resource, the use behind each region’s final demand' }),
    perCapita: footprintsPerCapita.optional(),
  })
  .meta({ id: 'FootprintsPart' });
const inversePart = z
  .strictObject({ status: converged, L: z.array(perItem).meta({ description: 'the Leontief inverse (I − A)⁻¹, row i and column j in the order of `items`' }) })
  .meta({ id: 'InversePart' });

const part = <T extends z.ZodType>(p: T) => z.union([p, failedPart]);

export const analysisDocument = z
  .strictObject({
    model: z.string(),
    modelId: z.string(),
    version: z.number(),
    demand: z.string().meta({ description: 'how the final demand is named: "targets" (the period’s final use) or "the demand sent"' }),
    items: z.array(z.string()),
    units: z.array(z.string()).meta({ description: 'the unit of each item' }),
    resources: z.array(z.strictObject({ id: z.string(), unit: z.string() })),
    grossOutput: part(grossOutputPart),
    multipliers: part(multipliersPart).optional(),
    incomeMultipliers: part(incomeMultipliersPart).optional(),
    linkages: part(linkagesPart).optional(),
    labourValues: part(labourValuesPart).optional(),
    footprints: part(footprintsPart).optional(),
    inverse: part(inversePart).optional(),
    typeII: part(typeIIPartSchema).optional(),
    impacts: part(impactsPartSchema).optional(),
    failures: z.array(z.string()).meta({ description: 'the sentence of each part whose solve did not succeed' }),
    notes: z.array(z.string()).meta({ description: 'analyses left out, and why' }),
  })
  .meta({ id: 'AnalysisDocument' });
