import { InputError, type Issue } from '../../model/errors.js';
import type { LinearProgram } from '../lp-types.js';

/**
 * Checks the shape and the numbers of a linear program at the solver's boundary: vector lengths,
 * no NaN anywhere, finite objective and matrix coefficients, no +∞ lower or −∞ upper bound.
 * Throws an InputError naming the field, the index and the value.
 */
export function validateLp(lp: LinearProgram): void {
  const m = lp.A.rows;
  const n = lp.A.cols;
  const issues: Issue[] = [];
  const file = lp.name ?? 'linear program';
  const length = (name: string, v: Float64Array, want: number): void => {
    if (v.length !== want) issues.push({ code: 'invalid-length', message: `${name} has ${v.length} entries, the matrix needs ${want}`, location: { file, path: [name] }, value: v.length });
  };
  length('c', lp.c, n);
  length('colLower', lp.colLower, n);
  length('colUpper', lp.colUpper, n);
  length('rowLower', lp.rowLower, m);
  length('rowUpper', lp.rowUpper, m);
  if (issues.length > 0) throw new InputError(issues);
  const finite = (name: string, v: Float64Array): void => {
    for (let k = 0; k < v.length && issues.length < 20; k++) {
      if (!Number.isFinite(v[k])) issues.push({ code: 'not-finite', message: `${name}[${k}] must be a finite number`, location: { file, path: [name, k] }, value: v[k] });
    }
  };
  finite('c', lp.c);
  finite('A.values', lp.A.values.subarray(0, lp.A.rowPtr[m]));
  const bounds = (name: string, v: Float64Array, forbidden: number): void => {
    for (let k = 0; k < v.length && issues.length < 20; k++) {
      if (Number.isNaN(v[k]) || v[k] === forbidden) issues.push({ code: 'invalid-bound', message: `${name}[${k}] is not a usable bound`, location: { file, path: [name, k] }, value: v[k] });
    }
  };
  bounds('rowLower', lp.rowLower, Infinity);
  bounds('rowUpper', lp.rowUpper, -Infinity);
  bounds('colLower', lp.colLower, Infinity);
  bounds('colUpper', lp.colUpper, -Infinity);
  if (issues.length > 0) throw new InputError(issues);
}
