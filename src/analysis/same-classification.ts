import type { CompiledEconomy } from '../compile/index.js';
import { inputError } from '../model/errors.js';

/** One of the models compared, as the caller names it (a file, `first`, `models[2]`). */
export interface NamedModel {
  readonly c: CompiledEconomy;
  /** Where the model comes from, for errors: the file or the JSON path of the request. */
  readonly source: string;
}

/**
 * Checks that two compiled models share one classification: the same items in the same order
 * (products by region) and the same regions. A mismatch is an InputError located at the second
 * model, naming the first id that differs (or the one that one model lacks).
 */
export function sameClassification(first: NamedModel, second: NamedModel): void {
  const check = (what: string, a: readonly string[], b: readonly string[]): void => {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (a[i] !== b[i]) {
        throw inputError('classification-mismatch', `${second.source} is not of the classification of ${first.source}: its ${what} ${i + 1} is "${b[i]}" where ${first.source} has "${a[i]}"`, { path: [second.source, what, i] }, b[i]);
      }
    }
    if (a.length !== b.length) {
      const [longer, lacking, id] = a.length > b.length ? [first.source, second.source, a[n]] : [second.source, first.source, b[n]];
      throw inputError('classification-mismatch', `${second.source} is not of the classification of ${first.source}: ${longer} has ${what} "${id}", which ${lacking} lacks (${a.length} and ${b.length} ${what}s)`, { path: [second.source, what, n] }, id);
    }
  };
  check('item', first.c.items.ids, second.c.items.ids);
  check('region', first.c.regions.ids, second.c.regions.ids);
}
