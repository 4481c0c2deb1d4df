import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { structuralDecomposition, type SdaTable } from '../../src/leontief/structural-decomposition.js';
import { csrFromDense } from '../../src/sparse/index.js';
import { fixture } from '../helpers/paths.js';

/**
 * Miller & Blair (2009), Input–Output Analysis, 2nd ed., section 13.1 (pp. 593–602): two years of
 * a three-sector economy (Z⁰, f⁰, Z¹, f¹) and Table 13.1, the change in each sector's gross output
 * split into a technology part (ΔL) and a final-demand part (Δf) by five formulas, printed to two
 * decimals. Their eq. 13.7, the average of the two polar forms, is for two factors the average over
 * both orders of change — what `structuralDecomposition` computes over its five factors.
 *
 * The mapping. M&B's x = L f has one final-demand factor; Plenty's E = S L y splits y into level,
 * destination and mix. With one destination, S the rows e₁, e₂, e₃ (E is then x, the same S in
 * both years: no intensity part) and the total final demand the same in both years (no level part),
 * the whole change of f is mix, and the decomposition is M&B's two-factor one exactly. The total
 * differs here (100, then 111), so a fourth item with no inputs, no sales and no intensity takes
 * final demand 11 in the first year: it changes no x of the three sectors and no E, and it holds the
 * level at 111. Technology is then M&B's ΔL part and mix their Δf part.
 */
interface Mb {
  Z0: number[][];
  f0: number[];
  Z1: number[][];
  f1: number[];
  table_13_1: Record<string, { technology: number[]; final_demand: number[] }>;
}
const mb = JSON.parse(readFileSync(fixture('published', 'miller-blair-2009-table-13-1.json'), 'utf8')) as Mb;

/** The year's table with the fourth, isolated item; `extra` is its final demand. */
function year(Z: number[][], f: number[], extra: number): SdaTable {
  const x = Z.map((row, i) => row.reduce((a, b) => a + b, 0) + f[i]);
  const n = 4;
  const a = new Float64Array(n * n);
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) a[i * n + j] = Z[i][j] / x[j];
  const S = [0, 1, 2].map((i) => Float64Array.from({ length: n }, (_, j) => (j === i ? 1 : 0)));
  return { A: csrFromDense(n, n, a), Y: [Float64Array.of(...f, extra)], S };
}

describe('structural decomposition: Miller & Blair (2009), Table 13.1', () => {
  const total0 = mb.f0.reduce((a, b) => a + b, 0);
  const total1 = mb.f1.reduce((a, b) => a + b, 0);
  const r = structuralDecomposition(year(mb.Z0, mb.f0, total1 - total0), year(mb.Z1, mb.f1, 0), { tolerance: 1e-14 });
  const part = (factor: string): Float64Array => {
    const p = r.factors.find((q) => q.factor === factor);
    assert.ok(p !== undefined);
    return p.contribution;
  };

  test('the change of gross output is x¹ − x⁰ = (12, 20, 20), and the parts sum to it', () => {
    assert.equal(r.status, 'converged');
    assert.deepEqual(Array.from(r.before, (v) => Number(v.toFixed(9))), [100, 80, 100]);
    assert.deepEqual(Array.from(r.after, (v) => Number(v.toFixed(9))), [112, 100, 120]);
    assert.deepEqual(Array.from(r.change, (v) => Number(v.toFixed(9))), [12, 20, 20]);
    assert.ok(r.identityResidual <= 1e-12);
  });

  test('technology and mix are eq. 13.7’s ΔL and Δf parts to the printed two decimals; no other factor takes any', () => {
    const published = mb.table_13_1['13.7'];
    const technology = part('technology');
    const mix = part('mix');
    for (let i = 0; i < 3; i++) {
      assert.ok(Math.abs(technology[i] - published.technology[i]) <= 0.005, `sector ${i + 1} technology ${technology[i]} vs ${published.technology[i]}`);
      assert.ok(Math.abs(mix[i] - published.final_demand[i]) <= 0.005, `sector ${i + 1} final demand ${mix[i]} vs ${published.final_demand[i]}`);
    }
    for (const factor of ['intensity', 'level', 'destination']) {
      for (const v of part(factor)) assert.ok(Math.abs(v) < 1e-12, `${factor} takes ${v}`);
    }
  });

  test('eq. 13.7 is the mean of the polar forms 13.3 and 13.4 as printed (each part within a rounding step)', () => {
    const t = mb.table_13_1;
    for (let i = 0; i < 3; i++) {
      const technology = (t['13.3'].technology[i] + t['13.4'].technology[i]) / 2;
      const finalDemand = (t['13.3'].final_demand[i] + t['13.4'].final_demand[i]) / 2;
      assert.ok(Math.abs(part('technology')[i] - technology) <= 0.01, `sector ${i + 1}: ${part('technology')[i]} vs ${technology}`);
      assert.ok(Math.abs(part('mix')[i] - finalDemand) <= 0.01, `sector ${i + 1}: ${part('mix')[i]} vs ${finalDemand}`);
    }
  });
});
