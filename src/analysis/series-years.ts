import { inputError } from '../model/errors.js';
import type { AnyEconomy } from '../model/types.js';

/** One year of a series: a model (and the period of it whose final demand counts). */
export interface SeriesYear {
  readonly year: string;
  /** The period of the model (its only one, or the one this year is). */
  readonly period: string;
}

const YEAR = /^(1[6-9]|2[0-2])\d\d$/;
const YEAR_IN_NAME = /(?<!\d)(1[6-9]|2[0-2])\d\d(?!\d)/;

/**
 * The years a model stands for in a series (docs/analysis.md, "Series of tables"): a model with
 * several periods is a series of its own, one year per period (the period ids, which must then be
 * years, e.g. 1930 … 1933); a model with one period is the year of that period if its id is a
 * year, else the year in its file name (the first four-digit number from 1600 to 2299 standing
 * alone, e.g. `germany-1995.yaml`); a year given by the caller overrides both. Neither: an InputError naming the file.
 */
export function seriesYears(economy: AnyEconomy, source: string, year?: string): SeriesYear[] {
  if (year !== undefined) {
    if (!YEAR.test(year)) throw inputError('no-year', `the year of ${source} must be a year (four digits, 1600 to 2299)`, { path: [source, 'year'] }, year);
    if (economy.periods.length > 1) throw inputError('no-year', `${source} has several periods, each a year of its own: give it no year`, { path: [source, 'year'] }, year);
    return [{ year, period: economy.periods[0] ?? '1' }];
  }
  if (economy.periods.length > 1) {
    const bad = economy.periods.find((p) => !YEAR.test(p));
    if (bad !== undefined) throw inputError('no-year', `${source} has several periods, so each is a year of the series, but period "${bad}" is not a year`, { file: source, path: ['periods'] }, bad);
    return economy.periods.map((p) => ({ year: p, period: p }));
  }
  const period = economy.periods[0] ?? '1';
  if (YEAR.test(period)) return [{ year: period, period }];
  const name = source.split(/[\\/]/).filter((s) => s !== '').pop() ?? source;
  const m = YEAR_IN_NAME.exec(name);
  if (m === null) throw inputError('no-year', `say which year ${source} is: name its period by the year, or put the year in the file name (e.g. table-1995.yaml)`, { file: source }, name);
  return [{ year: m[0], period }];
}
