import { compileEconomy, demandVector, leontiefSystem, planActivities } from '../../compile/index.js';
import type { CompiledEconomy, LeontiefSystem } from '../../compile/index.js';
import {
  coefficientMultipliers,
  footprintsByRegion,
  grossOutput,
  labourValues,
  nonProductiveLoops,
  outputMultipliers,
  totalRequirements,
} from '../../leontief/index.js';
import type { LeontiefOptions } from '../../leontief/index.js';
import { finalUse } from '../../balance/index.js';
import { inputError } from '../../model/errors.js';
import { loadDemand } from '../../model/index.js';
import { loadAnyModel } from '../load-model.js';
import {
  failureJson,
  failureSentence,
  footprintsPart,
  grossOutputPart,
  inversePart,
  labourValuesPart,
  multipliersPart,
  type AnalysisItems,
  type AnalysisPart,
  type SolveOutcome,
  type Table,
} from '../../report/index.js';
import { DEFAULT_MAX_ITERATIONS } from '../../sparse/index.js';
import type { CommandOutput } from '../output.js';
import { readOptions, type EncodingFlags } from '../read-options.js';
import { createProgress } from '../progress.js';

export interface AnalyzeFlags extends EncodingFlags {
  readonly demand?: string;
  readonly multipliers?: boolean;
  readonly labourValues?: boolean;
  readonly labour?: string;
  readonly footprints?: boolean;
  readonly inverse?: boolean;
  readonly tolerance?: string;
  readonly maxIterations?: string;
  readonly period?: string;
}

/** The default of --tolerance (docs/cli.md). */
const DEFAULT_TOLERANCE = 1e-12;

/** The labour row: --labour ID, else a resource named like labour or employment, if exactly one is. */
function labourRow(c: CompiledEconomy, chosen: string | undefined): string {
  const ids = c.resources.ids;
  if (chosen !== undefined) {
    if (!c.resources.index.has(chosen)) throw inputError('unknown-id', `--labour names no resource (resources: ${ids.join(', ')})`, { path: ['--labour'] }, chosen);
    return chosen;
  }
  const exact = ids.filter((id) => /^(labou?r|employment)$/i.test(id));
  if (exact.length === 1) return exact[0];
  const like = ids.filter((id) => /labou?r|employ/i.test(id));
  if (like.length === 1) return like[0];
  throw inputError('missing', `say which resource is labour with --labour ID (candidates: ${(like.length > 0 ? like : ids).join(', ') || 'none'})`, { path: ['--labour'] });
}

/** --tolerance and --max-iterations, checked. */
function solveOptions(flags: AnalyzeFlags): { tolerance: number; maxIterations: number } {
  const tolerance = flags.tolerance === undefined ? DEFAULT_TOLERANCE : Number(flags.tolerance);
  if (!(tolerance > 0 && tolerance < 1)) throw inputError('invalid-option', '--tolerance must be a number between 0 and 1', { path: ['--tolerance'] }, flags.tolerance);
  const maxIterations = flags.maxIterations === undefined ? DEFAULT_MAX_ITERATIONS : Number(flags.maxIterations);
  if (!(Number.isSafeInteger(maxIterations) && maxIterations >= 1)) throw inputError('invalid-option', '--max-iterations must be a positive whole number', { path: ['--max-iterations'] }, flags.maxIterations);
  return { tolerance, maxIterations };
}

/** The line text output gives, in place of a table, for a solve that did not succeed. */
function failedLine(title: string, o: SolveOutcome): string {
  const r = o.spectralRadius;
  const bounds = r !== undefined ? `; the spectral radius of A is between ${r.lower.toPrecision(8)} and ${r.upper.toPrecision(8)}` : '';
  const its = o.iterations !== undefined ? ` after ${o.iterations} iteration${o.iterations === 1 ? '' : 's'}` : '';
  return `${title}: ${o.status}${its}${bounds}. No results.`;
}

/**
 * `plenty analyze MODEL`: what a final demand requires (gross outputs), and on request
 * multipliers, labour values, footprints by region of final demand, and the Leontief inverse.
 * A solve that does not succeed (not productive, did not converge, breakdown, singular) gives no
 * numbers: its status and diagnosis in the output, its sentence as the failure (exit status 1).
 */
