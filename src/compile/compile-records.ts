import { InputError, appendAll } from '../model/errors.js';
import type { Issue } from '../model/errors.js';
import { locationOf } from '../model/source-locations.js';
import { didYouMean } from '../model/suggest.js';
import type { Economy } from '../model/types.js';
import { csrFromTriplets } from '../sparse/from-triplets.js';
import { WASM_MIN_NNZ, wasmCsrArrays } from '../sparse/product/to-wasm-csr.js';
import { economyNumberIssues } from './economy-number-issues.js';
import { idIndex } from './id-index.js';
import { ItemResolver } from './item-resolver.js';
import { compileTail } from './compile-tail.js';
import type { CompiledEconomy, IdIndex } from './types.js';


/**
 * Replaces ids by indices and builds the sparse output, input and resource-use matrices (see
 * CompiledEconomy for items, the located products). Linear in the number of coefficients: triplets
 * go into typed arrays, then one CSR build per matrix.
 *
 * Throws InputError for references to unknown ids and for numbers outside the magnitude rule
 * (finite, at most 1e30 in magnitude: model/magnitude.ts). A parsed model has neither; a model
 * built in code might.
 */
export function compileRecords(e: Economy): CompiledEconomy {
  const where = (kind: string) => (i: number) => locationOf(e, [kind, i, 'id']);
  const products = idIndex(e.products.map((p) => p.id), 'product', where('products'));
  const resources = idIndex(e.resources.map((r) => r.id), 'resource', where('resources'));
  const techniques = idIndex(e.techniques.map((t) => t.id), 'technique', where('techniques'));
  const periods = idIndex(e.periods, 'period', (i) => locationOf(e, ['periods', i]));
  const regions = idIndex(e.regions.map((r) => r.id), 'region', where('regions'));
  const issues: Issue[] = [];
  const regionOf = (id: string | undefined, path: () => (string | number)[]): number => {
    if (id === undefined) return -1;
    const r = regions.index.get(id);
    if (r !== undefined) return r;
    issues.push({ code: 'unknown-id', message: `unknown region "${id}"${didYouMean(id, regions.ids)}`, location: locationOf(e, path()), value: id });
    return -1;
  };
  const resolver = new ItemResolver(e, products.index, regions.index);
  const nT = e.techniques.length;

  // Technique entries as triplets over located-product codes.
  const producesKeys: string[][] = new Array<string[]>(nT);
  const consumesKeys: string[][] = new Array<string[]>(nT);
  const usesKeys: string[][] = new Array<string[]>(nT);
  let nOut = 0;
  let nIn = 0;
  let nUse = 0;
  for (let j = 0; j < nT; j++) {
    const t = e.techniques[j];
    nOut += (producesKeys[j] = Object.keys(t.produces)).length;
    nIn += (consumesKeys[j] = Object.keys(t.consumes)).length;
    nUse += (usesKeys[j] = Object.keys(t.uses)).length;
  }
  const outRow = new Int32Array(nOut);
  const outCol = new Int32Array(nOut);
  const outVal = new Float64Array(nOut);
  const inRow = new Int32Array(nIn);
  const inCol = new Int32Array(nIn);
  const inVal = new Float64Array(nIn);
  const useRow = new Int32Array(nUse);
  const useCol = new Int32Array(nUse);
  const useVal = new Float64Array(nUse);
  const capacity = new Float64Array(nT);
  const techniqueRegion = new Int32Array(nT);
  const resourceIndex = resources.index;
  let o = 0;
  let q = 0;
  let u = 0;
  for (let j = 0; j < nT; j++) {
    const t = e.techniques[j];
    const r = t.region === undefined ? -1 : regionOf(t.region, () => ['techniques', j, 'region']);
    techniqueRegion[j] = r;
    capacity[j] = t.capacity ?? Infinity;
    const produces = t.produces;
    let keys = producesKeys[j];
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k];
      const code = resolver.resolve(key, r);
      if (code < 0) resolver.report(key, locationOf(e, ['techniques', j, 'produces', key], true));
      outRow[o] = code;
      outCol[o] = j;
      outVal[o++] = produces[key];
    }
    const consumes = t.consumes;
    keys = consumesKeys[j];
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k];
      const code = resolver.resolve(key, r);
      if (code < 0) resolver.report(key, locationOf(e, ['techniques', j, 'consumes', key], true));
      inRow[q] = code;
      inCol[q] = j;
      inVal[q++] = consumes[key];
    }
    const uses = t.uses;
    keys = usesKeys[j];
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k];
      const s = resourceIndex.get(key);
      if (s === undefined) {
        issues.push({ code: 'unknown-id', message: `unknown resource "${key}"${didYouMean(key, resources.ids)}`, location: locationOf(e, ['techniques', j, 'uses', key], true), value: key });
        useRow[u] = -1;
      } else useRow[u] = s;
      useCol[u] = j;
      useVal[u++] = uses[key];
    }
  }

  // Other occurrences of located products: targets, trade, the model's plan.
  const targetCode = new Int32Array(e.targets.length);
  const targetRegion = new Int32Array(e.targets.length);
  e.targets.forEach((t, i) => {
    const r = regionOf(t.region, () => ['targets', i, 'region']);
    targetCode[i] = resolver.resolveOrReport(t.product, r, () => locationOf(e, ['targets', i, 'product']));
    targetRegion[i] = r;
  });
  const extraCodes: number[] = [];
  // Trade terms for a bare product apply to all its items; in a model with regions they do not
  // make an unlocated item of their own (only `product@region` names one).
  e.trade.forEach((t, i) => {
    const code = resolver.resolveOrReport(t.product, -1, () => locationOf(e, ['trade', i, 'product']));
    if (e.regions.length === 0 || t.product.includes('@')) extraCodes.push(code);
  });
  if (e.plan !== undefined) {
    for (const field of ['output', 'imports', 'exports', 'fromStock', 'toStock'] as const) {
      const m = e.plan[field];
      if (m !== undefined) for (const k of Object.keys(m)) extraCodes.push(resolver.resolveOrReport(k, -1, () => locationOf(e, ['plan', field, k], true)));
    }
  }
  appendAll(issues, resolver.issues);
  appendAll(issues, economyNumberIssues(e, [outVal, inVal, useVal]));
  if (issues.length > 0) throw new InputError(issues);

  // Items: every located product that occurs, ordered by product, then region (unlocated first).
  const slots = resolver.slots;
  const nP = e.products.length;
  const itemOfCode = new Int32Array(nP * slots).fill(-1);
  const mark = (codes: Int32Array | readonly number[]): void => {
    for (let k = 0; k < codes.length; k++) itemOfCode[codes[k]] = 0;
  };
  mark(outRow);
  mark(inRow);
  mark(targetCode);
  mark(extraCodes);
  const itemIds: string[] = [];
  const itemProductList: number[] = [];
  const itemRegionList: number[] = [];
  for (let p = 0; p < nP; p++) {
    const own = resolver.productRegion[p];
    let any = false;
    for (let s = 0; s < slots; s++) if (itemOfCode[p * slots + s] === 0) any = true;
    if (!any) itemOfCode[p * slots + own + 1] = 0;
    for (let s = 0; s < slots; s++) {
      const code = p * slots + s;
      if (itemOfCode[code] !== 0) continue;
      itemOfCode[code] = itemIds.length;
      itemIds.push(s === 0 || own >= 0 ? products.ids[p] : `${products.ids[p]}@${regions.ids[s - 1]}`);
      itemProductList.push(p);
      itemRegionList.push(s - 1);
    }
  }
  for (let k = 0; k < nOut; k++) outRow[k] = itemOfCode[outRow[k]];
  for (let k = 0; k < nIn; k++) inRow[k] = itemOfCode[inRow[k]];
  const nItems = itemIds.length;
  const items: IdIndex = idIndex(itemIds, 'item');

  const tail = compileTail(e, { periods, resources, regionOf, issues }, {
    count: e.targets.length,
    item: (i) => itemOfCode[targetCode[i]],
    amount: (i) => e.targets[i].amount,
    priority: (i) => e.targets[i].priority,
    region: (i, item) => (targetRegion[i] >= 0 ? targetRegion[i] : itemRegionList[item]),
    period: (i) => e.targets[i].period,
    category: (i) => e.targets[i].category,
  });
  return {
    model: e,
    items,
    itemProduct: Int32Array.from(itemProductList),
    itemRegion: Int32Array.from(itemRegionList),
    products,
    resources,
    techniques,
    periods,
    regions,
    ...tail,
    outputs: csrFromTriplets(nItems, nT, outRow, outCol, outVal),
    // Square and large enough for the WebAssembly kernels: built in their memory, where A (these
    // inputs, for one technique per item making one unit) is then solved without a copy.
    inputs: csrFromTriplets(nItems, nT, inRow, inCol, inVal, false, nItems === nT && inRow.length >= WASM_MIN_NNZ ? (n, nz) => wasmCsrArrays(n, nz) : undefined),
    resourceUse: csrFromTriplets(e.resources.length, nT, useRow, useCol, useVal),
    capacity,
    techniqueRegion,
  };
}
