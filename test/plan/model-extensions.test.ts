import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError, parseEconomy, serializeEconomy } from '../../src/model/index.js';

const TEXT = `
products:
  - { id: grain, unit: t, storable: false, initial_stock: 2.5 }
resources:
  - { id: dam, unit: MWh, available: 0 }
techniques:
  - { id: build_dam, produces: { grain: 1 }, build: { dam: 1000 }, lag: 2 }
`;

test('build, lag, storable and initial_stock are read and written back unchanged', () => {
  const e = parseEconomy(TEXT, { file: 'm.yaml' });
  assert.deepEqual(e.techniques[0].build, { dam: 1000 });
  assert.equal(e.techniques[0].lag, 2);
  assert.equal(e.products[0].storable, false);
  assert.equal(e.products[0].initialStock, 2.5);
  assert.deepEqual(parseEconomy(serializeEconomy(e, 'yaml'), { file: 'm.yaml' }), e);
});

test('an unknown resource in build and a lag of 0 are located errors', () => {
  const bad = TEXT.replace('build: { dam: 1000 }, lag: 2', 'build: { damm: 1000 }, lag: 0');
  assert.throws(
    () => parseEconomy(bad, { file: 'm.yaml' }),
    (err: unknown) => {
      assert.ok(err instanceof InputError);
      const codes = err.issues.map((i) => i.code).sort();
      assert.deepEqual(codes, ['not-positive-integer', 'unknown-id']);
      assert.ok(err.message.includes('m.yaml:7'), err.message);
      assert.ok(err.message.includes('did you mean "dam"'), err.message);
      return true;
    },
  );
});
