import type { LpStatus } from '../lp-types.js';

/**
 * Plenty's status for a HiGHS model status code (highs.constants.modelStatus): 7 optimal, 6 empty
 * model (nothing to optimise: optimal), 8 infeasible, 10 unbounded, 9 unbounded or infeasible,
 * 13 time limit, 14 iteration limit; 0–5 (not set, load/model/presolve/solve/postsolve error) are
 * errors; the rest (unknown, interrupted, objective bound/target, solution limit) are 'unknown'.
 */
export function statusFromHighs(code: number): LpStatus {
  switch (code) {
    case 6:
    case 7:
      return 'optimal';
    case 8:
      return 'infeasible';
    case 9:
      return 'infeasible-or-unbounded';
    case 10:
      return 'unbounded';
    case 13:
      return 'time-limit';
    case 14:
      return 'iteration-limit';
    default:
      return code >= 0 && code <= 5 ? 'error' : 'unknown';
  }
}
