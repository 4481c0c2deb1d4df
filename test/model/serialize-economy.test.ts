import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEconomy } from '../../src/model/parse-economy.js';
import { serializeEconomy } from '../../src/model/serialize-economy.js';
import type { Economy } from '../../src/model/types.js';
import { seededRandom } from '../helpers/random.js';

/** Every field set, with numbers that only survive text if written in full. */
const economy: Economy = {
  name: 'Round trip',
  description: 'numbers: 0.1 + 0.2, tiny, the largest the magnitude rule allows',
  periods: ['1930', '1931', 'true'],
  regions: [{ id: 'north', name: 'North', population: 1234567.891 }, { id: 'null' }],
  products: [
    { id: 'grain', unit: 't', name: 'Grain' },
    { id: 'steel', unit: 'thousand t', region: 'north' },
    { id: '42', unit: 'yes' },
  ],
  resources: [
    { id: 'labour', unit: 'person-year', available: 0.1 + 0.2 },
    { id: 'land', unit: 'ha', available: { 1930: 5e-324, 1931: 1e30, true: 9.876543210987654e29 } },
    { id: 'co2', unit: 'kg' },
  ],
  techniques: [
    { id: 'farm', produces: { grain: 1, '42': 0.3333333333333333 }, consumes: { 'grain@null': 1e-300 }, uses: { labour: 123456789.12345679 }, capacity: 9.999999999999999e22, region: 'north', enterprise: 'Kolkhoz #1' },
    { id: 'mill', name: 'Mill', produces: { steel: 2 }, consumes: {}, uses: {} },
  ],
  targets: [
    { product: 'grain', amount: 2e6, priority: 1, region: 'north' },
    { product: 'steel', amount: 0, priority: 3, period: '1931', category: 'investment' },
  ],
  trade: [{ product: 'grain', exportPrice: 30, importPrice: 31.5, maxExport: 5.2e6, maxImport: 0 }],
  directUse: [{ resource: 'co2', amount: 7, region: 'north', category: 'households' }],
  plan: { name: 'hand-set', period: '1930', activity: { farm: 1, mill: 0.5 }, imports: { steel: 1 }, exports: { grain: 2 } },
};

describe('serializeEconomy', () => {
  for (const format of ['yaml', 'json'] as const) {
    test(`round-trips exactly through ${format}`, () => {
      const text = serializeEconomy(economy, format);
      const back = parseEconomy(text, { file: `m.${format}` });
      assert.deepEqual(back, economy);
      assert.equal(serializeEconomy(back, format), text, 'serializing again gives the same text');
    });
  }

  test('round-trips random coefficients of every magnitude (seeded)', () => {
    const rand = seededRandom(20240601);
    const consumes: Record<string, number> = {};
    const products = [];
    for (let i = 0; i < 50; i++) {
      products.push({ id: `p${i}`, unit: 'u' });
      consumes[`p${i}`] = rand() * 10 ** Math.floor(rand() * 40 - 20);
    }
    const e: Economy = { ...economy, products, techniques: [{ id: 't', produces: { p0: 1 }, consumes, uses: {} }], targets: [], trade: [], directUse: [], regions: [] };
    delete (e as { plan?: unknown }).plan;
    for (const format of ['yaml', 'json'] as const) {
      assert.deepEqual(parseEconomy(serializeEconomy(e, format), { file: `r.${format}` }), e);
    }
  });

  test('writes snake_case keys and leaves out implied defaults', () => {
    const text = serializeEconomy(economy, 'yaml');
    assert.match(text, /export_price: 30/);
    assert.match(text, /direct_use:/);
    assert.doesNotMatch(text, /priority: 1\n/);
    assert.doesNotMatch(text, /consumes: \{\}/);
  });
});
