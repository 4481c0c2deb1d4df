import type { LinearProgram } from '../../../src/lp/lp-types.js';
import { csrFromDense } from '../../../src/sparse/csr-from-dense.js';

const inf = Infinity;

/** A linear program from dense rows (tests only); omitted bounds: rows free, columns ≥ 0. */
export function denseLp(spec: {
  sense: 'min' | 'max';
  c: number[];
  A: number[][];
  rowLower?: number[];
  rowUpper?: number[];
  colLower?: number[];
  colUpper?: number[];
}): LinearProgram {
  const m = spec.A.length;
  const n = spec.c.length;
  return {
    sense: spec.sense,
    c: Float64Array.from(spec.c),
    A: csrFromDense(m, n, spec.A.flat()),
    rowLower: Float64Array.from(spec.rowLower ?? new Array<number>(m).fill(-inf)),
    rowUpper: Float64Array.from(spec.rowUpper ?? new Array<number>(m).fill(inf)),
    colLower: Float64Array.from(spec.colLower ?? new Array<number>(n).fill(0)),
    colUpper: Float64Array.from(spec.colUpper ?? new Array<number>(n).fill(inf)),
  };
}
