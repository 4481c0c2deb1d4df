import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { aggregateEconomy, concordanceOf, parseEconomy, type Economy } from '../../../src/model/index.js';
import { repoRoot } from '../../helpers/paths.js';
import { issuesOf } from '../../helpers/input-error.js';
import { join } from 'node:path';

/** A two-region, two-sector model of importer shape, with `extra` YAML appended and `edit` applied to its text. */
function model(edit: (text: string) => string = (t) => t): Economy {
  const text = `
name: small
regions: [{ id: north, population: 10 }, { id: south, population: 30 }]
products:
  - { id: north/farm, unit: money, region: north }
  - { id: north/mill, unit: money, region: north }
  - { id: south/farm, unit: money, region: south }
  - { id: south/mill, unit: money, region: south }
resources:
  - { id: air/co2, unit: kg }
techniques:
  - { id: north/farm, produces: { north/farm: 1 }, consumes: { north/mill: 0.1, south/farm: 0.05 }, uses: { air/co2: 2 }, region: north }
  - { id: north/mill, produces: { north/mill: 1 }, consumes: { north/farm: 0.3 }, uses: { air/co2: 1 }, region: north }
  - { id: south/farm, produces: { south/farm: 1 }, consumes: { south/mill: 0.2 }, uses: { air/co2: 3 }, region: south }
  - { id: south/mill, produces: { south/mill: 1 }, consumes: { south/farm: 0.25, north/mill: 0.05 }, uses: {}, region: south }
targets:
  - { product: north/farm, amount: 50, region: north, category: households }
  - { product: south/mill, amount: 70, region: south, category: households }
plan:
  output: { north/farm: 100, north/mill: 80, south/farm: 120, south/mill: 90 }
`;
  return parseEconomy(edit(text), { file: 'small.yaml', format: 'yaml' });
}

const regions = concordanceOf({ north: 'all', south: 'all' }, 'regions.csv');
const sectors = concordanceOf({ farm: 'goods', mill: 'goods' }, 'sectors.csv');

/** The one issue of aggregating `e`: its code, place and message. */
function refusal(e: Economy, options = { regions, sectors }) {
  const issues = issuesOf(() => aggregateEconomy(e, { ...options, source: 'small.yaml' }));
  assert.equal(issues.length, 1, issues.map((i) => i.message).join('\n'));
  return issues[0];
}

