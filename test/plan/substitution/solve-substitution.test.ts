import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compileEconomy } from '../../../src/compile/compile-economy.js';
import { InputError } from '../../../src/model/errors.js';
import { parseEconomy } from '../../../src/model/parse-economy.js';
import type { LinearProgram } from '../../../src/lp/lp-types.js';
import { solvePdhg } from '../../../src/lp/pdhg/index.js';
import {
  isSubstitutionSystem,
  solveEconomySubstitution,
  solveSubstitution,
  type SubstitutionSystem,
} from '../../../src/plan/substitution/index.js';
import { csrFromTriplets } from '../../../src/sparse/from-triplets.js';
import { seededRandom } from '../../helpers/random.js';

/** n products, 1–3 techniques each, ~4 inputs per technique with input/output in [0.2, 0.7]. */
function randomSystem(n: number, seed: number): SubstitutionSystem {
  const rand = seededRandom(seed);
  const techniqueProduct: number[] = [];
  const output: number[] = [];
  const primary: number[] = [];
  const ri: number[] = [];
  const ci: number[] = [];
  const va: number[] = [];
  for (let i = 0; i < n; i++) {
    const count = 1 + Math.floor(rand() * 3);
    for (let t = 0; t < count; t++) {
      const j = techniqueProduct.length;
      techniqueProduct.push(i);
      const out = 0.5 + 1.5 * rand();
      output.push(out);
      primary.push(0.1 + rand());
      const k = 1 + Math.floor(rand() * 4);
      const raw: number[] = [];
      for (let e = 0; e < k; e++) raw.push(rand());
      const share = (0.2 + 0.5 * rand()) * out / raw.reduce((a, b) => a + b, 0);
      for (let e = 0; e < k; e++) {
        ri.push(Math.floor(rand() * n));
        ci.push(j);
        va.push(raw[e] * share);
      }
    }
  }
  const T = techniqueProduct.length;
  return {
    products: n,
    techniqueProduct: Int32Array.from(techniqueProduct),
    output: Float64Array.from(output),
    primary: Float64Array.from(primary),
    inputs: csrFromTriplets(n, T, ri, ci, va),
  };
}

/** min l·x  s.t.  Σ_j (output − inputs) x_j ≥ y,  x ≥ 0. */
function leastCostLp(s: SubstitutionSystem, y: Float64Array): LinearProgram {
  const T = s.techniqueProduct.length;
  const ri: number[] = [];
  const ci: number[] = [];
  const va: number[] = [];
  for (let j = 0; j < T; j++) {
    ri.push(s.techniqueProduct[j]);
    ci.push(j);
    va.push(s.output[j]);
  }
  for (let i = 0; i < s.products; i++) {
    for (let p = s.inputs.rowPtr[i]; p < s.inputs.rowPtr[i + 1]; p++) {
      ri.push(i);
      ci.push(s.inputs.colIdx[p]);
      va.push(-s.inputs.values[p]);
    }
  }
  return {
    sense: 'min',
    c: s.primary.slice(),
    A: csrFromTriplets(s.products, T, ri, ci, va),
    rowLower: y.slice(),
    rowUpper: new Float64Array(s.products).fill(Infinity),
    colLower: new Float64Array(T),
    colUpper: new Float64Array(T).fill(Infinity),
  };
}

/** Final demand; with `zeros`, about 30% of products get none. */
function randomDemand(n: number, rand: () => number, zeros: boolean): Float64Array {
  return Float64Array.from({ length: n }, () => (zeros && rand() < 0.3 ? 0 : 1 + 9 * rand()));
}

describe('solveSubstitution: a hand-checked system', () => {
  // A: t0 (labour 0.5 and 1 C) or t1 (labour 0.6); C: t2 (labour 1 and 0.1 A). The first choice
  // (least direct labour) is t0, which costs 1.5/0.9 per unit of A; t1 is cheaper at those prices.
  const s: SubstitutionSystem = {
    products: 2,
    techniqueProduct: Int32Array.from([0, 0, 1]),
    output: Float64Array.from([1, 1, 1]),
    primary: Float64Array.from([0.5, 0.6, 1]),
    inputs: csrFromTriplets(2, 3, [1, 0], [0, 2], [1, 0.1]),
  };
  test('switches A from t0 to t1 in the second round: p_A = 0.6, p_C = 1.06', () => {
    const r = solveSubstitution(s, { finalDemand: Float64Array.from([1, 0]) });
    assert.equal(r.status, 'optimal');
    assert.deepEqual(Array.from(r.choice), [1, 2]);
    assert.ok(Math.abs(r.valuations[0] - 0.6) < 1e-12);
    assert.ok(Math.abs(r.valuations[1] - 1.06) < 1e-12);
    assert.equal(r.iterations, 2);
    // Labour used = p·y.
    const labour = 0.6 * r.activity[1] + r.activity[2];
    assert.ok(Math.abs(labour - r.valuations[0]) < 1e-12);
  });

  test('a product that needs 1.5 of itself is not productive', () => {
    const bad: SubstitutionSystem = { ...s, products: 1, techniqueProduct: Int32Array.from([0]), output: Float64Array.from([1]), primary: Float64Array.from([1]), inputs: csrFromTriplets(1, 1, [0], [0], [1.5]) };
    assert.equal(solveSubstitution(bad).status, 'not-productive');
  });

  test('a product nobody makes is an InputError', () => {
    const bad: SubstitutionSystem = { ...s, products: 3, inputs: csrFromTriplets(3, 3, [1, 0], [1, 2], [0.5, 0.1]) };
    assert.throws(() => solveSubstitution(bad), (e: unknown) => e instanceof InputError && /product 2/.test(e.message));
  });
});

