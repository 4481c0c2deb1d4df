import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { supplyUseImbalances, symmetricFromSut, type SupplyUseTables, type SutModel, type SymmetricTable } from '../../../src/model/sut/index.js';
import { seededRandom } from '../../helpers/random.js';

/**
 * A worked example small enough to check by hand: products a, b; industries A, B. Industry A makes
 * 90 of a and 10 of b (a secondary product), B makes 100 of b: q = (90, 110), g = (100, 100).
 */
function handExample(useBA = 30): SupplyUseTables {
  const vaA = 100 - 20 - useBA;
  return {
    products: ['a', 'b'],
    industries: ['A', 'B'],
    supply: Float64Array.from([90, 0, 10, 100]),
    use: Float64Array.from([20, 10, useBA, 40]),
    categories: ['households'],
    finalUse: Float64Array.from([60, 110 - useBA - 40]),
    rowBlocks: [{ name: 'value_added', rows: ['gva'], values: Float64Array.from([vaA, 50]), valueAdded: true }],
  };
}

function ok(t: SupplyUseTables, model: SutModel, negatives: 'keep' | 'almon' = 'keep'): SymmetricTable {
  const r = symmetricFromSut(t, { model, negatives });
  assert.equal(r.status, 'ok', r.status === 'refused' ? r.message : '');
  return r as SymmetricTable;
}

/** Within `tol` relative to max(1, |want|): the one tolerance rule of these tests. */
function near(got: ArrayLike<number>, want: readonly number[], tol = 1e-12): void {
  assert.equal(got.length, want.length);
  for (let k = 0; k < want.length; k++) assert.ok(Math.abs(got[k] - want[k]) <= tol * Math.max(1, Math.abs(want[k])), `entry ${k}: ${got[k]} ≠ ${want[k]}`);
}

describe('the four models on a worked example (by hand)', () => {
  test('A, product technology: Z = U S⁻¹ q̂; b is made as industry B makes it, wherever it is made', () => {
    const s = ok(handExample(), 'A');
    near(s.Z, [19, 11, 26, 44]);
    near(s.rowBlocks[0].values, [45, 55]);
    near(s.x, [90, 110]);
    assert.deepEqual(s.labels, ['a', 'b']);
    assert.equal(s.negatives.length, 0);
    assert.ok(s.residual < 1e-14);
  });
  test('B, industry technology: Z = U ĝ⁻¹ Sᵀ; b made in A has A’s inputs', () => {
    const s = ok(handExample(), 'B');
    near(s.Z, [18, 12, 27, 43]);
    near(s.rowBlocks[0].values, [45, 55]);
    near(s.Y, [60, 40]);
  });
  test('C, fixed industry sales structure: Z = ĝ S⁻¹ U, Y = ĝ S⁻¹ Y', () => {
    const s = ok(handExample(), 'C');
    assert.deepEqual(s.labels, ['A', 'B']);
    near(s.Z, [200 / 9, 100 / 9, 250 / 9, 350 / 9]);
    near(s.Y, [600 / 9, 300 / 9]);
    near(s.x, [100, 100]);
    near(s.rowBlocks[0].values, [50, 50]);
  });
  test('D, fixed product sales structure: Z = Sᵀ q̂⁻¹ U, Y = Sᵀ q̂⁻¹ Y', () => {
    const s = ok(handExample(), 'D');
    near(s.Z, [250 / 11, 150 / 11, 300 / 11, 400 / 11]);
    near(s.Y, [700 / 11, 400 / 11]);
  });
});

describe('product technology’s negatives', () => {
  // Industry A uses 2 of b, but its 10 of b need 4 at b's own technology (B's: 0.4 per unit).
  const t = handExample(2);
  test('are listed with the product row, the product column, its industry and the value', () => {
    const s = ok(t, 'A');
    near(s.Z, [19, 11, -2, 44]);
    assert.deepEqual(s.negatives, [{ block: 'flows', row: 'b', column: 'a', industry: 'A', value: s.Z[2] }]);
  });
  test('Almon’s procedure: none left, every row total kept, the squeezed column reported', () => {
    const s = ok(t, 'A', 'almon');
    for (const v of s.Z) assert.ok(v >= 0, `flow ${v}`);
    // A's b is all moved to b's column: nothing of b is left for product a.
    near([s.Z[2], s.Z[3]], [0, 42]);
    near([s.Z[0] + s.Z[1], s.Z[2] + s.Z[3], s.rowBlocks[0].values[0] + s.rowBlocks[0].values[1]], [30, 42, 128]);
    assert.equal(s.resolution?.method, 'almon');
    assert.ok((s.resolution?.squeezed ?? 0) > 0);
    assert.equal(s.negatives.length, 1, 'the negatives found before the resolution are still reported');
    assert.ok(s.notes.some((n) => n.includes('Almon')));
  });
  test('Almon’s procedure without a squeeze is product technology itself', () => {
    const exact = ok(handExample(), 'A');
    const almon = ok(handExample(), 'A', 'almon');
    near(almon.Z, Array.from(exact.Z));
    assert.equal(almon.resolution, undefined, 'nothing to resolve');
  });
  test('Almon is refused for the other models', () => {
    const r = symmetricFromSut(t, { model: 'B', negatives: 'almon' });
    assert.equal(r.status, 'refused');
  });
});

