import { inputError } from '../model/errors.js';
import type { CsrMatrix } from '../sparse/csr.js';
import type { IoSystem } from './types.js';
import { checkFiniteMatrix, checkVector } from './validate.js';

/** Coefficient rows per unit of gross output: a k × n matrix, or ids of rows of `sys.primary`. */
export type CoefficientRows = CsrMatrix | readonly string[];

/** One coefficient row: n numbers, or the id of a row of `sys.primary`. */
export type CoefficientRow = ArrayLike<number> | string;

/** Dense copy of row i of a CSR matrix. */
function denseRow(m: CsrMatrix, i: number): Float64Array {
  const out = new Float64Array(m.cols);
  for (let p = m.rowPtr[i]; p < m.rowPtr[i + 1]; p++) out[m.colIdx[p]] = m.values[p];
  return out;
}

function primaryRow(sys: IoSystem, id: string, path: (string | number)[]): Float64Array {
  if (sys.primary === undefined || sys.resources === undefined) {
    throw inputError('missing', `coefficient row ${JSON.stringify(id)} given by id, but the system has no primary-input rows`, { path }, id);
  }
  const i = sys.resources.index.get(id);
  if (i === undefined) {
    throw inputError('unknown-id', `no primary-input row with this id (known: ${sys.resources.ids.join(', ')})`, { path }, id);
  }
  return denseRow(sys.primary, i);
}

/** Resolves coefficient rows to dense arrays of length n, with their names. */
export function resolveRows(sys: IoSystem, rows: CoefficientRows, n: number): { names: string[]; rows: Float64Array[] } {
  if ('rowPtr' in rows) {
    if (rows.cols !== n) throw inputError('wrong-length', `coefficient rows must have ${n} columns`, { path: ['rows'] }, rows.cols);
    checkFiniteMatrix(rows, 'rows');
    const names: string[] = [];
    const out: Float64Array[] = [];
    for (let i = 0; i < rows.rows; i++) {
      names.push(sys.primary === rows && sys.resources !== undefined ? sys.resources.ids[i] : `row ${i}`);
      out.push(denseRow(rows, i));
    }
    return { names, rows: out };
  }
  if (sys.primary !== undefined) checkFiniteMatrix(sys.primary, 'primary');
  return { names: [...rows], rows: rows.map((id, k) => primaryRow(sys, id, ['rows', k])) };
}

/** Resolves one coefficient row to a dense array of length n, with its name. */
export function resolveRow(sys: IoSystem, row: CoefficientRow, n: number, name: string): { name: string; row: Float64Array } {
  if (typeof row === 'string') {
    if (sys.primary !== undefined) checkFiniteMatrix(sys.primary, 'primary');
    return { name: row, row: primaryRow(sys, row, [name]) };
  }
  return { name, row: checkVector(row, n, name) };
}
