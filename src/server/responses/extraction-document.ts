import { z } from 'zod';
import { failedPart } from './analysis-document.js';
import { wireNumber } from './wire-number.js';

/** The answer of POST /models/:id/extraction: the document of `plenty extract --json` (src/analysis/extract-economy.ts, src/report/extraction-tables.ts). */
const loss = z
  .strictObject({ name: z.string(), before: wireNumber, after: wireNumber, loss: wireNumber, relative: wireNumber.nullable().meta({ description: 'loss / before; null where before is 0' }) })
  .meta({ id: 'ExtractionLoss' });
const kind = z.enum(['total', 'backward', 'forward']);

const extractionPart = z
  .strictObject({
    status: z.literal('converged'),
    iterations: z.number(),
    relativeResidual: wireNumber,
    kind,
    extracted: z.array(z.string()),
    losses: z.array(loss.extend({ unit: z.string() })).meta({ description: 'gross output summed over items first, then every resource' }),
    xBefore: z.array(wireNumber),
    xAfter: z.array(wireNumber),
  })
  .meta({ id: 'ExtractionPart' });

const rankingPart = z
  .strictObject({
    status: z.literal('converged'),
    iterations: z.number(),
    relativeResidual: wireNumber,
    by: z.enum(['items', 'regions']),
    kind,
    ranking: z.array(
      z.strictObject({
        rank: z.number(),
        name: z.string(),
        items: z.number(),
        losses: z.array(loss),
        backwardIndex: wireNumber.optional().meta({ description: 'Rasmussen–Hirschman backward index (items only)' }),
        forwardIndex: wireNumber.optional().meta({ description: 'Rasmussen–Hirschman forward index (items only)' }),
      }),
    ),
  })
  .meta({ id: 'KeySectorsPart' });

export const extractionDocument = z
  .strictObject({
    model: z.string(),
    modelId: z.string(),
    version: z.number(),
    demand: z.string(),
    kind,
    items: z.array(z.string()),
    units: z.array(z.string()),
    resources: z.array(z.strictObject({ id: z.string(), unit: z.string() })),
    extracted: z.array(z.string()),
    extraction: z.union([extractionPart, failedPart]).optional(),
    ranking: z.union([rankingPart, failedPart]).optional(),
    failures: z.array(z.string()),
  })
  .meta({ id: 'ExtractionDocument' });
