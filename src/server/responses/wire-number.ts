import { z } from 'zod';

/** A number as the service writes it (report/wire-number.ts): non-finite ones as "NaN", "Infinity", "-Infinity". */
export { wireNumber } from '../../report/wire-number.js';

/** Amounts by id, and by period then id (report/plan-document-schema.ts). */
export { amounts, perPeriod } from '../../report/plan-document-schema.js';

/** An ISO 8601 time stamp. */
export const timestamp = z.string().meta({ description: 'ISO 8601 time (UTC)' });
