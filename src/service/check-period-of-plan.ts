import type { CompiledEconomy } from '../compile/types.js';
import { ServiceError } from './service-error.js';

/**
 * Checks that `period` (when given) is a period of the published plan; else an invalid request
 * located at the input's `period`, with `message` as the issue's.
 */
export function checkPeriodOfPlan(c: CompiledEconomy, period: string | undefined, message = 'unknown period'): void {
  if (period !== undefined && !c.periods.index.has(period)) throw new ServiceError('invalid-request', 'invalid-request', `no period ${period} in the plan`, [{ path: ['period'], message, value: period }]);
}
