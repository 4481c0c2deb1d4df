import type { CompiledEconomy, LeontiefSystem } from '../compile/index.js';
import { finalUse } from '../balance/index.js';
import { grossOutput, typeIIMultipliers, type GrossOutputResult, type LeontiefOptions, type TypeIIResult } from '../leontief/index.js';
import { householdCategory, householdIncomeRow, householdsOfModel, type HouseholdsOfModel } from './household-closure.js';

/** The households of a Type II analysis: chosen by name, else found in the model (see householdCategory, householdIncomeRow). */
export interface TypeIIRequest {
  /** The final-use category that is households' consumption. */
  readonly consumption?: string;
  /** The resource that is households' income (compensation of employees). */
  readonly income?: string;
}

/** How the caller names the two options, for errors. */
export interface TypeIIOptionNames {
  readonly consumption: string;
  readonly income: string;
}

/** Dense row r of the primary-input coefficients. */
function primaryRow(sys: LeontiefSystem, r: number): Float64Array {
  const out = new Float64Array(sys.A.rows);
  const p = sys.primary;
  for (let q = p.rowPtr[r]; q < p.rowPtr[r + 1]; q++) out[p.colIdx[q]] = p.values[q];
  return out;
}

/**
 * Type II effects of a model (`plenty analyze --type-ii`, the analyze route's `typeII`): the model
 * closed with respect to households, whose income per unit of output is the income row and whose
 * purchases per unit of income are the period's households' final use divided by the income that
 * the gross output x of the period's final use pays them (c = y_h / h·x: the table's closure,
 * whatever demand the rest of the analysis uses). Then direct, indirect and induced effects and
 * Type I / Type II ratios of output, household income and every other resource row. `base` is the
 * solve of x; when it did not converge, there is no result.
 */
export function typeIIEffects(
  c: CompiledEconomy,
  sys: LeontiefSystem,
  period: number,
  req: TypeIIRequest,
  names: TypeIIOptionNames,
  opts: LeontiefOptions,
): { base: GrossOutputResult; households?: HouseholdsOfModel; result?: TypeIIResult } {
  const category = householdCategory(c, req.consumption, names.consumption);
  const income = householdIncomeRow(c, req.income, names.income);
  const h = primaryRow(sys, c.resources.index.get(income) ?? 0);
  const y = finalUse(c, period);
  const base = grossOutput(sys, y, opts);
  if (base.status !== 'converged') return { base };
  const households = householdsOfModel(c, period, category, income, h, y, base.x, names.consumption);
  const rows = c.resources.ids.filter((id) => id !== income);
  const result = typeIIMultipliers(sys, { income, consumption: households.consumption }, rows, opts);
  return { base, households, result };
}

/** Checks the Type II choices against the model without solving (for a request refused before any work). */
export function checkTypeIIRequest(c: CompiledEconomy, req: TypeIIRequest, names: TypeIIOptionNames): void {
  householdCategory(c, req.consumption, names.consumption);
  householdIncomeRow(c, req.income, names.income);
}
