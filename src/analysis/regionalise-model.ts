import { grossOutput, outputMultipliers, regionalTable } from '../leontief/index.js';
import type { LeontiefOptions, LocationQuotient } from '../leontief/index.js';
import { resolveItem } from '../compile/index.js';
import type { CompiledEconomy } from '../compile/index.js';
import { ItemResolver } from '../compile/item-resolver.js';
import { finalUse } from '../balance/index.js';
import { InputError, inputError } from '../model/errors.js';
import type { RegionalData } from '../model/parse-regional-data.js';
import type { Economy, Technique } from '../model/types.js';
import { failureJson, failureSentence, regionalPart, type Table } from '../report/index.js';
import { denseRow, sideSystem } from './model-side.js';

/** How to derive the regional table, and how the caller names its options (for errors). */
export interface RegionaliseRequest {
  readonly method: LocationQuotient;
  /** The FLQ's δ (default 0.3). */
  readonly delta?: number;
  /**
   * What the regional values measure where the file has no national column: 'output' (the
   * national gross output of the model's final demand, the default) or a resource id (its use by
   * each sector, e.g. employment).
   */
  readonly measure?: string;
  /** The name of the regional model (default: the national model's with the method). */
  readonly name?: string;
  readonly tolerance: number;
  readonly maxIterations: number;
  readonly names: { readonly measure: string; readonly delta: string; readonly tolerance: string; readonly maxIterations: string };
}

export interface RegionaliseResult {
  /** The regional model (absent when a solve did not succeed). */
  readonly economy?: Economy;
  readonly tables: readonly Table[];
  readonly json: Record<string, unknown>;
  readonly header: readonly string[];
  readonly failures: readonly string[];
}

/** The item of each sector of the file: an item id, or a product id with one item; every item needs a row. */
function sectorItems(c: CompiledEconomy, data: RegionalData): Int32Array {
  const n = c.items.ids.length;
  const byItem = new Int32Array(n).fill(-1);
  const issues = [];
  for (let k = 0; k < data.sectors.length; k++) {
    const location = { file: data.file, row: data.rows[k], tableColumn: 1 };
    const i = resolveItem(c, data.sectors[k], location);
    if (typeof i !== 'number') issues.push(i);
    else if (byItem[i] >= 0) issues.push({ code: 'duplicate-id', message: `"${data.sectors[k]}" is item "${c.items.ids[i]}" again (first in row ${data.rows[byItem[i]]})`, location, value: data.sectors[k] });
    else byItem[i] = k;
  }
  if (issues.length > 0) throw new InputError(issues);
  const missing = byItem.findIndex((k) => k < 0);
  if (missing >= 0) throw inputError('missing', `the model's sector "${c.items.ids[missing]}" has no row: give every sector a row (0 where the region has none of it)`, { file: data.file }, c.items.ids[missing]);
  return byItem;
}

/** The model with the regional coefficients: each chosen technique's inputs scaled by a_ij(region) / a_ij(nation). */
function regionalEconomy(economy: Economy, c: CompiledEconomy, technique: Int32Array, factor: (i: number, j: number) => number, share: number, name: string, description: string): Economy {
  const resolver = new ItemResolver(economy, c.products.index, c.regions.index);
  const itemOf = (key: string, region: number): number => {
    const code = resolver.resolve(key, region);
    if (code < 0) return -1;
    const p = Math.floor(code / resolver.slots);
    const r = (code % resolver.slots) - 1;
    const product = economy.products[p];
    const id = r < 0 || product.region !== undefined ? product.id : `${product.id}@${c.regions.ids[r]}`;
    return c.items.index.get(id) ?? -1;
  };
  const itemOfTechnique = new Map<number, number>();
  technique.forEach((t, j) => {
    if (t >= 0 && !itemOfTechnique.has(t)) itemOfTechnique.set(t, j);
  });
  const techniques = economy.techniques.map((t, k): Technique => {
    const j = itemOfTechnique.get(k);
    if (j === undefined) return t;
    const region = c.techniqueRegion[k];
    const consumes = Object.fromEntries(Object.entries(t.consumes).map(([key, v]) => {
      const i = itemOf(key, region);
      return [key, i < 0 ? v : v * factor(i, j)];
    }));
    return { ...t, consumes };
  });
  const targets = economy.targets.map((t) => ({ ...t, amount: t.amount * share }));
  return { ...economy, name, description, techniques, targets };
}

