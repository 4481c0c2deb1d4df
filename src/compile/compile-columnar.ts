import { columnarToEconomy } from '../model/binary/columnar-to-economy.js';
import { recordColumns } from '../model/column-records.js';
import { InputError, appendAll, type Issue } from '../model/errors.js';
import { knownIds } from '../model/known-ids.js';
import { inMagnitude } from '../model/magnitude.js';
import { magnitudeIssue } from '../model/magnitude-issue.js';
import { locationOf } from '../model/source-locations.js';
import { didYouMean } from '../model/suggest.js';
import type { ColumnarEconomy, ProductEntries, SparseRows } from '../model/types.js';
import type { CsrMatrix } from '../sparse/csr.js';
import { compileRecords } from './compile-records.js';
import { compileTail } from './compile-tail.js';
import { economyNumberIssues } from './economy-number-issues.js';
import { idIndex } from './id-index.js';
import { ItemResolver } from './item-resolver.js';
import type { CompiledEconomy } from './types.js';

/**
 * Whether every product of the model is exactly one item, whatever names it: no regions, or
 * every product located in its own region; and no coefficient or target names a region
 * explicitly (`coal@ukraine`, which could name a second item of the same product or repeat an
 * entry). Then items are the products, in order, and the coefficient matrices are already the
 * compiled ones.
 */
function itemPerProduct(e: ColumnarEconomy): boolean {
  const { produces, consumes } = e.coefficients;
  if (produces.region !== undefined || consumes.region !== undefined) return false;
  if (e.targets.productRegion?.some((r) => r >= 0) === true) return false;
  if (e.regions.length === 0) return true;
  const columns = recordColumns(e.products);
  return columns !== undefined ? columns.region.every((r) => r >= 0) : e.products.every((p) => p.region !== undefined);
}

/** 0, 1, …, n − 1. */
function identity(n: number): Int32Array {
  const a = new Int32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  return a;
}

/** The matrix without explicit zeros (as csrFromTriplets builds the compiled ones); the same arrays when it has none. */
function withoutZeros(m: SparseRows): CsrMatrix {
  const { rows, cols, rowPtr, colIdx, values } = m;
  let zeros = 0;
  for (let p = 0; p < values.length; p++) if (values[p] === 0) zeros++;
  if (zeros === 0) return { rows, cols, rowPtr, colIdx, values };
  const ptr = new Int32Array(rows + 1);
  const ci = new Int32Array(values.length - zeros);
  const va = new Float64Array(values.length - zeros);
  let out = 0;
  for (let i = 0; i < rows; i++) {
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      if (values[p] === 0) continue;
      ci[out] = colIdx[p];
      va[out++] = values[p];
    }
    ptr[i + 1] = out;
  }
  return { rows, cols, rowPtr: ptr, colIdx: ci, values: va };
}

/** Coefficients beyond the magnitude rule (a ColumnarEconomy built in code might hold one), located at their technique. */
function coefficientIssues(e: ColumnarEconomy, role: 'produces' | 'consumes' | 'uses', m: ProductEntries, ids: readonly string[]): Issue[] {
  const issues: Issue[] = [];
  // The common case in one tight pass: every value keeps the rule.
  const values = m.values;
  let all = true;
  for (let p = 0; p < values.length && all; p++) all = inMagnitude(values[p]);
  if (all) return issues;
  for (let i = 0; i < m.rows; i++) {
    for (let p = m.rowPtr[i]; p < m.rowPtr[i + 1]; p++) {
      if (inMagnitude(m.values[p])) continue;
      const issue = magnitudeIssue(m.values[p], locationOf(e, ['techniques', m.colIdx[p], role]), `technique "${e.techniques[m.colIdx[p]]?.id ?? m.colIdx[p]}" ${role} "${ids[i]}":`);
      if (issue !== undefined) issues.push(issue);
    }
  }
  return issues;
}

/**
 * Compiles a ColumnarEconomy (CompiledEconomy, as compileEconomy does for records) from its typed
 * arrays, with no object per coefficient: where every product is one item (no regions, or every
 * product located in its own, and no key naming a region), the products are the items and the
 * coefficient matrices the compiled ones (shared, not copied, unless they hold explicit zeros).
 * Other models are compiled through their records (columnarToEconomy), the same result.
 */
