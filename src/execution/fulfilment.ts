import type { CompiledEconomy } from '../compile/types.js';
import { periodOption } from './period-option.js';
import { actualActivity } from './actual-activity.js';
import { collectReports } from './collect-reports.js';
import { enterpriseOfTechniques } from './enterprises.js';
import type { ExecutionPlan, Report } from './types.js';

/** Planned against reported amounts of one item for one enterprise in one period. */
export interface EnterpriseFulfilment {
  readonly enterprise: string;
  readonly period: string;
  readonly item: string;
  readonly kind: 'output' | 'input';
  /** From the plan: the enterprise's (reported-on) techniques' activity × coefficients. */
  readonly planned: number;
  /** Sum of the enterprise's reports for the period; null when none of them mentions the item. */
  readonly reported: number | null;
  /** reported ÷ planned; null when not reported or nothing was planned. */
  readonly ratio: number | null;
}

/** Output of an item in a period: planned against actual (from the activity the reports imply, actualActivity). */
export interface ItemFulfilment {
  readonly item: string;
  readonly period: string;
  readonly planned: number;
  readonly actual: number;
  /** actual ÷ planned; 1 when nothing was planned. */
  readonly ratio: number;
}

/** A target's planned delivery in a period and the delivery its item's actual output implies. */
export interface TargetFulfilment {
  /** Index of the target in the model. */
  readonly target: number;
  readonly item: string;
  readonly period: string;
  readonly priority: number;
  readonly category: string | null;
  readonly amount: number;
  readonly planned: number;
  /** planned × the item's output ratio (ItemFulfilment.ratio). */
  readonly implied: number;
  /** implied ÷ amount (1 when the amount is 0). */
  readonly fulfilment: number;
}

export interface Fulfilment {
  readonly enterprises: readonly EnterpriseFulfilment[];
  readonly items: readonly ItemFulfilment[];
  readonly targets: readonly TargetFulfilment[];
}

export interface FulfilmentOptions {
  /** Only this period (an id); default all. */
  readonly period?: string;
}

/**
 * Fulfilment of a plan from enterprises' reports.
 *
 * Per enterprise, item and period: planned output (input) = Σ over the enterprise's techniques of
 * activity × output (input) per unit; when the enterprise has reported for the period, only the
 * techniques its reports cover count (a report naming a technique covers it, one without covers
 * all of the enterprise's), and reported = the sum of its reports.
 *
 * Targets, by this rule: an item's actual output is Σ output per unit × activity implied by the
 * reports (actualActivity: reported where reported, planned elsewhere); its ratio is actual ÷ planned.
 * A shortfall (or excess) is passed on to everyone the item goes to in proportion, so a target's
 * implied delivery is its planned delivery × its item's ratio.
 */
