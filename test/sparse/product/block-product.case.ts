/**
 * The shared test suite of every BlockProduct implementation (JS kernels, JS on threads,
 * WebAssembly serial, threaded, split, in panels, over a copy of Aᵀ, in place): each is given the
 * same seeded matrices and vectors and checked against a plain product computed here from the CSR
 * definition. Every implementation's test file calls `runBlockProductSuite` once (see
 * block-products.test.ts).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CsrMatrix } from '../../../src/sparse/csr.js';
import { csrFromTriplets } from '../../../src/sparse/from-triplets.js';
import { matrixFacts } from '../../../src/sparse/matrix-facts.js';
import type { BlockProduct } from '../../../src/sparse/product/block-product.js';
import { seededRandom } from '../../helpers/random.js';

/** A product made for one case, and whether the implementation's own variant ran (not a fallback). */
export interface MadeProduct {
  readonly product: BlockProduct;
  close(): void;
  /** False when the implementation fell back to another (say, no split for this matrix). */
  readonly engaged: boolean;
}

/** Makes the implementation's product x ↦ A x (or Aᵀ x) for k interleaved vectors, or undefined. */
export type MakeProduct = (A: CsrMatrix, k: number, transposed: boolean) => MadeProduct | undefined;

export interface SuiteOptions {
  /** Skips the suite (with this reason), e.g. where WebAssembly is unavailable. */
  readonly skip?: string | false;
  /** Whether the implementation offers transposed products [true]. */
  readonly transposed?: boolean;
  /** Whether `make` may answer undefined (an optional fast path) [false]. */
  readonly optional?: boolean;
}

/** A named seeded test matrix. */
export interface ProductCase {
  readonly name: string;
  readonly A: CsrMatrix;
}

/**
 * A rows × cols matrix of both signs with about `perRow` entries per row; a share `emptyShare` of
 * the rows empty, a few long rows, entries near the diagonal and far from it.
 */
export function productMatrix(rows: number, cols: number, perRow: number, seed: number, emptyShare = 0.1): CsrMatrix {
  const rand = seededRandom(seed);
  const ri: number[] = [];
  const ci: number[] = [];
  const va: number[] = [];
  for (let i = 0; i < rows; i++) {
    const u = rand();
    if (u < emptyShare) continue;
    const long = cols > 1 && u > 0.97;
    const count = long ? cols : Math.max(1, Math.min(cols, perRow));
    for (let e = 0; e < count; e++) {
      const j = long ? e : rand() < 0.5 ? Math.min(cols - 1, Math.max(0, i + Math.floor(rand() * 5) - 2)) : Math.floor(rand() * cols);
      ri.push(i);
      ci.push(j);
      va.push(rand() * 2 - 1);
    }
  }
  return csrFromTriplets(rows, cols, Int32Array.from(ri), Int32Array.from(ci), Float64Array.from(va));
}

/**
 * The suite's matrices: one entry, one row, one column, no entries at all, many empty rows,
 * rectangular both ways with sizes that are no multiple of any block, part or panel, and one large
 * enough for every thread to get rows.
 */
export function productCases(): ProductCase[] {
  return [
    { name: '1 × 1', A: csrFromTriplets(1, 1, Int32Array.of(0), Int32Array.of(0), Float64Array.of(0.75)) },
    { name: 'one row, 1 × 37', A: productMatrix(1, 37, 9, 11, 0) },
    { name: 'one column, 29 × 1', A: productMatrix(29, 1, 1, 12) },
    { name: 'no entries, 7 × 5', A: productMatrix(7, 5, 3, 13, 1) },
    { name: 'a third of the rows empty, 50 × 50', A: productMatrix(50, 50, 4, 14, 0.33) },
    { name: 'tall, 131 × 97', A: productMatrix(131, 97, 6, 15) },
    { name: 'wide, 97 × 131', A: productMatrix(97, 131, 6, 16) },
    { name: 'square, 1,003 × 1,003', A: productMatrix(1003, 1003, 8, 17) },
  ];
}

/** Right-hand sides per product: one, and counts that are no multiple of the kernels' unrolling. */
export const PRODUCT_KS: readonly number[] = [1, 2, 3, 7];

/** out = A x (or Aᵀ x) for k interleaved vectors, from the CSR definition; and Σ|a||x| per entry. */
export function referenceProduct(A: CsrMatrix, x: Float64Array, k: number, transposed: boolean): { out: Float64Array; scale: Float64Array } {
  const { rows, rowPtr, colIdx, values } = A;
  const out = new Float64Array((transposed ? A.cols : A.rows) * k);
  const scale = new Float64Array(out.length);
  for (let i = 0; i < rows; i++) {
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      const j = colIdx[p];
      const [from, to] = transposed ? [i, j] : [j, i];
      for (let c = 0; c < k; c++) {
        out[to * k + c] += values[p] * x[from * k + c];
        scale[to * k + c] += Math.abs(values[p] * x[from * k + c]);
      }
    }
  }
  return { out, scale };
}

/** Relative tolerance per entry, against Σ|a||x| (the kernels may sum in another order). */
const TOLERANCE = 1e-13;

/**
 * Runs the shared suite for one implementation: every case × k × direction, each product twice
 * into an output filled with NaN (so every entry must be written, empty rows as exact zeros), to
 * TOLERANCE of the reference; the facts, where the product offers them, equal matrixFacts(A); and
 * the implementation's own variant engaged in at least one case.
 */
export function runBlockProductSuite(name: string, make: MakeProduct, options: SuiteOptions = {}): void {
  const directions = options.transposed === false ? [false] : [false, true];
  describe(`BlockProduct: ${name}`, { skip: options.skip ?? false }, () => {
    let engaged = 0;
    for (const { name: caseName, A } of productCases()) {
      test(caseName, () => {
        const rand = seededRandom(A.rows * 7919 + A.cols);
        for (const k of PRODUCT_KS) {
          for (const transposed of directions) {
            const label = `${caseName}, k = ${k}, ${transposed ? 'Aᵀ x' : 'A x'}`;
            const made = make(A, k, transposed);
            if (made === undefined) {
              assert.ok(options.optional === true, `${label}: no product`);
              continue;
            }
            try {
              if (made.engaged) engaged++;
              const x = Float64Array.from({ length: (transposed ? A.rows : A.cols) * k }, () => rand() * 2 - 1);
              const { out: expected, scale } = referenceProduct(A, x, k, transposed);
              const out = new Float64Array(expected.length);
              for (let round = 0; round < 2; round++) {
                out.fill(Number.NaN);
                made.product(x, out);
                for (let q = 0; q < out.length; q++) {
                  assert.ok(Math.abs(out[q] - expected[q]) <= TOLERANCE * scale[q], `${label}, round ${round + 1}: entry ${q} is ${out[q]}, expected ${expected[q]}`);
                }
              }
              if (made.product.facts !== undefined && A.rows === A.cols) {
                const facts = made.product.facts();
                const want = matrixFacts(A);
                assert.equal(facts.nonNegative, want.nonNegative, `${label}: nonNegative`);
                assert.equal(facts.finite, want.finite, `${label}: finite`);
                assert.deepEqual(Array.from(facts.diag), Array.from(want.diag), `${label}: diagonal`);
              }
            } finally {
              made.close();
            }
          }
        }
      });
    }
    test('ran its own variant (not only a fallback)', () => {
      assert.ok(engaged > 0, `${name}: the variant never engaged`);
    });
  });
}
