import type { CompiledEconomy } from '../compile/types.js';
import { InputError, type Issue } from '../model/errors.js';
import { inMagnitude, magnitudeMessage } from '../model/magnitude.js';
import { describePlanColumn, describePlanRow } from './describe-plan-entry.js';
import type { FormulatedPlan } from './plan-types.js';

/** Issues listed at most. */
const MOST_ISSUES = 20;

/**
 * Checks the numbers of a formulated plan before it is solved: every cost, matrix entry and
 * finite bound within MAX_MAGNITUDE (1e30), with ±Infinity only as no bound. The model's own
 * numbers are within it, but the formulation adds some up (direct uses, an availability less
 * them, costs per technique) or divides by them (weights per unit of a tiny target): an overflow
 * is an InputError naming the plan's entry in the model's words, never a number a solver reads as
 * infinite or refuses.
 */
export function checkPlanNumbers(c: CompiledEconomy, f: FormulatedPlan): void {
  const { lp, index: ix } = f;
  const issues: Issue[] = [];
  const check = (v: number, what: () => string, allowed?: number): void => {
    if (issues.length >= MOST_ISSUES || inMagnitude(v) || v === allowed) return;
    issues.push({
      code: Number.isFinite(v) ? 'out-of-range' : 'not-finite',
      message: `${what()} is ${v}, but ${magnitudeMessage(v).replace(/^must/, 'it must')}: check the model's numbers (the plan adds some up and divides by others)`,
      location: { file: c.model.name, path: [] },
      value: v,
    });
  };
  if (lp.offset !== undefined) check(lp.offset, () => 'the objective’s constant (direct use of the minimised resource)');
  for (let j = 0; j < lp.A.cols; j++) {
    check(lp.c[j], () => `the objective’s coefficient of the ${describePlanColumn(c, ix, j)}`);
    check(lp.colLower[j], () => `the lower bound of the ${describePlanColumn(c, ix, j)}`, -Infinity);
    check(lp.colUpper[j], () => `the upper bound of the ${describePlanColumn(c, ix, j)}`, Infinity);
  }
  const { rowPtr, colIdx, values } = lp.A;
  for (let i = 0; i < lp.A.rows; i++) {
    check(lp.rowLower[i], () => `the lower bound of the ${describePlanRow(c, ix, i)}`, -Infinity);
    check(lp.rowUpper[i], () => `the upper bound of the ${describePlanRow(c, ix, i)}`, Infinity);
    for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) check(values[k], () => `the coefficient of the ${describePlanColumn(c, ix, colIdx[k])} in the ${describePlanRow(c, ix, i)}`);
  }
  if (issues.length > 0) throw new InputError(issues);
}
