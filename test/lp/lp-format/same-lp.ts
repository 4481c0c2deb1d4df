import assert from 'node:assert/strict';
import type { LinearProgram } from '../../../src/lp/lp-types.js';

/** Asserts two LPs are the same problem: sense, offset, c, bounds and matrix, within `tol` (relative). */
export function assertSameLp(a: LinearProgram, b: LinearProgram, tol = 0): void {
  assert.equal(a.sense, b.sense, 'sense');
  assert.equal(a.A.rows, b.A.rows, 'rows');
  assert.equal(a.A.cols, b.A.cols, 'columns');
  const near = (x: number, y: number, what: string): void => {
    if (x === y) return;
    assert.ok(Math.abs(x - y) <= tol * (1 + Math.abs(y)), `${what}: ${x} vs ${y}`);
  };
  near(a.offset ?? 0, b.offset ?? 0, 'offset');
  const vec = (x: Float64Array, y: Float64Array, what: string): void => x.forEach((v, k) => near(v, y[k], `${what}[${k}]`));
  vec(a.c, b.c, 'c');
  vec(a.rowLower, b.rowLower, 'rowLower');
  vec(a.rowUpper, b.rowUpper, 'rowUpper');
  vec(a.colLower, b.colLower, 'colLower');
  vec(a.colUpper, b.colUpper, 'colUpper');
  assert.deepEqual(Array.from(a.A.rowPtr), Array.from(b.A.rowPtr), 'row pointers');
  assert.deepEqual(Array.from(a.A.colIdx), Array.from(b.A.colIdx), 'column indices');
  vec(a.A.values, b.A.values, 'values');
}
