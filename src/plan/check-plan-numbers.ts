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
  /** An issue for `v`, which the caller found outside the rule (`what` names it, built only then). */
  const report = (v: number, what: () => string): void => {
    if (issues.length >= MOST_ISSUES) return;
    issues.push({
      code: Number.isFinite(v) ? 'out-of-range' : 'not-finite',
      message: `${what()} is ${v}, but ${magnitudeMessage(v).replace(/^must/, 'it must')}: check the model's numbers (the plan adds some up and divides by others)`,
      location: { file: c.model.name, path: [] },
      value: v,
    });
  };
  const bad = (v: number, allowed?: number): boolean => !inMagnitude(v) && v !== allowed;
  if (lp.offset !== undefined && bad(lp.offset)) report(lp.offset, () => 'the objective’s constant (direct use of the minimised resource)');
  for (let j = 0; j < lp.A.cols; j++) {
    if (bad(lp.c[j])) report(lp.c[j], () => `the objective’s coefficient of the ${describePlanColumn(c, ix, j)}`);
    if (bad(lp.colLower[j], -Infinity)) report(lp.colLower[j], () => `the lower bound of the ${describePlanColumn(c, ix, j)}`);
    if (bad(lp.colUpper[j], Infinity)) report(lp.colUpper[j], () => `the upper bound of the ${describePlanColumn(c, ix, j)}`);
  }
  const { rowPtr, colIdx, values } = lp.A;
  for (let i = 0; i < lp.A.rows; i++) {
    if (bad(lp.rowLower[i], -Infinity)) report(lp.rowLower[i], () => `the lower bound of the ${describePlanRow(c, ix, i)}`);
    if (bad(lp.rowUpper[i], Infinity)) report(lp.rowUpper[i], () => `the upper bound of the ${describePlanRow(c, ix, i)}`);
    for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
      if (!inMagnitude(values[k])) report(values[k], () => `the coefficient of the ${describePlanColumn(c, ix, colIdx[k])} in the ${describePlanRow(c, ix, i)}`);
    }
  }
  if (issues.length > 0) throw new InputError(issues);
}
