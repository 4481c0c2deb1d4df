import { EXTRACTION_KINDS, extractEconomy } from '../../analysis/index.js';
import { compileEconomy } from '../../compile/index.js';
import type { ExtractionKind } from '../../leontief/index.js';
import { inputError } from '../../model/errors.js';
import { loadDemand } from '../../model/index.js';
import { loadAnyModel } from '../load-model.js';
import type { CommandOutput } from '../output.js';
import { createProgress } from '../progress.js';
import { readOptions, type EncodingFlags } from '../read-options.js';
import { solveOptions } from './analyze.js';

export interface ExtractFlags extends EncodingFlags {
  readonly sectors?: string;
  readonly regions?: string;
  readonly kind?: string;
  /** `--rank` alone: items; `--rank regions`: regions. */
  readonly rank?: string | boolean;
  readonly demand?: string;
  readonly period?: string;
  readonly tolerance?: string;
  readonly maxIterations?: string;
}

/** A comma-separated list of ids, blanks trimmed; an empty entry is a located error. */
function list(text: string | undefined, option: string): string[] | undefined {
  if (text === undefined) return undefined;
  const parts = text.split(',').map((s) => s.trim());
  const empty = parts.findIndex((s) => s === '');
  if (empty >= 0) throw inputError('invalid-option', `${option}: entry ${empty + 1} of the list is empty (give ids separated by commas)`, { path: [option, empty] }, text);
  return parts;
}

/**
 * `plenty extract MODEL --sectors A,B | --regions R [--kind total|backward|forward] [--rank
 * [items|regions]]`: hypothetical extraction (the analysis is `extractEconomy`, shared with the
 * server). A solve that does not succeed gives no numbers: its status, and its sentence as the
 * failure (exit status 1).
 */
export async function extractCommand(modelPath: string, flags: ExtractFlags): Promise<CommandOutput> {
  const sectors = list(flags.sectors, '--sectors');
  const regions = list(flags.regions, '--regions');
  const kind = (flags.kind ?? 'total') as ExtractionKind;
  if (!EXTRACTION_KINDS.includes(kind)) throw inputError('invalid-option', `--kind must be one of ${EXTRACTION_KINDS.join(', ')}`, { path: ['--kind'] }, flags.kind);
  const rank = flags.rank === undefined || flags.rank === false ? undefined : flags.rank === true ? 'items' : flags.rank;
  if (rank !== undefined && rank !== 'items' && rank !== 'regions') throw inputError('invalid-option', '--rank must be items or regions', { path: ['--rank'] }, rank);
  const { tolerance, maxIterations } = solveOptions(flags);
  const read = readOptions(flags);
  const economy = await loadAnyModel(modelPath, read);
  const c = compileEconomy(economy);
  const demand = flags.demand !== undefined ? await loadDemand(flags.demand, read) : undefined;
  const progress = createProgress('solving');
  // Solves expected: the chosen set's before and after, and one per item or region ranked (plus its base).
  const total = (sectors !== undefined || regions !== undefined ? 2 : 0) + (rank === undefined ? 0 : (rank === 'regions' ? c.regions.ids.length : c.items.ids.length) + 1);
  let solves = 0;
  let last = Number.POSITIVE_INFINITY;
  const r = extractEconomy(economy, c, {
    ...(sectors !== undefined ? { sectors } : {}),
    ...(regions !== undefined ? { regions } : {}),
    kind,
    ...(rank !== undefined ? { rank } : {}),
    ...(demand !== undefined ? { demand, demandLabel: flags.demand } : {}),
    ...(flags.period !== undefined ? { period: flags.period } : {}),
    tolerance,
    maxIterations,
    onProgress: (it, res) => {
      if (it < last) solves++;
      last = it;
      progress.update(Math.min(1, solves / Math.max(1, total)), `solve ${solves} of about ${total}, iteration ${it}, residual ${res.toExponential(1)}`);
    },
    names: { sectors: '--sectors', regions: '--regions', rank: '--rank', period: '--period', tolerance: '--tolerance', maxIterations: '--max-iterations' },
  });
  progress.done();
  if (r.failures.length === 0) return { tables: r.tables, json: r.json };
  return { tables: r.tables, json: r.json, header: [...r.header], failure: r.failures[0] };
}
