import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { closeModel, resolveClosure } from '../../src/leontief/closed-model.js';
import { typeIIMultipliers } from '../../src/leontief/type-ii-multipliers.js';
import { csrFromDense, denseInverse } from '../../src/sparse/index.js';
import { seededRandom } from '../helpers/random.js';
import { assertClose } from './assert-close.js';

function dense(n: number, m: { rowPtr: Int32Array; colIdx: Int32Array; values: Float64Array }): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let p = m.rowPtr[i]; p < m.rowPtr[i + 1]; p++) out[i * n + m.colIdx[p]] = m.values[p];
  return out;
}

function leontiefInverse(n: number, a: Float64Array): Float64Array {
  const iMinusA = new Float64Array(n * n);
  for (let k = 0; k < n * n; k++) iMinusA[k] = (k % (n + 1) === 0 ? 1 : 0) - a[k];
  const inv = denseInverse(n, iMinusA);
  assert.ok(inv instanceof Float64Array, 'I − A is invertible');
  return inv;
}

describe('Type II: the model closed with respect to households', () => {
  // Miller & Blair (2009), section 2.5.1: the two-sector example of Tables 2.3/2.4 closed with a
  // household row (labour income per unit of output 0.30, 0.25) and column (household purchases per
  // unit of income 0.05, 0.40; 0.05 from households), giving the published 3 × 3 inverse (eq. 2.23,
  // to three decimals).
  const A = csrFromDense(2, 2, [0.15, 0.25, 0.2, 0.05]);
  const closure = { income: [0.3, 0.25], consumption: [0.05, 0.4], selfUse: 0.05 };

  test('Miller & Blair’s closed inverse L̄ to the published three decimals', () => {
    const Abar = closeModel(A, resolveClosure({ A }, closure, 2));
    const L = leontiefInverse(3, dense(3, Abar));
    const published = [1.365, 0.425, 0.251, 0.527, 1.348, 0.595, 0.57, 0.489, 1.289];
    assertClose(L, published, 0, 5e-4, 'L̄');
  });

  test('Type I and Type II output and income multipliers equal the closed inverse’s sums', () => {
    const r = typeIIMultipliers(A, closure, [], { tolerance: 1e-14 });
    assert.equal(r.status, 'converged');
    const L = leontiefInverse(2, dense(2, A));
    const Lbar = leontiefInverse(3, dense(3, closeModel(A, resolveClosure({ A }, closure, 2))));
    const output = r.quantities[0];
    const income = r.quantities[1];
    assert.equal(output.name, 'output');
    assert.equal(income.name, 'income');
    for (let j = 0; j < 2; j++) {
      assert.ok(Math.abs(output.simple[j] - (L[j] + L[2 + j])) < 1e-12);
      assert.ok(Math.abs(output.total[j] - (Lbar[j] + Lbar[3 + j])) < 1e-12);
      assert.ok(Math.abs(income.simple[j] - (0.3 * L[j] + 0.25 * L[2 + j])) < 1e-12);
      assert.ok(Math.abs(income.total[j] - Lbar[6 + j]) < 1e-12, 'household income: the households’ row of L̄');
      assert.ok(Math.abs(income.typeII[j] - Lbar[6 + j] / closure.income[j]) < 1e-12);
      // The parts add up.
      for (const q of r.quantities) {
        const sum = q.initial[j] + q.firstRound[j] + q.industrialSupport[j] + q.induced[j];
        assert.ok(Math.abs(sum - q.total[j]) < 1e-12, `${q.name}: parts sum to the total`);
      }
    }
  });

  test('on seeded economies: Type II ≥ Type I, the induced effect grows with household spending', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const rnd = seededRandom(seed);
      const n = 12;
      const a = new Float64Array(n * n);
      for (let k = 0; k < n * n; k++) a[k] = rnd() < 0.5 ? rnd() * 0.08 : 0;
      const As = csrFromDense(n, n, a);
      const h = Array.from({ length: n }, () => 0.1 + rnd() * 0.3);
      const c = Array.from({ length: n }, () => rnd() * 0.08);
      const labour = Array.from({ length: n }, () => rnd());
      const low = typeIIMultipliers(As, { income: h, consumption: c }, csrFromDense(1, n, labour));
      const high = typeIIMultipliers(As, { income: h, consumption: c.map((v) => v * 1.5) }, csrFromDense(1, n, labour));
      assert.equal(low.status, 'converged');
      assert.equal(high.status, 'converged');
      low.quantities.forEach((q, k) => {
        for (let j = 0; j < n; j++) {
          assert.ok(q.total[j] >= q.simple[j] - 1e-12, `seed ${seed} ${q.name}[${j}]: Type II total ≥ Type I`);
          assert.ok(q.typeII[j] >= q.typeI[j] - 1e-12);
          assert.ok(high.quantities[k].induced[j] >= q.induced[j] - 1e-12, 'more household spending, more induced effect');
        }
      });
      // No household spending: nothing is induced.
      const none = typeIIMultipliers(As, { income: h, consumption: new Array<number>(n).fill(0) });
      for (const q of none.quantities) for (let j = 0; j < n; j++) assert.ok(Math.abs(q.induced[j]) < 1e-12);
    }
  });

  test('bad closures are located errors', () => {
    assert.throws(() => typeIIMultipliers(A, { income: [0.3], consumption: [0.05, 0.4] }), /income must have 2 entries/);
    assert.throws(() => typeIIMultipliers(A, { income: [0.3, 0.25], consumption: [0.05, -0.4] }), /consumption per unit of income is negative/);
    assert.throws(() => typeIIMultipliers(A, { ...closure, selfUse: 1 }), /below 1/);
    assert.throws(() => typeIIMultipliers(A, { income: 'wages', consumption: [0.05, 0.4] }), /no primary-input rows/);
  });
});
