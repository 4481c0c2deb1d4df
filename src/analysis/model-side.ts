import { leontiefSystem, planActivities } from '../compile/index.js';
import type { CompiledEconomy, LeontiefSystem } from '../compile/index.js';
import { inputError } from '../model/errors.js';
import type { AnyEconomy } from '../model/types.js';

/** A model to compare or follow over time, with the period whose final demand counts. */
export interface ModelSide {
  readonly economy: AnyEconomy;
  readonly c: CompiledEconomy;
  /** Where the model comes from (a file, `first`, `models[2]`): errors and output name it so. */
  readonly source: string;
  /** The period whose targets make the final demand (default the first). */
  readonly period?: string;
  /** How the caller names the period option, for errors (`--period`, `first.period`). */
  readonly periodOption?: string;
}

/** The index of the side's period (the first when none is named). */
export function sidePeriod(side: ModelSide): number {
  if (side.period === undefined) return 0;
  const p = side.c.periods.index.get(side.period);
  if (p === undefined) throw inputError('unknown-id', `${side.periodOption ?? 'period'} names no period of ${side.source} (periods: ${side.c.periods.ids.join(', ')})`, { path: [side.periodOption ?? 'period'] }, side.period);
  return p;
}

/** The side's Leontief system: where several techniques make an item, the model's own plan chooses. */
export function sideSystem(side: ModelSide): LeontiefSystem {
  const activity = side.economy.plan !== undefined ? planActivities(side.c, side.economy.plan).activity : undefined;
  return leontiefSystem(side.c, activity !== undefined ? { activity } : {});
}

/** Row `r` of a resources × n coefficient matrix, dense. */
export function denseRow(m: { rowPtr: Int32Array; colIdx: Int32Array; values: Float64Array }, r: number, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let p = m.rowPtr[r]; p < m.rowPtr[r + 1]; p++) out[m.colIdx[p]] += m.values[p];
  return out;
}
