import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileEconomy } from '../../src/compile/index.js';
import type { CompiledEconomy } from '../../src/compile/index.js';
import { parseEconomy } from '../../src/model/index.js';
import type { Economy } from '../../src/model/index.js';
import { repoRoot } from '../helpers/paths.js';

/**
 * A small two-region economy with known answers: farms in north and south make grain (1 t per
 * unit), a bakery in each region makes 1 t of bread from 1.25 t of grain, and a railway carries
 * grain north → south (line capacity 40 t, 2 t-km of haulage per tonne).
 */
export const SMALL_YAML = `
name: Two regions
periods: [p1, p2]
regions:
  - { id: north, population: 1000 }
  - { id: south, population: 3000 }
products:
  - { id: grain, unit: t }
  - { id: bread, unit: t }
  - { id: haul, unit: t-km }
resources:
  - { id: labour, unit: person-year, available: 100 }
  - { id: line, unit: t, available: 40 }
techniques:
  - { id: farm_north, region: north, enterprise: North Farm, produces: { grain: 1 }, consumes: {}, uses: { labour: 0.1 } }
  - { id: farm_south, region: south, enterprise: South Farm, produces: { grain: 1 }, consumes: {}, uses: { labour: 0.2 } }
  - { id: bakery_north, region: north, enterprise: North Bakery, produces: { bread: 1 }, consumes: { grain: 1.25 }, uses: { labour: 0.05 } }
  - { id: bakery_south, region: south, enterprise: South Bakery, produces: { bread: 1 }, consumes: { grain: 1.25 }, uses: { labour: 0.05 } }
  - { id: haulage, region: north, enterprise: Railway, produces: { haul: 1 }, consumes: {}, uses: { labour: 0.01 } }
  - { id: rail_grain_north_to_south, region: north, enterprise: Railway, produces: { grain@south: 1 }, consumes: { grain: 1, haul: 2 }, uses: { line: 1 } }
targets:
  - { product: bread, region: south, amount: 90, priority: 1, category: households }
  - { product: bread, region: north, amount: 40, priority: 2, category: households }
`;

export function small(): CompiledEconomy {
  return compileEconomy(parseEconomy(SMALL_YAML, { file: 'small.yaml' }));
}

export function read1930(): Economy {
  const file = join(repoRoot, 'examples', 'ussr-1930', 'economy.yaml');
  return parseEconomy(readFileSync(file, 'utf8'), { file });
}

/** Index of a technique by id (throws for an unknown one, a mistake in the test). */
export function tech(c: CompiledEconomy, id: string): number {
  const j = c.techniques.index.get(id);
  if (j === undefined) throw new Error(`no technique ${id}`);
  return j;
}

export function item(c: CompiledEconomy, id: string): number {
  const i = c.items.index.get(id);
  if (i === undefined) throw new Error(`no item ${id}`);
  return i;
}
