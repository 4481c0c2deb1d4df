import { z } from 'zod';

/**
 * A number as the service writes it: finite numbers as JSON numbers, non-finite ones (NaN λ of a
 * tier not solved, an unlimited resource's Infinity) as the strings "NaN", "Infinity",
 * "-Infinity" (json-safe.ts).
 */
export const wireNumber = z.union([z.number(), z.enum(['NaN', 'Infinity', '-Infinity'])]).meta({ id: 'WireNumber', description: 'a number; non-finite ones as the strings "NaN", "Infinity", "-Infinity"' });

/** Amounts by id (non-zero entries only where a plan writes them). */
export const amounts = z.record(z.string(), z.number());

/** Amounts by period, then by id. */
export const perPeriod = z.record(z.string(), amounts).meta({ id: 'PerPeriod', description: 'by period, then by id' });

/** An ISO 8601 time stamp. */
export const timestamp = z.string().meta({ description: 'ISO 8601 time (UTC)' });
