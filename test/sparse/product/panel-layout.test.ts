import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CsrMatrix } from '../../../src/sparse/csr.js';
import { COLUMN_BLOCK, solveLeontief, solveLeontiefColumns } from '../../../src/sparse/index.js';
import { panelBytes, panelPlan, placePanels, PANEL_BYTES } from '../../../src/sparse/product/panel-layout.js';
import { wasmAvailable, wasmProduct } from '../../../src/sparse/product/wasm-product.js';
import { randomProductiveCsr, seededRandom } from '../../helpers/random.js';
import { randomVector } from '../dense-helpers.js';

/** A rows × cols CSR matrix with sorted columns, about `density` of them stored, values of both signs. */
function randomCsr(rows: number, cols: number, density: number, seed: number): CsrMatrix {
  const rand = seededRandom(seed);
  const rowPtr = new Int32Array(rows + 1);
  const ci: number[] = [];
  const va: number[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      if (rand() < density) {
        ci.push(j);
        va.push(rand() * 2 - 1);
      }
    }
    rowPtr[i + 1] = ci.length;
  }
  return { rows, cols, rowPtr, colIdx: Int32Array.from(ci), values: Float64Array.from(va) };
}

/**
 * The product over panels in the kernels' order: per row and vector, the sum over panel 0's
 * entries in A's order, then each later panel's sum added to it.
 */
function panelReference(A: CsrMatrix, x: Float64Array, k: number, width: number): Float64Array {
  const panels = Math.ceil(A.cols / width);
  const out = new Float64Array(A.rows * k);
  for (let i = 0; i < A.rows; i++) {
    for (let j = 0; j < k; j++) {
      let total = 0;
      for (let p = 0; p < panels; p++) {
        let s = 0;
        for (let q = A.rowPtr[i]; q < A.rowPtr[i + 1]; q++) {
          const c = A.colIdx[q];
          if (Math.floor(c / width) === p) s += A.values[q] * x[c * k + j];
        }
        total = p === 0 ? s : total + s;
      }
      out[i * k + j] = total;
    }
  }
  return out;
}

/** placePanels' arrays hold, for each panel p and row i, row i's entries in panel p's columns, in A's order. */
function checkPlacement(A: CsrMatrix, plan: { width: number; panels: number }): void {
  const buffer = new SharedArrayBuffer(16 + panelBytes(A, plan));
  const placed = placePanels(buffer, 16, A, plan);
  assert.ok(placed.end <= buffer.byteLength);
  const nz = A.rowPtr[A.rows];
  const rp = new Int32Array(buffer, placed.rp, plan.panels * A.rows + 1);
  const ci = new Int32Array(buffer, placed.ci, nz);
  const va = new Float64Array(buffer, placed.va, nz);
  assert.equal(rp[0], 0);
  assert.equal(rp[plan.panels * A.rows], nz);
  for (let p = 0; p < plan.panels; p++) {
    for (let i = 0; i < A.rows; i++) {
      const expected: [number, number][] = [];
      for (let q = A.rowPtr[i]; q < A.rowPtr[i + 1]; q++) if (Math.floor(A.colIdx[q] / plan.width) === p) expected.push([A.colIdx[q], A.values[q]]);
      const got: [number, number][] = [];
      for (let q = rp[p * A.rows + i]; q < rp[p * A.rows + i + 1]; q++) got.push([ci[q], va[q]]);
      assert.deepEqual(got, expected, `panel ${p}, row ${i}`);
    }
  }
}

