import type { CompiledEconomy } from '../compile/types.js';
import type { PlanIndex } from './plan-types.js';

/** Which block of `count` per period an index falls in, from `start`: [period, k], or undefined. */
function inBlock(index: number, start: number, count: number, periods: number): [number, number] | undefined {
  if (start < 0 || count === 0 || index < start || index >= start + count * periods) return undefined;
  return [Math.floor((index - start) / count), (index - start) % count];
}

/** The plan's LP column `j` in the model's words, e.g. `activity of technique "mill" in period 1930`. */
export function describePlanColumn(c: CompiledEconomy, ix: PlanIndex, j: number): string {
  const period = (t: number): string => `period ${c.periods.ids[t] ?? '1'}`;
  const item = (i: number): string => `"${c.items.ids[i]}"`;
  const target = (g: number): string => `the target for ${item(c.targets.item[ix.deliveryTarget[g]])} in ${period(ix.deliveryPeriod[g])}`;
  const nPer = ix.periods;
  let b = inBlock(j, ix.activityStart, ix.techniques, nPer);
  if (b !== undefined) return `activity of technique "${c.techniques.ids[b[1]]}" in ${period(b[0])}`;
  b = inBlock(j, ix.exportStart, ix.exportItems.length, nPer);
  if (b !== undefined) return `export of ${item(ix.exportItems[b[1]])} in ${period(b[0])}`;
  b = inBlock(j, ix.importStart, ix.importItems.length, nPer);
  if (b !== undefined) return `import of ${item(ix.importItems[b[1]])} in ${period(b[0])}`;
  b = inBlock(j, ix.stockStart, ix.stockItems.length, nPer - 1);
  if (b !== undefined) return `stock of ${item(ix.stockItems[b[1]])} at the end of ${period(b[0])}`;
  const nD = ix.deliveryTarget.length;
  if (j >= ix.deliveryStart && j < ix.deliveryStart + nD) return `delivery to ${target(j - ix.deliveryStart)}`;
  if (ix.lambdaStart >= 0 && j >= ix.lambdaStart && j < ix.lambdaStart + ix.tiers.length) return `λ of priority tier ${ix.tiers[j - ix.lambdaStart]}`;
  if (ix.creditStart >= 0 && j >= ix.creditStart && j < ix.creditStart + nD) return `harmony credit of ${target(j - ix.creditStart)}`;
  return `column ${j}`;
}

/** The plan's LP row `i` in the model's words, e.g. `limit of resource "labour" in period 1931`. */
export function describePlanRow(c: CompiledEconomy, ix: PlanIndex, i: number): string {
  const period = (t: number): string => `period ${c.periods.ids[t] ?? '1'}`;
  const b = inBlock(i, ix.balanceStart, ix.items, ix.periods);
  if (b !== undefined) return `balance of "${c.items.ids[b[1]]}" in ${period(b[0])}`;
  const k = ix.resourceRow.indexOf(i);
  if (k >= 0) return `limit of resource "${c.resources.ids[k % ix.resources]}" in ${period(Math.floor(k / ix.resources))}`;
  if (ix.targetRowStart >= 0 && i >= ix.targetRowStart) {
    const perTarget = ix.lambdaStart >= 0 ? 1 : 2;
    const g = Math.floor((i - ix.targetRowStart) / perTarget);
    if (g < ix.deliveryTarget.length) return `the row of the target for "${c.items.ids[c.targets.item[ix.deliveryTarget[g]]]}" in ${period(ix.deliveryPeriod[g])}`;
  }
  return `row ${i}`;
}
