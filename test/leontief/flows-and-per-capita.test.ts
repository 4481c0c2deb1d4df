import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { allocationCoefficients, flowMatrix, footprintsPerCapita } from '../../src/leontief/index.js';
import { csrFromDense } from '../../src/sparse/index.js';
import { assertClose } from './assert-close.js';
import { expected } from './fixtures.js';

const mb = expected().miller_blair_2009_ch2_two_sector as { Z: number[][]; A_published: number[][]; x_published: number[] };

/** A CSR matrix as dense rows. */
function dense(m: { rows: number; cols: number; rowPtr: Int32Array | Uint32Array | number[]; colIdx: Int32Array | Uint32Array | number[]; values: Float64Array }): number[] {
  const out = new Array<number>(m.rows * m.cols).fill(0);
  for (let i = 0; i < m.rows; i++) for (let p = m.rowPtr[i]; p < m.rowPtr[i + 1]; p++) out[i * m.cols + m.colIdx[p]] = m.values[p];
  return out;
}

describe('flowMatrix', () => {
  test('A diag(x) gives back Miller–Blair’s flows Z, and with x the Ghosh coefficients diag(1/x) Z', () => {
    const A = csrFromDense(2, 2, mb.A_published.flat());
    const Z = flowMatrix(A, mb.x_published);
    assertClose(dense(Z), mb.Z.flat(), 1e-12, 0, 'Z');
    const B = allocationCoefficients(Z, mb.x_published);
    assertClose(dense(B), [150 / 1000, 500 / 1000, 200 / 2000, 100 / 2000], 1e-12, 0, 'B');
  });
});

describe('footprintsPerCapita', () => {
  test('divides by each region’s population and leaves out regions without one', () => {
    const f = { regions: ['north', 'south', 'unassigned'], rows: [[10, 30, 5], [2, 9, 1]] };
    const pc = footprintsPerCapita(f, (r) => ({ north: 5, south: 3 })[r]);
    assert.ok(pc !== undefined);
    assert.deepEqual(pc.regions, ['north', 'south']);
    assert.deepEqual(pc.population, [5, 3]);
    assert.deepEqual(pc.rows, [[2, 10], [0.4, 3]]);
    assert.equal(footprintsPerCapita(f, () => undefined), undefined);
    assert.equal(footprintsPerCapita(f, () => 0), undefined, 'a population of 0 is none');
  });
});
