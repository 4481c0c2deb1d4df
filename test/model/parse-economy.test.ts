import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEconomy } from '../../src/model/parse-economy.js';

const yamlText = `name: Two regions
description: grain from Ukraine, bread in Moscow
periods: [1930, 1931]
regions:
  - ukraine
  - { id: moscow, name: Moscow, population: 2.8e6 }
products:
  - { id: grain, unit: t }
  - { id: bread, unit: t, name: Rye bread }
resources:
  - { id: labour, unit: person-year, available: 1.2e6 }
  - id: land
    unit: ha
    available: { 1930: 100, 1931: 120 }
techniques:
  - id: farm
    produces: { grain: 1 }
    uses: { labour: 0.04, land: 0.9 }
    region: ukraine
    capacity: 5.0e6
  - id: bakery
    produces: { bread: 1 }
    consumes: { grain@ukraine: 0.8 }
    region: moscow
    enterprise: Bakery No. 1
targets:
  - { product: bread, amount: 2.0e6, region: moscow }
  - { product: grain@ukraine, amount: 5, priority: 2, period: 1931, category: export }
trade:
  - { product: grain@ukraine, export_price: 30, max_export: 5.2e6 }
direct_use:
  - { resource: labour, amount: 10, region: moscow, category: households }
plan:
  period: 1930
  activity: { farm: 1.7e6, bakery: 2.0e6 }
  exports: { grain@ukraine: 1.0e5 }
`;

const jsonText = JSON.stringify({
  name: 'Two regions',
  description: 'grain from Ukraine, bread in Moscow',
  periods: [1930, 1931],
  regions: ['ukraine', { id: 'moscow', name: 'Moscow', population: 2.8e6 }],
  products: [
    { id: 'grain', unit: 't' },
    { id: 'bread', unit: 't', name: 'Rye bread' },
  ],
  resources: [
    { id: 'labour', unit: 'person-year', available: 1.2e6 },
    { id: 'land', unit: 'ha', available: { 1930: 100, 1931: 120 } },
  ],
  techniques: [
    { id: 'farm', produces: { grain: 1 }, uses: { labour: 0.04, land: 0.9 }, region: 'ukraine', capacity: 5e6 },
    { id: 'bakery', produces: { bread: 1 }, consumes: { 'grain@ukraine': 0.8 }, region: 'moscow', enterprise: 'Bakery No. 1' },
  ],
  targets: [
    { product: 'bread', amount: 2e6, region: 'moscow' },
    { product: 'grain@ukraine', amount: 5, priority: 2, period: 1931, category: 'export' },
  ],
  trade: [{ product: 'grain@ukraine', export_price: 30, max_export: 5.2e6 }],
  direct_use: [{ resource: 'labour', amount: 10, region: 'moscow', category: 'households' }],
  plan: { period: 1930, activity: { farm: 1.7e6, bakery: 2e6 }, exports: { 'grain@ukraine': 1e5 } },
}, null, 2);

describe('parseEconomy on a good model', () => {
  const e = parseEconomy(yamlText, { file: 'two-regions.yaml' });

  test('reads every section, mapping snake_case keys and applying defaults', () => {
    assert.equal(e.name, 'Two regions');
    assert.deepEqual(e.periods, ['1930', '1931']);
    assert.deepEqual(e.regions, [{ id: 'ukraine' }, { id: 'moscow', name: 'Moscow', population: 2.8e6 }]);
    assert.deepEqual(e.products[1], { id: 'bread', unit: 't', name: 'Rye bread' });
    assert.deepEqual(e.resources[1].available, { 1930: 100, 1931: 120 });
    assert.deepEqual(e.techniques[0], {
      id: 'farm',
      produces: { grain: 1 },
      consumes: {},
      uses: { labour: 0.04, land: 0.9 },
      capacity: 5e6,
      region: 'ukraine',
    });
    assert.equal(e.targets[0].priority, 1, 'priority defaults to 1');
    assert.deepEqual(e.targets[1], { product: 'grain@ukraine', amount: 5, priority: 2, period: '1931', category: 'export' });
    assert.deepEqual(e.trade, [{ product: 'grain@ukraine', exportPrice: 30, maxExport: 5.2e6 }]);
    assert.deepEqual(e.directUse, [{ resource: 'labour', amount: 10, region: 'moscow', category: 'households' }]);
    assert.deepEqual(e.plan, { period: '1930', activity: { farm: 1.7e6, bakery: 2e6 }, exports: { 'grain@ukraine': 1e5 } });
  });

  test('JSON gives the same economy as YAML', () => {
    assert.deepEqual(parseEconomy(jsonText, { file: 'two-regions.json' }), e);
    assert.deepEqual(parseEconomy(jsonText, { file: 'model.txt', format: 'json' }), e);
  });

  test('periods default to one period "1"; the name defaults to the file name', () => {
    const m = parseEconomy('products: [{ id: x, unit: t }]\n', { file: 'dir/tiny.yaml' });
    assert.deepEqual(m.periods, ['1']);
    assert.equal(m.name, 'tiny');
    assert.deepEqual(m.regions, []);
    assert.deepEqual(m.techniques, []);
  });
});
