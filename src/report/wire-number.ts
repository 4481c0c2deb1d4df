import { z } from 'zod';

/** How a non-finite number is written in a JSON document of Plenty's. */
export type NonFiniteText = 'NaN' | 'Infinity' | '-Infinity';

/** A number as written in JSON: itself when finite, else "NaN", "Infinity" or "-Infinity". */
export function wireNumberOf(x: number): number | NonFiniteText {
  if (Number.isFinite(x)) return x;
  return Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity';
}

/** The number a JSON document's number or non-finite text stands for (inverse of wireNumberOf). */
export function numberOfWire(v: number | NonFiniteText): number {
  if (typeof v === 'number') return v;
  return v === 'NaN' ? NaN : v === 'Infinity' ? Infinity : -Infinity;
}

/** Any number, finite or not (zod's own number refuses NaN and ±Infinity). */
const anyNumber = z.custom<number>((v) => typeof v === 'number', { message: 'expected a number' });

/**
 * A number in a JSON document (the plan's λ of a tier not solved is NaN, an unlimited resource's
 * availability Infinity): on the wire, finite numbers as JSON numbers and non-finite ones as the
 * strings "NaN", "Infinity", "-Infinity"; decoded, a number. Its JSON Schema (io 'input') is the
 * wire's.
 */
export const wireNumber = z
  .codec(z.union([z.number(), z.enum(['NaN', 'Infinity', '-Infinity'])]), anyNumber, { decode: numberOfWire, encode: wireNumberOf })
  .meta({ id: 'WireNumber', description: 'a number; non-finite ones as the strings "NaN", "Infinity", "-Infinity"' });

/** A limit on the wire: a number, or null for none; decoded, Infinity for none. */
export const limitOrNull = z.codec(z.number().nullable(), anyNumber, { decode: (v) => v ?? Infinity, encode: (x) => (Number.isFinite(x) ? x : null) });
