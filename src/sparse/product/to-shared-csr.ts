import type { CsrMatrix } from '../csr.js';

/** True when the matrix's arrays live in shared memory (usable by worker threads without copying). */
export function isSharedCsr(m: CsrMatrix): boolean {
  return (
    m.rowPtr.buffer instanceof SharedArrayBuffer &&
    m.colIdx.buffer instanceof SharedArrayBuffer &&
    m.values.buffer instanceof SharedArrayBuffer
  );
}

/**
 * A copy of the matrix in SharedArrayBuffer-backed arrays, so that the solvers can split products
 * over worker threads (`SolveOptions.threads`). Returns the matrix itself when it is already
 * shared. The caller should drop the original to keep one copy in memory.
 */
export function toSharedCsr(m: CsrMatrix): CsrMatrix {
  if (isSharedCsr(m)) return m;
  const rowPtr = new Int32Array(new SharedArrayBuffer(m.rowPtr.byteLength));
  rowPtr.set(m.rowPtr);
  const colIdx = new Int32Array(new SharedArrayBuffer(m.colIdx.byteLength));
  colIdx.set(m.colIdx);
  const values = new Float64Array(new SharedArrayBuffer(m.values.byteLength));
  values.set(m.values);
  return { rows: m.rows, cols: m.cols, rowPtr, colIdx, values };
}
