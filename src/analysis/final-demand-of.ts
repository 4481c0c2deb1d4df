import { demandVector } from '../compile/index.js';
import type { CompiledEconomy } from '../compile/index.js';
import { finalUse, targetInPeriod } from '../balance/final-use.js';
import { inputError } from '../model/errors.js';
import type { Demand } from '../model/parse-demand.js';

/** Which final demand an analysis decomposes: one region's, one product's unit, a demand file's, or the period's whole final use. */
export interface FinalDemandChoice {
  /** The period's targets whose region of demand is this one. */
  readonly region?: string;
  /** One unit of this product's final demand (the paths then decompose its multiplier). */
  readonly product?: string;
  /** A demand file's amounts. */
  readonly demand?: Demand;
  /** How the demand file is named in the output. */
  readonly demandLabel?: string;
  /** Period index whose targets are the final use. */
  readonly period: number;
}

/** How the caller names the options (`--region` on the command line, `region` in a body). */
export interface FinalDemandNames {
  readonly region: string;
  readonly product: string;
  readonly demand: string;
}

/** The period's final use of each region of demand (targets without a region in 'unassigned', kept only when there are any). */
export function regionalFinalDemand(c: CompiledEconomy, period: number): { regions: string[]; columns: Float64Array[] } {
  const n = c.items.ids.length;
  const R = c.regions.ids.length;
  if (R === 0) return { regions: ['all'], columns: [finalUse(c, period)] };
  const columns = Array.from({ length: R + 1 }, () => new Float64Array(n));
  const t = c.targets;
  for (let k = 0; k < t.item.length; k++) {
    if (t.item[k] < 0 || !targetInPeriod(c, k, period)) continue;
    columns[t.region[k] >= 0 ? t.region[k] : R][t.item[k]] += t.amount[k];
  }
  const regions = [...c.regions.ids, 'unassigned'];
  const keep = regions.map((_, g) => g).filter((g) => g < R || columns[g].some((v) => v !== 0));
  return { regions: keep.map((g) => regions[g]), columns: keep.map((g) => columns[g]) };
}

/**
 * The final demand an analysis decomposes, and how the output names it. At most one of region,
 * product and demand may be given (an InputError naming both options otherwise); none: the
 * period's final use (all targets).
 */
export function finalDemandOf(c: CompiledEconomy, choice: FinalDemandChoice, names: FinalDemandNames): { y: Float64Array; label: string } {
  const given = (['region', 'product', 'demand'] as const).filter((k) => choice[k] !== undefined);
  if (given.length > 1) throw inputError('conflicting-options', `give at most one of ${names.region}, ${names.product} and ${names.demand}`, { path: [names[given[1]]] }, given.map((k) => names[k]).join(' and '));
  if (choice.region !== undefined) {
    const r = c.regions.index.get(choice.region);
    if (r === undefined) throw inputError('unknown-id', `${names.region} names no region (regions: ${c.regions.ids.join(', ') || 'none'})`, { path: [names.region] }, choice.region);
    const { regions, columns } = regionalFinalDemand(c, choice.period);
    return { y: columns[regions.indexOf(choice.region)], label: `${choice.region}'s final demand` };
  }
  if (choice.product !== undefined) {
    const i = c.items.index.get(choice.product);
    if (i === undefined) {
      const some = c.items.ids.slice(0, 8).join(', ');
      throw inputError('unknown-id', `${names.product} names no product (products: ${some}${c.items.ids.length > 8 ? ', …' : ''})`, { path: [names.product] }, choice.product);
    }
    const y = new Float64Array(c.items.ids.length);
    y[i] = 1;
    return { y, label: `one unit of ${choice.product}` };
  }
  if (choice.demand !== undefined) return { y: demandVector(c, choice.demand), label: choice.demandLabel ?? 'the demand given' };
  return { y: finalUse(c, choice.period), label: 'the model’s final use' };
}