describe('model A and C need a square, invertible supply table', () => {
  const rect: SupplyUseTables = {
    products: ['a', 'b', 'c'],
    industries: ['A', 'B'],
    supply: Float64Array.from([90, 0, 10, 100, 5, 0]),
    use: Float64Array.from([20, 10, 30, 40, 0, 0]),
    categories: ['households'],
    finalUse: Float64Array.from([60, 40, 5]),
    rowBlocks: [{ name: 'value_added', rows: ['gva'], values: Float64Array.from([55, 50]), valueAdded: true }],
  };
  for (const model of ['A', 'C'] as const) {
    test(`${model}: 3 products by 2 industries is refused with the shape and an alternative`, () => {
      const r = symmetricFromSut(rect, { model });
      assert.equal(r.status, 'refused');
      if (r.status === 'refused') {
        assert.equal(r.code, 'not-square');
        assert.match(r.message, /3 products and 2 industries/);
        assert.match(r.message, model === 'A' ? /model B/ : /model D/);
      }
    });
  }
  test('B and D take it: identities hold', () => {
    assert.deepEqual(supplyUseImbalances(rect, 1e-12), []);
    for (const model of ['B', 'D'] as const) checkIdentities(rect, ok(rect, model));
  });
  test('a singular square supply table is refused', () => {
    const singular = { ...handExample(), supply: Float64Array.from([50, 50, 50, 50]) };
    const r = symmetricFromSut(singular, { model: 'A' });
    assert.equal(r.status, 'refused');
    if (r.status === 'refused') assert.equal(r.code, 'singular');
  });
});

describe('model D: the use of a product no industry makes', () => {
  test('becomes the row block "unproduced", so columns still add up to output', () => {
    const t: SupplyUseTables = {
      products: ['a', 'oil'],
      industries: ['A'],
      supply: Float64Array.from([100, 0]),
      use: Float64Array.from([10, 30]),
      categories: ['households', 'imports'],
      finalUse: Float64Array.from([90, 0, 5, -35]),
      rowBlocks: [{ name: 'value_added', rows: ['gva'], values: Float64Array.from([60]), valueAdded: true }],
    };
    assert.deepEqual(supplyUseImbalances(t, 1e-12), []);
    const s = ok(t, 'D');
    near(s.Z, [10]);
    assert.deepEqual(s.rowBlocks[1].rows, ['oil']);
    near(s.rowBlocks[1].values, [30]);
    near([s.Z[0] + s.rowBlocks[0].values[0] + s.rowBlocks[1].values[0]], [100]);
  });
});

