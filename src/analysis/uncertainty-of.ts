import { demandVector, leontiefSystem, planActivities } from '../compile/index.js';
import type { CompiledEconomy } from '../compile/index.js';
import { coefficientMultipliers, monteCarlo, monteCarloTolerance, nonProductiveLoops } from '../leontief/index.js';
import type { MonteCarloResult } from '../leontief/index.js';
import { InputError, inputError, type Issue } from '../model/errors.js';
import type { Demand } from '../model/parse-demand.js';
import type { AnyEconomy } from '../model/types.js';
import type { CsrMatrix } from '../sparse/csr.js';
import { failureJson, failureSentence, uncertaintyParts, type Table, type UncertaintyRow } from '../report/index.js';
import type { DrawEntry } from './draws-table.js';
import { regionalFinalDemand } from './final-demand-of.js';

/** How the caller names its options, for errors and advice. */
export interface UncertaintyNames {
  readonly rsd: string;
  readonly demandRsd: string;
  readonly extensionRsd: string;
  readonly distribution: string;
  readonly draws: string;
  readonly seed: string;
  readonly drawsTable: string;
  readonly demand: string;
  readonly period: string;
  readonly tolerance: string;
  readonly maxIterations: string;
}

export interface UncertaintyRequest {
  /** Relative standard deviation of every coefficient of A. */
  readonly rsd: number;
  /** Of every final-demand entry (default 0). */
  readonly demandRsd?: number;
  /** Of every resource coefficient (default 0). */
  readonly extensionRsd?: number;
  readonly distribution?: 'lognormal' | 'normal';
  /** Number of draws (default: the table of draws' count, else 1000). */
  readonly draws?: number;
  readonly seed?: number;
  /** Drawn coefficients that replace the random ones in their draw (a table of draws). */
  readonly drawsTable?: readonly DrawEntry[];
  /** A demand file's amounts in place of the period's final use by region. */
  readonly demand?: Demand;
  readonly demandLabel?: string;
  readonly period?: string;
  /**
   * The solves' relative residual: the deterministic multipliers' (default 1e-12) and the draws'
   * (default `monteCarloTolerance`, from the spread and the number of draws).
   */
  readonly tolerance?: number | undefined;
  readonly maxIterations: number;
  /** After each draw (a progress bar, a job's progress); may throw to stop the run. */
  readonly onDraw?: (done: number, total: number) => void;
  readonly names: UncertaintyNames;
}

export interface UncertaintyOutcome {
  readonly tables: readonly Table[];
  readonly json: Record<string, unknown>;
  readonly header: readonly string[];
  readonly failures: readonly string[];
}

const DEFAULT_DRAWS = 1000;
/** Most draws a request may ask for. */
export const MAX_DRAWS = 100_000;
/** Most numbers (draws × rows × products) a run may keep for its percentiles. */
export const MAX_KEPT = 50_000_000;

/** Positions of the table's entries: per draw, (index into A's values or −1 − k·n − j for row k, column j, value). */
function placeDraws(c: CompiledEconomy, A: CsrMatrix, rows: readonly string[], table: readonly DrawEntry[], draws: number, option: string): Map<number, [number, number][]> {
  const n = c.items.ids.length;
  const issues: Issue[] = [];
  const byDraw = new Map<number, [number, number][]>();
  for (const e of table) {
    if (e.draw > draws) {
      issues.push({ code: 'out-of-range', message: `draw ${e.draw} is beyond the ${draws} draws asked for`, location: e.location, value: e.draw });
      continue;
    }
    const j = c.items.index.get(e.column);
    if (j === undefined) {
      issues.push({ code: 'unknown-id', message: `the column names no product`, location: { ...e.location, tableColumn: 3 }, value: e.column });
      continue;
    }
    let pos: number | undefined;
    const i = c.items.index.get(e.row);
    if (i !== undefined) {
      for (let p = A.rowPtr[i]; p < A.rowPtr[i + 1]; p++) if (A.colIdx[p] === j) pos = p;
      if (pos === undefined) {
        issues.push({ code: 'not-a-coefficient', message: `${e.column} uses no ${e.row} in the model (only its non-zero coefficients can be drawn)`, location: { ...e.location, tableColumn: 2 }, value: e.row });
        continue;
      }
    } else {
      const k = rows.indexOf(e.row);
      if (k < 0) {
        issues.push({ code: 'unknown-id', message: 'the row names no product and no resource', location: { ...e.location, tableColumn: 2 }, value: e.row });
        continue;
      }
      pos = -1 - (k * n + j);
    }
    const list = byDraw.get(e.draw - 1) ?? [];
    list.push([pos, e.value]);
    byDraw.set(e.draw - 1, list);
  }
  if (issues.length > 0) throw new InputError(issues.map((x) => ({ ...x, message: `${option}: ${x.message}` })));
  return byDraw;
}

