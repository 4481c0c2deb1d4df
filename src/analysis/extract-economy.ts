import { demandVector, leontiefSystem, planActivities } from '../compile/index.js';
import type { CompiledEconomy, LeontiefSystem } from '../compile/index.js';
import { finalUse } from '../balance/index.js';
import {
  allocationCoefficients,
  backwardLinkages,
  extractionRanking,
  flowMatrix,
  forwardLinkages,
  grossOutput,
  hypotheticalExtraction,
  nonProductiveLoops,
  type ExtractionKind,
  type LeontiefOptions,
} from '../leontief/index.js';
import { inputError } from '../model/errors.js';
import type { Demand } from '../model/parse-demand.js';
import type { AnyEconomy } from '../model/types.js';
import { failureJson, failureSentence, type SolveOutcome, type Table } from '../report/index.js';
import { extractionPart, keySectorsPart } from '../report/extraction-tables.js';
import type { AnalysisResult } from './analyze-economy.js';
import { itemsOfRegions, itemsOfSectors } from './resolve-extracted.js';

export const EXTRACTION_KINDS: readonly ExtractionKind[] = ['total', 'backward', 'forward'];

/** How the caller names its options, for errors (`--sectors` on the command line, `sectors` in a body). */
export interface ExtractionOptionNames {
  readonly sectors: string;
  readonly regions: string;
  readonly rank: string;
  readonly period: string;
  readonly tolerance: string;
  readonly maxIterations: string;
}

/** What to extract, and whether to rank every item or region by its own extraction. */
export interface ExtractionRequest {
  /** Sector names: item ids, product ids or imported tables' sectors (see itemsOfSectors). */
  readonly sectors?: readonly string[];
  /** Regions: every item located in them. */
  readonly regions?: readonly string[];
  readonly kind: ExtractionKind;
  /** Extract every item ('items') or every region ('regions') in turn and rank them by the loss. */
  readonly rank?: 'items' | 'regions';
  readonly demand?: Demand;
  readonly demandLabel?: string;
  readonly period?: string;
  readonly tolerance: number;
  readonly maxIterations: number;
  /** Called by the iterative solves after each iteration (a progress bar: a ranking is one solve per item or region). */
  readonly onProgress?: (iteration: number, relativeResidual: number) => void;
  readonly names: ExtractionOptionNames;
}

/**
 * Hypothetical extraction (`plenty extract`, `POST /api/models/:id/extraction`): the chosen
 * sectors and regions taken out of the economy together (total, backward or forward, after
 * Dietzenbacher and Lahr), with gross output and every resource before and after and the loss,
 * absolute and relative; and on request the ranking of every item (with its Rasmussen–Hirschman
 * backward and forward indices) or every region by the output loss of its own extraction (key
 * sectors). The final demand is the period's final use, or the one given. A solve that does not
 * succeed gives its status and sentence, no numbers.
 */
