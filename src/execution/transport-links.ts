import type { CompiledEconomy } from '../compile/types.js';
import { transpose } from '../sparse/transpose.js';

/** A technique that moves a product between regions. */
export interface TransportLink {
  readonly technique: number;
  /** Product index (model order). */
  readonly product: number;
  /** Region indices (−1 for an item without a region). */
  readonly from: number;
  readonly to: number;
  /** Cost per unit delivered: Σ of its other product inputs per unit of output (e.g. t-km per t). */
  readonly cost: number;
  /** Resource use per unit delivered: [resource index, amount]. */
  readonly uses: readonly (readonly [number, number])[];
}

/**
 * The model's transport techniques: those with exactly one output, an item of product p in region
 * b, and an input of p in another region a. Each gives a link a → b for p; its cost per unit
 * delivered is the sum of its other product inputs per unit of output (for rail techniques whose
 * other input is haulage in t-km, the distance), and its resource use per unit delivered makes the
 * link's capacity (a railway line's tonnes a period, shared with every link that uses it). The
 * loss in transit (more of p in than out) is not counted: flows are measured where they arrive.
 */
export function transportLinks(c: CompiledEconomy): TransportLink[] {
  const outT = transpose(c.outputs);
  const inT = transpose(c.inputs);
  const useT = transpose(c.resourceUse);
  const out: TransportLink[] = [];
  for (let j = 0; j < outT.rows; j++) {
    let produced = -1;
    let perUnit = 0;
    let count = 0;
    for (let p = outT.rowPtr[j]; p < outT.rowPtr[j + 1]; p++) {
      if (!(outT.values[p] > 0)) continue;
      count++;
      produced = outT.colIdx[p];
      perUnit = outT.values[p];
    }
    if (count !== 1) continue;
    const product = c.itemProduct[produced];
    const to = c.itemRegion[produced];
    let from = -2;
    let cost = 0;
    for (let p = inT.rowPtr[j]; p < inT.rowPtr[j + 1]; p++) {
      const i = inT.colIdx[p];
      if (!(inT.values[p] > 0)) continue;
      if (c.itemProduct[i] === product && c.itemRegion[i] !== to) from = c.itemRegion[i];
      else cost += inT.values[p] / perUnit;
    }
    if (from === -2) continue;
    const uses: [number, number][] = [];
    for (let p = useT.rowPtr[j]; p < useT.rowPtr[j + 1]; p++) if (useT.values[p] > 0) uses.push([useT.colIdx[p], useT.values[p] / perUnit]);
    out.push({ technique: j, product, from, to, cost, uses });
  }
  return out;
}
