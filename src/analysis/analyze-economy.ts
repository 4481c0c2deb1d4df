import { demandVector, leontiefSystem, planActivities } from '../compile/index.js';
import type { CompiledEconomy, LeontiefSystem } from '../compile/index.js';
import { finalUse } from '../balance/index.js';
import {
  allocationCoefficients,
  backwardLinkages,
  coefficientMultipliers,
  flowMatrix,
  footprintsByRegion,
  footprintsPerCapita,
  forwardLinkages,
  grossOutput,
  incomeMultipliersTypeI,
  labourValues,
  nonProductiveLoops,
  outputMultipliers,
  totalRequirements,
} from '../leontief/index.js';
import type { CharacterisationFactor, LeontiefOptions } from '../leontief/index.js';
import { inputError } from '../model/errors.js';
import type { Demand } from '../model/parse-demand.js';
import type { AnyEconomy } from '../model/types.js';
import {
  failureJson,
  failureSentence,
  footprintsPart,
  grossOutputPart,
  incomeMultipliersPart,
  inversePart,
  labourValuesPart,
  linkagesPart,
  multipliersPart,
  perCapitaPart,
  type AnalysisItems,
  type AnalysisPart,
  type SolveOutcome,
  type Table,
} from '../report/index.js';
import { impactsPart } from '../report/impacts-tables.js';
import { typeIIPart } from '../report/type-ii-tables.js';
import { characterisedImpacts } from './characterised-impacts.js';
import { checkTypeIIRequest, typeIIEffects, type TypeIIOptionNames, type TypeIIRequest } from './type-ii-effects.js';

/** How the caller names its options, for errors and advice (`--labour` on the command line, `labour` in a body). */
export interface AnalysisOptionNames {
  readonly labour: string;
  readonly income: string;
  readonly period: string;
  readonly tolerance: string;
  readonly maxIterations: string;
}

/** What to analyse: the parts beyond gross output, and the rows and demand they use. */
export interface AnalysisRequest {
  /** A final demand in place of the period's final use (the model's targets and direct uses). */
  readonly demand?: Demand;
  /** How the demand is named in the output ('targets' when absent). */
  readonly demandLabel?: string;
  /** The period whose final use is the demand and whose targets give the footprints (default: the first). */
  readonly period?: string;
  readonly multipliers?: boolean;
  readonly linkages?: boolean;
  readonly labourValues?: boolean;
  /** The labour resource; else the one resource named like labour or employment. */
  readonly labour?: string;
  /** The income resource for income multipliers (none when absent). */
  readonly income?: string;
  readonly footprints?: boolean;
  readonly inverse?: boolean;
  /** Type II effects: the model closed with respect to households (see typeIIEffects). */
  readonly typeII?: TypeIIRequest & { readonly names: TypeIIOptionNames };
  /** Characterised impacts: these factors applied to the resources (see characterisedImpacts). */
  readonly characterise?: { readonly factors: readonly CharacterisationFactor[]; readonly file: string };
  readonly tolerance: number;
  readonly maxIterations: number;
  readonly onProgress?: (iteration: number, relativeResidual: number) => void;
  readonly names: AnalysisOptionNames;
}

/** An analysis: its tables (text and CSV), its JSON document, and the solves that did not succeed. */
export interface AnalysisResult {
  readonly tables: readonly Table[];
  readonly json: Record<string, unknown>;
  /** Per part that did not succeed, a line for text output in place of its table. */
  readonly header: readonly string[];
  /** Per part that did not succeed, the sentence saying what happened and what to do. */
  readonly failures: readonly string[];
}

/** The labour row: the one named, else a resource named like labour or employment, if exactly one is. */
export function labourRow(c: CompiledEconomy, chosen: string | undefined, option = '--labour'): string {
  const ids = c.resources.ids;
  if (chosen !== undefined) {
    if (!c.resources.index.has(chosen)) throw inputError('unknown-id', `${option} names no resource (resources: ${ids.join(', ')})`, { path: [option] }, chosen);
    return chosen;
  }
  const exact = ids.filter((id) => /^(labou?r|employment)$/i.test(id));
  if (exact.length === 1) return exact[0];
  const like = ids.filter((id) => /labou?r|employ/i.test(id));
  if (like.length === 1) return like[0];
  throw inputError('missing', `say which resource is labour with ${option} ID (candidates: ${(like.length > 0 ? like : ids).join(', ') || 'none'})`, { path: [option] });
}

