import type { CompiledEconomy } from '../../compile/types.js';
import { inputError } from '../../model/errors.js';
import { transpose } from '../../sparse/transpose.js';
import { substitutionObstacle } from './is-substitution-system.js';
import { solveSubstitution, type SubstitutionOptions } from './solve-substitution.js';
import type { SubstitutionResult, SubstitutionSystem } from './substitution-system.js';

/**
 * The substitution system of a compiled economy, costed in one resource (by id): products are the
 * economy's items, techniques its techniques. Throws an InputError when the economy does not have
 * the structure (joint products, capacities, an item nobody makes) or the resource is unknown.
 */
export function economySubstitutionSystem(c: CompiledEconomy, resource: string): SubstitutionSystem {
  const r = c.resources.index.get(resource);
  if (r === undefined) throw inputError('unknown-id', `unknown resource "${resource}"`, { path: ['resource'] }, resource);
  const obstacle = substitutionObstacle(c, r);
  if (obstacle !== undefined) throw inputError('not-substitution-system', `not a Leontief substitution system: ${obstacle}`, { path: ['techniques'] }, c.model.name);
  const T = c.techniques.ids.length;
  const techniqueProduct = new Int32Array(T);
  const output = new Float64Array(T);
  const byTechnique = transpose(c.outputs);
  for (let j = 0; j < T; j++) {
    for (let p = byTechnique.rowPtr[j]; p < byTechnique.rowPtr[j + 1]; p++) {
      if (byTechnique.values[p] > 0) {
        techniqueProduct[j] = byTechnique.colIdx[p];
        output[j] = byTechnique.values[p];
      }
    }
  }
  const primary = new Float64Array(T);
  const u = c.resourceUse;
  for (let p = u.rowPtr[r]; p < u.rowPtr[r + 1]; p++) primary[u.colIdx[p]] = u.values[p];
  return { products: c.items.ids.length, techniqueProduct, output, inputs: c.inputs, primary };
}

/**
 * Least-cost techniques, valuations (the resource embodied per unit of each item) and gross outputs
 * for a final demand (per item) of a compiled economy, costed in `resource`.
 */
export function solveEconomySubstitution(
  c: CompiledEconomy,
  resource: string,
  finalDemand?: Float64Array,
  options: Omit<SubstitutionOptions, 'finalDemand'> = {},
): SubstitutionResult {
  const system = economySubstitutionSystem(c, resource);
  return solveSubstitution(system, finalDemand === undefined ? options : { ...options, finalDemand });
}
