import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { csrFromTriplets } from '../../../src/sparse/from-triplets.js';
import { sparseSymmetricFromSut, symmetricFromSut, type SparseSupplyUse, type SupplyUseTables, type SutModel } from '../../../src/model/sut/index.js';
import { seededRandom } from '../../helpers/random.js';

/** Random supply and use tables, dense and sparse: `secondary` the chance of an off-diagonal supply entry (0: a permuted diagonal). */
function tables(seed: number, p: number, secondary: number, unproduced = false): { dense: SupplyUseTables; sparse: SparseSupplyUse } {
  const rand = seededRandom(seed);
  const m = p;
  const k = 3;
  const perm = Array.from({ length: p }, (_, i) => i).sort(() => rand() - 0.5);
  const supply = new Float64Array(p * m);
  const use = new Float64Array(p * m);
  for (let i = 0; i < p; i++) {
    if (unproduced && i === p - 1) continue;
    supply[i * m + perm[i]] = 100 + 900 * rand();
    for (let j = 0; j < m; j++) if (j !== perm[i] && rand() < secondary) supply[i * m + j] = 50 * rand();
  }
  for (let i = 0; i < p; i++) for (let j = 0; j < m; j++) if (rand() < 0.4) use[i * m + j] = 20 * rand();
  const finalUse = Float64Array.from({ length: p * k }, () => 100 * rand());
  const va = Float64Array.from({ length: 2 * m }, () => 50 * rand());
  const products = Array.from({ length: p }, (_, i) => `p${i}`);
  const industries = Array.from({ length: m }, (_, j) => `i${j}`);
  const categories = ['hh', 'gov', 'exp'];
  const rowBlocks = [{ name: 'VA', rows: ['wages', 'profits'], values: va, valueAdded: true }];
  const nz = (a: Float64Array, rows: number, cols: number, t: boolean): ReturnType<typeof csrFromTriplets> => {
    const r: number[] = [];
    const c: number[] = [];
    const v: number[] = [];
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        if (a[i * cols + j] === 0) continue;
        r.push(t ? j : i);
        c.push(t ? i : j);
        v.push(a[i * cols + j]);
      }
    }
    return csrFromTriplets(t ? cols : rows, t ? rows : cols, r, c, v);
  };
  return {
    dense: { products, industries, supply, use, categories, finalUse, rowBlocks },
    sparse: { products, industries, supply: nz(supply, p, m, false), useByIndustry: nz(use, p, m, true), categories, finalUse, rowBlocks },
  };
}

function assertSame(seed: number, model: SutModel, d: SupplyUseTables, s: SparseSupplyUse): void {
  const want = symmetricFromSut(d, { model });
  const got = sparseSymmetricFromSut(s, model);
  assert.equal(want.status, 'ok');
  assert.equal(got.status, 'ok', got.status === 'refused' ? got.message : '');
  if (want.status !== 'ok' || got.status !== 'ok') return;
  const n = want.labels.length;
  assert.deepEqual(got.labels, want.labels);
  assert.equal(got.kind, want.kind);
  const close = (a: number, b: number, what: string): void => assert.ok(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)), `seed ${seed} model ${model} ${what}: ${a} vs ${b}`);
  const Z = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    for (let e = got.zByColumn.rowPtr[j]; e < got.zByColumn.rowPtr[j + 1]; e++) {
      if (e > got.zByColumn.rowPtr[j]) assert.ok(got.zByColumn.colIdx[e] > got.zByColumn.colIdx[e - 1], 'rows ascend within a column');
      Z[got.zByColumn.colIdx[e] * n + j] = got.zByColumn.values[e];
    }
  }
  want.Z.forEach((v, k) => close(Z[k], v, `Z[${k}]`));
  want.Y.forEach((v, k) => close(got.Y[k], v, `Y[${k}]`));
  want.x.forEach((v, k) => close(got.x[k], v, `x[${k}]`));
  assert.deepEqual(got.rowBlocks.map((b) => [b.name, b.rows]), want.rowBlocks.map((b) => [b.name, b.rows]));
  want.rowBlocks.forEach((b, r) => b.values.forEach((v, k) => close(got.rowBlocks[r].values[k], v, `${b.name}[${k}]`)));
}

describe('sparseSymmetricFromSut: the four models on sparse tables equal symmetricFromSut on dense ones', () => {
  test('B and D with secondary production (random tables, 5 seeds)', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const { dense, sparse } = tables(seed, 12, 0.2);
      assertSame(seed, 'B', dense, sparse);
      assertSame(seed, 'D', dense, sparse);
    }
  });
  test('D with a product no industry makes: its use becomes the row block "unproduced", as on dense tables', () => {
    const { dense, sparse } = tables(7, 10, 0.1, true);
    assertSame(7, 'D', dense, sparse);
  });
  test('all four where each industry makes one product (a permuted diagonal supply, as GLORIA’s)', () => {
    for (let seed = 11; seed <= 14; seed++) {
      const { dense, sparse } = tables(seed, 15, 0);
      for (const model of ['A', 'B', 'C', 'D'] as const) assertSame(seed, model, dense, sparse);
    }
  });
  test('A and C with secondary production are refused with the way out (B or D)', () => {
    const { sparse } = tables(3, 8, 0.3);
    for (const [model, way] of [['A', /use model B/], ['C', /use model D/]] as const) {
      const r = sparseSymmetricFromSut(sparse, model);
      assert.equal(r.status, 'refused');
      if (r.status === 'refused') {
        assert.equal(r.code, 'not-square');
        assert.match(r.message, way);
        assert.match(r.message, /product "p\d+" is made by \d+ industries/);
      }
    }
  });
});
