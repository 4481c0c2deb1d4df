import type { CompiledEconomy } from '../../src/compile/types.js';
import type { Economy } from '../../src/model/types.js';
import { activityOf, compileByHand, handModel } from './hand-economy.js';

/**
 * The nuts-and-bolts economy. Tractors need steel, nuts and bolts; the farm needs tractors; the
 * bakery needs grain. Steel and coal feed each other (a cycle), everything uses labour.
 *
 * The plan over-fulfils nuts (40 thousand made, 22 needed) while bolts lag (11 made, 22 needed):
 * bolts are short by 11; with half the bolts the tractor plant can run at half its plan (55 of
 * 110 tractors), the farm gets 55 of its 100 tractors and grows 55% of its grain, and the bakery
 * bakes 55% of its bread: 44,000 of the 80,000 t target.
 */
export const S = 330.62 / 0.995; // steel: 3·110 + 0.01·40 + 0.02·11 + 0.01·K with K = S / 2
export const K = S / 2;
export const LABOUR_USE = 2 * S + K + 0.5 * 40 + 0.5 * 11 + 10 * 110 + 0.01 * 100000 + 0.001 * 80000;

export function nutsAndBoltsModel(labourSlack = 5): Economy {
  return handModel({
    products: { steel: 't', coal: 't', nut: 'thousand', bolt: 'thousand', tractor: 'unit', grain: 't', bread: 't' },
    resources: [{ id: 'labour', unit: 'person-year', available: LABOUR_USE + labourSlack }],
    techniques: [
      { id: 'steel_mill', produces: { steel: 1 }, consumes: { coal: 0.5 }, uses: { labour: 2 } },
      { id: 'coal_mine', produces: { coal: 1 }, consumes: { steel: 0.01 }, uses: { labour: 1 } },
      { id: 'nut_factory', produces: { nut: 1 }, consumes: { steel: 0.01 }, uses: { labour: 0.5 } },
      { id: 'bolt_factory', produces: { bolt: 1 }, consumes: { steel: 0.02 }, uses: { labour: 0.5 } },
      { id: 'tractor_plant', produces: { tractor: 1 }, consumes: { steel: 3, nut: 0.2, bolt: 0.2 }, uses: { labour: 10 } },
      { id: 'grain_farm', produces: { grain: 1 }, consumes: { tractor: 0.001 }, uses: { labour: 0.01 } },
      { id: 'bakery', produces: { bread: 1 }, consumes: { grain: 1.25 }, uses: { labour: 0.001 } },
    ],
    targets: [
      { product: 'tractor', amount: 10, priority: 2 },
      { product: 'bread', amount: 80000, priority: 1 },
    ],
  });
}

export function nutsAndBolts(labourSlack = 5): { c: CompiledEconomy; activity: Float64Array } {
  const c = compileByHand(nutsAndBoltsModel(labourSlack));
  const activity = activityOf(c, {
    steel_mill: S,
    coal_mine: K,
    nut_factory: 40,
    bolt_factory: 11,
    tractor_plant: 110,
    grain_farm: 100000,
    bakery: 80000,
  });
  return { c, activity };
}
