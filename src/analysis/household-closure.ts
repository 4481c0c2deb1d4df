import type { CompiledEconomy } from '../compile/index.js';
import { targetInPeriod } from '../balance/final-use.js';
import { inputError } from '../model/errors.js';
import { normalizeLabel } from '../model/import/classify-table-label.js';

/** Final-use categories that are households' consumption (not NPISH, "serving households"). */
const HOUSEHOLDS = /^(households?|household consumption|hfce|p3 s14|p31 s14|cons h|hhc|pce|private (final )?consumption( expenditure)?|final consumption expenditure( by)? households|household final consumption( expenditure)?)$/;
/** Primary inputs that are households' income from production (compensation of employees). */
const COMPENSATION = /^(d1|d11|coe|compensation( of employees)?|compensation employees|(total )?wages( and salaries)?|labou?r (compensation|income))$/;

/** The last part of an imported id (`factor_inputs/Compensation` → `Compensation`), normalised. */
function tail(id: string): string {
  return normalizeLabel(id.slice(id.lastIndexOf('/') + 1));
}

/** The households' final-use category: the one named, else the one category called households. */
export function householdCategory(c: CompiledEconomy, chosen: string | undefined, option: string): string {
  const ids = c.categories.ids;
  if (chosen !== undefined) {
    if (!c.categories.index.has(chosen)) throw inputError('unknown-id', `${option} names no final-use category (categories: ${ids.join(', ') || 'none'})`, { path: [option] }, chosen);
    return chosen;
  }
  const found = ids.filter((id) => HOUSEHOLDS.test(normalizeLabel(id)));
  if (found.length === 1) return found[0];
  throw inputError('missing', `say which final-use category is households' consumption with ${option} CATEGORY (categories: ${ids.join(', ') || 'none'})`, { path: [option] });
}

/** The households' income row: the resource named, else the one resource called compensation of employees. */
export function householdIncomeRow(c: CompiledEconomy, chosen: string | undefined, option: string): string {
  const ids = c.resources.ids;
  if (chosen !== undefined) {
    if (!c.resources.index.has(chosen)) throw inputError('unknown-id', `${option} names no resource (resources: ${ids.join(', ') || 'none'})`, { path: [option] }, chosen);
    return chosen;
  }
  const found = ids.filter((id, r) => COMPENSATION.test(tail(id)) || COMPENSATION.test(normalizeLabel(c.model.resources[r]?.name ?? '')));
  if (found.length === 1) return found[0];
  throw inputError('missing', `say which resource is households' income (compensation of employees) with ${option} ID (resources: ${ids.join(', ') || 'none'})`, { path: [option] });
}

/** The households of a closed model, from the table: their income row and spending per unit of it. */
export interface HouseholdsOfModel {
  readonly category: string;
  readonly income: string;
  /** Households' final use per item in the period (y_h). */
  readonly spending: Float64Array;
  /** Households' income from the production of the period's final use: h·x. */
  readonly totalIncome: number;
  /** c = y_h / (h·x): households' purchases per unit of their income. */
  readonly consumption: Float64Array;
}

/**
 * The households' consumption column per unit of their income, c = y_h / (h·x), from the
 * period's targets of the households' category (y_h) and the income row h applied to the gross
 * output x of the period's whole final use y. Refuses (InputError) when the households spend
 * nothing, buy the whole final demand (the closed model would not be productive) or earn nothing.
 */
export function householdsOfModel(c: CompiledEconomy, period: number, category: string, income: string, h: Float64Array, y: Float64Array, x: Float64Array, option: string): HouseholdsOfModel {
  const n = c.items.ids.length;
  const cat = c.categories.index.get(category) ?? -1;
  const spending = new Float64Array(n);
  const t = c.targets;
  for (let k = 0; k < t.item.length; k++) {
    if (t.item[k] < 0 || t.category[k] !== cat || !targetInPeriod(c, k, period)) continue;
    spending[t.item[k]] += t.amount[k];
  }
  let totalIncome = 0;
  for (let i = 0; i < n; i++) totalIncome += h[i] * x[i];
  const spent = spending.reduce((a, b) => a + b, 0);
  if (!(spent > 0)) throw inputError('missing', `the final-use category ${category} has no targets in this period: households spend nothing`, { path: [option] }, category);
  if (spending.every((v, i) => Math.abs(v - y[i]) <= 1e-12 * Math.abs(y[i]))) {
    throw inputError(
      'invalid-option',
      `the households (${category}) buy the whole final demand: closed with respect to them, the model keeps nothing exogenous and is not productive; choose a category that is part of the final demand`,
      { path: [option] },
      category,
    );
  }
  if (!(totalIncome > 0) || !Number.isFinite(totalIncome)) throw inputError('missing', `households earn nothing: the gross output pays no ${income}`, { path: [option] }, income);
  const consumption = spending.map((v) => v / totalIncome);
  return { category, income, spending, totalIncome, consumption };
}