export function extractEconomy(economy: AnyEconomy, c: CompiledEconomy, req: ExtractionRequest): AnalysisResult {
  const { tolerance, maxIterations, names } = req;
  let period = 0;
  if (req.period !== undefined) {
    const p = c.periods.index.get(req.period);
    if (p === undefined) throw inputError('unknown-id', `${names.period} names no period (periods: ${c.periods.ids.join(', ')})`, { path: [names.period] }, req.period);
    period = p;
  }
  const chosen = [...new Set([...itemsOfSectors(c, req.sectors ?? [], names.sectors), ...itemsOfRegions(c, req.regions ?? [], names.regions)])].sort((a, b) => a - b);
  if (chosen.length === 0 && req.rank === undefined) {
    throw inputError('missing', `say what to extract with ${names.sectors} or ${names.regions}, or rank every item or region with ${names.rank}`, { path: [names.sectors] });
  }
  if (req.rank === 'regions' && c.regions.ids.length === 0) throw inputError('invalid-option', `${names.rank} regions: the model has no regions`, { path: [names.rank] }, 'regions');
  const activity = economy.plan !== undefined ? planActivities(c, economy.plan).activity : undefined;
  const sys: LeontiefSystem = leontiefSystem(c, activity !== undefined ? { activity } : {});
  const y = req.demand !== undefined ? demandVector(c, req.demand) : finalUse(c, period);
  const ids = c.items.ids;
  const resourceUnit = (id: string): string => economy.resources[c.resources.index.get(id) ?? 0]?.unit ?? '';
  const opts: LeontiefOptions = { tolerance, maxIterations, ...(req.onProgress !== undefined ? { onProgress: req.onProgress } : {}) };
  const rows = c.resources.ids;
  const tables: Table[] = [];
  const header: string[] = [];
  const failures: string[] = [];
  const json: Record<string, unknown> = {
    model: economy.name,
    demand: req.demandLabel ?? 'targets',
    kind: req.kind,
    items: ids,
    units: ids.map((_, i) => economy.products[c.itemProduct[i]]?.unit ?? ''),
    resources: rows.map((id) => ({ id, unit: resourceUnit(id) })),
    extracted: chosen.map((i) => ids[i]),
  };
  let loops: string[][] | undefined;
  const add = (key: string, title: string, solves: readonly (readonly [string, SolveOutcome])[], part: () => { json: unknown; table: Table; more?: readonly Table[] }): void => {
    const bad = solves.find(([, o]) => o.status !== 'converged');
    if (bad === undefined) {
      const p = part();
      json[key] = p.json;
      tables.push(p.table, ...(p.more ?? []));
      return;
    }
    const [what, o] = bad;
    if (o.status === 'not-productive') loops ??= nonProductiveLoops(sys).map((loop) => loop.map((i) => ids[i]));
    const sentence = failureSentence(o, {
      what,
      ...(loops !== undefined ? { loops } : {}),
      maxIterations: { value: maxIterations, option: names.maxIterations },
      tolerance: { value: tolerance, option: names.tolerance },
    });
    json[key] = failureJson(o, sentence);
    header.push(`${title}: ${o.status}. No results.`);
    failures.push(sentence);
  };
  if (chosen.length > 0) {
    const r = hypotheticalExtraction(sys, y, chosen, req.kind, rows, opts);
    add('extraction', 'Extraction', [[`the gross output after the ${req.kind} extraction`, r]], () => extractionPart(ids, r, (q) => (q === 'output' ? '' : resourceUnit(q))));
  }
  if (req.rank !== undefined) {
    const groups = req.rank === 'regions' ? c.regions.ids.map((name) => ({ name, items: itemsOfRegions(c, [name], names.rank) })).filter((g) => g.items.length > 0) : undefined;
    const ranking = extractionRanking(sys, y, req.kind, groups, rows, opts);
    const solves: [string, SolveOutcome][] = [[`the gross output after each ${req.kind} extraction`, ranking]];
    let linkages: { backward: Float64Array; forward: Float64Array } | undefined;
    if (req.rank === 'items' && ranking.status === 'converged') {
      const go = grossOutput(sys, y, opts);
      const back = backwardLinkages(sys, opts);
      const fwd = go.status === 'converged' ? forwardLinkages(allocationCoefficients(flowMatrix(sys.A, go.x), go.x), opts) : undefined;
      solves.push(['the backward linkages e (I − A)⁻¹', back], ['the gross output (I − A) x = y', go]);
      if (fwd !== undefined) solves.push(['the forward linkages (I − B)⁻¹ e', fwd]);
      if (fwd !== undefined) linkages = { backward: back.normalised, forward: fwd.normalised };
    }
    const index = new Map(ids.map((id, i) => [id, i]));
    add('ranking', 'Key sectors', solves, () => keySectorsPart(req.rank ?? 'items', req.kind, ranking, linkages === undefined ? undefined : (name) => {
      const i = index.get(name);
      return i === undefined ? undefined : { backward: linkages.backward[i], forward: linkages.forward[i] };
    }));
  }
  return { tables, json, header, failures };
}
