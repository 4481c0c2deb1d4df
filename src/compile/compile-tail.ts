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
  /**
   * The same as typed arrays, where the model holds them (a ColumnarEconomy's targets): the
   * targets are then compiled in tight loops over them, with the same result.
   */
  readonly columns?: TargetArrays;
}

/** A model's targets as typed arrays, already checked (see TargetAccess.columns). */
export interface TargetArrays {
  readonly item: Int32Array;
  readonly amount: Float64Array;
  readonly priority: Int32Array;
  /** The target's own region index, or −1 for its item's (`itemRegion`). */
  readonly region: Int32Array;
  readonly itemRegion: Int32Array;
  /** Index in the model's periods (the compiled order), or −1. */
  readonly period: Int32Array;
  /** Index in `categoryNames`, or −1. */
  readonly category: Int32Array;
  readonly categoryNames: readonly string[];
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
  const given = targetsIn.columns;
  // Indices out of range (a ColumnarEconomy built in code) take the general loop, which reports them.
  const columns = given !== undefined && within(given.period, nPer) && within(given.category, given.categoryNames.length) ? given : undefined;
  if (columns !== undefined) {
    targets.item.set(columns.item);
    targets.amount.set(columns.amount);
    targets.priority.set(columns.priority);
    targets.period.set(columns.period);
    // Categories numbered in order of first use, as below.
    const first = new Int32Array(columns.categoryNames.length).fill(-1);
    for (let i = 0; i < nTg; i++) {
      const r = columns.region[i];
      targets.region[i] = r >= 0 ? r : columns.itemRegion[columns.item[i]];
      const c = columns.category[i];
      if (c >= 0 && first[c] < 0) first[c] = category(columns.categoryNames[c]);
      targets.category[i] = c >= 0 ? first[c] : -1;
    }
  }
  for (let i = columns === undefined ? 0 : nTg; i < nTg; i++) {
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

/** Whether every entry is −1 or an index below `size`. */
function within(a: Int32Array, size: number): boolean {
  for (let i = 0; i < a.length; i++) if (!(a[i] >= -1 && a[i] < size)) return false;
  return true;
}
