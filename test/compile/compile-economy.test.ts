import { describe, test } from 'node:test';
import { issuesOf } from '../helpers/input-error.js';
import assert from 'node:assert/strict';
import { compileEconomy } from '../../src/compile/compile-economy.js';
import { InputError } from '../../src/model/errors.js';
import { parseEconomy } from '../../src/model/parse-economy.js';
import type { Economy } from '../../src/model/types.js';
import { dense } from './dense.js';

const small = parseEconomy(
  `name: small
periods: [y1, y2]
products:
  - { id: coal, unit: t }
  - { id: steel, unit: t }
  - { id: bread, unit: t }
resources:
  - { id: labour, unit: person-year, available: 100 }
  - { id: land, unit: ha, available: { y2: 7 } }
techniques:
  - id: mine
    produces: { coal: 2 }
    consumes: { steel: 0.1 }
    uses: { labour: 1 }
    capacity: 50
  - id: mill
    produces: { steel: 1, coal: 0.25 }
    consumes: { coal: 3 }
    uses: { labour: 2 }
  - id: bakery
    produces: { bread: 1 }
    consumes: { coal: 0.5, steel: 0.01 }
    uses: { labour: 0.5, land: 0.1 }
targets:
  - { product: bread, amount: 10, category: households }
  - { product: steel, amount: 2, priority: 2, period: y2, category: investment }
  - { product: bread, amount: 1, category: households }
direct_use:
  - { resource: land, amount: 3, category: government }
`,
  { file: 'small.yaml' },
);