describe('solveSubstitution against the least-cost LP on random systems', () => {
  for (const seed of [11, 12, 13]) {
    test(`seed ${seed}: same total labour, valuations equal the LP's duals, labour = p·y`, () => {
      const n = 30;
      const s = randomSystem(n, seed);
      const rand = seededRandom(seed + 100);
      // Every product demanded: the LP is not degenerate and its duals are unique.
      const y = randomDemand(n, rand, false);
      const r = solveSubstitution(s, { finalDemand: y });
      assert.equal(r.status, 'optimal');
      assert.ok(r.residual < 1e-9, `residual ${r.residual}`);
      let py = 0;
      for (let i = 0; i < n; i++) py += r.valuations[i] * y[i];
      let labour = 0;
      for (let j = 0; j < r.activity.length; j++) labour += s.primary[j] * r.activity[j];
      assert.ok(Math.abs(labour - py) <= 1e-9 * py, `labour ${labour} vs p·y ${py}`);
      const lp = solvePdhg(leastCostLp(s, y), { gap: 1e-9 });
      assert.equal(lp.status, 'optimal');
      assert.ok(Math.abs(lp.objective - py) <= 1e-7 * py, `LP ${lp.objective} vs ${py}`);
      for (let i = 0; i < n; i++) {
        assert.ok(Math.abs(lp.rowDual[i] - r.valuations[i]) <= 1e-5 * (1 + r.valuations[i]), `dual ${i}: ${lp.rowDual[i]} vs ${r.valuations[i]}`);
      }
    });
  }

  test('non-substitution: for three final demands the LP runs only the chosen techniques', () => {
    const n = 30;
    const s = randomSystem(n, 21);
    const rand = seededRandom(22);
    const base = solveSubstitution(s);
    assert.equal(base.status, 'optimal');
    const chosen = new Set(base.choice);
    let alternatives = 0;
    for (let j = 0; j < s.techniqueProduct.length; j++) if (!chosen.has(j)) alternatives++;
    assert.ok(alternatives > 5, 'the system offers real alternatives');
    for (let k = 0; k < 3; k++) {
      const y = randomDemand(n, rand, true);
      const r = solveSubstitution(s, { finalDemand: y });
      assert.deepEqual(Array.from(r.choice), Array.from(base.choice));
      const lp = solvePdhg(leastCostLp(s, y), { gap: 1e-9 });
      assert.equal(lp.status, 'optimal');
      let largest = 0;
      for (const v of lp.x) largest = Math.max(largest, v);
      for (let j = 0; j < lp.x.length; j++) {
        if (!chosen.has(j)) assert.ok(lp.x[j] <= 1e-5 * largest, `technique ${j} not chosen but runs at ${lp.x[j]}`);
      }
    }
  });
});

describe('solveEconomySubstitution on a compiled model', () => {
  const model = (extra: string): ReturnType<typeof compileEconomy> =>
    compileEconomy(
      parseEconomy(
        `name: coal and steel
products:
  - { id: coal, unit: t }
  - { id: steel, unit: t }
resources:
  - { id: labour, unit: person-year }
techniques:
  - { id: coal_pick, produces: { coal: 1 }, uses: { labour: 2 } }
  - { id: coal_machine, produces: { coal: 1 }, consumes: { steel: 0.2 }, uses: { labour: 0.5 } }
  - { id: steel_mill, produces: { steel: 1 }, consumes: { coal: 1 }, uses: { labour: 1 } }
${extra}`,
        { file: 'coal-steel.yaml' },
      ),
    );

  test('the machine wins: p_coal = 0.875, p_steel = 1.875 labour per tonne', () => {
    const c = model('');
    assert.equal(isSubstitutionSystem(c), true);
    const r = solveEconomySubstitution(c, 'labour', Float64Array.from([0, 10]));
    assert.equal(r.status, 'optimal');
    assert.equal(c.techniques.ids[r.choice[0]], 'coal_machine');
    assert.ok(Math.abs(r.valuations[0] - 0.875) < 1e-12 && Math.abs(r.valuations[1] - 1.875) < 1e-12);
    // 10 t of steel: x_steel = 10 + 0.2 x_coal... gross outputs solve (I − A)x = y.
    assert.ok(Math.abs(r.grossOutput[1] - (10 + 0.2 * r.grossOutput[0])) < 1e-9);
    assert.ok(Math.abs(r.grossOutput[0] - r.grossOutput[1]) < 1e-9);
  });

  test('a joint-product technique is not a substitution system: InputError naming it', () => {
    const c = model('  - { id: coke_oven, produces: { coal: 1, steel: 0.1 }, uses: { labour: 1 } }\n');
    assert.equal(isSubstitutionSystem(c), false);
    assert.throws(() => solveEconomySubstitution(c, 'labour'), (e: unknown) => e instanceof InputError && /coke_oven/.test(e.message));
  });
});