/**
 * A regional model from a national one by location quotients (SLQ, CILQ or Flegg's FLQ;
 * `regionalTable`), given the region's output or employment by sector (and optionally the
 * nation's: else the model's gross output, or its use of the resource named by `measure`). The
 * regional model is the national one with each chosen technique's inputs scaled to the regional
 * coefficients (never above the national ones: what the region lacks it buys from outside) and
 * the targets scaled by the region's share R/N, as a first estimate of its final demand. The
 * report: per sector its national and regional values, SLQ, the column sums of the national and
 * regional coefficients, and the national and regional output multipliers.
 */
export function regionaliseModel(economy: Economy, c: CompiledEconomy, data: RegionalData, req: RegionaliseRequest): RegionaliseResult {
  const byItem = sectorItems(c, data);
  const n = c.items.ids.length;
  const sys = sideSystem({ economy, c, source: economy.name });
  const opts: LeontiefOptions = { tolerance: req.tolerance, maxIterations: req.maxIterations };
  const fail = (what: string, o: Parameters<typeof failureSentence>[0]): RegionaliseResult => {
    const sentence = failureSentence(o, { what, maxIterations: { value: req.maxIterations, option: req.names.maxIterations }, tolerance: { value: req.tolerance, option: req.names.tolerance } });
    return { tables: [], json: failureJson(o, sentence), header: [`Regional table: ${o.status}. No results.`], failures: [sentence] };
  };
  const regional = Float64Array.from({ length: n }, (_, i) => data.regional[byItem[i]]);
  let national: Float64Array;
  let measure: string;
  if (data.national !== undefined) {
    const nat = data.national;
    national = Float64Array.from({ length: n }, (_, i) => nat[byItem[i]]);
    measure = `the national column of ${data.file}`;
  } else {
    const go = grossOutput(sys, finalUse(c, 0), opts);
    if (go.status !== 'converged') return fail('the national gross output (I − A) x = y', go);
    if (req.measure === undefined || req.measure === 'output') {
      national = go.x;
      measure = 'gross output';
    } else {
      const r = c.resources.index.get(req.measure);
      if (r === undefined) throw inputError('unknown-id', `${req.names.measure} names no resource (resources: ${c.resources.ids.join(', ') || 'none'}; or output)`, { path: [req.names.measure] }, req.measure);
      const row = denseRow(sys.primary, sys.resources.index.get(req.measure) ?? r, n);
      national = row.map((v, i) => v * go.x[i]);
      measure = `use of ${req.measure}`;
    }
  }
  const table = regionalTable(sys.A, national, regional, req.method, req.delta ?? 0.3, data.totals);
  const natM = outputMultipliers(sys, opts);
  if (natM.status !== 'converged') return fail('the national output multipliers', natM);
  const regM = outputMultipliers({ A: table.A }, opts);
  if (regM.status !== 'converged') return fail('the regional output multipliers', regM);
  const colSum = (m: typeof sys.A): Float64Array => {
    const s = new Float64Array(n);
    for (let p = 0; p < m.values.length; p++) s[m.colIdx[p]] += m.values[p];
    return s;
  };
  const ratio = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    for (let p = sys.A.rowPtr[i]; p < sys.A.rowPtr[i + 1]; p++) {
      const a = sys.A.values[p];
      if (a !== 0 && table.A.values[p] !== a) ratio.set(i * n + sys.A.colIdx[p], table.A.values[p] / a);
    }
  }
  const N = data.totals?.national ?? national.reduce((s, v) => s + v, 0);
  const R = data.totals?.regional ?? regional.reduce((s, v) => s + v, 0);
  const label = req.method === 'flq' ? `FLQ, δ = ${req.delta ?? 0.3}` : req.method.toUpperCase();
  const name = req.name ?? `${economy.name} — regional (${label})`;
  const description = `Derived from “${economy.name}” by location quotients (${label}) over ${measure}: regional coefficients a_ij · min(1, LQ_ij); targets scaled by the region’s share ${(R / N).toPrecision(6)}.`;
  const regionalModel = regionalEconomy(economy, c, sys.technique, (i, j) => ratio.get(i * n + j) ?? 1, R / N, name, description);
  const part = regionalPart({
    method: req.method,
    delta: req.method === 'flq' ? (req.delta ?? 0.3) : undefined,
    lambda: table.lambda,
    measure,
    share: R / N,
    items: c.items.ids,
    national,
    regional,
    slq: table.slq,
    nationalColumnSums: colSum(sys.A),
    regionalColumnSums: colSum(table.A),
    nationalMultipliers: natM.multipliers,
    regionalMultipliers: regM.multipliers,
    changed: ratio.size,
    entries: sys.A.values.filter((v) => v !== 0).length,
  });
  return { economy: regionalModel, tables: [part.table], json: { model: name, source: economy.name, ...(part.json as Record<string, unknown>) }, header: [], failures: [] };
}
