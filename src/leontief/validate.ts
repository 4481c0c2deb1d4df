import { InputError, inputError } from '../model/errors.js';
import { inMagnitude } from '../model/magnitude.js';
import { magnitudeIssue } from '../model/magnitude-issue.js';
import type { CsrMatrix } from '../sparse/csr.js';
import type { IoSystem } from './types.js';

/** Throws the magnitude issue of an entry outside the rule (finite, at most 1e30: model/magnitude.ts). */
function refuse(v: number, name: string, path: (string | number)[]): never {
  const issue = magnitudeIssue(v, { path }, `${name}${path.slice(1).map((k) => `[${k}]`).join('')}`);
  throw new InputError(issue === undefined ? [] : [issue]);
}

/** Checks that A is square with entries within the magnitude rule; `name` is used in the error's path. */
export function checkSquare(A: CsrMatrix, name: string): number {
  if (A.rows !== A.cols) {
    throw inputError('not-square', `${name} must be square`, { path: [name] }, `${A.rows} × ${A.cols}`);
  }
  checkFiniteMatrix(A, name);
  return A.rows;
}

/** Checks that every stored entry keeps the magnitude rule (finite, at most 1e30). */
export function checkFiniteMatrix(m: CsrMatrix, name: string): void {
  const { rowPtr, colIdx, values } = m;
  for (let i = 0; i < m.rows; i++) {
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      const v = values[p];
      if (!inMagnitude(v)) refuse(v, name, [name, i, colIdx[p]]);
    }
  }
}

/**
 * Checks a vector's length and that its entries keep the magnitude rule; returns it as a
 * Float64Array. With the system's items, an entry beyond the rule is named by its item and
 * located where the item is defined.
 */
export function checkVector(v: ArrayLike<number>, n: number, name: string, items?: IoSystem): Float64Array {
  if (v.length !== n) throw inputError('wrong-length', `${name} must have ${n} entries`, { path: [name] }, v.length);
  const out = v instanceof Float64Array ? v : Float64Array.from(v);
  for (let i = 0; i < n; i++) {
    if (inMagnitude(out[i])) continue;
    const id = items?.items?.ids[i];
    if (id === undefined) refuse(out[i], name, [name, i]);
    const what = name === 'y' || name === 'finalDemand' ? 'the final demand' : `the entry of ${name}`;
    const issue = magnitudeIssue(out[i], items?.itemLocation?.(i) ?? { path: [name, i] }, `${what} for "${id}"`);
    throw new InputError(issue === undefined ? [] : [issue]);
  }
  return out;
}

/** Accepts an IoSystem or a bare matrix A. */
export function asSystem(sys: IoSystem | CsrMatrix): IoSystem {
  return 'rowPtr' in sys ? { A: sys } : sys;
}

/** Checks a positive integer option. */
export function checkLimit(value: number | undefined, fallback: number, name: string): number {
  const v = value ?? fallback;
  if (!(Number.isInteger(v) && v >= 0)) throw inputError('bad-option', `option ${name} must be a non-negative integer`, { path: [name] }, v);
  return v;
}