describe('compileEconomy on a small hand-checked model', () => {
  const c = compileEconomy(small);

  test('indices follow model order; items are the products', () => {
    assert.deepEqual(c.items.ids, ['coal', 'steel', 'bread']);
    assert.deepEqual([...c.itemProduct], [0, 1, 2]);
    assert.deepEqual([...c.itemRegion], [-1, -1, -1]);
    assert.deepEqual(c.techniques.ids, ['mine', 'mill', 'bakery']);
    assert.equal(c.resources.index.get('land'), 1);
    assert.deepEqual(c.periods.ids, ['y1', 'y2']);
    assert.deepEqual(c.categories.ids, ['households', 'investment', 'government']);
  });

  test('outputs, inputs and resource use (items/resources × techniques)', () => {
    assert.deepEqual(dense(c.outputs), [
      [2, 0.25, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
    assert.deepEqual(dense(c.inputs), [
      [0, 3, 0.5],
      [0.1, 0, 0.01],
      [0, 0, 0],
    ]);
    assert.deepEqual(dense(c.resourceUse), [
      [1, 2, 0.5],
      [0, 0, 0.1],
    ]);
  });

  test('capacities, availability per period, targets and direct uses', () => {
    assert.deepEqual([...c.capacity], [50, Infinity, Infinity]);
    assert.deepEqual([...c.techniqueRegion], [-1, -1, -1]);
    assert.deepEqual([...c.available], [100, 100, Infinity, 7]);
    assert.deepEqual([...c.targets.item], [2, 1, 2]);
    assert.deepEqual([...c.targets.amount], [10, 2, 1]);
    assert.deepEqual([...c.targets.priority], [1, 2, 1]);
    assert.deepEqual([...c.targets.period], [-1, 1, -1]);
    assert.deepEqual([...c.targets.region], [-1, -1, -1]);
    assert.deepEqual([...c.targets.category], [0, 1, 0]);
    assert.deepEqual([...c.directUse.resource], [1]);
    assert.deepEqual([...c.directUse.amount], [3]);
    assert.deepEqual([...c.directUse.category], [2]);
    assert.deepEqual([...c.directUse.region], [-1]);
  });
});

describe('compileEconomy with regions', () => {
  const e = parseEconomy(
    `regions: [ukraine, siberia, moscow]
products:
  - { id: grain, unit: t }
  - { id: bread, unit: t }
  - { id: tractor, unit: unit, region: moscow }
  - { id: salt, unit: t }
techniques:
  - { id: farm_u, region: ukraine, produces: { grain: 1 }, consumes: { tractor: 0.001 } }
  - { id: farm_s, region: siberia, produces: { grain: 1 }, consumes: { tractor@moscow: 0.002 } }
  - { id: bakery, region: moscow, produces: { bread: 1 }, consumes: { grain@ukraine: 0.5, grain@siberia: 0.3 } }
  - { id: works, produces: { tractor: 1 }, consumes: { grain: 0.1 } }
targets:
  - { product: bread, region: moscow, amount: 100 }
  - { product: grain, region: siberia, amount: 5 }
trade:
  - { product: grain@ukraine, export_price: 30 }
`,
    { file: 'regions.yaml' },
  );
  const c = compileEconomy(e);

  test('items are located products, ordered by product then region (unlocated first)', () => {
    assert.deepEqual(c.items.ids, ['grain', 'grain@ukraine', 'grain@siberia', 'bread@moscow', 'tractor', 'salt']);
    assert.deepEqual([...c.itemProduct], [0, 0, 0, 1, 2, 3]);
    assert.deepEqual([...c.itemRegion], [-1, 0, 1, 2, 2, -1]);
  });

  test('entries refer to the technique region unless the key names one; located products keep their region', () => {
    // Columns: farm_u, farm_s, bakery, works.
    assert.deepEqual(dense(c.outputs), [
      [0, 0, 0, 0],
      [1, 0, 0, 0],
      [0, 1, 0, 0],
      [0, 0, 1, 0],
      [0, 0, 0, 1],
      [0, 0, 0, 0],
    ]);
    assert.deepEqual(dense(c.inputs), [
      [0, 0, 0, 0.1],
      [0, 0, 0.5, 0],
      [0, 0, 0.3, 0],
      [0, 0, 0, 0],
      [0.001, 0.002, 0, 0],
      [0, 0, 0, 0],
    ]);
    assert.deepEqual([...c.techniqueRegion], [0, 1, 2, -1]);
    assert.deepEqual([...c.targets.item], [3, 2]);
    assert.deepEqual([...c.targets.region], [2, 1]);
  });
});

describe('compileEconomy on a model built in code', () => {
  test('unknown references are InputErrors with their path', () => {
    const e: Economy = {
      name: 'code',
      periods: ['1'],
      regions: [],
      products: [{ id: 'a', unit: 't' }],
      resources: [{ id: 'labour', unit: 'h' }],
      techniques: [{ id: 't', produces: { a: 1, b: 1 }, consumes: {}, uses: { labor: 1 } }],
      targets: [],
      trade: [],
      directUse: [],
    };
    assert.throws(
      () => compileEconomy(e),
      (err: unknown) => {
        assert.ok(err instanceof InputError);
        assert.deepEqual(
          err.issues.map((i) => [i.code, i.location.path, i.value]),
          [
            ['unknown-id', ['techniques', 0, 'uses', 'labor'], 'labor'],
            ['unknown-id', ['techniques', 0, 'produces', 'b'], 'b'],
          ],
        );
        assert.match(err.issues[0].message, /did you mean "labour"/);
        return true;
      },
    );
  });

  test('numbers outside the magnitude rule are InputErrors naming what they are, with their path', () => {
    const e: Economy = {
      name: 'code',
      periods: ['1'],
      regions: [],
      products: [{ id: 'a', unit: 't' }, { id: 'b', unit: 't' }],
      resources: [{ id: 'labour', unit: 'h', available: 1e21 }],
      techniques: [
        { id: 'make_a', produces: { a: 1 }, consumes: { b: 1e308 }, uses: { labour: 1 } },
        { id: 'make_b', produces: { b: 1 }, consumes: {}, uses: { labour: Number.NaN }, capacity: 1e30 },
      ],
      targets: [{ product: 'a', amount: Infinity, priority: 1 }],
      trade: [{ product: 'a', exportPrice: 2e30 }],
      directUse: [],
    };
    const issues = issuesOf(() => compileEconomy(e));
    assert.deepEqual(
      issues.map((i) => [i.code, i.location.path]),
      [
        ['out-of-range', ['techniques', 0, 'consumes', 'b']],
        ['not-finite', ['techniques', 1, 'uses', 'labour']],
        ['not-finite', ['targets', 0, 'amount']],
        ['out-of-range', ['trade', 0, 'export_price']],
      ],
    );
    assert.match(issues[0].message, /input of "b" per unit of technique "make_a" must be at most 1e30/);
    assert.match(issues[3].message, /export price of "a"/);
  });

  test('a large generated model compiles with the right number of entries', () => {
    const nP = 2000;
    const nT = 4000;
    const products = Array.from({ length: nP }, (_, i) => ({ id: `p${i}`, unit: 'u' }));
    const techniques = Array.from({ length: nT }, (_, j) => {
      const consumes: Record<string, number> = {};
      for (let k = 1; k <= 20; k++) consumes[`p${(j * 7 + k * 13) % nP}`] = 0.001 * k;
      return { id: `t${j}`, produces: { [`p${j % nP}`]: 1 }, consumes, uses: {} };
    });
    const c = compileEconomy({ name: 'big', periods: ['1'], regions: [], products, resources: [], techniques, targets: [], trade: [], directUse: [] });
    assert.equal(c.outputs.rowPtr[nP], nT);
    let expected = 0;
    for (const t of techniques) expected += Object.keys(t.consumes).length;
    assert.equal(c.inputs.rowPtr[nP], expected);
    // Spot check: technique 123's entries.
    const j = 123;
    for (const [key, v] of Object.entries(techniques[j].consumes)) {
      const i = c.items.index.get(key) ?? -1;
      let found = 0;
      for (let p = c.inputs.rowPtr[i]; p < c.inputs.rowPtr[i + 1]; p++) if (c.inputs.colIdx[p] === j) found = c.inputs.values[p];
      assert.equal(found, v);
    }
  });
});
