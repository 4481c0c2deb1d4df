import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  allocationCoefficients,
  coefficientMultipliers,
  ghoshOutput,
  grossOutput,
  impact,
  incomeMultipliersTypeI,
  labourValues,
  outputMultipliers,
  totalRequirements,
} from '../../src/leontief/index.js';
import { csrFromDense, csrFromTriplets, csrToDense, matvec, type CsrMatrix } from '../../src/sparse/index.js';
import { randomProductiveCsr, seededRandom } from '../helpers/random.js';
import { assertClose } from './assert-close.js';

function randomVector(n: number, seed: number, lo = 0.1, hi = 1): Float64Array {
  const rand = seededRandom(seed);
  return Float64Array.from({ length: n }, () => lo + (hi - lo) * rand());
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function norm(a: ArrayLike<number>): number {
  return Math.sqrt(dot(a, a));
}

/** B with b'_{p(i) p(j)} = b_ij. */
function permuted(m: CsrMatrix, p: Int32Array): CsrMatrix {
  const ri: number[] = [];
  const ci: number[] = [];
  const va: number[] = [];
  for (let i = 0; i < m.rows; i++) {
    for (let q = m.rowPtr[i]; q < m.rowPtr[i + 1]; q++) {
      ri.push(p[i]);
      ci.push(p[m.colIdx[q]]);
      va.push(m.values[q]);
    }
  }
  return csrFromTriplets(m.rows, m.cols, ri, ci, va);
}

function randomPermutation(n: number, seed: number): Int32Array {
  const rand = seededRandom(seed);
  const p = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
}

const seeds = [1, 7, 42];

describe('Leontief properties on seeded random productive matrices', () => {
  for (const seed of seeds) {
    const n = 200;
    const A = randomProductiveCsr(n, 5, seed, 0.7);
    const y = randomVector(n, seed + 100);
    const l = randomVector(n, seed + 200);

    test(`(I − A) x = y to the reported residual (seed ${seed})`, () => {
      const r = grossOutput(A, y, { tolerance: 1e-12 });
      assert.equal(r.status, 'converged');
      const ax = new Float64Array(n);
      matvec(A, r.x, ax);
      const res = new Float64Array(n);
      for (let i = 0; i < n; i++) res[i] = y[i] - r.x[i] + ax[i];
      const rel = norm(res) / norm(y);
      assert.ok(rel <= 1e-12, `residual ${rel}`);
      assert.ok(Math.abs(rel - r.relativeResidual) <= 1e-13, 'the reported residual is the real one');
      assert.ok(r.x.every((v, i) => v >= y[i] * (1 - 1e-12)), 'x ≥ y for non-negative A');
    });

    test(`v·y = l·x (seed ${seed})`, () => {
      const r = labourValues(A, l, { finalDemand: y });
      assert.equal(r.status, 'converged');
      assert.ok(r.identity !== undefined && r.identity.relativeDifference < 1e-10, `${r.identity?.relativeDifference}`);
    });

    test(`permuting items permutes gross outputs and labour values (seed ${seed})`, () => {
      const p = randomPermutation(n, seed + 300);
      const yp = new Float64Array(n);
      const lp = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        yp[p[i]] = y[i];
        lp[p[i]] = l[i];
      }
      const Ap = permuted(A, p);
      const x = grossOutput(A, y).x;
      const xp = grossOutput(Ap, yp).x;
      const v = labourValues(A, l).values;
      const vp = labourValues(Ap, lp).values;
      assertClose(Array.from({ length: n }, (_, i) => xp[p[i]]), x, 1e-9, 0, 'permuted x');
      assertClose(Array.from({ length: n }, (_, i) => vp[p[i]]), v, 1e-9, 0, 'permuted v');
    });

    test(`rescaling an item's unit rescales its value and leaves totals unchanged (seed ${seed})`, () => {
      // Item k measured in a unit s times smaller: its quantities × s, its coefficients per unit / s.
      const k = seed % n;
      const s = 1000;
      const scale = (i: number): number => (i === k ? s : 1);
      const ri: number[] = [];
      const ci: number[] = [];
      const va: number[] = [];
      for (let i = 0; i < n; i++) {
        for (let q = A.rowPtr[i]; q < A.rowPtr[i + 1]; q++) {
          ri.push(i);
          ci.push(A.colIdx[q]);
          va.push((A.values[q] * scale(i)) / scale(A.colIdx[q]));
        }
      }
      const As = csrFromTriplets(n, n, ri, ci, va);
      const ys = y.map((v, i) => v * scale(i));
      const ls = l.map((v, i) => v / scale(i));
      const base = labourValues(A, l, { finalDemand: y });
      const res = labourValues(As, ls, { finalDemand: ys });
      assertClose(res.values, base.values.map((v, i) => v / scale(i)), 1e-9, 0, 'values per unit');
      assert.ok(base.identity !== undefined && res.identity !== undefined);
      assertClose([res.identity.totalLabour, res.identity.valueOfFinalDemand], [base.identity.totalLabour, base.identity.valueOfFinalDemand], 1e-10, 0, 'totals');
      assertClose(res.identity.grossOutput, base.identity.grossOutput.map((v, i) => v * scale(i)), 1e-9, 0, 'gross output');
    });
  }

  test('multipliers by solve equal column sums of the dense inverse (n = 40)', () => {
    const n = 40;
    const A = randomProductiveCsr(n, 6, 11, 0.8);
    const L = totalRequirements(A);
    assert.equal(L.status, 'converged');
    const rows = csrFromDense(3, n, randomVector(3 * n, 12));
    const cols = new Float64Array(n);
    const cL = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
    const dense = csrToDense(rows);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        cols[j] += L.inverse[i * n + j];
        for (let q = 0; q < 3; q++) cL[q][j] += dense[q * n + i] * L.inverse[i * n + j];
      }
    }
    const out = outputMultipliers(A);
    assertClose(out.multipliers, cols, 1e-10, 0, 'output multipliers');
    const m = coefficientMultipliers(A, rows);
    assert.equal(m.status, 'converged');
    assert.deepEqual(m.names, ['row 0', 'row 1', 'row 2']);
    for (let q = 0; q < 3; q++) assertClose(m.multipliers[q], cL[q], 1e-10, 0, `multipliers of row ${q}`);
    // L is the inverse: (I − A) L = I.
    const dA = csrToDense(A);
    for (let i = 0; i < n; i += 7) {
      for (let j = 0; j < n; j += 5) {
        let s = L.inverse[i * n + j];
        for (let t = 0; t < n; t++) s -= dA[i * n + t] * L.inverse[t * n + j];
        assert.ok(Math.abs(s - (i === j ? 1 : 0)) < 1e-12);
      }
    }
  });

  test('Ghosh: primary inputs give back gross output, x = v (I − B)⁻¹', () => {
    const n = 100;
    const A = randomProductiveCsr(n, 4, 5, 0.6);
    const x = randomVector(n, 6, 1, 10);
    // Z = A diag(x); value added v_j = x_j − Σ_i z_ij.
    const dA = csrToDense(A);
    const Z = dA.map((a, q) => a * x[q % n]);
    const v = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += Z[i * n + j];
      v[j] = x[j] - s;
    }
    const r = ghoshOutput(allocationCoefficients(csrFromDense(n, n, Z), x), v);
    assert.equal(r.status, 'converged');
    assertClose(r.x, x, 1e-10, 0, 'Ghosh output');
  });

  test('impact of a change is linear: Δx = x(y1) − x(y0)', () => {
    const n = 150;
    const A = randomProductiveCsr(n, 5, 21, 0.7);
    const y0 = randomVector(n, 22);
    const y1 = randomVector(n, 23);
    const rows = csrFromDense(1, n, randomVector(n, 24));
    const r = impact(A, y0, y1, { rows });
    const x0 = grossOutput(A, y0).x;
    const x1 = grossOutput(A, y1).x;
    assertClose(r.deltaOutput, x1.map((v, i) => v - x0[i]), 1e-8, 1e-10, 'Δx');
    const m = coefficientMultipliers(A, rows).multipliers[0];
    const dy = y1.map((v, i) => v - y0[i]);
    assertClose([r.rows[0].total], [dot(m, dy)], 1e-9, 1e-12, 'Σ c Δx = m · Δy');
  });

  test('Type I income multipliers: NaN where the direct coefficient is zero', () => {
    const n = 20;
    const A = randomProductiveCsr(n, 3, 31, 0.5);
    const c = randomVector(n, 32);
    c[3] = 0;
    const r = incomeMultipliersTypeI(A, c);
    assert.ok(Number.isNaN(r.typeI[3]));
    assert.ok(r.simple[3] > 0, 'the simple multiplier is still defined');
    for (let j = 0; j < n; j++) if (j !== 3) assert.ok(r.typeI[j] >= 1);
  });
});

