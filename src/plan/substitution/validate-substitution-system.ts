import { InputError, type Issue } from '../../model/errors.js';
import type { SubstitutionSystem } from './substitution-system.js';

/**
 * Checks a substitution system at the boundary: shapes, every product made by some technique,
 * positive outputs, finite non-negative inputs and primary use, a finite non-negative final demand.
 * Throws an InputError naming the field, index and value.
 */
export function validateSubstitutionSystem(s: SubstitutionSystem, finalDemand: Float64Array | undefined): void {
  const n = s.products;
  const T = s.techniqueProduct.length;
  const issues: Issue[] = [];
  const file = 'substitution system';
  const add = (code: string, message: string, path: (string | number)[], value: unknown): void => {
    if (issues.length < 20) issues.push({ code, message, location: { file, path }, value });
  };
  if (s.output.length !== T) add('invalid-length', `output has ${s.output.length} entries for ${T} techniques`, ['output'], s.output.length);
  if (s.primary.length !== T) add('invalid-length', `primary has ${s.primary.length} entries for ${T} techniques`, ['primary'], s.primary.length);
  if (s.inputs.rows !== n || s.inputs.cols !== T) add('invalid-shape', `inputs is ${s.inputs.rows} × ${s.inputs.cols}, expected ${n} × ${T}`, ['inputs'], [s.inputs.rows, s.inputs.cols]);
  if (finalDemand !== undefined && finalDemand.length !== n) add('invalid-length', `final demand has ${finalDemand.length} entries for ${n} products`, ['finalDemand'], finalDemand.length);
  if (issues.length > 0) throw new InputError(issues);
  const made = new Uint8Array(n);
  for (let j = 0; j < T; j++) {
    const i = s.techniqueProduct[j];
    if (!(i >= 0 && i < n)) add('invalid-index', `technique ${j} makes product ${i}, outside 0..${n - 1}`, ['techniqueProduct', j], i);
    else made[i] = 1;
    if (!(s.output[j] > 0 && Number.isFinite(s.output[j]))) add('not-positive', `output of technique ${j} must be positive`, ['output', j], s.output[j]);
    if (!(s.primary[j] >= 0 && Number.isFinite(s.primary[j]))) add('negative', `primary use of technique ${j} must be finite and ≥ 0`, ['primary', j], s.primary[j]);
  }
  for (let i = 0; i < n; i++) if (made[i] === 0) add('not-produced', `no technique makes product ${i}`, ['techniqueProduct'], i);
  const { values, rowPtr } = s.inputs;
  for (let p = 0; p < rowPtr[n]; p++) {
    if (!(values[p] >= 0 && Number.isFinite(values[p]))) {
      add('negative', `input coefficient must be finite and ≥ 0`, ['inputs', 'values', p], values[p]);
      break;
    }
  }
  if (finalDemand !== undefined) {
    for (let i = 0; i < n; i++) if (!(finalDemand[i] >= 0 && Number.isFinite(finalDemand[i]))) add('negative', `final demand of product ${i} must be finite and ≥ 0`, ['finalDemand', i], finalDemand[i]);
  }
  if (issues.length > 0) throw new InputError(issues);
}
