import type { LinearProgram } from '../lp-types.js';
import { geometricScales } from '../scale-lp.js';
import type { ResolvedPdhgOptions } from './pdhg-options.js';
import { pdhgProducts, type PdhgProducts } from './pdhg-products.js';
import { precondition } from './precondition.js';
import type { ScaledLp } from './scaled-lp.js';

/**
 * `run` on `lp` preconditioned as the options say (the bounds' and rows' geometric scales when
 * asked, then Ruiz and Pock–Chambolle: precondition.ts), with the products of the preconditioned
 * matrix made for it and closed after it, whatever it returns or throws. The adaptive and the
 * Halpern iterations both start here.
 */
export function runPreconditioned<T>(lp: LinearProgram, o: ResolvedPdhgOptions, run: (s: ScaledLp, products: PdhgProducts) => T): T {
  const g = o.boundScaling || o.rowScaling ? geometricScales(lp) : undefined;
  const s = precondition(lp, o.ruizIterations, o.boundScaling ? g?.d : undefined, o.rowScaling ? g?.r : undefined);
  const products = pdhgProducts(s.A, s.AT, o.kernel, o.threads);
  try {
    return run(s, products);
  } finally {
    products.close();
  }
}
