import { InputError, type Issue } from '../model/errors.js';
import { inMagnitude, magnitudeMessage } from '../model/magnitude.js';
import type { LinearProgram } from './lp-types.js';

/** Issues listed at most; the error says that there may be more. */
const MOST_ISSUES = 20;

/**
 * Checks the shape and the numbers of a linear program at a solver's boundary: vector lengths;
 * objective coefficients, offset and matrix entries finite and at most MAX_MAGNITUDE (1e30) in
 * magnitude; bounds the same, or −∞ as a lower and +∞ as an upper bound (no bound). Throws an
 * InputError naming the field, the index (and the row's or column's name, when the LP has names)
 * and the value. A lower bound above its upper bound is not an error here: the LP is infeasible.
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
  const named = (names: readonly string[] | undefined, k: number): string => (names?.[k] === undefined ? '' : ` ("${names[k]}")`);
  /** An issue for `v` (checked by the caller: not within the rule, not `allowed`); `what` names it. */
  const number = (name: string, k: number, v: number, what: string, allowed?: number): void => {
    if (issues.length >= MOST_ISSUES) return;
    const code = Number.isFinite(v) ? 'out-of-range' : Number.isNaN(v) || allowed === undefined ? 'not-finite' : 'invalid-bound';
    const message = code === 'invalid-bound' ? `${name}[${k}]${what} of ${v} leaves no feasible value` : `${name}[${k}]${what} ${magnitudeMessage(v)}`;
    issues.push({ code, message, location: { file, path: [name, k] }, value: v });
  };
  if (lp.offset !== undefined && !inMagnitude(lp.offset)) issues.push({ code: Number.isFinite(lp.offset) ? 'out-of-range' : 'not-finite', message: `offset ${magnitudeMessage(lp.offset)}`, location: { file, path: ['offset'] }, value: lp.offset });
  // The common case, every number within the rule, by one small loop per array; the loops below
  // test each number again and build a message only for a bad one (millions of entries).
  if (issues.length === 0 && allInMagnitude(lp.c) && allInMagnitude(lp.A.values) && allBounds(lp.rowLower, -Infinity) && allBounds(lp.rowUpper, Infinity) && allBounds(lp.colLower, -Infinity) && allBounds(lp.colUpper, Infinity)) return;
  for (let j = 0; j < n; j++) if (!inMagnitude(lp.c[j])) number('c', j, lp.c[j], named(lp.colNames, j));
  const { rowPtr, colIdx, values } = lp.A;
  for (let i = 0; i < m; i++) {
    for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
      if (!inMagnitude(values[k])) number('A.values', k, values[k], ` (row ${i}${named(lp.rowNames, i)}, column ${colIdx[k]}${named(lp.colNames, colIdx[k])})`);
    }
  }
  for (let i = 0; i < m; i++) {
    if (!inMagnitude(lp.rowLower[i]) && lp.rowLower[i] !== -Infinity) number('rowLower', i, lp.rowLower[i], named(lp.rowNames, i), -Infinity);
    if (!inMagnitude(lp.rowUpper[i]) && lp.rowUpper[i] !== Infinity) number('rowUpper', i, lp.rowUpper[i], named(lp.rowNames, i), Infinity);
  }
  for (let j = 0; j < n; j++) {
    if (!inMagnitude(lp.colLower[j]) && lp.colLower[j] !== -Infinity) number('colLower', j, lp.colLower[j], named(lp.colNames, j), -Infinity);
    if (!inMagnitude(lp.colUpper[j]) && lp.colUpper[j] !== Infinity) number('colUpper', j, lp.colUpper[j], named(lp.colNames, j), Infinity);
  }
  if (issues.length > 0) throw new InputError(issues);
}

/** Whether every v_k is finite and within MAX_MAGNITUDE. */
function allInMagnitude(v: Float64Array): boolean {
  for (let k = 0; k < v.length; k++) if (!inMagnitude(v[k])) return false;
  return true;
}

/** Whether every v_k is within the rule or is `none` (−∞ for a lower bound, +∞ for an upper). */
function allBounds(v: Float64Array, none: number): boolean {
  for (let k = 0; k < v.length; k++) if (!inMagnitude(v[k]) && v[k] !== none) return false;
  return true;
}