describe('a non-productive matrix gives a status, never a number', () => {
  const n = 60;
  // Column sums near 1.3: spectral radius well above 1.
  const A = randomProductiveCsr(n, 4, 3, 1.3);
  const y = randomVector(n, 4);
  const rows = csrFromDense(1, n, randomVector(n, 5));

  test('every analysis function reports not-productive with proved bounds', () => {
    const results = [
      grossOutput(A, y),
      outputMultipliers(A),
      coefficientMultipliers(A, rows),
      labourValues(A, y),
      impact(A, new Float64Array(n), y),
      incomeMultipliersTypeI(A, y),
      ghoshOutput(A, y),
    ];
    for (const r of results) {
      assert.equal(r.status, 'not-productive');
      assert.ok(r.spectralRadius !== undefined && r.spectralRadius.lower >= 1 && r.spectralRadius.upper >= r.spectralRadius.lower);
    }
    assert.ok(grossOutput(A, y).x.every(Number.isNaN));
    assert.ok(coefficientMultipliers(A, rows).multipliers[0].every(Number.isNaN));
    const L = totalRequirements(A);
    assert.equal(L.status, 'not-productive');
    assert.ok(L.inverse.every(Number.isNaN));
  });
});

describe('bad input is an InputError naming the place and value', () => {
  const A = randomProductiveCsr(30, 3, 9);
  test('dense inverse above maxDenseInverse is refused', () => {
    assert.throws(() => totalRequirements(A, { maxDenseInverse: 10 }), (e: Error & { issues?: { code: string; value?: unknown }[] }) => {
      assert.equal(e.name, 'InputError');
      assert.equal(e.issues?.[0].code, 'too-large');
      assert.equal(e.issues?.[0].value, 30);
      assert.match(e.message, /maxDenseInverse/);
      return true;
    });
  });
  test('wrong length, non-finite entry, unknown row id', () => {
    assert.throws(() => grossOutput(A, new Float64Array(29)), { name: 'InputError', message: /y.*30 entries.*29/ });
    const y = new Float64Array(30).fill(1);
    y[4] = Number.NaN;
    assert.throws(() => grossOutput(A, y), { name: 'InputError', message: /y\[4\].*NaN/ });
    assert.throws(() => coefficientMultipliers(A, ['labour']), { name: 'InputError', message: /labour/ });
    const sys = { A, primary: csrFromDense(1, 30, new Float64Array(30).fill(0.1)), resources: { ids: ['labour'], index: new Map([['labour', 0]]) } };
    assert.throws(() => labourValues(sys, 'labor'), { name: 'InputError', message: /labor.*known: labour|known: labour.*labor/ });
    assert.throws(() => grossOutput({ ...A, cols: 31 }, y), { name: 'InputError', message: /square/ });
  });
});
