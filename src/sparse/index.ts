export { type CsrMatrix, nnz } from './csr.js';
export { csrFromTriplets } from './from-triplets.js';
export { csrFromDense } from './csr-from-dense.js';
export { csrToDense } from './csr-to-dense.js';
export { transpose } from './transpose.js';
export { matvec } from './matvec.js';
export { matvecTransposed } from './matvec-transposed.js';
export { matvecMulti } from './matvec-multi.js';
export { matvecTransposedMulti } from './matvec-transposed-multi.js';
export { rowSums } from './row-sums.js';
export { colSums } from './col-sums.js';
export { scaleColumns } from './scale-columns.js';
export { scaleRows } from './scale-rows.js';
export { interleave } from './interleave.js';
export { deinterleave } from './deinterleave.js';
export type {
  MultiSolveResult,
  ProductKernel,
  SolveMethod,
  SolveOptions,
  SolveResult,
  SolveStatus,
  TransposedSolveOptions,
} from './solve-result.js';
export { DEFAULT_MAX_ITERATIONS } from './solve-result.js';
export { solveLeontief } from './solve-leontief.js';
export { solveLeontiefTransposed } from './solve-leontief-transposed.js';
export { solveLeontiefMulti } from './solve-leontief-multi.js';
export { solveLeontiefTransposedMulti } from './solve-leontief-transposed-multi.js';
export { COLUMN_BLOCK, solveLeontiefColumns, type ColumnsSolve } from './solve-leontief-columns.js';
export { solveLeontiefColumnStream, type ColumnSource, type StreamSolve } from './solve-leontief-column-stream.js';
export { checkProductive, PRODUCTIVE_MARGIN, type ProductiveOptions, type ProductiveResult } from './check-productive.js';
export { luFactor, type LuFactors, type LuSingular } from './lu-factor.js';
export { luSolve } from './lu-solve.js';
export { luSolveTransposed } from './lu-solve-transposed.js';
export { denseInverse } from './dense-inverse.js';
export { permute } from './permute.js';
export { permuteVector } from './permute-vector.js';
export { unpermuteVector } from './unpermute-vector.js';
export { invertPermutation } from './invert-permutation.js';
export { localityOrdering } from './locality-ordering.js';
export { toSharedCsr, isSharedCsr } from './product/to-shared-csr.js';
export { toWasmCsr, isWasmCsr } from './product/to-wasm-csr.js';
export { wasmAvailable } from './product/wasm-product.js';
