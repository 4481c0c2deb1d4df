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
import { blockVectorOps } from '../../../src/sparse/block-ops.js';
import { matrixFacts } from '../../../src/sparse/matrix-facts.js';
import type { BlockProduct } from '../../../src/sparse/product/block-product.js';
import type { VectorOps } from '../../../src/sparse/vector-ops.js';
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
  /** Whether some of its products must offer a workspace (checked whenever one is offered) [false]. */
  readonly workspace?: boolean;
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

/** Outputs of one vector step: dot products, flags, the least and largest entries. */
interface StepOutputs {
  readonly f: Float64Array;
  readonly g: Float64Array;
  readonly u: Uint8Array;
}

/** The solver's vector steps, each applied to vectors in fixed roles (any of the workspace's). */
const STEPS: readonly { readonly name: string; readonly run: (v: readonly Float64Array[], ops: VectorOps, out: StepOutputs) => void }[] = [
  { name: 'dots', run: (v, ops, o) => ops.dots(v[0], v[1], o.f) },
  { name: 'direction', run: (v, ops) => ops.direction(v[0], v[1], v[2], v[3], v[4], Float64Array.of(0.7), Float64Array.of(-1.3)) },
  { name: 'oneMinusDot', run: (v, ops, o) => ops.oneMinusDot(v[0], v[1], v[2], o.f) },
  { name: 'half', run: (v, ops, o) => ops.half(v[0], v[1], v[2], v[3], v[4], Float64Array.of(2.5), o.f) },
  { name: 'oneMinusDot2', run: (v, ops, o) => ops.oneMinusDot2(v[0], v[1], v[2], o.f, o.g) },
  { name: 'update', run: (v, ops, o) => ops.update(v[0], v[1], v[2], v[3], v[4], v[5], Float64Array.of(0.3), Float64Array.of(-0.9), o.f) },
  { name: 'residual', run: (v, ops, o) => ops.residual(v[0], v[1], v[2], v[3], o.f) },
  { name: 'flags', run: (v, ops, o) => ops.flags(v[0], o.u) },
  { name: 'jacobi', run: (v, ops, o) => void (o.f[0] = ops.jacobi(v[0], v[1])) },
  { name: 'range', run: (v, ops, o) => ops.range(v[0], o.f, o.g) },
];

/**
 * A product's workspace (k = 1): n-vectors, and vector steps that give what block-ops.ts gives
 * (same operations in the same order, so exactly), every vector of the workspace compared after
 * each step.
 */
function checkWorkspace(label: string, workspace: NonNullable<BlockProduct['workspace']>, n: number, rand: () => number): void {
  const { vectors, ops } = workspace;
  for (const [i, u] of vectors.entries()) assert.equal(u.length, n, `${label}: workspace vector ${i}`);
  if (vectors.length < 6) return;
  const js = blockVectorOps(n, 1);
  const outputs = (): StepOutputs => ({ f: new Float64Array(1), g: new Float64Array(1), u: new Uint8Array(1) });
  for (const step of STEPS) {
    for (const u of vectors) for (let i = 0; i < n; i++) u[i] = rand() * 2 - 1;
    if (step.name === 'flags') vectors[0][n >> 1] = rand() < 0.5 ? Number.POSITIVE_INFINITY : Number.NaN;
    const copies = vectors.map((u) => u.slice());
    const got = outputs();
    const want = outputs();
    step.run(vectors, ops, got);
    step.run(copies, js, want);
    assert.deepEqual(got, want, `${label}: ${step.name}'s results`);
    for (const [i, u] of vectors.entries()) assert.deepEqual(u, copies[i], `${label}: ${step.name}, vector ${i}`);
  }
}

/** Relative tolerance per entry, against Σ|a||x| (the kernels may sum in another order). */
const TOLERANCE = 1e-13;

/**
 * Runs the shared suite for one implementation: every case × k × direction, each product twice
 * into an output filled with NaN (so every entry must be written, empty rows as exact zeros), to
 * TOLERANCE of the reference; the facts, where offered, equal matrixFacts(A) (read before the
 * first product); the workspace, where offered, steps exactly as block-ops.ts; and the
 * implementation's own variant engaged in at least one case.
 */
export function runBlockProductSuite(name: string, make: MakeProduct, options: SuiteOptions = {}): void {
  const directions = options.transposed === false ? [false] : [false, true];
  describe(`BlockProduct: ${name}`, { skip: options.skip ?? false }, () => {
    let engaged = 0;
    let workspaces = 0;
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
              // The facts before the first product (their diagonal may be valid only until then).
              if (made.product.facts !== undefined && A.rows === A.cols) {
                const facts = made.product.facts();
                const want = matrixFacts(A);
                assert.equal(facts.nonNegative, want.nonNegative, `${label}: nonNegative`);
                assert.equal(facts.finite, want.finite, `${label}: finite`);
                assert.deepEqual(Array.from(facts.diag), Array.from(want.diag), `${label}: diagonal`);
              }
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
              if (made.product.workspace !== undefined) {
                workspaces++;
                checkWorkspace(label, made.product.workspace, A.rows, rand);
                if (k === 1 && made.product.workspace.vectors.length >= 2) {
                  // A product between two of the workspace's vectors (run in place, without copies).
                  const [u, w] = made.product.workspace.vectors;
                  for (let i = 0; i < u.length; i++) u[i] = rand() * 2 - 1;
                  const reference = referenceProduct(A, u, 1, transposed);
                  made.product(u, w);
                  for (let q = 0; q < w.length; q++) {
                    assert.ok(Math.abs(w[q] - reference.out[q]) <= TOLERANCE * reference.scale[q], `${label}, between workspace vectors: entry ${q}`);
                  }
                }
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
      if (options.workspace === true) assert.ok(workspaces > 0, `${name}: no product offered a workspace`);
    });
  });
}
