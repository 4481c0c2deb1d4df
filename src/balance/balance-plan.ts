import type { CompiledEconomy } from '../compile/types.js';
import { tradeByItem } from '../compile/trade-by-item.js';
import { InputError, inputError } from '../model/errors.js';
import { matvec } from '../sparse/index.js';
import { checkPlanned } from './check-planned.js';
import { finalUse } from './final-use.js';
import { sumOverflow } from './sum-overflow.js';
import type {
  BalanceOptions,
  BalanceReport,
  ItemBalances,
  ItemStatus,
  LimitStatus,
  PlannedActivity,
  ResourceBalances,
  TechniqueLoads,
} from './types.js';

export const DEFAULT_BALANCE_TOLERANCE = 1e-9;

/** Indices where `keep` holds, ordered by `key` descending, then by `tie` descending, then index. */
function rank(n: number, keep: (k: number) => boolean, key: Float64Array, tie: Float64Array): Int32Array {
  const picked: number[] = [];
  for (let k = 0; k < n; k++) if (keep(k)) picked.push(k);
  picked.sort((a, b) => key[b] - key[a] || tie[b] - tie[a] || a - b);
  return Int32Array.from(picked);
}

function itemBalances(c: CompiledEconomy, planned: PlannedActivity, period: number, tol: number): ItemBalances {
  const n = c.items.ids.length;
  const output = matvec(c.outputs, planned.activity, new Float64Array(n));
  const intermediate = matvec(c.inputs, planned.activity, new Float64Array(n));
  const final = finalUse(c, period);
  const imports = planned.imports === undefined ? new Float64Array(n) : Float64Array.from(planned.imports);
  const exports = planned.exports === undefined ? new Float64Array(n) : Float64Array.from(planned.exports);
  const fromStock = planned.fromStock === undefined ? new Float64Array(n) : Float64Array.from(planned.fromStock);
  const toStock = planned.toStock === undefined ? new Float64Array(n) : Float64Array.from(planned.toStock);
  const supply = new Float64Array(n);
  const use = new Float64Array(n);
  const gap = new Float64Array(n);
  const relativeGap = new Float64Array(n);
  const status: ItemStatus[] = new Array<ItemStatus>(n);
  for (let i = 0; i < n; i++) {
    const s = output[i] + imports[i] + fromStock[i];
    const u = intermediate[i] + final[i] + exports[i] + toStock[i];
    const g = s - u;
    const scale = s > u ? s : u;
    supply[i] = s;
    use[i] = u;
    gap[i] = g;
    relativeGap[i] = scale > 0 ? g / scale : 0;
    status[i] = Math.abs(g) <= tol * scale ? 'balanced' : g > 0 ? 'surplus' : 'deficit';
  }
  return { output, intermediate, final, imports, exports, fromStock, toStock, supply, use, gap, relativeGap, status };
}

/**
 * Net spending of the model's currency on trade: imports × import price − exports × export price,
 * summed over items. Zero for every other resource.
 */
function tradeSpending(c: CompiledEconomy, imports: Float64Array, exports: Float64Array): Float64Array {
  const trade = new Float64Array(c.resources.ids.length);
  const currency = c.model.currency === undefined ? undefined : c.resources.index.get(c.model.currency);
  if (currency === undefined) return trade;
  const { exportPrice, importPrice } = tradeByItem(c);
  let net = 0;
  for (let i = 0; i < imports.length; i++) {
    // A missing price (NaN) means the item is not traded that way: it earns or costs nothing.
    if (imports[i] !== 0 && !Number.isNaN(importPrice[i])) net += imports[i] * importPrice[i];
    if (exports[i] !== 0 && !Number.isNaN(exportPrice[i])) net -= exports[i] * exportPrice[i];
  }
  trade[currency] = net;
  return trade;
}

