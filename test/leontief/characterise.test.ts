import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { characterise } from '../../src/leontief/characterise.js';
import type { IoExtension } from '../../src/model/import/types.js';

// Three greenhouse gases of two items and one final-demand column, characterised with the IPCC's
// AR5 GWP100 factors (CO₂ 1, CH₄ 28, N₂O 265 kg CO₂-eq per kg).
const ghg: IoExtension = {
  name: 'emissions',
  stressors: [
    { id: 'CO2', unit: 'kg', compartment: 'air' },
    { id: 'CH4', unit: 'kg', compartment: 'air' },
    { id: 'N2O', unit: 'kg', compartment: 'air' },
    { id: 'Nitrogen', unit: 'kg', compartment: 'water' },
  ],
  F: Float64Array.of(100, 200, 2, 1, 0.5, 0.25, 7, 3),
  FY: Float64Array.of(50, 1, 0.1, 0),
};
const gwp = [
  { stressor: 'CO2', impact: 'GWP100', impactUnit: 'kg CO2-eq', factor: 1, stressorUnit: 'kg' },
  { stressor: 'CH4', impact: 'GWP100', impactUnit: 'kg CO2-eq', factor: 28 },
  { stressor: 'N2O', compartment: 'air', impact: 'GWP100', impactUnit: 'kg CO2-eq', factor: 265 },
  { stressor: 'SF6', impact: 'GWP100', impactUnit: 'kg CO2-eq', factor: 23500 },
];

describe('characterisation of an extension', () => {
  test('GWP100 of CO₂, CH₄ and N₂O per item and per final-demand column', () => {
    const r = characterise(ghg, gwp, 2);
    assert.deepEqual(r.extension.stressors, [{ id: 'GWP100', unit: 'kg CO2-eq' }]);
    assert.deepEqual(Array.from(r.extension.F), [100 + 28 * 2 + 265 * 0.5, 200 + 28 * 1 + 265 * 0.25]);
    assert.deepEqual(Array.from(r.extension.FY ?? []), [50 + 28 * 1 + 265 * 0.1]);
    assert.deepEqual(r.unmatched.map((u) => u.stressor), ['SF6'], 'a line with no stressor is reported');
    assert.deepEqual(r.unused, ['Nitrogen (water)'], 'a stressor with no line is reported');
  });

  test('characterisation is linear: doubling a factor doubles its part', () => {
    const once = characterise(ghg, gwp.slice(1, 2), 2).extension.F;
    const twice = characterise(ghg, [{ ...gwp[1], factor: 56 }], 2).extension.F;
    assert.deepEqual(Array.from(twice), Array.from(once).map((v) => 2 * v));
  });

  test('mistakes are located errors', () => {
    assert.throws(() => characterise(ghg, [{ ...gwp[0], stressorUnit: 't' }], 2), /in kg in extension emissions, the factor is per t/);
    assert.throws(() => characterise(ghg, [gwp[0], { ...gwp[1], impactUnit: 't CO2-eq' }], 2), /GWP100 is in kg CO2-eq on an earlier line/);
    assert.throws(() => characterise(ghg, [gwp[0], gwp[0]], 2), /characterised into GWP100 twice/);
    assert.throws(() => characterise(ghg, [{ ...gwp[0], factor: Number.NaN }], 2), /not a finite number/);
    assert.throws(() => characterise(ghg, [{ ...gwp[0], factor: 1e30 }, { ...gwp[1], factor: 1e30 }], 2), /beyond 1e30/);
  });
});
