import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { domesticBlockFactors, importStart, importStartParts, importStartResidual, multiplierResiduals } from '../../src/leontief/domestic-blocks.js';
import { importSolveCounts } from '../../src/leontief/imports-by-final-demand.js';
import { mrioAccounts, type MrioAccounts } from '../../src/leontief/index.js';
import type { IoTable } from '../../src/model/import/types.js';
import { csrToDense, transpose } from '../../src/sparse/index.js';
import { seededRandom } from '../helpers/random.js';
import { assertClose, maxAbs } from './assert-close.js';

const R = 5;
const NS = 7;
const C = 2;
const n = R * NS;

/**
 * A seeded multi-regional table: domestic flows in most cells, trade in a third, every column of A
 * summing to 0.3–0.7 (productive); final demand of region r mostly on its own products, sector 3
 * with no final demand anywhere; two extensions of 3 and 9 stressors (12 together, more than the 7
 * sectors), one stressor occurring in region 2 only, one zero everywhere. `trade` scales the flows
 * between regions (and the final demand met from other regions).
 */
function randomMrio(seed: number, trade = 1): IoTable {
  const rnd = seededRandom(seed);
  const x = Float64Array.from({ length: n }, () => 10 + 1000 * rnd());
  const Z = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const share = 0.3 + 0.4 * rnd();
    const w = new Float64Array(n);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const domestic = Math.floor(i / NS) === Math.floor(j / NS);
      const u = rnd();
      w[i] = domestic ? (u < 0.8 ? u : 0) : u < 0.3 ? 0.2 * trade * u : 0;
      sum += w[i];
    }
    for (let i = 0; i < n; i++) Z[i * n + j] = (w[i] / sum) * share * x[j];
  }
  const Y = new Float64Array(n * R * C);
  for (let i = 0; i < n; i++) {
    if (i % NS === 3) continue;
    for (let r = 0; r < R; r++) {
      const own = Math.floor(i / NS) === r;
      for (let c = 0; c < C; c++) Y[i * R * C + r * C + c] = own || rnd() < 0.4 ? (own ? 100 : 10 * trade) * rnd() : 0;
    }
  }
  const extension = (name: string, k: number): IoTable['extensions'][number] => {
    const F = Float64Array.from({ length: k * n }, () => rnd() * 50);
    if (k > 3) {
      for (let j = 0; j < n; j++) if (Math.floor(j / NS) !== 2) F[4 * n + j] = 0; // region 2 only
      F.fill(0, 6 * n, 7 * n); // nowhere
    }
    return { name, stressors: Array.from({ length: k }, (_, q) => ({ id: `${name}${q}`, unit: 'kg' })), F };
  };
  return {
    name: `random MRIO ${seed}`,
    unit: 'money',
    regions: Array.from({ length: R }, (_, r) => `R${r}`),
    sectors: Array.from({ length: NS }, (_, s) => `s${s}`),
    categories: Array.from({ length: C }, (_, c) => `c${c}`),
    Z,
    Y,
    extensions: [extension('air', 3), extension('water', 9)],
  };
}

/** pymrio's D_imp from the dense L: S · x_trade, x_diag = L · Y_diag with the domestic blocks zeroed. */
function denseImports(acc: MrioAccounts, table: IoTable, e: number): Float64Array {
  const L = acc.L;
  assert.ok(L !== undefined);
  const { S } = acc.extensions[e];
  const k = acc.extensions[e].k;
  const out = new Float64Array(k * n);
  for (let r = 0; r < R; r++) {
    for (let s = 0; s < NS; s++) {
      const col = new Float64Array(n); // x_diag[:, (r, s)]
      for (let r2 = 0; r2 < R; r2++) {
        const row = r2 * NS + s;
        let y = 0;
        for (let c = 0; c < C; c++) y += table.Y[row * R * C + r * C + c];
        for (let i = 0; i < n; i++) col[i] += L[i * n + row] * y;
      }
      for (let q = 0; q < k; q++) {
        let sum = 0;
        for (let i = 0; i < n; i++) if (Math.floor(i / NS) !== r) sum += S[q * n + i] * col[i];
        out[q * n + r * NS + s] = sum;
      }
    }
  }
  return out;
}

