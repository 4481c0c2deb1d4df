import type { CompiledEconomy } from '../compile/types.js';
import { recordColumns } from '../model/column-records.js';
import { inputError } from '../model/errors.js';
import { csrFromTriplets } from '../sparse/from-triplets.js';
import type { LinearProgram } from '../lp/lp-types.js';
import type { FormulatedPlan, PlanIndex, PlanObjective } from './plan-types.js';
import { tierWeights } from './resolve-objective.js';
import { tradeByItem } from '../compile/trade-by-item.js';
import { TripletBuilder } from '../lp/triplet-builder.js';
import { levelLayout } from './level-layout.js';

/** Fulfilment beyond which harmony credits nothing more, and its slope above 1 (defaults). */
export const DEFAULT_HARMONY_CAP = 2;
export const DEFAULT_OVER_SLOPE = 0.1;

/** maxmin: the cap on λ of tier s of `tiers` (default: 1 for all but the last tier, none for the last). */
export function tierCap(o: PlanObjective, s: number, tiers: number): number {
  if (o.cap !== undefined) return o.cap;
  return s === tiers - 1 ? Infinity : 1;
}

/**
 * The linear program of an optimal plan (see PlanIndex for its variables and rows):
 *
 * - balance of item i in period t: outputs − inputs − deliveries − exports + imports
 *   + stock(t−1) − stock(t) ≥ −(initial stock if t is the first period) (free disposal);
 * - limit of resource r in period t (finite availability only): use by production + net currency
 *   spending on trade (for the model's currency) − capacity built by investment that is on line
 *   ≤ availability − direct use;
 * - technique capacities and trade caps as column bounds;
 * - targets by objective: maxmin rows delivery − amount·level ≥ 0, the level being the tier's λ
 *   or, for a tier with targets in several periods (objective periods 'leximin', the default), a
 *   level μ of the period linked to λ by μ − λ ≥ 0 (levelLayout); the LP maximises λ of the first
 *   tier, and solvePlan changes the objective and the bounds per tier and round; weighted deliveries capped at the
 *   amount with credit weight/amount per unit; harmony credit h ≤ f, h ≤ 1 − s + s·f with
 *   f = delivery/amount; mincost deliveries fixed at the amount, minimising the chosen resource.
 *
 * The matrix is built from typed-array triplets in one pass over the compiled matrices, linear in
 * their non-zeros times periods.
 */
