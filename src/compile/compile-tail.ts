import { InputError, type Issue } from '../model/errors.js';
import { locationOf } from '../model/source-locations.js';
import { didYouMean } from '../model/suggest.js';
import type { EconomyBase } from '../model/types.js';
import type { CompiledEconomy, IdIndex } from './types.js';

/** What compiling the targets needs of them, by index, in either representation of a model. */
export interface TargetAccess {
  readonly count: number;
  /** The target's item (its located product). */
  item(i: number): number;
  amount(i: number): number;
  priority(i: number): number;
  /** The target's region index: its own, else its item's. */
  region(i: number, item: number): number;
  period(i: number): string | undefined;
  category(i: number): string | undefined;
}

/** What compiling the techniques has already built. */
export interface CompileContext {
  readonly periods: IdIndex;
  readonly resources: IdIndex;
  readonly regionOf: (id: string | undefined, path: () => (string | number)[]) => number;
  /** Issues so far; the tail adds its own and throws them all. */
  readonly issues: Issue[];
}

/**
 * The part of compiling a model that is the same in both representations: resources per period,
 * targets, direct uses and final-demand categories (in order of first use). Throws the context's
 * issues with its own, if any.
 */
export function compileTail(e: EconomyBase, ctx: CompileContext, targetsIn: TargetAccess): Pick<CompiledEconomy, 'available' | 'targets' | 'directUse' | 'categories'> {
  const { periods, resources, regionOf, issues } = ctx;
  const nR = e.resources.length;
  const nPer = e.periods.length;
  const available = new Float64Array(nR * nPer).fill(Infinity);
  e.resources.forEach((r, i) => {
    const a = r.available;
    if (a === undefined) return;
    if (typeof a === 'number') available.fill(a, i * nPer, (i + 1) * nPer);
    else {
      for (const [period, v] of Object.entries(a)) {
        const t = periods.index.get(period);
        if (t === undefined) issues.push({ code: 'unknown-id', message: `unknown period "${period}"${didYouMean(period, periods.ids)}`, location: locationOf(e, ['resources', i, 'available', period], true), value: period });
        else available[i * nPer + t] = v;
      }
    }
  });

  const categoryIds: string[] = [];
  const categoryIndex = new Map<string, number>();
  const category = (c: string | undefined): number => {
    if (c === undefined) return -1;
    let k = categoryIndex.get(c);
    if (k === undefined) {
      k = categoryIds.length;
      categoryIndex.set(c, k);
      categoryIds.push(c);
    }
    return k;
  };
  const nTg = targetsIn.count;
  const targets = {
    item: new Int32Array(nTg),
    amount: new Float64Array(nTg),
    priority: new Int32Array(nTg),
    region: new Int32Array(nTg),
    period: new Int32Array(nTg),
    category: new Int32Array(nTg),
  };
  const periodOf = (id: string | undefined, path: () => (string | number)[]): number => {
    if (id === undefined) return -1;
    const t = periods.index.get(id);
    if (t !== undefined) return t;
    issues.push({ code: 'unknown-id', message: `unknown period "${id}"${didYouMean(id, periods.ids)}`, location: locationOf(e, path()), value: id });
    return -1;
  };
  for (let i = 0; i < nTg; i++) {
    const item = targetsIn.item(i);
    targets.item[i] = item;
    targets.amount[i] = targetsIn.amount(i);
    targets.priority[i] = targetsIn.priority(i);
    targets.region[i] = targetsIn.region(i, item);
    targets.period[i] = periodOf(targetsIn.period(i), () => ['targets', i, 'period']);
    targets.category[i] = category(targetsIn.category(i));
  }
  const nD = e.directUse.length;
  const directUse = { resource: new Int32Array(nD), amount: new Float64Array(nD), region: new Int32Array(nD), category: new Int32Array(nD) };
  e.directUse.forEach((d, i) => {
    const s = resources.index.get(d.resource);
    if (s === undefined) issues.push({ code: 'unknown-id', message: `unknown resource "${d.resource}"${didYouMean(d.resource, resources.ids)}`, location: locationOf(e, ['direct_use', i, 'resource']), value: d.resource });
    directUse.resource[i] = s ?? -1;
    directUse.amount[i] = d.amount;
    directUse.region[i] = regionOf(d.region, () => ['direct_use', i, 'region']);
    directUse.category[i] = category(d.category);
  });
  if (issues.length > 0) throw new InputError(issues);
  return { available, targets, directUse, categories: { ids: categoryIds, index: categoryIndex } };
}