/**
 * Monte Carlo over the coefficients (`plenty uncertainty` and the uncertainty job of the service):
 * each draw multiplies every coefficient of A (and, on request, every final-demand entry and
 * resource coefficient) by an independent random factor with the given relative standard deviation
 * (lognormal by default, mean 1; normal cut at 0), entries of a table of draws replacing theirs;
 * solves the multipliers of every resource and of gross output, and the footprints of every
 * region's final demand (the model's direct uses added, as `plenty analyze --footprints` does);
 * and summarises each by mean, median and 2.5 / 97.5 percentiles beside its deterministic value.
 * Seeded and reproducible. A draw that is not productive or does not converge ends the run with
 * its status and sentence, no numbers.
 */
export function uncertaintyOf(economy: AnyEconomy, c: CompiledEconomy, req: UncertaintyRequest): UncertaintyOutcome {
  const { names } = req;
  let period = 0;
  if (req.period !== undefined) {
    const p = c.periods.index.get(req.period);
    if (p === undefined) throw inputError('unknown-id', `${names.period} names no period (periods: ${c.periods.ids.join(', ')})`, { path: [names.period] }, req.period);
    period = p;
  }
  for (const [v, option] of [[req.rsd, names.rsd], [req.demandRsd ?? 0, names.demandRsd], [req.extensionRsd ?? 0, names.extensionRsd]] as const) {
    if (!(Number.isFinite(v) && v >= 0 && v <= 10)) throw inputError('invalid-option', `${option} must be a relative standard deviation from 0 to 10`, { path: [option] }, v);
  }
  const distribution = req.distribution ?? 'lognormal';
  if (distribution !== 'lognormal' && distribution !== 'normal') throw inputError('invalid-option', `${names.distribution} must be lognormal or normal`, { path: [names.distribution] }, distribution);
  const tableDraws = req.drawsTable === undefined ? undefined : Math.max(...req.drawsTable.map((e) => e.draw));
  const draws = req.draws ?? tableDraws ?? DEFAULT_DRAWS;
  if (!(Number.isSafeInteger(draws) && draws >= 1 && draws <= MAX_DRAWS)) throw inputError('invalid-option', `${names.draws} must be a whole number from 1 to ${MAX_DRAWS}`, { path: [names.draws] }, draws);
  const seed = req.seed ?? 1;
  if (!(Number.isSafeInteger(seed) && seed >= 0 && seed <= 0xffffffff)) throw inputError('invalid-option', `${names.seed} must be a whole number from 0 to ${0xffffffff}`, { path: [names.seed] }, seed);

  const activity = economy.plan !== undefined ? planActivities(c, economy.plan).activity : undefined;
  const sys = leontiefSystem(c, activity !== undefined ? { activity } : {});
  const n = c.items.ids.length;
  const resources = c.resources.ids;
  const rowNames = [...resources, 'output'];
  const k = rowNames.length;
  if (draws * k * n > MAX_KEPT) {
    throw inputError('too-large', `${draws} draws of ${k} × ${n} multipliers are more than ${MAX_KEPT.toLocaleString('en-GB')} numbers to keep: ask for fewer draws`, { path: [names.draws] }, draws);
  }
  // The coefficient rows: every resource's, then ones (gross output), dense k × n.
  const values = new Float64Array(k * n);
  const P = sys.primary;
  if (P !== undefined) for (let r = 0; r < resources.length; r++) for (let p = P.rowPtr[r]; p < P.rowPtr[r + 1]; p++) values[r * n + P.colIdx[p]] = P.values[p];
  values.fill(1, (k - 1) * n);
  const rowsCsr: CsrMatrix = { rows: k, cols: n, rowPtr: Int32Array.from({ length: k + 1 }, (_, q) => q * n), colIdx: Int32Array.from({ length: k * n }, (_, p) => p % n), values };

  const fromFile = req.demand !== undefined;
  const regional = fromFile ? { regions: ['all'], columns: [demandVector(c, req.demand as Demand)] } : regionalFinalDemand(c, period);
  const y = new Float64Array(n);
  for (const col of regional.columns) for (let i = 0; i < n; i++) y[i] += col[i];
  for (let i = 0; i < n; i++) {
    if (y[i] < 0) throw inputError('negative', `the final demand of ${c.items.ids[i]} is negative (${y[i]}): Monte Carlo needs a non-negative final demand`, { path: [fromFile ? names.demand : names.period, c.items.ids[i]] }, y[i]);
  }
  // Final demand's own use of each resource (not drawn): added to every summary of its footprint.
  const R = regional.regions.length;
  const direct = new Float64Array(k * R);
  if (!fromFile) {
    const d = c.directUse;
    for (let t = 0; t < d.resource.length; t++) {
      const g = d.region[t] >= 0 ? regional.regions.indexOf(c.regions.ids[d.region[t]]) : regional.regions.indexOf(c.regions.ids.length === 0 ? 'all' : 'unassigned');
      if (d.resource[t] >= 0 && g >= 0) direct[d.resource[t] * R + g] += d.amount[t];
    }
  }
  const placed = req.drawsTable === undefined ? undefined : placeDraws(c, sys.A, rowNames, req.drawsTable, draws, names.drawsTable);
  const spread = { A: req.rsd, y: req.demandRsd ?? 0, rows: req.extensionRsd ?? 0, distribution };
  const detTolerance = req.tolerance ?? 1e-12;
  const drawTolerance = req.tolerance ?? monteCarloTolerance(spread, draws);
  const det = coefficientMultipliers(sys, rowsCsr, { tolerance: detTolerance, maxIterations: req.maxIterations });
  const head = {
    model: economy.name,
    demand: fromFile ? (req.demandLabel ?? 'the demand given') : 'the model’s final use by region',
    draws,
    seed,
    distribution,
    rsd: { coefficients: req.rsd, demand: req.demandRsd ?? 0, extensions: req.extensionRsd ?? 0 },
    ...(req.drawsTable !== undefined ? { drawsTable: req.drawsTable.length } : {}),
  };
  const fail = (o: { status: string; iterations?: number; relativeResidual?: number }, what: string, tolerance: number): UncertaintyOutcome => {
    const loops = o.status === 'not-productive' ? nonProductiveLoops(sys).map((loop) => loop.map((i) => c.items.ids[i])) : undefined;
    const sentence = failureSentence(o, { what, ...(loops !== undefined ? { loops } : {}), maxIterations: { value: req.maxIterations, option: names.maxIterations }, tolerance: { value: tolerance, option: names.tolerance } });
    return { tables: [], json: { ...head, ...failureJson(o, sentence) }, header: [`Uncertainty: ${o.status}. No results.`], failures: [sentence] };
  };
  if (det.status !== 'converged') return fail(det, 'the deterministic multipliers m (I − A) = c', detTolerance);

  const result: MonteCarloResult = monteCarlo(
    sys,
    rowsCsr,
    y,
    spread,
    {
      draws,
      seed,
      demands: regional.columns,
      adjust: (t, A, _y, rows) => {
        rows[k - 1].fill(1);
        for (const [pos, v] of placed?.get(t) ?? []) {
          if (pos >= 0) A.set(pos, v);
          else rows[Math.floor((-1 - pos) / n)][(-1 - pos) % n] = v;
        }
      },
      ...(req.onDraw !== undefined ? { onDraw: req.onDraw } : {}),
    },
    { tolerance: drawTolerance, maxIterations: req.maxIterations },
  );
  if (result.status !== 'converged') return fail(result, 'a draw’s solves (I − A) x = y and m (I − A) = c', drawTolerance);

  const unit = (name: string): string => (name === 'output' ? '' : (economy.resources[c.resources.index.get(name) ?? 0]?.unit ?? ''));
  const s = result.demandFootprints;
  const m = result.multipliers;
  if (s === undefined || m === undefined) throw new Error('monteCarlo returned no footprints or multipliers');
  const footprints: UncertaintyRow[] = [];
  for (let q = 0; q < k - 1; q++) {
    for (let g = 0; g < R; g++) {
      const off = direct[q * R + g];
      let value = off;
      for (let i = 0; i < n; i++) value += det.multipliers[q][i] * regional.columns[g][i];
      const at = q * R + g;
      footprints.push({ row: rowNames[q], unit: unit(rowNames[q]), of: regional.regions[g], value, mean: s.mean[at] + off, median: s.median[at] + off, p025: s.p025[at] + off, p975: s.p975[at] + off });
    }
  }
  const multipliers: UncertaintyRow[] = [];
  for (let q = 0; q < k; q++) {
    for (let i = 0; i < n; i++) {
      const at = q * n + i;
      multipliers.push({ row: rowNames[q], unit: unit(rowNames[q]), of: c.items.ids[i], value: det.multipliers[q][i], mean: m.mean[at], median: m.median[at], p025: m.p025[at], p975: m.p975[at] });
    }
  }
  const parts = uncertaintyParts(footprints, multipliers, { draws, seed, distribution, rsd: req.rsd, demandRsd: req.demandRsd ?? 0, extensionRsd: req.extensionRsd ?? 0, iterations: result.iterations, relativeResidual: result.relativeResidual });
  return {
    tables: parts.tables,
    json: { ...head, status: result.status, iterations: result.iterations, relativeResidual: result.relativeResidual, regions: regional.regions, ...parts.json },
    header: [],
    failures: [],
  };
}
