import { InputError } from '../model/errors.js';
import type { Issue } from '../model/errors.js';
import { MAX_MAGNITUDE_TEXT, inMagnitude } from '../model/magnitude.js';
import { numberText } from '../model/magnitude-issue.js';
import { locationOf } from '../model/source-locations.js';
import { csrFromTriplets } from '../sparse/from-triplets.js';
import { columnsOf } from './columns-of.js';
import { oneToOneSystem } from './one-to-one-system.js';
import { outputOf, producers } from './producers.js';
import type { CompiledEconomy, LeontiefSystem } from './types.js';

export interface LeontiefSystemOptions {
  /**
   * Activity level per technique (model order). Where several techniques make an item, the one
   * with the largest activity is chosen.
   */
  readonly activity?: Float64Array;
}

/**
 * The square input–output system of a compiled economy: one technique per item, its inputs and
 * resource uses divided by its output of that item.
 *
 * - An item one technique makes: that technique. Several: the one with the largest activity in
 *   `options.activity`, else an InputError naming the item and its techniques. None: an InputError
 *   (such an item can only be imported, which a Leontief system does not model).
 * - Joint products: a technique chosen for item i that also makes item k (its by-product) counts
 *   that output as a negative input: a_ki = (input_k − output_k) / output_i. So A may hold negative
 *   entries. A technique may be chosen for one item only; one chosen for two is an InputError.
 * - Every coefficient per unit of output keeps the magnitude rule (at most 1e30): a tiny output
 *   dividing a large input is an InputError naming the technique and both items.
 */
export function leontiefSystem(c: CompiledEconomy, options: LeontiefSystemOptions = {}): LeontiefSystem {
  const n = c.items.ids.length;
  const nT = c.techniques.ids.length;
  const activity = options.activity;
  const issues: Issue[] = [];
  if (activity !== undefined && activity.length !== nT) {
    throw new InputError([{ code: 'invalid-option', message: `activity has ${activity.length} entries for ${nT} techniques`, location: {}, value: activity.length }]);
  }
  // One technique per item and one item per technique: no choice to make (activity or not).
  const direct = oneToOneSystem(c);
  if (direct !== undefined) return direct;
  const technique = new Int32Array(n).fill(-1);
  const chosenFor = new Int32Array(nT).fill(-1);
  const names = (js: readonly number[]): string => js.map((j) => `"${c.techniques.ids[j]}"`).join(', ');
  for (let i = 0; i < n; i++) {
    const item = c.items.ids[i];
    const js = producers(c, i);
    let j = -1;
    if (js.length === 1) j = js[0];
    else if (js.length === 0) {
      issues.push({
        code: 'not-produced',
        message: `no technique produces "${item}": it can only be imported, and a Leontief system needs a technique for every item`,
        location: locationOf(c.model, ['products', c.itemProduct[i]]),
        value: item,
      });
      continue;
    } else if (activity !== undefined) {
      for (const k of js) if (activity[k] > 0 && (j < 0 || activity[k] > activity[j])) j = k;
      if (j < 0) {
        issues.push({ code: 'ambiguous-technique', message: `"${item}" is made by ${names(js)}, none of which has a positive activity`, location: locationOf(c.model, ['techniques', js[0]]), value: item });
        continue;
      }
    } else {
      issues.push({
        code: 'ambiguous-technique',
        message: `"${item}" is made by several techniques (${names(js)}); give activity levels to choose one`,
        location: locationOf(c.model, ['techniques', js[1]]),
        value: item,
      });
      continue;
    }
    if (chosenFor[j] >= 0) {
      issues.push({
        code: 'joint-product',
        message: `technique "${c.techniques.ids[j]}" is the one chosen for both "${c.items.ids[chosenFor[j]]}" and "${item}"; a joint-product technique can stand for one item only`,
        location: locationOf(c.model, ['techniques', j]),
        value: c.techniques.ids[j],
      });
      continue;
    }
    chosenFor[j] = i;
    technique[i] = j;
  }
  if (issues.length > 0) throw new InputError(issues);

  const inCols = columnsOf(c.inputs);
  const outCols = columnsOf(c.outputs);
  const useCols = columnsOf(c.resourceUse);
  let nzA = 0;
  let nzP = 0;
  for (let i = 0; i < n; i++) {
    const j = technique[i];
    nzA += inCols.rowPtr[j + 1] - inCols.rowPtr[j] + outCols.rowPtr[j + 1] - outCols.rowPtr[j];
    nzP += useCols.rowPtr[j + 1] - useCols.rowPtr[j];
  }
  const aRow = new Int32Array(nzA);
  const aCol = new Int32Array(nzA);
  const aVal = new Float64Array(nzA);
  const pRow = new Int32Array(nzP);
  const pCol = new Int32Array(nzP);
  const pVal = new Float64Array(nzP);
  let a = 0;
  let q = 0;
  /** A coefficient per unit of output beyond the magnitude rule (a tiny output dividing a large input). */
  const overflow = (i: number, j: number, what: string, perUnit: number, amount: number): void => {
    const output = outputOf(c, i, j);
    issues.push({
      code: 'out-of-range',
      message:
        `technique "${c.techniques.ids[j]}" makes ${numberText(output)} of "${c.items.ids[i]}" per unit of activity and ${what} ${numberText(amount)}: ` +
        `${numberText(perUnit)} per unit of "${c.items.ids[i]}", beyond ${MAX_MAGNITUDE_TEXT} (rescale the units of the items)`,
      location: locationOf(c.model, ['techniques', j]),
      value: perUnit,
    });
  };
  for (let i = 0; i < n; i++) {
    const j = technique[i];
    const scale = 1 / outputOf(c, i, j);
    for (let p = inCols.rowPtr[j]; p < inCols.rowPtr[j + 1]; p++) {
      const v = inCols.values[p] * scale;
      if (!inMagnitude(v)) overflow(i, j, `uses "${c.items.ids[inCols.colIdx[p]]}"`, v, inCols.values[p]);
      aRow[a] = inCols.colIdx[p];
      aCol[a] = i;
      aVal[a++] = v;
    }
    for (let p = outCols.rowPtr[j]; p < outCols.rowPtr[j + 1]; p++) {
      const k = outCols.colIdx[p];
      if (k === i) continue;
      const v = -outCols.values[p] * scale;
      if (!inMagnitude(v)) overflow(i, j, `makes "${c.items.ids[k]}"`, v, outCols.values[p]);
      aRow[a] = k;
      aCol[a] = i;
      aVal[a++] = v;
    }
    for (let p = useCols.rowPtr[j]; p < useCols.rowPtr[j + 1]; p++) {
      const v = useCols.values[p] * scale;
      if (!inMagnitude(v)) overflow(i, j, `uses resource "${c.resources.ids[useCols.colIdx[p]]}"`, v, useCols.values[p]);
      pRow[q] = useCols.colIdx[p];
      pCol[q] = i;
      pVal[q++] = v;
    }
  }
  if (issues.length > 0) throw new InputError(issues);
  return {
    items: c.items,
    resources: c.resources,
    A: csrFromTriplets(n, n, aRow.subarray(0, a), aCol.subarray(0, a), aVal.subarray(0, a)),
    primary: csrFromTriplets(c.resources.ids.length, n, pRow, pCol, pVal),
    technique,
    itemLocation: (item) => locationOf(c.model, ['products', c.itemProduct[item]]),
  };
}
