import type { CompiledEconomy } from '../compile/types.js';
import { enterpriseOfTechniques } from '../execution/index.js';
import type { Report } from '../execution/types.js';
import type { PlentyStore } from '../store/index.js';
import { reportsFor } from './reports-of.js';

/** The stored reports that apply to the published plan's economy (its enterprises and periods), optionally of one enterprise or period. */
export function publishedReports(store: PlentyStore, c: CompiledEconomy, filter: { readonly enterprise?: string; readonly period?: string } = {}): Promise<Report[]> {
  return reportsFor(store, new Set(enterpriseOfTechniques(c)), c.periods.index, filter);
}