function resourceBalances(c: CompiledEconomy, activity: Float64Array, trade: Float64Array, built: ArrayLike<number> | undefined, period: number, tol: number): ResourceBalances {
  const m = c.resources.ids.length;
  const periods = Math.max(c.periods.ids.length, 1);
  const production = matvec(c.resourceUse, activity, new Float64Array(m));
  const direct = new Float64Array(m);
  const du = c.directUse;
  for (let k = 0; k < du.resource.length; k++) {
    const r = du.resource[k];
    if (r >= 0) direct[r] += du.amount[k];
  }
  const use = new Float64Array(m);
  const available = new Float64Array(m);
  const slack = new Float64Array(m);
  const utilisation = new Float64Array(m);
  const status: LimitStatus[] = new Array<LimitStatus>(m);
  for (let r = 0; r < m; r++) {
    const u = production[r] + direct[r] + trade[r];
    const a = c.available[r * periods + period] + (built === undefined ? 0 : built[r]);
    use[r] = u;
    available[r] = a;
    slack[r] = a - u;
    utilisation[r] = u <= 0 ? 0 : u / a;
    status[r] = u > a * (1 + tol) ? 'over' : 'within';
  }
  return { production, direct, trade, use, available, slack, utilisation, status };
}

function techniqueLoads(c: CompiledEconomy, activity: Float64Array, tol: number): TechniqueLoads {
  const t = activity.length;
  const capacity = Float64Array.from(c.capacity);
  const utilisation = new Float64Array(t);
  const status: LimitStatus[] = new Array<LimitStatus>(t);
  for (let j = 0; j < t; j++) {
    const a = activity[j];
    utilisation[j] = a === 0 ? 0 : a / capacity[j];
    status[j] = a > capacity[j] * (1 + tol) ? 'over' : 'within';
  }
  return { activity: Float64Array.from(activity), capacity, utilisation, status };
}

/**
 * The balance table of a plan in one period (the method of material balances).
 *
 * Per item: output = outputs · activity, intermediate = inputs · activity, final = the period's
 * targets, supply = output + imports + drawn from stock, use = intermediate + final + exports +
 * added to stock, gap = supply − use,
 * with status 'balanced' when |gap| ≤ tolerance × max(supply, use), else 'surplus' or 'deficit'.
 * Per resource: use by production plus direct use by final demand plus, for the model's currency,
 * net spending on trade (imports × import price − exports × export price), against availability in the
 * period. Per technique: activity against capacity.
 *
 * Throws InputError when the plan does not fit the economy (lengths, negative or non-finite
 * entries, period) and when a sum breaks the magnitude rule (an output, a use or a resource total
 * beyond 1e30: each named, located at its largest part); every other outcome is data in the report.
 */
export function balancePlan(c: CompiledEconomy, planned: PlannedActivity, options: BalanceOptions = {}): BalanceReport {
  const tolerance = options.tolerance ?? DEFAULT_BALANCE_TOLERANCE;
  if (!(tolerance >= 0 && tolerance < 1)) {
    throw inputError('invalid-option', 'the balance tolerance must be a number from 0 (inclusive) to 1 (exclusive)', { path: ['options', 'tolerance'] }, tolerance);
  }
  const period = checkPlanned(c, planned);
  const items = itemBalances(c, planned, period, tolerance);
  const resources = resourceBalances(c, planned.activity, tradeSpending(c, items.imports, items.exports), planned.built, period, tolerance);
  const overflow = sumOverflow(c, planned, period, items, resources);
  if (overflow.length > 0) throw new InputError(overflow);
  const techniques = techniqueLoads(c, planned.activity, tolerance);
  const n = items.gap.length;

  const deficitSize = new Float64Array(n);
  const surplusSize = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    deficitSize[i] = -items.gap[i];
    surplusSize[i] = items.gap[i];
  }
  const negRel = items.relativeGap.map((g) => -g);
  const deficits = rank(n, (i) => items.status[i] === 'deficit', negRel, deficitSize);
  const surpluses = rank(n, (i) => items.status[i] === 'surplus', items.relativeGap, surplusSize);
  const resourcesOver = rank(resources.use.length, (r) => resources.status[r] === 'over', resources.utilisation, resources.use);
  const capacitiesOver = rank(techniques.activity.length, (j) => techniques.status[j] === 'over', techniques.utilisation, techniques.activity);

  const counts = {
    items: n,
    balanced: n - deficits.length - surpluses.length,
    surplus: surpluses.length,
    deficit: deficits.length,
    resources: resources.use.length,
    resourcesOver: resourcesOver.length,
    techniques: techniques.activity.length,
    capacitiesOver: capacitiesOver.length,
  };
  return {
    economy: c,
    period,
    tolerance,
    items,
    resources,
    techniques,
    deficits,
    surpluses,
    resourcesOver,
    capacitiesOver,
    counts,
    balances: deficits.length === 0,
    withinLimits: resourcesOver.length === 0 && capacitiesOver.length === 0,
  };
}