describe('aggregation refuses models it cannot aggregate meaningfully, saying why and where', () => {
  test('the small model aggregates: one product, the totals kept', () => {
    const agg = aggregateEconomy(model(), { regions, sectors });
    assert.deepEqual(agg.products, [{ id: 'goods', unit: 'money', region: 'all' }]);
    assert.deepEqual(agg.regions, [{ id: 'all', population: 40 }]);
    assert.deepEqual(agg.plan?.output, { goods: 390 });
    const t = agg.techniques[0];
    assert.ok(Math.abs((t.consumes.goods ?? 0) - (0.1 * 100 + 0.05 * 100 + 0.3 * 80 + 0.2 * 120 + 0.25 * 90 + 0.05 * 90) / 390) < 1e-15);
    assert.ok(Math.abs((t.uses['air/co2'] ?? 0) - (2 * 100 + 80 + 3 * 120) / 390) < 1e-15);
    assert.deepEqual(agg.targets, [{ product: 'goods', amount: 120, priority: 1, region: 'all', category: 'households' }]);
  });

  const cases: readonly [string, (t: string) => string, string | number | undefined, readonly (string | number)[], RegExp][] = [
    ['several periods', (t) => `periods: [1930, 1931]\n${t}`, 2, ['periods'], /the model has 2 periods; aggregation is defined for input–output models \(one period, one technique per product\)/],
    ['investment', (t) => t.replace("uses: { air/co2: 1 }, region: north }", "uses: { air/co2: 1 }, region: north, build: { air/co2: 1 } }"), 'north/mill', ['techniques', 1, 'build'], /technique "north\/mill" invests/],
    ['a capacity', (t) => t.replace("uses: { air/co2: 3 }, region: south }", "uses: { air/co2: 3 }, region: south, capacity: 500 }"), 500, ['techniques', 2, 'capacity'], /has a capacity, which merged techniques would not have/],
    ['several techniques for one product', (t) => t.replace('targets:', '  - { id: farm2, produces: { north/farm: 1 }, consumes: {}, uses: {}, region: north }\ntargets:'), 'farm2', ['techniques', 4], /product "north\/farm" is made by several techniques \("north\/farm", "farm2"\)/],
    ['joint production', (t) => t.replace('produces: { north/mill: 1 }', 'produces: { north/mill: 1, north/farm: 0.1 }'), undefined, ['techniques', 1, 'produces'], /makes 2 products \(joint production\)/],
    ['a product no technique makes', (t) => t.replace('resources:', '  - { id: north/ore, unit: money, region: north }\nresources:'), 'north/ore', ['products', 4], /no technique makes product "north\/ore"/],
    ['trade terms', (t) => `${t}trade:\n  - { product: north/farm, export_price: 3 }\n`, 'north/farm', ['trade', 0], /trade terms/],
    ['no gross outputs', (t) => t.slice(0, t.indexOf('plan:')), undefined, ['plan'], /no gross outputs \(plan\.output, which every importer writes\)/],
    ['a product without output in the plan', (t) => t.replace('south/mill: 90 }', '}'), 'south/mill', ['plan', 'output'], /the plan gives no output for product "south\/mill"/],
    ['an enterprise', (t) => t.replace('uses: {}, region: south }', 'uses: {}, region: south, enterprise: mill_co }'), 'mill_co', ['techniques', 3, 'enterprise'], /belongs to enterprise "mill_co"/],
    ['products of different units merged', (t) => t.replace('{ id: south/mill, unit: money', '{ id: south/mill, unit: tonne'), 'tonne', ['products', 3, 'unit'], /products in "money" and in "tonne" would be merged into "goods"/],
  ];
  for (const [name, edit, value, path, message] of cases) {
    test(name, () => {
      const issue = refusal(model(edit));
      assert.equal(issue.code, 'cannot-aggregate');
      assert.equal(issue.location.file, 'small.yaml');
      assert.deepEqual(issue.location.path, path);
      if (value !== undefined) assert.deepEqual(issue.value, value);
      assert.match(issue.message, message);
    });
  }

  test('a regional resource goes with its region, and cannot be split', () => {
    const withLand = (t: string) => t.replace('  - { id: air/co2, unit: kg }', '  - { id: air/co2, unit: kg }\n  - { id: land, unit: ha, region: south, available: 5 }');
    const agg = aggregateEconomy(model(withLand), { regions });
    assert.deepEqual(agg.resources[1], { id: 'land', unit: 'ha', region: 'all', available: 5 });
    const split = concordanceOf({ north: 'all' }, 'split.csv');
    const splitting = { file: 'split.csv', rows: [...split.rows, { from: 'south', to: 'all', weight: 0.5, row: 2 }, { from: 'south', to: 'rest', weight: 0.5, row: 3 }], byCode: new Map([...split.byCode, ['south', [{ from: 'south', to: 'all', weight: 0.5, row: 2 }, { from: 'south', to: 'rest', weight: 0.5, row: 3 }]]]) };
    const issue = refusal(model(withLand), { regions: splitting, sectors });
    assert.deepEqual(issue.location.path, ['resources', 1, 'region']);
    assert.match(issue.message, /resource "land" belongs to region south, which the region map splits/);
  });

  test('a region map needs every product in a region', () => {
    const e = model();
    const unlocated: Economy = { ...e, products: e.products.map((p, k) => (k === 2 ? { id: p.id, unit: p.unit } : p)) };
    const issue = refusal(unlocated);
    assert.deepEqual(issue.location.path, ['products', 2]);
    assert.match(issue.message, /product "south\/farm" is in no region, so a region map cannot place it/);
  });

  test('the 1930 example (four periods, investment, capacities) is refused with the reason', () => {
    const path = join(repoRoot, 'examples', 'ussr-1930', 'economy.yaml');
    const e = parseEconomy(readFileSync(path, 'utf8'), { file: path, format: 'yaml' });
    const issues = issuesOf(() => aggregateEconomy(e, { sectors: concordanceOf(Object.fromEntries(e.products.map((p) => [p.id, p.id]))), source: path }));
    assert.match(issues[0].message, /the model has 4 periods/);
  });

  test('a hand-written one-region model keeps its ids under the identity map', () => {
    const path = join(repoRoot, 'examples', 'miller-blair', 'economy.yaml');
    const e = parseEconomy(readFileSync(path, 'utf8'), { file: path, format: 'yaml' });
    const agg = aggregateEconomy(e, { sectors: concordanceOf({ sector_1: 'sector_1', sector_2: 'sector_2' }) });
    assert.deepEqual({ ...agg, description: '' }, { ...e, description: '' });
    const one = aggregateEconomy(e, { sectors: concordanceOf({ sector_1: 'all', sector_2: 'all' }) });
    assert.deepEqual(one.plan?.output, { all: 3000 });
    assert.deepEqual(one.techniques.map((t) => t.id), ['all']);
    assert.ok(Math.abs((one.techniques[0].consumes.all ?? 0) - (150 + 500 + 200 + 100) / 3000) < 1e-15);
  });
});
