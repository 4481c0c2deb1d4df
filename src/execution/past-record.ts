import { resolveItem } from '../compile/resolve-item.js';
import type { CompiledEconomy } from '../compile/types.js';
import { InputError } from '../model/errors.js';
import type { Issue } from '../model/errors.js';
import { inMagnitude, magnitudeMessage } from '../model/magnitude.js';
import type { PlanIndex } from '../plan/plan-types.js';
import type { ExecutionPlan } from './types.js';

/** Amounts per period id, then per item id (`grain@ukraine`, or a product id with one item). */
export type AmountsByPeriod = Readonly<Record<string, Readonly<Record<string, number>>>>;

/**
 * Trade and stocks of the past as reported (by the planners: enterprises report their outputs
 * and inputs, not the country's trade). An entry overrides the published plan's value for that
 * item and period; what is not given stays as published.
 */
export interface ReportedPast {
  readonly exports?: AmountsByPeriod;
  readonly imports?: AmountsByPeriod;
  /** Stock at the end of the period. */
  readonly stock?: AmountsByPeriod;
}

/** A target's delivery in a past period: what it was to be, what the plan gave, what it got. */
export interface PastDelivery {
  /** Index of the target in the model. */
  readonly target: number;
  readonly period: number;
  readonly amount: number;
  /** The published plan's delivery. */
  readonly planned: number;
  /** What the past's balance left for it (see pastRecord). */
  readonly delivered: number;
}

/** The periods before the re-plan as they happened; arrays period-major over those periods only. */
export interface PastRecord {
  /** Number of past periods (the index of the first re-planned period). */
  readonly periods: number;
  /** Per past period × technique. */
  readonly activity: Float64Array;
  /** Per past period × item. */
  readonly exports: Float64Array;
  readonly imports: Float64Array;
  /** Stock at the end of the period (0 for items that are not storable). */
  readonly stock: Float64Array;
  /** Per past period × item: output + imports + stock at the start. */
  readonly supply: Float64Array;
  /** Per past period × item: inputs + exports + stock at the end (deliveries not counted). */
  readonly use: Float64Array;
  /** Per past period × item: what was left beyond the deliveries (disposed of). */
  readonly surplus: Float64Array;
  /** One per target and past period it applies in, in the order of the plan's deliveries. */
  readonly deliveries: readonly PastDelivery[];
  /** How many trade and stock values came from reports (the rest are the published plan's). */
  readonly reportedValues: number;
}

export interface PastRecordInput {
  /** The index of the first re-planned period. */
  readonly from: number;
  /** Activity per technique and period (period-major), at least for the past periods (checked). */
  readonly actuals: ArrayLike<number>;
  /** The published plan: its trade, stocks and deliveries stand where nothing was reported. */
  readonly plan: ExecutionPlan;
  readonly reported?: ReportedPast;
}

/**
 * The past as it happened, for re-planning: activity as reported (the actuals), trade and stocks
 * as reported or else as published, and the deliveries that follow. Per past period and item,
 * what is left for deliveries is supply − use (output + imports + opening stock − inputs − exports
 * − closing stock); the item's targets get their published deliveries (their amounts when the plan
 * lists no deliveries) when that covers them, else the same fraction of each (none when nothing is
 * left), and anything beyond is surplus. Nothing is
 * adjusted to make the past fit: a left-over below 0 is a balance the past broke (pastBreaches).
 *
 * Throws InputError, located, for bad actuals (non-finite, negative, beyond the magnitude rule) and
 * bad reported trade or stocks (an unknown or untraded item, a period not in the past, a bad amount).
 */
export function pastRecord(c: CompiledEconomy, ix: PlanIndex, input: PastRecordInput): PastRecord {
  const { from, plan } = input;
  const nT = ix.techniques;
  const n = ix.items;
  const activity = checkedActuals(c, input.actuals, from);
  const reported = reportedArrays(c, ix, from, input.reported ?? {});
  const exports = new Float64Array(from * n);
  const imports = new Float64Array(from * n);
  const stock = new Float64Array(from * n);
  const pick = (own: Float64Array, published: ArrayLike<number> | undefined, k: number): number => (Number.isNaN(own[k]) ? (published?.[k] ?? 0) : own[k]);
  for (let t = 0; t < from; t++) {
    for (const i of ix.exportItems) exports[t * n + i] = pick(reported.exports, plan.exports, t * n + i);
    for (const i of ix.importItems) imports[t * n + i] = pick(reported.imports, plan.imports, t * n + i);
    for (const i of ix.stockItems) stock[t * n + i] = pick(reported.stock, plan.stock, t * n + i);
  }

  const supply = new Float64Array(from * n);
  const use = new Float64Array(from * n);
  for (let t = 0; t < from; t++) {
    for (const [m, into] of [[c.outputs, supply], [c.inputs, use]] as const) {
      const { rowPtr, colIdx, values } = m;
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) s += values[p] * activity[t * nT + colIdx[p]];
        into[t * n + i] += s;
      }
    }
    for (let i = 0; i < n; i++) {
      const k = t * n + i;
      supply[k] += imports[k] + (t === 0 ? ix.initialStock[i] : stock[k - n]);
      use[k] += exports[k] + stock[k];
      for (const [v, what] of [[supply[k], 'supply'], [use[k], 'use']] as const) {
        if (!inMagnitude(v)) throw new InputError([{ code: 'out-of-range', message: `the past's ${what} of "${c.items.ids[i]}" in ${c.periods.ids[t]} ${magnitudeMessage(v)}: check the reports behind the actual activity`, location: { path: ['actuals'] }, value: v }]);
      }
    }
  }

  const { deliveries, surplus } = pastDeliveries(c, ix, plan, from, supply, use);
  return { periods: from, activity, exports, imports, stock, supply, use, surplus, deliveries, reportedValues: reported.count };
}

