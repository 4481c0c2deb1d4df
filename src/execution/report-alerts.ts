import { resolveItem } from '../compile/resolve-item.js';
import type { CompiledEconomy } from '../compile/types.js';
import { alertLimits, alertOf, type Alert, type AlertLimits, type AlertOptions } from './alerts.js';
import { enterpriseOfTechniques } from './enterprises.js';
import { priorityDependencies } from './priority-dependencies.js';
import type { ExecutionPlan, Report } from './types.js';

/** What reportAlerts needs of a plan, computed once per plan (reportAlertBasis). */
export interface ReportAlertBasis {
  readonly c: CompiledEconomy;
  readonly plan: ExecutionPlan;
  /** Per item and period (period-major): 1 where a first-priority target depends on the item. */
  readonly needed: Uint8Array;
  /** The enterprise of each technique. */
  readonly owner: readonly string[];
  readonly limits: AlertLimits;
  /** Item keys as reports name them → item index (−1: names no item); filled as keys come. */
  readonly items: Map<string, number>;
}

/** Running totals of one enterprise's reports for one period (as the store keeps them). */
export interface ReportedTotals {
  /** The techniques reported on; `null` for reports on the enterprise's techniques together. */
  readonly techniques: readonly (string | null)[];
  /** Σ reported amount by item key as reported (`grain@ukraine`, or a product id with one item). */
  readonly outputs: ReadonlyMap<string, number>;
  readonly inputs: ReadonlyMap<string, number>;
}

/** The plan-wide parts of the alert rule, for reportAlerts: priority dependencies, owners, thresholds. */
export function reportAlertBasis(c: CompiledEconomy, plan: ExecutionPlan, options: Omit<AlertOptions, 'period'> = {}): ReportAlertBasis {
  return { c, plan, needed: priorityDependencies(c, plan, options.priority ?? 1), owner: enterpriseOfTechniques(c), limits: alertLimits(options), items: new Map() };
}

function itemOf(basis: ReportAlertBasis, key: string): number {
  let i = basis.items.get(key);
  if (i === undefined) {
    const r = resolveItem(basis.c, key, { path: [] });
    i = typeof r === 'number' ? r : -1;
    basis.items.set(key, i);
  }
  return i;
}

/**
 * The alerts of a report just stored, for the items it names only, from the running totals of
 * its enterprise and period (this report included): the same alerts as `alerts()` over all the
 * enterprise's reports for the period gives for those items, in the same order, without reading
 * the other reports. Planned amounts follow fulfilment's rule (the techniques the reports cover);
 * the reported amount is the total over the item keys naming the item. Keys that name no item of
 * the plan (reports stored against another plan) count for nothing.
 */
export function reportAlerts(basis: ReportAlertBasis, report: Report, totals: ReportedTotals): Alert[] {
  const { c, plan, owner } = basis;
  const t = c.periods.index.get(report.period);
  if (t === undefined) return [];
  const e = report.enterprise;
  const nT = c.techniques.ids.length;
  const n = c.items.ids.length;
  const all = totals.techniques.includes(null);
  const covered = new Set<number>();
  if (!all) {
    for (const id of totals.techniques) {
      const j = id === null ? undefined : c.techniques.index.get(id);
      if (j !== undefined && owner[j] === e) covered.add(j);
    }
  }
  const out: Alert[] = [];
  for (const [side, field, m] of [['output', 'outputs', c.outputs], ['input', 'inputs', c.inputs]] as const) {
    const named = new Set<number>();
    for (const key of Object.keys(report[field])) {
      const i = itemOf(basis, key);
      if (i >= 0) named.add(i);
    }
    const sums = totals[field];
    for (const i of [...named].sort((a, b) => a - b)) {
      let planned = 0;
      for (let p = m.rowPtr[i]; p < m.rowPtr[i + 1]; p++) {
        const j = m.colIdx[p];
        const v = m.values[p] * plan.activity[t * nT + j];
        if (v === 0 || owner[j] !== e || !(all || covered.has(j))) continue;
        planned += v;
      }
      let reported = 0;
      let mentioned = false;
      for (const [key, v] of sums) {
        if (itemOf(basis, key) !== i) continue;
        reported += v;
        mentioned = true;
      }
      if (!mentioned || (planned === 0 && !(reported > 0))) continue;
      out.push(alertOf({ enterprise: e, period: report.period, item: c.items.ids[i], side, planned, actual: reported, priorityItem: basis.needed[t * n + i] === 1 }, basis.limits));
    }
  }
  return out;
}