export async function analyzeCommand(modelPath: string, flags: AnalyzeFlags): Promise<CommandOutput> {
  const read = readOptions(flags);
  const economy = await loadAnyModel(modelPath, read);
  const c = compileEconomy(economy);
  const { tolerance, maxIterations } = solveOptions(flags);
  let period = 0;
  if (flags.period !== undefined) {
    const p = c.periods.index.get(flags.period);
    if (p === undefined) throw inputError('unknown-id', `--period names no period (periods: ${c.periods.ids.join(', ')})`, { path: ['--period'] }, flags.period);
    period = p;
  }
  // Where several techniques make an item, the model's own plan says which one runs.
  const activity = economy.plan !== undefined ? planActivities(c, economy.plan).activity : undefined;
  const sys: LeontiefSystem = leontiefSystem(c, activity !== undefined ? { activity } : {});
  const demand = flags.demand !== undefined ? demandVector(c, await loadDemand(flags.demand, read)) : undefined;
  const y = demand ?? finalUse(c, period);
  const ids = c.items.ids;
  const items: AnalysisItems = { ids, unit: (i) => economy.products[c.itemProduct[i]]?.unit ?? '' };
  const resourceUnit = (id: string): string => economy.resources[c.resources.index.get(id) ?? 0]?.unit ?? '';

  const progress = createProgress('solving');
  const opts: LeontiefOptions = { tolerance, maxIterations, onProgress: (it, res) => progress.update(null, `iteration ${it}, residual ${res.toExponential(1)}`) };
  const tables: Table[] = [];
  const header: string[] = [];
  const json: Record<string, unknown> = { model: economy.name, demand: flags.demand ?? 'targets', items: ids };
  const failures: string[] = [];
  let loops: string[][] | undefined;

  /** Adds a part, or the status and diagnosis of the first of its solves that did not succeed. */
  const add = (key: string, title: string, solves: readonly (readonly [string, SolveOutcome])[], part: () => AnalysisPart): void => {
    const bad = solves.find(([, o]) => o.status !== 'converged');
    if (bad === undefined) {
      const p = part();
      json[key] = p.json;
      tables.push(p.table);
      return;
    }
    const [what, o] = bad;
    if (o.status === 'not-productive') loops ??= nonProductiveLoops(sys).map((loop) => loop.map((i) => ids[i]));
    const sentence = failureSentence(o, {
      what,
      ...(loops !== undefined ? { loops } : {}),
      maxIterations: { value: maxIterations, option: '--max-iterations' },
      tolerance: { value: tolerance, option: '--tolerance' },
    });
    json[key] = failureJson(o, sentence);
    header.push(failedLine(title, o));
    failures.push(sentence);
  };

  const go = grossOutput(sys, y, opts);
  add('grossOutput', 'Gross output', [['the gross output (I − A) x = y', go]], () => grossOutputPart(items, y, go, flags.demand ?? 'the model’s targets'));
  if (flags.multipliers === true) {
    const om = outputMultipliers(sys, opts);
    const rows = c.resources.ids.length > 0 ? coefficientMultipliers(sys, c.resources.ids, opts) : undefined;
    const solves: [string, SolveOutcome][] = [['the output multipliers e (I − A)⁻¹', om], ...(rows !== undefined ? [['the resource multipliers c (I − A)⁻¹', rows] as [string, SolveOutcome]] : [])];
    add('multipliers', 'Multipliers', solves, () => multipliersPart(items, om, rows, resourceUnit));
  }
  if (flags.labourValues === true) {
    const lab = labourRow(c, flags.labour);
    const lv = labourValues(sys, lab, { ...opts, finalDemand: y });
    add('labourValues', 'Labour values', [['the labour values v (I − A) = l', lv]], () => labourValuesPart(items, lv, resourceUnit(lab)));
  }
  if (flags.footprints === true) {
    const m = coefficientMultipliers(sys, c.resources.ids, opts);
    add('footprints', 'Footprints', [['the footprint multipliers m (I − A) = c', m]], () => footprintsPart(m, footprintsByRegion(c, m, period, demand), resourceUnit));
  }
  if (flags.inverse === true) {
    const L = totalRequirements(sys, opts);
    add('inverse', 'Leontief inverse', [['the Leontief inverse (I − A)⁻¹', L]], () => inversePart(items, L));
  }
  progress.done();
  if (failures.length === 0) return { tables, json };
  const more = failures.length > 1 ? ` (${failures.length - 1} more ${failures.length === 2 ? 'solve' : 'solves'} did not succeed: see the output)` : '';
  return { tables, json, header, failure: `${failures[0]}${more}` };
}
