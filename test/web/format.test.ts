import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatNumber, formatPerUnit, formatQuantity, formatShare } from '../../web/src/format.js';
import { unitsOf } from '../../web/src/units.js';

test('numbers for people: grouped thousands, powers of ten written as such, units after the number', () => {
  assert.equal(formatQuantity(12_345_678.4, 't'), '12,345,678 t');
  assert.equal(formatQuantity(0.25, 'person-year'), '0.25 person-year');
  assert.equal(formatQuantity(-1500, 'rouble'), '−1,500 rouble');
  assert.equal(formatQuantity(42, ''), '42');
  assert.equal(formatQuantity(Number.POSITIVE_INFINITY, 't'), '∞');
  assert.equal(formatNumber(7.037e-8), '7.04 × 10⁻⁸');
  assert.equal(formatNumber(2.5e18), '2.50 × 10¹⁸');
  assert.equal(formatNumber(Number.NaN), '—');
  assert.equal(formatPerUnit(0.0123, 't'), '0.0123 per t');
  assert.equal(formatPerUnit(3.5, 't', 'person-year'), '3.5 person-year per t');
  assert.equal(formatShare(86.6667), '8,666.7%');
  assert.equal(formatShare(1.2373), '123.7%');
});

test('units by id: an item (with or without its region), a resource, a technique’s activity', () => {
  const u = unitsOf({
    name: 'm',
    periods: ['1'],
    regions: [],
    products: [{ id: 'grain', unit: 't' }],
    resources: [{ id: 'labour', unit: 'person-year' }],
    techniques: [{ id: 'farm', produces: { grain: 1 }, consumes: {}, uses: { labour: 1 } }],
    targets: [],
    trade: [],
    directUse: [],
  });
  assert.equal(u.item('grain@ukraine'), 't');
  assert.equal(u.of('grain'), 't');
  assert.equal(u.of('labour'), 'person-year');
  assert.equal(u.of('farm'), 'activity');
  assert.equal(u.of('steel'), '');
  assert.equal(formatPerUnit(0.5, u.of('grain@ukraine')), '0.5 per t');
});
