import { SDA_FACTORS, structuralDecomposition } from '../leontief/index.js';
import type { LeontiefOptions, SdaFactor } from '../leontief/index.js';
import { inputError } from '../model/errors.js';
import { decompositionPart, failureJson, failureSentence, type DecompositionMeasure, type Table } from '../report/index.js';
import { demandByDestination } from './demand-by-destination.js';
import { denseRow, sidePeriod, sideSystem, type ModelSide } from './model-side.js';
import { sameClassification } from './same-classification.js';

/** What to decompose, and how the caller names its options (for errors). */
export interface DecompositionRequest {
  /** The resources (extensions) whose use to decompose besides gross output; default every resource. */
  readonly resources?: readonly string[];
  /** How the caller names the resources option (`--resource`, `resources`). */
  readonly resourceOption: string;
  readonly tolerance: number;
  readonly maxIterations: number;
  readonly toleranceOption: string;
  readonly maxIterationsOption: string;
  readonly onProgress?: (iteration: number, relativeResidual: number) => void;
}

/** A decomposition: its table, its JSON document, and the sentence of a solve that did not succeed. */
export interface DecompositionResult {
  readonly tables: readonly Table[];
  readonly json: Record<string, unknown>;
  readonly header: readonly string[];
  readonly failures: readonly string[];
}

/** Unit of the gross-output total: the items' one unit, or 'mixed units'. */
function outputUnit(side: ModelSide): string {
  const units = new Set(side.c.itemProduct.length === 0 ? [] : Array.from(side.c.itemProduct, (p) => side.economy.products[p]?.unit ?? ''));
  return units.size === 1 ? [...units][0] : 'mixed units';
}

/**
 * The structural decomposition of the change between two models of one classification (two years
 * of a table, a model and a scenario of it, or two periods of one model): gross output (the sum
 * over items) and each resource's use, E = s (I − A)⁻¹ y with y the final demand by region of
 * destination, split into intensity, technology, level, destination and mix
 * (`structuralDecomposition`, the average of all polar decompositions). Every result carries the
 * identity check (the parts sum to the change). A mismatch of classification, period or resource
 * is an InputError naming the first id that differs; a solve that does not succeed gives its
 * status and sentence, no numbers.
 */
export function decomposeModels(first: ModelSide, second: ModelSide, req: DecompositionRequest): DecompositionResult {
  sameClassification(first, second);
  const p1 = sidePeriod(first);
  const p2 = sidePeriod(second);
  const resources = req.resources ?? first.c.resources.ids;
  resources.forEach((id, k) => {
    for (const side of [first, second]) {
      if (!side.c.resources.index.has(id)) throw inputError('unknown-id', `${req.resourceOption} names no resource of ${side.source} (resources: ${side.c.resources.ids.join(', ') || 'none'})`, { path: [req.resourceOption, k] }, id);
    }
  });
  const sys = [sideSystem(first), sideSystem(second)];
  const n = first.c.items.ids.length;
  const S = (w: number): Float64Array[] => {
    const side = w === 0 ? first : second;
    return [new Float64Array(n).fill(1), ...resources.map((id) => denseRow(sys[w].primary, sys[w].resources.index.get(id) ?? side.c.resources.index.get(id) ?? 0, n))];
  };
  const d1 = demandByDestination(first.c, p1);
  const d2 = demandByDestination(second.c, p2);
  const opts: LeontiefOptions = { tolerance: req.tolerance, maxIterations: req.maxIterations, ...(req.onProgress !== undefined ? { onProgress: req.onProgress } : {}) };
  const r = structuralDecomposition({ A: sys[0].A, Y: d1.columns, S: S(0) }, { A: sys[1].A, Y: d2.columns, S: S(1) }, opts);
  const label = (side: ModelSide, p: number): string => `${side.source}${side.c.periods.ids.length > 1 || side.period !== undefined ? ` (${side.c.periods.ids[p]})` : ''}`;
  const unitOf = (id: string): string => first.economy.resources[first.c.resources.index.get(id) ?? 0]?.unit ?? '';
  const measures: DecompositionMeasure[] = [
    { kind: 'output', id: 'gross output', unit: outputUnit(first) },
    ...resources.map((id): DecompositionMeasure => ({ kind: 'resource', id, unit: unitOf(id) })),
  ];
  const base = {
    first: { model: first.economy.name, source: first.source, period: first.c.periods.ids[p1] },
    second: { model: second.economy.name, source: second.source, period: second.c.periods.ids[p2] },
    destinations: d1.destinations,
    factors: [...SDA_FACTORS] as SdaFactor[],
  };
  if (r.status !== 'converged') {
    const sentence = failureSentence(r, {
      what: 'the gross outputs of the decomposition',
      maxIterations: { value: req.maxIterations, option: req.maxIterationsOption },
      tolerance: { value: req.tolerance, option: req.toleranceOption },
    });
    return { tables: [], json: { ...base, ...failureJson(r, sentence) }, header: [`Structural decomposition: ${r.status}. No results.`], failures: [sentence] };
  }
  const part = decompositionPart(label(first, p1), label(second, p2), measures, r);
  return { tables: [part.table], json: { ...base, ...(part.json as Record<string, unknown>) }, header: [], failures: [] };
}