describe('mrioAccounts: the two routes to D_imp', () => {
  for (const seed of [1, 2]) {
    const table = randomMrio(seed);
    const opts = { tolerance: 1e-14, denseInverses: true };
    const byStressors = mrioAccounts(table, undefined, { ...opts, importSolves: 'stressors' });
    const byFinalDemand = mrioAccounts(table, undefined, { ...opts, importSolves: 'final-demand' });
    const auto = mrioAccounts(table, undefined, opts);

    test(`seed ${seed}: by stressors (warm-started) and by final demand, D_imp equals the dense S · x_trade`, () => {
      for (const acc of [byStressors, byFinalDemand]) {
        assert.equal(acc.status, 'converged');
        acc.extensions.forEach((e, i) => {
          const dense = denseImports(acc, table, i);
          assert.ok(maxAbs(dense) > 0);
          assertClose(e.D_imp, dense, 1e-10, 1e-14 * maxAbs(dense), `${e.name}.D_imp`);
          assertClose(e.D_imp_reg, byStressors.extensions[i].D_imp_reg, 1e-10, 0, `${e.name}.D_imp_reg`);
        });
      }
    });

    test(`seed ${seed}: the other accounts do not depend on the route`, () => {
      byFinalDemand.extensions.forEach((e, i) => {
        const other = byStressors.extensions[i];
        for (const key of ['M', 'M_down', 'D_cba', 'D_pba', 'D_exp'] as const) assert.deepEqual(e[key], other[key], `${e.name}.${key}`);
      });
    });

    test(`seed ${seed}: 'auto' counts the solves and takes final demand (12 stressors, 7 sectors)`, () => {
      const S = byStressors.extensions.map((e) => Array.from({ length: e.k }, (_, q) => e.S.subarray(q * n, (q + 1) * n)));
      const yAgg = Array.from({ length: R }, (_, r) => {
        const col = new Float64Array(n);
        for (let i = 0; i < n; i++) for (let c = 0; c < C; c++) col[i] += table.Y[i * R * C + r * C + c];
        return col;
      });
      const full = importSolveCounts({ R, ns: NS, C, yAgg, outputByRegion: [], colSumY: new Float64Array(0) }, S);
      // 3 + 9 stressors, one nowhere and one in region 2 only: 10 · R + (R − 1) solves. Sector 3
      // has no final demand: R · (NS − 1) solves.
      assert.deepEqual(full, { stressors: 10 * R + (R - 1), finalDemand: R * (NS - 1) });
      auto.extensions.forEach((e, i) => assert.deepEqual(e.D_imp, byFinalDemand.extensions[i].D_imp, e.name));
      // With one extension of 3 stressors (15 solves against 30) 'auto' takes the stressors.
      const air = mrioAccounts(table, 'air', opts);
      assert.deepEqual(air.extensions[0].D_imp, byStressors.extensions[0].D_imp);
    });
  }

  test('by final demand, where the imports are a sliver of the footprint or a good part of it, D_imp equals the dense S · x_trade to the solves\' accuracy', () => {
    // Trade 10⁻⁶ of the domestic flows: D_imp is D_cba less a domestic part of nearly the same
    // size. Both it and a direct sum are made of the same solutions, accurate to about the tolerance
    // times the stressor's largest footprint; that is the bound, with a margin of 10³.
    for (const trade of [1e-6, 0.05]) {
      const table = randomMrio(3, trade);
      const tolerance = 1e-14;
      const acc = mrioAccounts(table, undefined, { tolerance, denseInverses: true, importSolves: 'final-demand' });
      assert.equal(acc.status, 'converged');
      acc.extensions.forEach((e, i) => {
        const dense = denseImports(acc, table, i);
        assert.ok(maxAbs(dense) > 0);
        for (let j = 0; j < dense.length; j++) {
          const q = Math.floor(j / n);
          const bound = 1e-9 * Math.abs(dense[j]) + 1e3 * tolerance * maxAbs(e.D_cba.subarray(q * n, (q + 1) * n));
          assert.ok(Math.abs(e.D_imp[j] - dense[j]) <= bound, `trade ${trade}: ${e.name}.D_imp[${j}] ${e.D_imp[j]} against ${dense[j]} (D_cba ${e.D_cba[j]})`);
        }
        // The case is the one described: imports below 10⁻⁴ of the footprint.
        if (trade === 1e-6) assert.ok(dense.some((d, j) => d > 0 && d < 1e-4 * e.D_cba[j]));
      });
    }
  });

  test('an unknown route is an input error', () => {
    assert.throws(() => mrioAccounts(randomMrio(1), undefined, { importSolves: 'dense' as 'auto' }), { name: 'InputError', message: /importSolves/ });
  });
});

