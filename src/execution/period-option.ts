import type { CompiledEconomy } from '../compile/types.js';
import { inputError } from '../model/errors.js';
import { didYouMean } from '../model/suggest.js';

/**
 * The index of the period an option names (`field`, for the error's path); an unknown period is an
 * InputError naming it, with the nearest known one if any.
 */
export function periodOption(c: CompiledEconomy, period: string, field: string): number {
  const t = c.periods.index.get(period);
  if (t === undefined) throw inputError('unknown-id', `unknown period "${period}"${didYouMean(period, c.periods.ids)}`, { path: [field] }, period);
  return t;
}