export function compileColumnar(e: ColumnarEconomy): CompiledEconomy {
  if (!itemPerProduct(e)) return { ...compileRecords(columnarToEconomy(e)), model: e };
  const where = (kind: string) => (i: number) => locationOf(e, [kind, i, 'id']);
  // Ids the reader checked distinct come with the index it built.
  const products = knownIds(e.products) ?? idIndex(e.products.map((p) => p.id), 'product', where('products'));
  const resources = idIndex(e.resources.map((r) => r.id), 'resource', where('resources'));
  const techniques = knownIds(e.techniques) ?? idIndex(e.techniques.map((t) => t.id), 'technique', where('techniques'));
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
  const nT = e.techniques.length;
  const nP = e.products.length;
  const { produces, consumes, uses } = e.coefficients;
  const shape = (m: SparseRows, rows: number, what: string): void => {
    if (m.rows !== rows || m.cols !== nT || m.rowPtr.length !== rows + 1 || m.colIdx.length !== m.rowPtr[rows] || m.values.length !== m.rowPtr[rows]) {
      issues.push({ code: 'invalid', message: `the ${what} matrix is ${m.rows} × ${m.cols} with ${m.values.length} entries; the model has ${rows} rows and ${nT} techniques`, location: locationOf(e, ['techniques']) });
    }
  };
  shape(produces, nP, 'produces');
  shape(consumes, nP, 'consumes');
  shape(uses, e.resources.length, 'uses');
  if (issues.length > 0) throw new InputError(issues);
  const capacity = new Float64Array(nT);
  const techniqueRegion = new Int32Array(nT);
  const techniqueColumns = recordColumns(e.techniques);
  if (techniqueColumns !== undefined) {
    // Kept as columns: each technique's region index (checked when read; regions in model order), no capacity.
    techniqueRegion.set(techniqueColumns.region);
    capacity.fill(Infinity);
  } else {
    for (let j = 0; j < nT; j++) {
      const t = e.techniques[j];
      techniqueRegion[j] = t.region === undefined ? -1 : regionOf(t.region, () => ['techniques', j, 'region']);
      capacity[j] = t.capacity ?? Infinity;
    }
  }
  const nTg = e.targets.amount.length;
  const resolver = new ItemResolver(e, products.index, regions.index);
  const itemRegion = resolver.productRegion;
  // Trade terms and the model's plan name items that exist already (each product is one item).
  e.trade.forEach((t, i) => resolver.resolveOrReport(t.product, -1, () => locationOf(e, ['trade', i, 'product'])));
  if (e.plan !== undefined) {
    for (const field of ['output', 'imports', 'exports', 'fromStock', 'toStock'] as const) {
      const m = e.plan[field];
      if (m !== undefined) for (const k of Object.keys(m)) resolver.resolveOrReport(k, -1, () => locationOf(e, ['plan', field, k], true));
    }
  }
  appendAll(issues, resolver.issues);
  const productIds = products.ids;
  const resourceIds = resources.ids;
  appendAll(issues, coefficientIssues(e, 'produces', produces, productIds));
  appendAll(issues, coefficientIssues(e, 'consumes', consumes, productIds));
  appendAll(issues, coefficientIssues(e, 'uses', uses, resourceIds));
  appendAll(issues, economyNumberIssues(e, []));
  if (issues.length > 0) throw new InputError(issues);
  const t = e.targets;
  const tail = compileTail(e, { periods, resources, regionOf, issues }, {
    count: nTg,
    item: (i) => t.product[i],
    amount: (i) => t.amount[i],
    priority: (i) => t.priority[i],
    region: (i, item) => (t.region[i] >= 0 ? t.region[i] : itemRegion[item]),
    period: (i) => (t.period[i] >= 0 ? e.periods[t.period[i]] : undefined),
    category: (i) => (t.category[i] >= 0 ? t.categories[t.category[i]] : undefined),
    columns: { item: t.product, amount: t.amount, priority: t.priority, region: t.region, itemRegion, period: t.period, category: t.category, categoryNames: t.categories },
  });
  return {
    model: e,
    items: products,
    itemProduct: identity(nP),
    itemRegion: itemRegion.slice(),
    products,
    resources,
    techniques,
    periods,
    regions,
    ...tail,
    outputs: withoutZeros(produces),
    inputs: withoutZeros(consumes),
    resourceUse: withoutZeros(uses),
    capacity,
    techniqueRegion,
  };
}
