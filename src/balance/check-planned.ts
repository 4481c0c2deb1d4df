import type { CompiledEconomy } from '../compile/types.js';
import { InputError, type Issue } from '../model/errors.js';
import type { PlannedActivity } from './types.js';

/** At most this many issues per vector are listed; a broken vector of a million entries says so once. */
const MAX_ISSUES_PER_VECTOR = 20;

function checkVector(
  issues: Issue[],
  name: 'activity' | 'imports' | 'exports' | 'fromStock' | 'toStock' | 'built',
  v: Float64Array,
  ids: readonly string[],
): void {
  if (v.length !== ids.length) {
    issues.push({
      code: 'wrong-length',
      message: `plan ${name} has ${v.length} entries but the economy has ${ids.length} ${name === 'activity' ? 'techniques' : 'items'}`,
      location: { path: ['plan', name] },
      value: v.length,
    });
    return;
  }
  let found = 0;
  for (let k = 0; k < v.length; k++) {
    const x = v[k];
    if (x >= 0 && x < Infinity) continue;
    if (found++ >= MAX_ISSUES_PER_VECTOR) continue;
    const finite = Number.isFinite(x);
    issues.push({
      code: finite ? 'negative' : 'not-finite',
      message: `plan ${name} of ${JSON.stringify(ids[k])} must be ${finite ? 'non-negative' : 'a finite number'}`,
      location: { path: ['plan', name, ids[k]] },
      value: x,
    });
  }
  if (found > MAX_ISSUES_PER_VECTOR) {
    issues.push({
      code: name === 'activity' ? 'bad-activity' : 'bad-trade',
      message: `plan ${name}: ${found - MAX_ISSUES_PER_VECTOR} more entries are negative or not finite`,
      location: { path: ['plan', name] },
    });
  }
}

/**
 * Checks a plan against a compiled economy: vector lengths, finite non-negative entries, a valid
 * period. Throws one InputError listing every problem (each with its plan path and value);
 * returns the period index.
 */
export function checkPlanned(c: CompiledEconomy, planned: PlannedActivity): number {
  const issues: Issue[] = [];
  checkVector(issues, 'activity', planned.activity, c.techniques.ids);
  if (planned.imports !== undefined) checkVector(issues, 'imports', planned.imports, c.items.ids);
  if (planned.exports !== undefined) checkVector(issues, 'exports', planned.exports, c.items.ids);
  if (planned.fromStock !== undefined) checkVector(issues, 'fromStock', planned.fromStock, c.items.ids);
  if (planned.toStock !== undefined) checkVector(issues, 'toStock', planned.toStock, c.items.ids);
  if (planned.built !== undefined) checkVector(issues, 'built', planned.built, c.resources.ids);
  const period = planned.period ?? 0;
  const periods = c.periods.ids.length;
  if (!(Number.isInteger(period) && period >= 0 && period < Math.max(periods, 1))) {
    issues.push({
      code: 'unknown-period',
      message: `plan period index must be an integer from 0 to ${Math.max(periods, 1) - 1}`,
      location: { path: ['plan', 'period'] },
      value: period,
    });
  }
  if (issues.length > 0) throw new InputError(issues);
  return period;
}
