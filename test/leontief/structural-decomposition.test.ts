import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SDA_FACTORS, structuralDecomposition, type SdaTable } from '../../src/leontief/structural-decomposition.js';
import { csrFromDense, denseInverse } from '../../src/sparse/index.js';
import { seededRandom } from '../helpers/random.js';

interface DenseTable {
  a: Float64Array;
  Y: Float64Array[];
  S: Float64Array[];
}

function randomTable(n: number, D: number, k: number, seed: number): DenseTable {
  const rnd = seededRandom(seed);
  return {
    a: Float64Array.from({ length: n * n }, () => (rnd() < 0.5 ? rnd() * (1.5 / n) : 0)),
    Y: Array.from({ length: D }, () => Float64Array.from({ length: n }, () => rnd() * 10)),
    S: Array.from({ length: k }, () => Float64Array.from({ length: n }, () => rnd())),
  };
}

const sdaTable = (t: DenseTable, n: number): SdaTable => ({ A: csrFromDense(n, n, t.a), Y: t.Y, S: t.S });

/** E for a choice of factors (true: from the second table), computed densely from the definition. */
function energy(t: [DenseTable, DenseTable], n: number, pick: boolean[]): number[] {
  const [fromS, fromA, fromLevel, fromDest, fromMix] = pick.map((b) => t[b ? 1 : 0]);
  const total = (x: DenseTable): number => x.Y.reduce((s, col) => s + col.reduce((a, b) => a + b, 0), 0);
  const colTotal = (x: DenseTable, r: number): number => x.Y[r].reduce((a, b) => a + b, 0);
  const y = new Float64Array(n);
  for (let r = 0; r < fromDest.Y.length; r++) {
    const share = colTotal(fromDest, r) / total(fromDest);
    for (let i = 0; i < n; i++) y[i] += total(fromLevel) * share * (fromMix.Y[r][i] / colTotal(fromMix, r));
  }
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) m[i * n + j] = (i === j ? 1 : 0) - fromA.a[i * n + j];
  const L = denseInverse(n, m) as Float64Array;
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) x[i] += L[i * n + j] * y[j];
  return fromS.S.map((row) => row.reduce((s, v, i) => s + v * x[i], 0));
}

function permutations(xs: number[]): number[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
}

describe('structural decomposition', () => {
  for (const seed of [1, 2, 3]) {
    test(`seed ${seed}: each part is its effect averaged over all 120 orders of change (computed densely)`, () => {
      const n = 6;
      const D = 3;
      const k = 2;
      const t: [DenseTable, DenseTable] = [randomTable(n, D, k, seed), randomTable(n, D, k, seed + 50)];
      const r = structuralDecomposition(sdaTable(t[0], n), sdaTable(t[1], n), { tolerance: 1e-14 });
      assert.equal(r.status, 'converged');
      const expected = SDA_FACTORS.map(() => new Array<number>(k).fill(0));
      const orders = permutations([0, 1, 2, 3, 4]);
      for (const order of orders) {
        const pick = [false, false, false, false, false];
        let prev = energy(t, n, pick);
        for (const f of order) {
          pick[f] = true;
          const next = energy(t, n, pick);
          for (let q = 0; q < k; q++) expected[f][q] += (next[q] - prev[q]) / orders.length;
          prev = next;
        }
      }
      r.factors.forEach((p, f) => {
        for (let q = 0; q < k; q++) assert.ok(Math.abs(p.contribution[q] - expected[f][q]) <= 1e-9 * Math.max(1, Math.abs(expected[f][q])), `${p.factor}[${q}]: ${p.contribution[q]} vs ${expected[f][q]}`);
      });
      for (let q = 0; q < k; q++) {
        const sum = r.factors.reduce((s, p) => s + p.contribution[q], 0);
        assert.ok(Math.abs(sum - r.change[q]) <= 1e-9 * Math.max(1, Math.abs(r.change[q])), 'the parts sum to the change');
      }
      assert.ok(r.identityResidual <= 1e-9);
    });
  }

  test('a change of one factor alone is all that factor’s', () => {
    const n = 5;
    const base = randomTable(n, 2, 3, 9);
    const same = structuralDecomposition(sdaTable(base, n), sdaTable(base, n));
    for (const p of same.factors) assert.ok(p.contribution.every((v) => Math.abs(v) < 1e-12), 'no change, no parts');
    const bigger: DenseTable = { ...base, Y: base.Y.map((col) => col.map((v) => v * 1.7)) };
    const level = structuralDecomposition(sdaTable(base, n), sdaTable(bigger, n), { tolerance: 1e-14 });
    level.factors.forEach((p) => {
      for (let q = 0; q < 3; q++) {
        const want = p.factor === 'level' ? level.change[q] : 0;
        assert.ok(Math.abs(p.contribution[q] - want) <= 1e-9 * Math.abs(level.change[q]), `${p.factor}: ${p.contribution[q]}`);
      }
    });
    const cleaner: DenseTable = { ...base, S: base.S.map((row) => row.map((v) => v * 0.5)) };
    const intensity = structuralDecomposition(sdaTable(base, n), sdaTable(cleaner, n), { tolerance: 1e-14 });
    for (let q = 0; q < 3; q++) assert.ok(Math.abs(intensity.factors[0].contribution[q] - intensity.change[q]) < 1e-9 * Math.abs(intensity.change[q]));
  });

  test('tables of different shapes are located errors', () => {
    const a = randomTable(4, 2, 1, 1);
    const b = randomTable(4, 3, 1, 2);
    assert.throws(() => structuralDecomposition(sdaTable(a, 4), sdaTable(b, 4)), /2 final-demand columns, the second 3/);
    const c = randomTable(5, 2, 1, 2);
    assert.throws(() => structuralDecomposition(sdaTable(a, 4), sdaTable(c, 5)), /4 and 5 items/);
  });
});
