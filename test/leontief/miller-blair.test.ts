import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { grossOutput, labourValues, totalRequirements, impact, effects, coefficientMultipliers } from '../../src/leontief/index.js';
import type { LeontiefSystem } from '../../src/compile/types.js';
import { csrFromDense } from '../../src/sparse/index.js';
import { assertClose } from './assert-close.js';
import { coefficientsFromFlows, expected, flat } from './fixtures.js';

// Miller & Blair (2009) ch. 2, the two-sector example (Tables 2.3/2.4).
const mb = expected().miller_blair_2009_ch2_two_sector as {
  Z: number[][];
  f: number[];
  x_published: number[];
  A_published: number[][];
  L_exact: number[][];
  f_new: number[];
  x_new_published: number[];
  x_new_exact: number[];
  labour_coeff: number[];
  'labour_total_published(at x_new)': number[];
};

const A = coefficientsFromFlows(2, flat(mb.Z), mb.x_published);
const labour = csrFromDense(1, 2, mb.labour_coeff);
const index = (ids: string[]): { ids: string[]; index: Map<string, number> } => ({ ids, index: new Map(ids.map((id, i) => [id, i])) });
// A compiled system is accepted as it is.
const sys: LeontiefSystem = { items: index(['sector1', 'sector2']), resources: index(['labour']), A, primary: labour, technique: Int32Array.of(0, 1) };

describe('Miller & Blair two-sector example', () => {
  test('A = Z / x is the published A', () => {
    const dense = new Float64Array(4);
    for (let i = 0; i < 2; i++) for (let p = A.rowPtr[i]; p < A.rowPtr[i + 1]; p++) dense[i * 2 + A.colIdx[p]] = A.values[p];
    assertClose(dense, flat(mb.A_published), 1e-15, 0, 'A');
  });

  test('L to 1e-12 of the exact inverse', () => {
    const r = totalRequirements(sys);
    assert.equal(r.status, 'converged');
    assertClose(r.inverse, flat(mb.L_exact), 1e-12, 0, 'L');
  });

  test('gross output for the original and the new final demand', () => {
    const x0 = grossOutput(sys, mb.f);
    assert.equal(x0.status, 'converged');
    assert.ok(x0.relativeResidual <= 1e-12);
    assertClose(x0.x, mb.x_published, 1e-10, 0, 'x');
    const x1 = grossOutput(sys, mb.f_new);
    assertClose(x1.x, mb.x_new_exact, 1e-10, 0, 'x_new');
    // The published figures are rounded to one decimal.
    assertClose(x1.x, mb.x_new_published, 0, 0.05, 'x_new published');
  });

  test('labour at the new gross output (published 374.25, 460.4)', () => {
    const r = impact(sys, new Float64Array(2), mb.f_new);
    assert.equal(r.status, 'converged');
    assert.equal(r.rows[0].name, 'labour');
    assertClose(r.rows[0].perItem, mb['labour_total_published(at x_new)'], 0, 0.01, 'labour');
    // Total labour equals labour values times final demand.
    const v = labourValues(sys, 'labour', { finalDemand: mb.f_new });
    assert.ok(v.identity !== undefined);
    assert.ok(v.identity.relativeDifference < 1e-12);
    assertClose([v.identity.totalLabour], [r.rows[0].total], 1e-12, 0, 'total labour');
    const m = coefficientMultipliers(sys, ['labour']);
    assertClose([effects(m.multipliers[0], mb.f_new).total], [r.rows[0].total], 1e-11, 0, 'm·y');
  });

  test('impact of a change is the difference of gross outputs', () => {
    const r = impact(sys, mb.f, mb.f_new);
    const expectedDelta = mb.x_new_exact.map((v, i) => v - mb.x_published[i]);
    assertClose(r.deltaOutput, expectedDelta, 1e-9, 0, 'Δx');
    assertClose([r.totalDeltaOutput], [expectedDelta[0] + expectedDelta[1]], 1e-9, 0, 'ΣΔx');
  });
});
