import type { CompiledEconomy } from '../../compile/types.js';

/**
 * Why a compiled economy is not a Leontief substitution system, or undefined when it is one: every
 * technique makes exactly one item (no joint products), every item is made by some technique, no
 * technique has a capacity, and one primary resource — `resource` if given (other resources are
 * then left out of the costing), else the only resource any technique uses.
 */
export function substitutionObstacle(c: CompiledEconomy, resource?: number): string | undefined {
  const T = c.techniques.ids.length;
  const nItems = c.items.ids.length;
  const outputs = new Int32Array(T);
  const made = new Uint8Array(nItems);
  const { rowPtr, colIdx, values } = c.outputs;
  for (let i = 0; i < nItems; i++) {
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      if (values[p] < 0) return `technique "${c.techniques.ids[colIdx[p]]}" has a negative output`;
      if (values[p] > 0) {
        outputs[colIdx[p]]++;
        made[i] = 1;
      }
    }
  }
  for (let j = 0; j < T; j++) {
    if (outputs[j] !== 1) return `technique "${c.techniques.ids[j]}" makes ${outputs[j]} items (a substitution system needs exactly one)`;
    if (c.capacity[j] < Infinity) return `technique "${c.techniques.ids[j]}" has a capacity`;
  }
  for (let i = 0; i < nItems; i++) if (made[i] === 0) return `no technique makes "${c.items.ids[i]}"`;
  if (resource === undefined) {
    const R = c.resources.ids.length;
    let used = 0;
    for (let r = 0; r < R; r++) if (c.resourceUse.rowPtr[r + 1] > c.resourceUse.rowPtr[r]) used++;
    if (used > 1) return `${used} resources are used; a substitution system has one primary resource`;
  }
  return undefined;
}

/** True when the compiled economy is a Leontief substitution system (see `substitutionObstacle`). */
export function isSubstitutionSystem(c: CompiledEconomy, resource?: number): boolean {
  return substitutionObstacle(c, resource) === undefined;
}