describe('importStart', () => {
  test("the warm start's residual vanishes on the region's own block, and is smaller than the right-hand side's", () => {
    const table = randomMrio(3);
    const acc = mrioAccounts(table, 'water', { tolerance: 1e-14, denseInverses: true });
    const A = csrToDense(acc.A);
    const factors = domesticBlockFactors(transpose(acc.A), R, NS);
    const e = acc.extensions[0];
    for (const r of [0, 3]) {
      for (const q of [0, 5]) {
        const s = e.S.slice(q * n, (q + 1) * n);
        const m = e.M.slice(q * n, (q + 1) * n);
        const x0 = importStart(m, s, r, NS, factors[r]);
        assert.ok(x0 !== undefined);
        // residual = s with region r zeroed − x0 (I − A)
        const res = s.map((v, j) => (Math.floor(j / NS) === r ? 0 : v));
        let norm0 = 0;
        for (const v of res) norm0 += v * v;
        for (let j = 0; j < n; j++) {
          let xa = x0[j];
          for (let i = 0; i < n; i++) xa -= x0[i] * A[i * n + j];
          res[j] -= xa;
        }
        let norm = 0;
        for (let j = 0; j < n; j++) {
          if (Math.floor(j / NS) === r) assert.ok(Math.abs(res[j]) <= 1e-12 * maxAbs(s), `block ${r}, entry ${j}: ${res[j]}`);
          norm += res[j] * res[j];
        }
        assert.ok(norm < 0.25 * norm0, `residual ${Math.sqrt(norm)} against ${Math.sqrt(norm0)}`);
      }
    }
    assert.equal(importStart(e.M.slice(0, n), e.S.slice(0, n), 0, NS, undefined), undefined);
  });

  test("importStartResidual equals the start's residual formed with all of A", () => {
    const table = randomMrio(4);
    const acc = mrioAccounts(table, 'water', { tolerance: 1e-8 }); // a loose M: ε matters
    const A = csrToDense(acc.A);
    const At = transpose(acc.A);
    const factors = domesticBlockFactors(At, R, NS);
    const e = acc.extensions[0];
    const S = Array.from({ length: e.k }, (_, q) => e.S.slice(q * n, (q + 1) * n));
    const M = Array.from({ length: e.k }, (_, q) => e.M.slice(q * n, (q + 1) * n));
    const eps = multiplierResiduals(At, S, M);
    for (const r of [1, 4]) {
      for (const q of [0, 2, 5]) {
        const parts = importStartParts(M[q], S[q], r, NS, factors[r]);
        assert.ok(parts !== undefined);
        assert.deepEqual(parts.x0, importStart(M[q], S[q], r, NS, factors[r]));
        const got = importStartResidual(eps[q], S[q], parts.c, r, NS, acc.A);
        // s with region r zeroed − x0 (I − A)
        const want = S[q].map((v, j) => (Math.floor(j / NS) === r ? 0 : v));
        for (let j = 0; j < n; j++) {
          let xa = parts.x0[j];
          for (let i = 0; i < n; i++) xa -= parts.x0[i] * A[i * n + j];
          want[j] -= xa;
        }
        assert.ok(maxAbs(want) > 1e-6 * maxAbs(S[q]), 'a residual worth comparing');
        for (let j = 0; j < n; j++) assert.ok(Math.abs(got[j] - want[j]) <= 1e-13 * maxAbs(M[q]), `region ${r}, stressor ${q}, entry ${j}: ${got[j]} against ${want[j]}`);
      }
    }
  });
});
