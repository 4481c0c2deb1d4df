import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { splitNegativeStressors, type IoExtension } from '../../../src/model/import/index.js';

describe('splitNegativeStressors: negative satellite entries moved to a stressor of their own', () => {
  test('a stressor with negatives in F or F_Y gets a "(negative part)" twin right after it; published = part − negative part', () => {
    const ext: IoExtension = {
      name: 'VA',
      stressors: [
        { id: 'wages', unit: 'USD' },
        { id: 'subsidies', unit: 'USD' },
        { id: 'taxes', unit: 'USD', compartment: 'production' },
      ],
      // 3 stressors × 2 products
      F: Float64Array.from([5, 6, -1, 0, 2, -0.5]),
      // 3 stressors × 1 final-demand column
      FY: Float64Array.from([0, 0, -3]),
    };
    const { extension, split } = splitNegativeStressors(ext);
    assert.deepEqual(split, ['subsidies', 'taxes']);
    assert.deepEqual(
      extension.stressors,
      [
        { id: 'wages', unit: 'USD' },
        { id: 'subsidies', unit: 'USD' },
        { id: 'subsidies (negative part)', unit: 'USD' },
        { id: 'taxes', unit: 'USD', compartment: 'production' },
        { id: 'taxes (negative part)', unit: 'USD', compartment: 'production' },
      ],
    );
    assert.deepEqual(Array.from(extension.F), [5, 6, 0, 0, 1, 0, 2, 0, 0, 0.5]);
    assert.deepEqual(Array.from(extension.FY ?? []), [0, 0, 0, 0, 3]);
  });

  test('an extension without negatives is returned as it is', () => {
    const ext: IoExtension = { name: 'Q', stressors: [{ id: 'co2', unit: 'kg' }], F: Float64Array.from([1, 0]) };
    const { extension, split } = splitNegativeStressors(ext);
    assert.equal(extension, ext);
    assert.deepEqual(split, []);
  });
});