/** Random balanced supply and use tables: two regions' worth of blocks, secondary products, two final-use categories, value added and an emission row. */
function randomTables(seed: number, n: number, regions: number): SupplyUseTables {
  const rand = seededRandom(seed);
  const N = n * regions;
  const supply = new Float64Array(N * N);
  for (let r = 0; r < regions; r++) {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const v = i === j ? 100 + 100 * rand() : rand() < 0.4 ? 10 * rand() : 0;
        supply[(r * n + i) * N + r * n + j] = v;
      }
    }
  }
  const use = new Float64Array(N * N);
  for (let k = 0; k < N * N; k++) use[k] = rand() < 0.7 ? 8 * rand() : 0;
  const q = new Float64Array(N);
  const g = new Float64Array(N);
  for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) {
    q[i] += supply[i * N + j];
    g[j] += supply[i * N + j];
  }
  const finalUse = new Float64Array(N * 2);
  for (let i = 0; i < N; i++) {
    let u = 0;
    for (let j = 0; j < N; j++) u += use[i * N + j];
    const rest = q[i] - u;
    const share = rand();
    finalUse[i * 2] = rest * share;
    finalUse[i * 2 + 1] = rest * (1 - share);
  }
  const va = new Float64Array(2 * N);
  const emissions = new Float64Array(N);
  for (let j = 0; j < N; j++) {
    let u = 0;
    for (let i = 0; i < N; i++) u += use[i * N + j];
    const rest = g[j] - u;
    va[j] = rest * 0.6;
    va[N + j] = rest * 0.4;
    emissions[j] = 50 * rand();
  }
  const products = Array.from({ length: N }, (_, k) => `p${k}`);
  const industries = Array.from({ length: N }, (_, k) => `i${k}`);
  return {
    products,
    industries,
    supply,
    use,
    categories: ['households', 'exports'],
    finalUse,
    rowBlocks: [
      { name: 'value_added', rows: ['wages', 'surplus'], values: va, valueAdded: true },
      { name: 'emissions', rows: ['co2'], values: emissions, valueAdded: false },
    ],
  };
}

/** Rows: Z·1 + Y·1 = x; columns: 1ᵀZ + 1ᵀW = x; each value-added row's and extension row's total kept. */
function checkIdentities(t: SupplyUseTables, s: SymmetricTable, tol = 1e-10): void {
  const n = s.labels.length;
  const k = t.categories.length;
  const m = t.industries.length;
  const rows: number[] = [];
  const cols = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let r = 0;
    for (let j = 0; j < n; j++) {
      r += s.Z[i * n + j];
      cols[j] += s.Z[i * n + j];
    }
    for (let c = 0; c < k; c++) r += s.Y[i * k + c];
    rows.push(r);
  }
  s.rowBlocks.forEach((b) => {
    if (b.valueAdded || b.name === 'unproduced') for (let r = 0; r < b.rows.length; r++) for (let j = 0; j < n; j++) cols[j] += b.values[r * n + j];
  });
  near(rows, Array.from(s.x), tol);
  near(cols, Array.from(s.x), tol);
  t.rowBlocks.forEach((b, bi) => {
    for (let r = 0; r < b.rows.length; r++) {
      let before = 0;
      let after = 0;
      for (let j = 0; j < m; j++) before += b.values[r * m + j];
      for (let j = 0; j < n; j++) after += s.rowBlocks[bi].values[r * n + j];
      near([after], [before], tol);
    }
  });
}

describe('identities on random balanced tables (seeded)', () => {
  for (const seed of [1, 2, 3]) {
    const t = randomTables(seed, 5, 2);
    test(`seed ${seed}: the tables balance`, () => assert.deepEqual(supplyUseImbalances(t, 1e-12), []));
    for (const model of ['A', 'B', 'C', 'D'] as const) {
      test(`seed ${seed}, model ${model}: row and column totals are output, every row block's total kept`, () => {
        const s = ok(t, model);
        checkIdentities(t, s);
        if (model === 'A' || model === 'C') assert.ok(s.residual < 1e-12, `residual ${s.residual}`);
      });
    }
    test(`seed ${seed}: product technology reproduces the use table (Z q̂⁻¹ S = U) and solves the regions apart`, () => {
      const s = ok(t, 'A');
      const N = t.products.length;
      for (let i = 0; i < N; i++) {
        for (let j = 0; j < N; j++) {
          let u = 0;
          for (let p = 0; p < N; p++) u += (s.Z[i * N + p] / s.x[p]) * t.supply[p * N + j];
          assert.ok(Math.abs(u - t.use[i * N + j]) <= 1e-10 * Math.max(1, t.use[i * N + j]));
        }
      }
      const blocks = Number(/(\d+) independent block/.exec(s.notes[0])?.[1]);
      assert.ok(blocks >= 2, `${blocks} blocks: the regions are independent`);
    });
    test(`seed ${seed}: Almon keeps row totals and leaves no negative flow`, () => {
      const s = ok(t, 'A', 'almon');
      for (const v of s.Z) assert.ok(v >= -1e-12);
      const N = t.products.length;
      const rowSum = (a: Float64Array, i: number): number => a.subarray(i * N, (i + 1) * N).reduce((x, y) => x + y, 0);
      for (let i = 0; i < N; i++) near([rowSum(s.Z, i)], [rowSum(t.use, i)], 1e-10);
    });
  }
});
