import type { CompiledEconomy } from '../compile/index.js';
import { inputError } from '../model/errors.js';
import type { AnyEconomy } from '../model/types.js';
import { seriesPart, type SeriesMeasure, type Table } from '../report/index.js';
import { analyzeEconomy, type AnalysisRequest } from './analyze-economy.js';
import { decomposeModels, type DecompositionRequest } from './decompose-models.js';
import { denseRow, sideSystem, type ModelSide } from './model-side.js';
import { sameClassification } from './same-classification.js';
import { seriesYears } from './series-years.js';

/** A model of the series, as the caller read it. */
export interface SeriesModel {
  readonly economy: AnyEconomy;
  readonly c: CompiledEconomy;
  /** The file (or `models[k]`) it comes from. */
  readonly source: string;
  /** Its year, where the caller gives it (else from the model or the file name: `seriesYears`). */
  readonly year?: string;
}

/** What to run per year: the analyses of `analyzeEconomy` (without a demand or period of its own), and the decompositions. */
export interface SeriesRequest {
  readonly analysis: Omit<AnalysisRequest, 'period' | 'demand' | 'demandLabel'>;
  /** The decomposition between consecutive years (gross output and the resources of `decomposition.resources`). */
  readonly decompose?: boolean;
  readonly decomposition?: Pick<DecompositionRequest, 'resources' | 'resourceOption'>;
  /** Called before each year's analysis and each decomposition. */
  readonly onStep?: (done: number, total: number, what: string) => void;
}

export interface SeriesResult {
  readonly tables: readonly Table[];
  readonly json: Record<string, unknown>;
  readonly header: readonly string[];
  readonly failures: readonly string[];
}

interface Year {
  readonly side: ModelSide;
  readonly year: string;
}

const asNumbers = (v: unknown): ArrayLike<number> | undefined => (ArrayBuffer.isView(v) || Array.isArray(v) ? (v as ArrayLike<number>) : undefined);

/**
 * A series of tables of one classification (several years of a table, or the periods of one model):
 * the analysis of each year (`analyzeEconomy`: gross output and, on request, multipliers,
 * footprints …), the measures followed over the years (total gross output and each resource's use
 * r·x; with multipliers each item's output multiplier; with footprints each resource's footprint
 * by region of final demand) and, on request, the structural decomposition between consecutive
 * years. Years must differ; the models must share their classification (the first id that
 * differs is named). A year whose solve does not succeed has no numbers (null in the measures).
 */