describe('panel layout', () => {
  test('places each row of A in panels: row p · rows + i holds row i’s entries in panel p, in order', () => {
    checkPlacement(randomCsr(23, 57, 0.4, 1), { width: 10, panels: 6 });
    // Runs of one entry, runs longer than the copy threshold, and empty panels.
    checkPlacement(randomCsr(7, 300, 0.5, 3), { width: 45, panels: 7 });
  });

  test('places a row whose columns are out of order entry by entry, in its order', () => {
    const A = randomCsr(9, 57, 0.5, 4);
    const colIdx = A.colIdx.slice();
    const values = A.values.slice();
    colIdx.subarray(A.rowPtr[3], A.rowPtr[4]).reverse();
    values.subarray(A.rowPtr[3], A.rowPtr[4]).reverse();
    assert.ok(A.rowPtr[4] - A.rowPtr[3] > 2);
    checkPlacement({ ...A, colIdx, values }, { width: 10, panels: 6 });
  });

  test('are planned only for several vectors over wide matrices with long rows', () => {
    // 10 vectors over 4,000 columns: 320 KB of x, panels of 409 columns; rows of 400 entries.
    const wide = { rows: 4000, cols: 4000, rowPtr: Int32Array.from({ length: 4001 }, (_, i) => 400 * i), colIdx: new Int32Array(0), values: new Float64Array(0) };
    const plan = panelPlan(wide, 10);
    assert.deepEqual(plan, { width: Math.floor(PANEL_BYTES / 80), panels: Math.ceil(4000 / Math.floor(PANEL_BYTES / 80)) });
    assert.equal(panelPlan(wide, 1), undefined, 'one vector');
    assert.equal(panelPlan({ ...wide, rowPtr: Int32Array.from({ length: 4001 }, (_, i) => 20 * i) }, 10), undefined, 'short rows');
    assert.equal(panelPlan({ ...wide, rows: 300, cols: 300, rowPtr: Int32Array.from({ length: 301 }, (_, i) => 300 * i) }, 10), undefined, 'x in the cache');
  });

  test('wasm products over panels equal the sums panel by panel, k = 2..16, serial and threaded', { skip: !wasmAvailable() }, () => {
    const A = randomCsr(97, 131, 0.3, 2);
    const width = 20;
    for (let k = 2; k <= 16; k++) {
      const x = randomVector(A.cols * k, 50 + k, -1, 1);
      const expected = panelReference(A, x, k, width);
      for (const threads of [1, 2]) {
        const w = wasmProduct(A, k, false, threads, { panels: { width, panels: Math.ceil(A.cols / width) } });
        assert.ok(w !== undefined);
        assert.equal(w.panels, 7);
        const out = new Float64Array(A.rows * k).fill(Number.NaN);
        w.product(x, out);
        assert.deepEqual(out, expected, `k = ${k}, ${threads} thread(s)`);
        w.product(x, out);
        assert.deepEqual(out, expected, `k = ${k}, ${threads} thread(s), repeated`);
        w.close();
      }
    }
  });

  // One suite for both kernels: the JS kernel's block products, and the WebAssembly kernel's, which
  // runs over panels at this size (10 vectors over 3,400 columns, rows of about 340 entries).
  for (const kernel of ['js', 'wasm'] as const) {
    test(`a block of ${COLUMN_BLOCK} solves equals ${COLUMN_BLOCK} single solves to 1e-12 (${kernel} kernel)`, { skip: kernel === 'wasm' && !wasmAvailable() }, () => {
      const n = 3400;
      const A = randomProductiveCsr(n, 340, 3, 0.6);
      if (kernel === 'wasm') assert.ok(panelPlan(A, COLUMN_BLOCK) !== undefined, 'the wasm block solve runs over panels');
      const rand = seededRandom(4);
      const bs = Array.from({ length: COLUMN_BLOCK }, () => Float64Array.from({ length: n }, () => rand()));
      const options = { tolerance: 1e-14, kernel, threads: 1 };
      const block = solveLeontiefColumns(A, bs, false, options);
      assert.equal(block.status, 'converged');
      bs.forEach((b, j) => {
        const one = solveLeontief(A, b, options);
        assert.equal(one.status, 'converged');
        let worst = 0;
        for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(block.x[j][i] - one.x[i]) / Math.abs(one.x[i]));
        assert.ok(worst <= 1e-12, `column ${j}: ${worst}`);
      });
    });
  }
});
