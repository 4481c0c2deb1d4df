import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { COLUMN_BLOCK, solveLeontief, solveLeontiefColumns, solveLeontiefColumnStream, solveLeontiefTransposed, type ColumnSource } from '../../src/sparse/index.js';
import { randomProductiveCsr, seededRandom } from '../helpers/random.js';

function columns(n: number, count: number, seed: number): Float64Array[] {
  const rnd = seededRandom(seed);
  return Array.from({ length: count }, () => Float64Array.from({ length: n }, () => (rnd() < 0.3 ? 0 : rnd() * 10)));
}

/** A source over the arrays that records what was asked and taken. */
function recording(bs: readonly Float64Array[], starts?: readonly (Float64Array | undefined)[]): { source: ColumnSource; asked: number[]; taken: Map<number, Float64Array> } {
  const asked: number[] = [];
  const taken = new Map<number, Float64Array>();
  const source: ColumnSource = {
    count: bs.length,
    column: (i) => {
      asked.push(i);
      return bs[i];
    },
    take: (i, x) => {
      assert.ok(!taken.has(i), `solution ${i} handed out twice`);
      taken.set(i, x);
    },
    ...(starts === undefined ? {} : { start: (i: number) => starts[i] }),
  };
  return { source, asked, taken };
}

describe('solveLeontiefColumnStream', () => {
  const count = 2 * COLUMN_BLOCK + 3;
  for (const transposed of [false, true]) {
    test(`hands out solutions equal to solveLeontiefColumns' and to one solve each (${transposed ? 'x (I − A) = b' : '(I − A) x = b'})`, () => {
      const n = 250;
      const A = randomProductiveCsr(n, 8, 11, 0.7);
      const bs = columns(n, count, 12);
      const { source, asked, taken } = recording(bs);
      const r = solveLeontiefColumnStream(A, source, transposed, { tolerance: 1e-13 });
      assert.equal(r.status, 'converged');
      assert.ok(r.relativeResidual <= 1e-13);
      // Three blocks, each at least one product.
      assert.ok(r.products >= 3, `${r.products} products`);
      // Every right-hand side read once, in order; every solution handed out once, as a fresh array.
      assert.deepEqual(asked, Array.from({ length: count }, (_, i) => i));
      assert.equal(taken.size, count);
      const arrays = solveLeontiefColumns(A, bs, transposed, { tolerance: 1e-13 });
      for (let j = 0; j < count; j++) {
        const x = taken.get(j);
        assert.ok(x !== undefined);
        assert.notEqual(x, bs[j]);
        assert.deepEqual(x, arrays.x[j], `column ${j}: the same arithmetic as solveLeontiefColumns`);
        const one = transposed ? solveLeontiefTransposed(A, bs[j], { tolerance: 1e-13 }) : solveLeontief(A, bs[j], { tolerance: 1e-13 });
        let worst = 0;
        for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(x[i] - one.x[i]) / Math.max(1e-300, Math.abs(one.x[i])));
        assert.ok(worst < 1e-9, `column ${j}: ${worst} from its own solve`);
      }
    });
  }

  test('starting points are asked for each right-hand side and give the same solutions', () => {
    const n = 250;
    const A = randomProductiveCsr(n, 8, 13, 0.7);
    const bs = columns(n, COLUMN_BLOCK + 2, 14);
    const cold = solveLeontiefColumns(A, bs, false, { tolerance: 1e-13 });
    const starts = cold.x.map((x, j) => (j % 3 === 0 ? undefined : x.map((v, i) => v * (1 + 1e-7 * Math.cos(i)))));
    const { source, taken } = recording(bs, starts);
    const r = solveLeontiefColumnStream(A, source, false, { tolerance: 1e-13 });
    assert.equal(r.status, 'converged');
    for (let j = 0; j < bs.length; j++) {
      const x = taken.get(j) as Float64Array;
      for (let i = 0; i < n; i++) assert.ok(Math.abs(x[i] - cold.x[j][i]) <= 1e-9 * Math.abs(cold.x[j][i]) + 1e-300, `column ${j}, entry ${i}`);
    }
    const wrong = recording(bs, [new Float64Array(n - 1)]);
    assert.throws(() => solveLeontiefColumnStream(A, wrong.source, false), RangeError);
    assert.throws(() => solveLeontiefColumnStream(A, recording([new Float64Array(n + 1)]).source, false), RangeError);
  });

  test("the starts' residuals, when given for a whole block, save its first product and give the same solutions; a wrong one costs products, not accuracy", () => {
    const n = 250;
    const A = randomProductiveCsr(n, 8, 15, 0.7);
    const bs = columns(n, COLUMN_BLOCK, 16);
    const cold = solveLeontiefColumns(A, bs, false, { tolerance: 1e-13 });
    const starts = cold.x.map((x) => x.map((v, i) => v * (1 + 1e-3 * Math.cos(i))));
    // The true residuals of the starts: b − x0 + A x0.
    const residuals = starts.map((x0, j) =>
      bs[j].map((b, i) => {
        let ax = 0;
        for (let p = A.rowPtr[i]; p < A.rowPtr[i + 1]; p++) ax += A.values[p] * x0[A.colIdx[p]];
        return b - x0[i] + ax;
      }),
    );
    const solve = (residual?: (j: number) => Float64Array | undefined): { products: number; x: Map<number, Float64Array> } => {
      const { source, taken } = recording(bs, starts);
      const r = solveLeontiefColumnStream(A, residual === undefined ? source : { ...source, residual }, false, { tolerance: 1e-13 });
      assert.equal(r.status, 'converged');
      assert.ok(r.relativeResidual <= 1e-13);
      return { products: r.products, x: taken };
    };
    const plain = solve();
    const given = solve((j) => residuals[j]);
    assert.equal(given.products, plain.products - 1, 'no product for the first residual');
    for (let j = 0; j < bs.length; j++) {
      const x = given.x.get(j) as Float64Array;
      for (let i = 0; i < n; i++) assert.ok(Math.abs(x[i] - cold.x[j][i]) <= 1e-9 * Math.abs(cold.x[j][i]) + 1e-300, `column ${j}, entry ${i}`);
    }
    // One column without a residual: the block forms its first residual by a product.
    assert.equal(solve((j) => (j === 3 ? undefined : residuals[j])).products, plain.products);
    // A wrong residual (zero: "already solved"): the final residual's product finds it out.
    const fooled = solve(() => new Float64Array(n));
    assert.ok(fooled.products > 1);
    for (let j = 0; j < bs.length; j++) {
      const x = fooled.x.get(j) as Float64Array;
      for (let i = 0; i < n; i++) assert.ok(Math.abs(x[i] - cold.x[j][i]) <= 1e-9 * Math.abs(cold.x[j][i]) + 1e-300, `fooled: column ${j}, entry ${i}`);
    }
  });

  test('stops at a block that does not converge and hands out none of its solutions', () => {
    const A = randomProductiveCsr(200, 8, 4, 0.95);
    const { source, asked, taken } = recording(columns(200, 2 * COLUMN_BLOCK, 5));
    const r = solveLeontiefColumnStream(A, source, false, { tolerance: 1e-14, maxIterations: 1 });
    assert.equal(r.status, 'max-iterations');
    assert.equal(taken.size, 0);
    // The second block's right-hand sides were never read.
    assert.ok(asked.every((i) => i < COLUMN_BLOCK));
  });
});