export function modelSeries(models: readonly SeriesModel[], req: SeriesRequest): SeriesResult {
  if (models.length === 0) throw inputError('empty', 'a series needs at least one model', { path: ['models'] });
  const years: Year[] = [];
  const seen = new Map<string, string>();
  for (const m of models) {
    for (const y of seriesYears(m.economy, m.source, m.year)) {
      const other = seen.get(y.year);
      if (other !== undefined) throw inputError('duplicate-id', `${m.source} and ${other} are both the year ${y.year}`, { path: [m.source, 'year'] }, y.year);
      seen.set(y.year, m.source);
      const multi = m.economy.periods.length > 1;
      years.push({ year: y.year, side: { economy: m.economy, c: m.c, source: m.source, ...(multi ? { period: y.period } : {}) } });
    }
  }
  years.sort((a, b) => Number(a.year) - Number(b.year));
  for (let k = 1; k < years.length; k++) sameClassification(years[0].side, years[k].side);
  const pairs = req.decompose === true ? years.length - 1 : 0;
  const total = years.length + pairs;
  const failures: string[] = [];
  const header: string[] = [];
  const analyses: Record<string, unknown>[] = [];
  const measures = new Map<string, SeriesMeasure & { values: (number | null)[] }>();
  const put = (m: Omit<SeriesMeasure, 'values'>, k: number, v: number | undefined): void => {
    let s = measures.get(m.id);
    if (s === undefined) {
      s = { ...m, values: years.map(() => null) };
      measures.set(m.id, s);
    }
    s.values[k] = v !== undefined && Number.isFinite(v) ? v : null;
  };
  years.forEach((y, k) => {
    req.onStep?.(k, total, `analysing ${y.year}`);
    const { economy, c } = y.side;
    const r = analyzeEconomy(economy, c, { ...req.analysis, ...(y.side.period !== undefined ? { period: y.side.period } : {}) });
    analyses.push({ year: y.year, source: y.side.source, ...r.json });
    failures.push(...r.failures.map((f) => `${y.year}: ${f}`));
    header.push(...r.header.map((h) => `${y.year}: ${h}`));
    const go = r.json.grossOutput as Record<string, unknown> | undefined;
    const x = asNumbers(go?.x);
    const units = new Set(Array.from(c.itemProduct, (p) => economy.products[p]?.unit ?? ''));
    put({ id: 'gross output', kind: 'output', unit: units.size === 1 ? [...units][0] : 'mixed units' }, k, x === undefined ? undefined : Array.from(x).reduce((a, b) => a + b, 0));
    const sys = sideSystem(y.side);
    c.resources.ids.forEach((id, q) => {
      const row = denseRow(sys.primary, sys.resources.index.get(id) ?? q, c.items.ids.length);
      const unit = economy.resources[q]?.unit ?? '';
      put({ id: `use of ${id}`, kind: 'resource', resource: id, unit }, k, x === undefined ? undefined : row.reduce((acc, v, i) => acc + v * x[i], 0));
    });
    const mult = r.json.multipliers as Record<string, unknown> | undefined;
    if (mult !== undefined) {
      const om = asNumbers(mult.output);
      c.items.ids.forEach((item, i) => put({ id: `output multiplier of ${item}`, kind: 'multiplier', item, unit: '' }, k, om?.[i]));
    }
    const fp = r.json.footprints as { regions?: string[]; rows?: Record<string, number[]> } | undefined;
    if (fp !== undefined && req.analysis.footprints === true) {
      for (const [resource, row] of Object.entries(fp.rows ?? {})) {
        const unit = economy.resources[c.resources.index.get(resource) ?? 0]?.unit ?? '';
        (fp.regions ?? []).forEach((region, g) => put({ id: `footprint of ${region} in ${resource}`, kind: 'footprint', resource, region, unit }, k, row[g]));
      }
    }
  });
  const series = seriesPart(years.map((y) => y.year), [...measures.values()]);
  const tables: Table[] = [series.table];
  const decompositions: Record<string, unknown>[] = [];
  for (let k = 0; k < pairs; k++) {
    const a = years[k];
    const b = years[k + 1];
    req.onStep?.(years.length + k, total, `decomposing ${a.year}–${b.year}`);
    const d = decomposeModels(a.side, b.side, {
      ...(req.decomposition?.resources !== undefined ? { resources: req.decomposition.resources } : {}),
      resourceOption: req.decomposition?.resourceOption ?? 'resources',
      tolerance: req.analysis.tolerance,
      maxIterations: req.analysis.maxIterations,
      toleranceOption: req.analysis.names.tolerance,
      maxIterationsOption: req.analysis.names.maxIterations,
    });
    decompositions.push({ from: a.year, to: b.year, ...d.json });
    tables.push(...d.tables.map((t) => ({ ...t, name: `decomposition_${a.year}_${b.year}`, title: `Structural decomposition ${a.year} → ${b.year}` })));
    failures.push(...d.failures.map((f) => `${a.year}–${b.year}: ${f}`));
    header.push(...d.header.map((h) => `${a.year}–${b.year}: ${h}`));
  }
  req.onStep?.(total, total, 'done');
  return {
    tables,
    json: {
      years: years.map((y) => ({ year: y.year, source: y.side.source, model: y.side.economy.name, period: y.side.period ?? y.side.c.periods.ids[0] })),
      ...(series.json as Record<string, unknown>),
      analyses,
      ...(req.decompose === true ? { decompositions } : {}),
    },
    header,
    failures,
  };
}
