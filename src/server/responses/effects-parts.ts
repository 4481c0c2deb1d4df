import { z } from 'zod';
import { wireNumber } from './wire-number.js';

/**
 * Parts of the analyze answer for Type II effects and characterised impacts
 * (src/report/type-ii-tables.ts, impacts-tables.ts), one number per item in the order of `items`.
 */
const perItem = z.array(wireNumber);
const ratios = z.array(wireNumber.nullable()).meta({ description: 'null where the direct effect is 0' });

export const typeIIQuantity = z
  .strictObject({
    name: z.string().meta({ description: '"output", the households’ income row, or another resource' }),
    unit: z.string(),
    direct: perItem,
    firstRound: perItem,
    industrialSupport: perItem,
    induced: perItem,
    typeI: perItem.meta({ description: 'direct + first round + industrial support, per unit of final demand (open model)' }),
    typeII: perItem.meta({ description: 'Type I + induced (the model closed with respect to households)' }),
    typeIRatio: ratios,
    typeIIRatio: ratios,
  })
  .meta({ id: 'TypeIIQuantity' });

export const typeIIPartSchema = z
  .strictObject({
    status: z.literal('converged'),
    iterations: z.number(),
    relativeResidual: wireNumber,
    category: z.string().meta({ description: 'the households’ final-use category' }),
    income: z.string().meta({ description: 'the households’ income row (a resource)' }),
    totalIncome: wireNumber.meta({ description: 'the income the final demand’s gross output pays households' }),
    consumption: perItem.meta({ description: 'the households’ purchases per unit of their income' }),
    quantities: z.array(typeIIQuantity),
  })
  .meta({ id: 'TypeIIPart' });

export const impactsPartSchema = z
  .strictObject({
    status: z.literal('converged'),
    factors: z.string().meta({ description: 'the factors file’s name' }),
    impacts: z.array(z.strictObject({ id: z.string(), unit: z.string() })),
    direct: z.record(z.string(), perItem).meta({ description: 'by impact: per unit of gross output of each item' }),
    multipliers: z.record(z.string(), perItem).meta({ description: 'by impact: per unit of final demand for each item, direct and indirect' }),
    footprints: z.strictObject({ regions: z.array(z.string()), rows: z.record(z.string(), z.array(wireNumber)) }).optional(),
    unmatched: z.array(z.strictObject({ stressor: z.string(), impact: z.string(), where: z.string().optional() })).meta({ description: 'factor lines that match no resource' }),
    unused: z.array(z.string()).meta({ description: 'resources no factor line names' }),
  })
  .meta({ id: 'ImpactsPart' });