export function formulatePlan(c: CompiledEconomy, o: PlanObjective): FormulatedPlan {
  const nT = c.techniques.ids.length;
  const n = c.items.ids.length;
  const nR = c.resources.ids.length;
  const nPer = Math.max(1, c.periods.ids.length);
  const model = c.model;
  // Products and techniques kept as columns (a binary model of many records, model/column-records.ts)
  // hold nothing but ids, regions and units: no stock, build or whole-plant field. They are not
  // walked record by record (each record would be made when read, millions of them).
  const productsAsColumns = recordColumns(model.products) !== undefined;
  const techniques = recordColumns(model.techniques) !== undefined ? [] : model.techniques;

  // Trade.
  const trade = tradeByItem(c);
  const expList: number[] = [];
  const impList: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!Number.isNaN(trade.exportPrice[i])) expList.push(i);
    if (!Number.isNaN(trade.importPrice[i]) || Number.isFinite(trade.maxImport[i])) impList.push(i);
  }
  const exportItems = Int32Array.from(expList);
  const importItems = Int32Array.from(impList);
  const exportPrice = Float64Array.from(expList, (i) => trade.exportPrice[i]);
  const importPrice = Float64Array.from(impList, (i) => (Number.isNaN(trade.importPrice[i]) ? 0 : trade.importPrice[i]));
  const currency = model.currency === undefined ? -1 : (c.resources.index.get(model.currency) ?? -1);

  // Stocks.
  const initialStock = new Float64Array(n);
  const stockList: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = productsAsColumns ? undefined : model.products[c.itemProduct[i]];
    if (p?.storable === false) continue;
    initialStock[i] = p?.initialStock ?? 0;
    if (nPer > 1) stockList.push(i);
  }
  const stockItems = Int32Array.from(stockList);

  // Deliveries and tiers.
  const tg = c.targets;
  const priorities = Array.from(new Set(Array.from(tg.priority))).sort((a, b) => a - b);
  const tiers = Int32Array.from(priorities);
  const tierOf = new Map(priorities.map((p, s) => [p, s]));
  const dTarget: number[] = [];
  const dPeriod: number[] = [];
  for (let k = 0; k < tg.item.length; k++) {
    if (tg.item[k] < 0) continue;
    if (tg.period[k] >= 0) {
      dTarget.push(k);
      dPeriod.push(tg.period[k]);
    } else {
      for (let t = 0; t < nPer; t++) {
        dTarget.push(k);
        dPeriod.push(t);
      }
    }
  }
  const nD = dTarget.length;
  const deliveryTarget = Int32Array.from(dTarget);
  const deliveryPeriod = Int32Array.from(dPeriod);
  const deliveryAmount = Float64Array.from(dTarget, (k) => tg.amount[k]);
  const deliveryTier = Int32Array.from(dTarget, (k) => tierOf.get(tg.priority[k]) ?? 0);

  // Rows: balances, then resource limits where availability is finite, then target rows (and
  // maxmin's links, below).
  const balanceStart = 0;
  let rows = n * nPer;
  const directUse = new Float64Array(nR);
  for (let k = 0; k < c.directUse.resource.length; k++) if (c.directUse.resource[k] >= 0) directUse[c.directUse.resource[k]] += c.directUse.amount[k];
  const resourceRow = new Int32Array(nR * nPer).fill(-1);
  const baseAvailable = new Float64Array(nR * nPer);
  for (let t = 0; t < nPer; t++) {
    for (let r = 0; r < nR; r++) {
      const a = c.available[r * nPer + t];
      baseAvailable[t * nR + r] = a;
      if (Number.isFinite(a)) resourceRow[t * nR + r] = rows++;
    }
  }
  const targetRowStart = o.kind === 'maxmin' || o.kind === 'harmony' ? rows : -1;
  if (o.kind === 'maxmin') rows += nD;
  else if (o.kind === 'harmony') rows += 2 * nD;

  // Columns.
  const nExp = exportItems.length;
  const nImp = importItems.length;
  const nS = stockItems.length;
  const activityStart = 0;
  const exportStart = activityStart + nT * nPer;
  const importStart = exportStart + nExp * nPer;
  const stockStart = importStart + nImp * nPer;
  const deliveryStart = stockStart + nS * (nPer - 1);
  const lambdaStart = o.kind === 'maxmin' ? deliveryStart + nD : -1;
  const creditStart = o.kind === 'harmony' ? deliveryStart + nD : -1;
  const levels = levelLayout({
    periods: nPer,
    tiers: o.kind === 'maxmin' ? tiers.length : 0,
    deliveryTier,
    deliveryPeriod,
    deliveryAmount,
    mode: o.periods ?? 'leximin',
    lambdaStart,
    levelStart: lambdaStart + tiers.length,
    linkRowStart: rows,
  });
  rows += levels.count;
  // Whole plants: an open variable (0 or 1) per period for each technique with a minimum lot or a
  // fixed cost, after every other column; its rows (x − capacity·open ≤ 0, x − lot·open ≥ 0) last.
  const openList: number[] = [];
  techniques.forEach((tech, j) => {
    if (tech.minLot !== undefined || tech.fixedCost !== undefined) openList.push(j);
  });
  const openTechniques = Int32Array.from(openList);
  const openStart = deliveryStart + nD + (o.kind === 'maxmin' ? tiers.length + levels.count : o.kind === 'harmony' ? nD : 0);
  const columns = openStart + openTechniques.length * nPer;
  const openRowStart = rows;
  for (const j of openTechniques) rows += (model.techniques[j].minLot === undefined ? 1 : 2) * nPer;


  const rowLower = new Float64Array(rows);
  const rowUpper = new Float64Array(rows);
  const colLower = new Float64Array(columns);
  const colUpper = new Float64Array(columns).fill(Infinity);
  const cost = new Float64Array(columns);
  let offset = 0;

  const nnzEstimate = nPer * (c.outputs.rowPtr[n] + c.inputs.rowPtr[n] + c.resourceUse.rowPtr[nR]) + 4 * nD + 2 * levels.count + 3 * nPer * (nExp + nImp + nS);
  const tb = new TripletBuilder(nnzEstimate);

  // Balances.
  for (let t = 0; t < nPer; t++) {
    const rowBase = balanceStart + t * n;
    const colBase = activityStart + t * nT;
    for (const [m, sign] of [[c.outputs, 1], [c.inputs, -1]] as const) {
      const { rowPtr, colIdx, values } = m;
      for (let i = 0; i < n; i++) {
        const row = rowBase + i;
        for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) tb.push(row, colBase + colIdx[k], sign * values[k]);
      }
    }
    for (let i = 0; i < n; i++) {
      rowLower[rowBase + i] = t === 0 ? -initialStock[i] : 0;
      rowUpper[rowBase + i] = Infinity;
    }
    for (let k = 0; k < nExp; k++) {
      const col = exportStart + t * nExp + k;
      tb.push(rowBase + exportItems[k], col, -1);
      colUpper[col] = trade.maxExport[exportItems[k]];
    }
    for (let k = 0; k < nImp; k++) {
      const col = importStart + t * nImp + k;
      tb.push(rowBase + importItems[k], col, 1);
      colUpper[col] = trade.maxImport[importItems[k]];
    }
    for (let k = 0; k < nS; k++) {
      if (t < nPer - 1) tb.push(rowBase + stockItems[k], stockStart + t * nS + k, -1);
      if (t > 0) tb.push(rowBase + stockItems[k], stockStart + (t - 1) * nS + k, 1);
    }
  }
  for (let g = 0; g < nD; g++) tb.push(balanceStart + deliveryPeriod[g] * n + c.targets.item[deliveryTarget[g]], deliveryStart + g, -1);

  // Resource limits.
  const { rowPtr: uPtr, colIdx: uIdx, values: uVal } = c.resourceUse;
  for (let t = 0; t < nPer; t++) {
    const colBase = activityStart + t * nT;
    for (let r = 0; r < nR; r++) {
      const row = resourceRow[t * nR + r];
      if (row < 0) continue;
      rowLower[row] = -Infinity;
      rowUpper[row] = baseAvailable[t * nR + r] - directUse[r];
      for (let k = uPtr[r]; k < uPtr[r + 1]; k++) tb.push(row, colBase + uIdx[k], uVal[k]);
      if (r === currency) {
        for (let k = 0; k < nExp; k++) if (exportPrice[k] !== 0) tb.push(row, exportStart + t * nExp + k, -exportPrice[k]);
        for (let k = 0; k < nImp; k++) if (importPrice[k] !== 0) tb.push(row, importStart + t * nImp + k, importPrice[k]);
      }
    }
  }
  // Investment: what technique j builds in period τ is on line from τ + lag.
  techniques.forEach((tech, j) => {
    if (tech.build === undefined) return;
    const lag = tech.lag ?? 1;
    for (const [rid, amount] of Object.entries(tech.build)) {
      const r = c.resources.index.get(rid);
      if (r === undefined) throw inputError('unknown-id', `unknown resource "${rid}"`, { path: ['techniques', j, 'build', rid] }, rid);
      if (amount === 0) continue;
      for (let t = lag; t < nPer; t++) {
        const row = resourceRow[t * nR + r];
        if (row < 0) continue;
        for (let tau = 0; tau + lag <= t; tau++) tb.push(row, activityStart + tau * nT + j, -amount);
      }
    }
  });

  // Activity bounds.
  for (let t = 0; t < nPer; t++) for (let j = 0; j < nT; j++) colUpper[activityStart + t * nT + j] = c.capacity[j];

  // Whole plants: whole activity levels; open variables with their lot and capacity rows and fixed costs.
  const integrality = new Uint8Array(columns);
  techniques.forEach((tech, j) => {
    if (tech.whole === true) for (let t = 0; t < nPer; t++) integrality[activityStart + t * nT + j] = 1;
  });
  let openRow = openRowStart;
  const nOpen = openTechniques.length;
  const openRowOf = new Int32Array(nOpen * nPer);
  const openLotRow = new Int32Array(nOpen * nPer).fill(-1);
  for (let k = 0; k < nOpen; k++) {
    const j = openTechniques[k];
    const tech = model.techniques[j];
    const cap = c.capacity[j];
    if (!Number.isFinite(cap)) throw inputError('needs-capacity', 'a minimum lot or a fixed cost of opening needs a capacity', { path: ['techniques', j, tech.minLot === undefined ? 'fixed_cost' : 'min_lot'] }, tech.minLot ?? tech.fixedCost);
    for (let t = 0; t < nPer; t++) {
      const x = activityStart + t * nT + j;
      const y = openStart + t * nOpen + k;
      integrality[y] = 1;
      colUpper[y] = 1;
      openRowOf[t * nOpen + k] = openRow;
      tb.push(openRow, x, 1);
      tb.push(openRow, y, -cap);
      rowLower[openRow] = -Infinity;
      rowUpper[openRow++] = 0;
      if (tech.minLot !== undefined) {
        openLotRow[t * nOpen + k] = openRow;
        tb.push(openRow, x, 1);
        tb.push(openRow, y, -tech.minLot);
        rowLower[openRow] = 0;
        rowUpper[openRow++] = Infinity;
      }
      for (const [rid, amount] of Object.entries(tech.fixedCost ?? {})) {
        const r = c.resources.index.get(rid);
        if (r === undefined) throw inputError('unknown-id', `unknown resource "${rid}"`, { path: ['techniques', j, 'fixed_cost', rid] }, rid);
        const row = resourceRow[t * nR + r];
        if (row >= 0 && amount !== 0) tb.push(row, y, amount);
      }
    }
  }

  // Targets and objective.
  const weights = tierWeights(o, tiers);
  let sense: 'min' | 'max' = 'max';
  if (o.kind === 'maxmin') {
    const nTiers = tiers.length;
    for (let s = 0; s < nTiers; s++) {
      const col = lambdaStart + s;
      colUpper[col] = tierCap(o, s, nTiers);
      // A tier whose targets are all zero is fulfilled by anything: fix its λ.
      if (!(levels.tierTotal[s] > 0)) colLower[col] = colUpper[col] = 1;
      for (let t = 0; t < nPer; t++) {
        const link = levels.linkRow[t * nTiers + s];
        if (link < 0) continue;
        const mu = levels.levelColumn[t * nTiers + s];
        colUpper[mu] = colUpper[col];
        tb.push(link, mu, 1);
        tb.push(link, col, -1);
        rowLower[link] = 0;
        rowUpper[link] = Infinity;
      }
    }
    for (let g = 0; g < nD; g++) {
      const row = targetRowStart + g;
      const level = levels.levelColumn[deliveryPeriod[g] * nTiers + deliveryTier[g]];
      tb.push(row, deliveryStart + g, 1);
      tb.push(row, level >= 0 ? level : lambdaStart + deliveryTier[g], -deliveryAmount[g]);
      rowLower[row] = 0;
      rowUpper[row] = Infinity;
    }
    if (nTiers > 0) cost[lambdaStart] = 1;
  } else if (o.kind === 'weighted') {
    for (let g = 0; g < nD; g++) {
      const a = deliveryAmount[g];
      colUpper[deliveryStart + g] = a;
      if (a > 0) cost[deliveryStart + g] = weights[deliveryTier[g]] / a;
    }
  } else if (o.kind === 'harmony') {
    const slope = o.overSlope ?? DEFAULT_OVER_SLOPE;
    const hcap = o.harmonyCap ?? DEFAULT_HARMONY_CAP;
    for (let g = 0; g < nD; g++) {
      const a = deliveryAmount[g];
      const d = deliveryStart + g;
      const h = creditStart + g;
      const r1 = targetRowStart + 2 * g;
      colUpper[d] = hcap * a;
      if (!(a > 0)) {
        colUpper[h] = 0;
        rowLower[r1] = rowLower[r1 + 1] = -Infinity;
        rowUpper[r1] = rowUpper[r1 + 1] = Infinity;
        continue;
      }
      cost[h] = weights[deliveryTier[g]];
      tb.push(r1, h, 1);
      tb.push(r1, d, -1 / a);
      rowLower[r1] = -Infinity;
      rowUpper[r1] = 0;
      tb.push(r1 + 1, h, 1);
      tb.push(r1 + 1, d, -slope / a);
      rowLower[r1 + 1] = -Infinity;
      rowUpper[r1 + 1] = 1 - slope;
    }
  } else {
    sense = 'min';
    const r = o.resource === undefined ? -1 : (c.resources.index.get(o.resource) ?? -1);
    for (let g = 0; g < nD; g++) colLower[deliveryStart + g] = colUpper[deliveryStart + g] = deliveryAmount[g];
    if (r >= 0) {
      for (let t = 0; t < nPer; t++) for (let k = uPtr[r]; k < uPtr[r + 1]; k++) cost[activityStart + t * nT + uIdx[k]] += uVal[k];
      if (r === currency) {
        for (let t = 0; t < nPer; t++) {
          for (let k = 0; k < nExp; k++) cost[exportStart + t * nExp + k] -= exportPrice[k];
          for (let k = 0; k < nImp; k++) cost[importStart + t * nImp + k] += importPrice[k];
        }
      }
      offset = directUse[r] * nPer;
      for (let k = 0; k < nOpen; k++) {
        const amount = model.techniques[openTechniques[k]].fixedCost?.[o.resource ?? ''] ?? 0;
        for (let t = 0; t < nPer; t++) cost[openStart + t * nOpen + k] += amount;
      }
    }
  }

  const v = tb.views();
  const lp: LinearProgram = {
    name: `${model.name} (${o.kind})`,
    sense,
    c: cost,
    offset,
    A: csrFromTriplets(rows, columns, v.rows, v.cols, v.values),
    rowLower,
    rowUpper,
    colLower,
    colUpper,
    ...(integrality.includes(1) ? { integrality } : {}),
  };
  const index: PlanIndex = {
    periods: nPer,
    techniques: nT,
    items: n,
    resources: nR,
    activityStart,
    exportItems,
    exportPrice,
    exportStart,
    importItems,
    importPrice,
    importStart,
    stockItems,
    stockStart,
    initialStock,
    deliveryTarget,
    deliveryPeriod,
    deliveryAmount,
    deliveryTier,
    deliveryStart,
    tiers,
    lambdaStart,
    levelColumn: levels.levelColumn,
    linkRow: levels.linkRow,
    creditStart,
    columns,
    balanceStart,
    resourceRow,
    baseAvailable,
    directUse,
    targetRowStart,
    rows,
    currency,
    openTechniques,
    openStart,
    openRow: openRowOf,
    openLotRow,
    costResource: o.kind === 'mincost' && o.resource !== undefined ? (c.resources.index.get(o.resource) ?? -1) : -1,
  };
  return { lp, index };
}