export function fulfilment(c: CompiledEconomy, plan: ExecutionPlan, reports: readonly Report[], options: FulfilmentOptions = {}): Fulfilment {
  const nT = c.techniques.ids.length;
  const n = c.items.ids.length;
  const nPer = Math.max(1, c.periods.ids.length);
  const only = options.period === undefined ? -1 : periodOption(c, options.period, 'period');
  const owner = enterpriseOfTechniques(c);
  const collected = collectReports(c, reports);

  // Coverage per technique and period; reported sums per enterprise and period.
  const covered = new Uint8Array(nPer * nT);
  const sums = new Map<string, { enterprise: string; period: number; outputs: Float64Array; inputs: Float64Array }>();
  const mentioned = new Set<string>();
  for (const r of collected) {
    const t = r.period;
    if (r.technique >= 0) covered[t * nT + r.technique] = 1;
    else owner.forEach((e, j) => (e === r.enterprise ? (covered[t * nT + j] = 1) : 0));
    const key = `${r.enterprise}\u0000${t}`;
    let s = sums.get(key);
    if (s === undefined) {
      s = { enterprise: r.enterprise, period: t, outputs: new Float64Array(n), inputs: new Float64Array(n) };
      sums.set(key, s);
    }
    for (const [i, v] of r.outputs) {
      s.outputs[i] += v;
      mentioned.add(`${key}\u0000output\u0000${i}`);
    }
    for (const [i, v] of r.inputs) {
      s.inputs[i] += v;
      mentioned.add(`${key}\u0000input\u0000${i}`);
    }
  }

  // Planned per enterprise: covered techniques when it reported, all otherwise; item totals.
  const names = [...new Set(owner)];
  const plannedOut = new Map<string, Float64Array>();
  const plannedIn = new Map<string, Float64Array>();
  const itemPlanned = new Float64Array(nPer * n);
  const itemActual = new Float64Array(nPer * n);
  const actual = actualActivity(c, plan, reports).activity;
  for (let t = 0; t < nPer; t++) {
    for (const e of names) {
      plannedOut.set(`${e}\u0000${t}`, new Float64Array(n));
      plannedIn.set(`${e}\u0000${t}`, new Float64Array(n));
    }
    for (const [m, target] of [[c.outputs, plannedOut], [c.inputs, plannedIn]] as const) {
      const { rowPtr, colIdx, values } = m;
      for (let i = 0; i < n; i++) {
        for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
          const j = colIdx[p];
          const v = values[p] * plan.activity[t * nT + j];
          if (m === c.outputs) itemActual[t * n + i] += values[p] * actual[t * nT + j];
          if (v === 0) continue;
          const key = `${owner[j]}\u0000${t}`;
          if (!sums.has(key) || covered[t * nT + j] === 1) (target.get(key) as Float64Array)[i] += v;
          if (m === c.outputs) itemPlanned[t * n + i] += v;
        }
      }
    }
  }

  const rows: EnterpriseFulfilment[] = [];
  for (let t = 0; t < nPer; t++) {
    if (only >= 0 && t !== only) continue;
    for (const e of names) {
      const key = `${e}\u0000${t}`;
      const s = sums.get(key);
      for (const [kind, planned, rep] of [['output', plannedOut.get(key) as Float64Array, s?.outputs], ['input', plannedIn.get(key) as Float64Array, s?.inputs]] as const) {
        for (let i = 0; i < n; i++) {
          const p = planned[i];
          const r = rep === undefined || !mentioned.has(`${key}\u0000${kind}\u0000${i}`) ? null : rep[i];
          if (p === 0 && !(r !== null && r > 0)) continue;
          rows.push({ enterprise: e, period: c.periods.ids[t], item: c.items.ids[i], kind, planned: p, reported: r, ratio: r === null || !(p > 0) ? null : r / p });
        }
      }
    }
  }

  const items: ItemFulfilment[] = [];
  const ratio = new Float64Array(nPer * n);
  for (let t = 0; t < nPer; t++) {
    for (let i = 0; i < n; i++) {
      const k = t * n + i;
      ratio[k] = itemPlanned[k] > 0 ? itemActual[k] / itemPlanned[k] : 1;
      if (only >= 0 && t !== only) continue;
      if (itemPlanned[k] > 0 || itemActual[k] > 0) items.push({ item: c.items.ids[i], period: c.periods.ids[t], planned: itemPlanned[k], actual: itemActual[k], ratio: ratio[k] });
    }
  }

  const targets: TargetFulfilment[] = [];
  for (const d of plan.deliveries ?? []) {
    if (only >= 0 && d.period !== only) continue;
    const i = c.targets.item[d.target];
    if (i < 0) continue;
    const amount = c.targets.amount[d.target];
    const implied = d.amount * ratio[d.period * n + i];
    const cat = c.targets.category[d.target];
    targets.push({
      target: d.target,
      item: c.items.ids[i],
      period: c.periods.ids[d.period],
      priority: c.targets.priority[d.target],
      category: cat >= 0 ? c.categories.ids[cat] : null,
      amount,
      planned: d.amount,
      implied,
      fulfilment: amount > 0 ? implied / amount : 1,
    });
  }
  return { enterprises: rows, items, targets };
}
