/**
 * Every BlockProduct implementation through the one shared suite (block-product.case.ts): the JS
 * kernels (serial, over an explicit transpose, on 2 and 3 threads), the WebAssembly kernels
 * (serial, 2 and 3 threads, over a copy of Aᵀ, split, in panels, in place; each asked for the
 * solver's workspace, which it must offer for square A and k = 1), and the solvers' own choice.
 */
import type { CsrMatrix } from '../../../src/sparse/csr.js';
import { WORKSPACE_VECTORS } from '../../../src/sparse/product/block-product.js';
import { chooseBlockProduct } from '../../../src/sparse/product/choose-block-product.js';
import { parallelProduct } from '../../../src/sparse/product/parallel-product.js';
import type { SplitTuning } from '../../../src/sparse/product/split-layout.js';
import { toSharedCsr } from '../../../src/sparse/product/to-shared-csr.js';
import { toWasmCsr } from '../../../src/sparse/product/to-wasm-csr.js';
import { wasmAvailable, wasmProduct, type WasmProductOptions } from '../../../src/sparse/product/wasm-product.js';
import { runBlockProductSuite, type MadeProduct } from './block-product.case.js';

const noWasm = wasmAvailable() ? false : 'WebAssembly is not available in this runtime';

/** Splits even small matrices: near means within two columns, long rows from cols / 4 entries. */
const forceSplit = (k: number): SplitTuning => ({ minVectorBytes: 0, nearBytes: 16 * k, longRowDivisor: 4, minFarShare: 0 });

/** A WebAssembly product with these options; `engaged` tells whether the variant ran. */
function wasm(threads: number, options: (A: CsrMatrix, k: number) => WasmProductOptions, engaged: (w: NonNullable<ReturnType<typeof wasmProduct>>) => boolean) {
  return (A: CsrMatrix, k: number, transposed: boolean): MadeProduct | undefined => {
    const w = wasmProduct(A, k, transposed, threads, { vectors: WORKSPACE_VECTORS, ...options(A, k) });
    return w === undefined ? undefined : { product: w.product, close: () => w.close(), engaged: engaged(w) };
  };
}

const plain = { split: false, panels: false, transposeCopy: false } as const;

runBlockProductSuite('JS kernels', (A, k, transposed) => ({ ...chooseBlockProduct(A, k, transposed, { kernel: 'js', threads: 1 }), engaged: true }));

runBlockProductSuite('JS kernels over an explicit transpose', (A, k, transposed) => ({
  ...chooseBlockProduct(A, k, transposed, { kernel: 'js', threads: 1, allowTranspose: true }),
  engaged: transposed,
}));

for (const threads of [2, 3]) {
  runBlockProductSuite(`JS kernels on ${threads} threads`, (A, k, transposed) => {
    const p = parallelProduct(toSharedCsr(A), k, transposed, threads);
    return p === undefined ? undefined : { product: p.product, close: () => p.close(), engaged: true };
  });
}

runBlockProductSuite('WebAssembly, serial', wasm(1, () => plain, (w) => !w.split && !w.transposedCopy && w.panels === 0), { skip: noWasm, workspace: true });

for (const threads of [2, 3]) {
  runBlockProductSuite(`WebAssembly, ${threads} threads`, wasm(threads, () => plain, (w) => w.threads === threads), { skip: noWasm, workspace: true });
}

runBlockProductSuite('WebAssembly, transposed as a gather over a copy of Aᵀ', wasm(1, () => ({ ...plain, transposeCopy: true }), (w) => w.transposedCopy), {
  skip: noWasm,
  workspace: true,
});

for (const threads of [1, 2]) {
  runBlockProductSuite(`WebAssembly, split layout, ${threads} thread(s)`, wasm(threads, (_, k) => ({ split: forceSplit(k) }), (w) => w.split), { skip: noWasm, workspace: true });
}

for (const threads of [1, 2]) {
  runBlockProductSuite(
    `WebAssembly, in panels of 16 columns, ${threads} thread(s)`,
    wasm(threads, (A) => ({ split: false, panels: { width: 16, panels: Math.ceil(A.cols / 16) } }), (w) => w.panels > 0),
    { skip: noWasm, workspace: true },
  );
}

runBlockProductSuite(
  'WebAssembly, in place over toWasmCsr',
  (A, k, transposed) => {
    const M = toWasmCsr(A, { k, threads: 1 });
    if (M === undefined) return undefined;
    const w = wasmProduct(M, k, transposed, 1, { vectors: WORKSPACE_VECTORS, ...plain });
    return w === undefined ? undefined : { product: w.product, close: () => w.close(), engaged: w.inPlace };
  },
  { skip: noWasm, workspace: true },
);

runBlockProductSuite('the solvers’ choice (kernel auto)', (A, k, transposed) => ({ ...chooseBlockProduct(A, k, transposed, {}), engaged: true }));