/** The past's activity, checked: finite, ≥ 0 and within the magnitude rule. */
function checkedActuals(c: CompiledEconomy, actuals: ArrayLike<number>, from: number): Float64Array {
  const nT = c.techniques.ids.length;
  if (actuals.length < from * nT) {
    throw new InputError([{ code: 'invalid-length', message: `actuals must give the activity of ${nT} techniques for each of the ${from} periods before ${c.periods.ids[from]}`, location: { path: ['actuals'] }, value: actuals.length }]);
  }
  const out = new Float64Array(from * nT);
  for (let k = 0; k < from * nT; k++) {
    const v = actuals[k];
    if (!(inMagnitude(v) && v >= 0)) {
      const why = inMagnitude(v) ? 'must be ≥ 0' : magnitudeMessage(v);
      throw new InputError([{ code: 'invalid-amount', message: `actual activity of "${c.techniques.ids[k % nT]}" in ${c.periods.ids[Math.floor(k / nT)]} ${why}`, location: { path: ['actuals', k] }, value: v }]);
    }
    out[k] = v;
  }
  return out;
}

/** Reported trade and stocks per past period × item; NaN where nothing was reported. */
function reportedArrays(c: CompiledEconomy, ix: PlanIndex, from: number, reported: ReportedPast): { exports: Float64Array; imports: Float64Array; stock: Float64Array; count: number } {
  const n = ix.items;
  const issues: Issue[] = [];
  let count = 0;
  const read = (field: 'exports' | 'imports' | 'stock', allowed: Int32Array, code: string, why: string): Float64Array => {
    const out = new Float64Array(from * n).fill(NaN);
    const ok = new Uint8Array(n);
    for (const i of allowed) ok[i] = 1;
    for (const [period, amounts] of Object.entries(reported[field] ?? {})) {
      const t = c.periods.index.get(period);
      if (t === undefined || t >= from) {
        const message = t === undefined ? `unknown period "${period}"` : `${period} is re-planned, not past: report ${field} only for periods before ${c.periods.ids[from]}`;
        issues.push({ code: t === undefined ? 'unknown-id' : 'not-past', message, location: { path: ['reported', field, period] }, value: period });
        continue;
      }
      for (const [key, v] of Object.entries(amounts)) {
        const location = { path: ['reported', field, period, key] };
        const i = resolveItem(c, key, location);
        if (typeof i !== 'number') {
          issues.push(i);
          continue;
        }
        if (ok[i] === 0) {
          issues.push({ code, message: `"${c.items.ids[i]}" ${why}`, location, value: key });
          continue;
        }
        const bad = typeof v !== 'number' ? 'must be a number' : !inMagnitude(v) ? magnitudeMessage(v) : v < 0 ? 'must be ≥ 0' : undefined;
        if (bad !== undefined) {
          issues.push({ code: typeof v === 'number' && inMagnitude(v) ? 'negative' : 'not-finite', message: `reported ${field} of "${c.items.ids[i]}" in ${period} ${bad}`, location, value: v });
          continue;
        }
        out[t * n + i] = v;
        count++;
      }
    }
    return out;
  };
  const exports = read('exports', ix.exportItems, 'not-exportable', 'has no export price in the model: it cannot be exported');
  const imports = read('imports', ix.importItems, 'not-importable', 'has no import price or cap in the model: it cannot be imported');
  const stock = read('stock', ix.stockItems, 'not-storable', 'is not storable: it has no stock');
  if (issues.length > 0) throw new InputError(issues);
  return { exports, imports, stock, count };
}

/** Deliveries of the past (see pastRecord) and the surplus beyond them. */
function pastDeliveries(c: CompiledEconomy, ix: PlanIndex, plan: ExecutionPlan, from: number, supply: Float64Array, use: Float64Array): { deliveries: PastDelivery[]; surplus: Float64Array } {
  const n = ix.items;
  const planned = new Map<string, number>();
  for (const d of plan.deliveries ?? []) planned.set(`${d.target}:${d.period}`, (planned.get(`${d.target}:${d.period}`) ?? 0) + d.amount);
  const rows: { target: number; period: number; amount: number; planned: number }[] = [];
  const wanted = new Float64Array(from * n);
  for (let g = 0; g < ix.deliveryTarget.length; g++) {
    const t = ix.deliveryPeriod[g];
    if (t >= from) continue;
    const target = ix.deliveryTarget[g];
    const amount = ix.deliveryAmount[g];
    const p = plan.deliveries === undefined ? amount : Math.max(0, planned.get(`${target}:${t}`) ?? 0);
    rows.push({ target, period: t, amount, planned: p });
    wanted[t * n + c.targets.item[target]] += p;
  }
  const surplus = new Float64Array(from * n);
  const share = new Float64Array(from * n);
  for (let k = 0; k < from * n; k++) {
    const left = supply[k] - use[k];
    share[k] = wanted[k] > 0 ? Math.min(1, Math.max(0, left / wanted[k])) : 0;
    surplus[k] = Math.max(0, left - wanted[k]);
  }
  const deliveries = rows.map((r) => ({ ...r, delivered: r.planned * share[r.period * n + c.targets.item[r.target]] }));
  return { deliveries, surplus };
}
