import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { grossOutput, labourValues } from '../../src/leontief/index.js';
import { checkProductive } from '../../src/sparse/index.js';
import { assertClose } from './assert-close.js';
import { cockshott, expected } from './fixtures.js';

// Cockshott's iron–coal–corn–bread economy (wc22m/5yearplan, plancode/flows.csv).
const exp = (expected().cockshott_iron_coal_corn_bread as { expected: Record<string, number | number[]> }).expected;
const { A, l, x, flows } = cockshott();
const n = x.length;

describe("Cockshott's iron, coal, corn and bread", () => {
  // Net output y = x − A x = output minus the rows of the flow table.
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let used = 0;
    for (let j = 0; j < n; j++) used += flows[i * n + j];
    y[i] = x[i] - used;
  }

  test('net output', () => {
    assertClose(y, exp.net_output as number[], 1e-12, 1e-12, 'net output');
    const g = grossOutput(A, y);
    assert.equal(g.status, 'converged');
    assertClose(g.x, x, 1e-10, 0, 'gross output from net output');
  });

  test('labour values (published to 10 digits) and v·y = total labour = 3.4', () => {
    const r = labourValues(A, l, { finalDemand: y });
    assert.equal(r.status, 'converged');
    assertClose(r.values, exp.labour_values as number[], 0, 1e-10, 'labour values');
    assert.ok(r.identity !== undefined);
    assertClose([r.identity.valueOfFinalDemand, r.identity.totalLabour], [3.4, 3.4], 1e-10, 0, 'v·y, l·x');
    assert.ok(r.identity.relativeDifference < 1e-10);
  });

  test('spectral radius 1/6, and A scaled past 1 is not productive', () => {
    const c = checkProductive(A, { refine: true, tolerance: 1e-9 });
    const rho = exp.spectral_radius_A as number;
    assert.equal(c.status, 'productive');
    assert.ok(c.spectralRadius.lower <= rho + 1e-9 && rho - 1e-9 <= c.spectralRadius.upper);
    assert.ok(c.spectralRadius.upper - c.spectralRadius.lower < 1e-6);
    // 6.6 A has ρ = 1.1: every result is a status with the bounds, never a number.
    const big = { ...A, values: A.values.map((v) => v * 6.6) };
    const g = grossOutput(big, y);
    assert.equal(g.status, 'not-productive');
    assert.ok(g.spectralRadius !== undefined && g.spectralRadius.lower >= 1 && g.spectralRadius.lower <= 1.1 + 1e-9);
    assert.ok(g.x.every(Number.isNaN));
    const v = labourValues(big, l);
    assert.equal(v.status, 'not-productive');
    assert.ok(v.values.every(Number.isNaN));
  });
});