/** The line text output gives, in place of a table, for a solve that did not succeed. */
function failedLine(title: string, o: SolveOutcome): string {
  const r = o.spectralRadius;
  const bounds = r !== undefined ? `; the spectral radius of A is between ${r.lower.toPrecision(8)} and ${r.upper.toPrecision(8)}` : '';
  const its = o.iterations !== undefined ? ` after ${o.iterations} iteration${o.iterations === 1 ? '' : 's'}` : '';
  return `${title}: ${o.status}${its}${bounds}. No results.`;
}

/**
 * An input–output analysis of an economy (`plenty analyze` and `POST /api/models/:id/analyze`):
 * the gross output its final demand requires and, on request, output and resource multipliers
 * (employment, emissions … per unit of final demand), income multipliers, backward and forward
 * linkages, labour values, consumption-based footprints by region (and per person where regions
 * have a population) and the Leontief inverse. Where several techniques make an item, the
 * model's own plan says which one runs. A solve that does not succeed gives no numbers: its
 * status and diagnosis in the JSON, a line for the text, and its sentence in `failures`.
 */
export function analyzeEconomy(economy: AnyEconomy, c: CompiledEconomy, req: AnalysisRequest): AnalysisResult {
  const { tolerance, maxIterations, names } = req;
  let period = 0;
  if (req.period !== undefined) {
    const p = c.periods.index.get(req.period);
    if (p === undefined) throw inputError('unknown-id', `${names.period} names no period (periods: ${c.periods.ids.join(', ')})`, { path: [names.period] }, req.period);
    period = p;
  }
  const income = req.income;
  if (income !== undefined && !c.resources.index.has(income)) {
    throw inputError('unknown-id', `${names.income} names no resource (resources: ${c.resources.ids.join(', ')})`, { path: [names.income] }, income);
  }
  const lab = req.labourValues === true ? labourRow(c, req.labour, names.labour) : undefined;
  if (req.typeII !== undefined) checkTypeIIRequest(c, req.typeII, req.typeII.names);
  const activity = economy.plan !== undefined ? planActivities(c, economy.plan).activity : undefined;
  const sys: LeontiefSystem = leontiefSystem(c, activity !== undefined ? { activity } : {});
  const demand = req.demand !== undefined ? demandVector(c, req.demand) : undefined;
  const y = demand ?? finalUse(c, period);
  const ids = c.items.ids;
  const itemUnit = (i: number): string => economy.products[c.itemProduct[i]]?.unit ?? '';
  const items: AnalysisItems = { ids, unit: itemUnit };
  const resourceUnit = (id: string): string => economy.resources[c.resources.index.get(id) ?? 0]?.unit ?? '';
  const opts: LeontiefOptions = { tolerance, maxIterations, ...(req.onProgress !== undefined ? { onProgress: req.onProgress } : {}) };

  const tables: Table[] = [];
  const header: string[] = [];
  const failures: string[] = [];
  const json: Record<string, unknown> = {
    model: economy.name,
    demand: req.demandLabel ?? 'targets',
    items: ids,
    units: ids.map((_, i) => itemUnit(i)),
    resources: c.resources.ids.map((id) => ({ id, unit: resourceUnit(id) })),
  };
  let loops: string[][] | undefined;

  /** Adds a part, or the status and diagnosis of the first of its solves that did not succeed. */
  const add = (key: string, title: string, solves: readonly (readonly [string, SolveOutcome])[], part: () => AnalysisPart): void => {
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
    header.push(failedLine(title, o));
    failures.push(sentence);
  };

  const go = grossOutput(sys, y, opts);
  add('grossOutput', 'Gross output', [['the gross output (I − A) x = y', go]], () => grossOutputPart(items, y, go, req.demandLabel ?? 'the model’s targets'));
  if (req.multipliers === true) {
    const om = outputMultipliers(sys, opts);
    const rows = c.resources.ids.length > 0 ? coefficientMultipliers(sys, c.resources.ids, opts) : undefined;
    const solves: [string, SolveOutcome][] = [['the output multipliers e (I − A)⁻¹', om], ...(rows !== undefined ? [['the resource multipliers c (I − A)⁻¹', rows] as [string, SolveOutcome]] : [])];
    add('multipliers', 'Multipliers', solves, () => multipliersPart(items, om, rows, resourceUnit));
  }
  if (income !== undefined) {
    const im = incomeMultipliersTypeI(sys, income, opts);
    add('incomeMultipliers', 'Income multipliers', [['the income multipliers c (I − A)⁻¹', im]], () => incomeMultipliersPart(items, im, resourceUnit(income)));
  }
  if (req.linkages === true) {
    // Forward linkages need the flows Z = A diag(x), hence a gross output that converged.
    const back = backwardLinkages(sys, opts);
    const fwd = go.status === 'converged' ? forwardLinkages(allocationCoefficients(flowMatrix(sys.A, go.x), go.x), opts) : undefined;
    const solves: [string, SolveOutcome][] = [['the backward linkages e (I − A)⁻¹', back], ['the gross output (I − A) x = y', go], ...(fwd !== undefined ? [['the forward linkages (I − B)⁻¹ e', fwd] as [string, SolveOutcome]] : [])];
    add('linkages', 'Linkages', solves, () => linkagesPart(items, back, fwd ?? back));
  }
  if (lab !== undefined) {
    const lv = labourValues(sys, lab, { ...opts, finalDemand: y });
    add('labourValues', 'Labour values', [['the labour values v (I − A) = l', lv]], () => labourValuesPart(items, lv, resourceUnit(lab)));
  }
  if (req.footprints === true) {
    const m = coefficientMultipliers(sys, c.resources.ids, opts);
    add('footprints', 'Footprints', [['the footprint multipliers m (I − A) = c', m]], () => {
      const f = footprintsByRegion(c, m, period, demand);
      const population = new Map(economy.regions.map((r) => [r.id, r.population]));
      const perCapita = footprintsPerCapita(f, (region) => population.get(region));
      const part = footprintsPart(m, f, resourceUnit);
      if (perCapita === undefined) return part;
      const pc = perCapitaPart(perCapita, m.names, resourceUnit);
      tables.push(part.table);
      return { json: { ...(part.json as Record<string, unknown>), perCapita: pc.json }, table: pc.table };
    });
  }
  if (req.inverse === true) {
    const L = totalRequirements(sys, opts);
    add('inverse', 'Leontief inverse', [['the Leontief inverse (I − A)⁻¹', L]], () => inversePart(items, L));
  }
  if (req.typeII !== undefined) {
    const { base, households, result } = typeIIEffects(c, sys, period, req.typeII, req.typeII.names, opts);
    const solves: [string, SolveOutcome][] = [['the gross output of the period’s final use (I − A) x = y', base], ...(result !== undefined ? [['the Type I and Type II multipliers (open and closed models)', result] as [string, SolveOutcome]] : [])];
    if (result !== undefined && households !== undefined) add('typeII', 'Type II effects', solves, () => typeIIPart(items, result, households, (q) => (q === 'output' ? '' : resourceUnit(q))));
    else add('typeII', 'Type II effects', solves, () => grossOutputPart(items, y, base, ''));
  }
  if (req.characterise !== undefined) {
    const { factors, file } = req.characterise;
    const m = coefficientMultipliers(sys, c.resources.ids, opts);
    add('impacts', 'Characterised impacts', [['the footprint multipliers m (I − A) = c', m]], () => impactsPart(items, characterisedImpacts(c, m, footprintsByRegion(c, m, period, demand), factors), file));
  }
  return { tables, json, header, failures };
}
