import { InputError, type Issue } from '../model/errors.js';
import type { Demand } from '../model/parse-demand.js';
import { locationOf } from '../model/source-locations.js';
import { resolveItem } from './resolve-item.js';
import type { CompiledEconomy } from './types.js';

/**
 * The final-demand vector (per item) of a user's demand file. Each key must name an item (or a
 * product with a single item); unknown or ambiguous keys are reported together, with the place
 * in the file.
 */
export function demandVector(c: CompiledEconomy, demand: Demand): Float64Array {
  const y = new Float64Array(c.items.ids.length);
  const issues: Issue[] = [];
  for (const [key, amount] of Object.entries(demand.amounts)) {
    const i = resolveItem(c, key, locationOf(demand, ['amounts', key], true));
    if (typeof i === 'number') y[i] += amount;
    else issues.push(i);
  }
  if (issues.length > 0) throw new InputError(issues);
  return y;
}
