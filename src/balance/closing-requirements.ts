import { leontiefSystem } from '../compile/index.js';
import type { CompiledEconomy, LeontiefSystem } from '../compile/types.js';
import { InputError } from '../model/errors.js';
import type { CsrMatrix } from '../sparse/csr.js';
import { matvec, solveLeontief } from '../sparse/index.js';
import type { CapacityShortage, ClosingOptions, ClosingReport, ClosingRequirement, ResourceShortage } from './closing-types.js';
import type { BalanceReport } from './types.js';

function coefficient(m: CsrMatrix, row: number, col: number): number {
  for (let p = m.rowPtr[row]; p < m.rowPtr[row + 1]; p++) if (m.colIdx[p] === col) return m.values[p];
  return 0;
}

/** Maps between the system's order and the compiled economy's (by id: the orders usually agree). */
function orders(c: CompiledEconomy, sys: LeontiefSystem): { item: Int32Array; resource: Int32Array } {
  const item = new Int32Array(sys.items.ids.length);
  for (let k = 0; k < item.length; k++) item[k] = c.items.index.get(sys.items.ids[k]) ?? -1;
  const resource = new Int32Array(sys.resources.ids.length);
  for (let k = 0; k < resource.length; k++) resource[k] = c.resources.index.get(sys.resources.ids[k]) ?? -1;
  return { item, resource };
}

function requirement(
  report: BalanceReport,
  sys: LeontiefSystem,
  map: { item: Int32Array; resource: Int32Array },
  item: number,
  id: string,
  y: Float64Array,
  options: ClosingOptions,
): ClosingRequirement {
  const c = report.economy;
  const n = c.items.ids.length;
  let deficit = 0;
  for (let k = 0; k < y.length; k++) deficit += y[k];
  const solved = solveLeontief(sys.A, y, {
    tolerance: options.tolerance ?? 1e-12,
    ...(options.maxIterations === undefined ? {} : { maxIterations: options.maxIterations }),
  });
  const dx = solved.x;
  const grossOutput = new Float64Array(n);
  const activity = new Float64Array(c.techniques.ids.length);
  for (let k = 0; k < dx.length; k++) {
    const i = map.item[k];
    if (i >= 0) grossOutput[i] = dx[k];
    const j = sys.technique[k];
    if (j >= 0 && i >= 0 && dx[k] !== 0) {
      const out = coefficient(c.outputs, i, j);
      if (out > 0) activity[j] += dx[k] / out;
    }
  }
  const sysResources = matvec(sys.primary, dx, new Float64Array(sys.primary.rows));
  const resources = new Float64Array(c.resources.ids.length);
  for (let k = 0; k < sysResources.length; k++) if (map.resource[k] >= 0) resources[map.resource[k]] += sysResources[k];

  const tol = report.tolerance;
  const resourcesShort: ResourceShortage[] = [];
  const slackR = report.resources.slack;
  for (let r = 0; r < resources.length; r++) {
    const need = resources[r];
    const slack = slackR[r];
    if (need <= 0 || !(need > Math.max(slack, 0) + tol * Math.max(need, report.resources.available[r]))) continue;
    resourcesShort.push({ resource: r, id: c.resources.ids[r], required: need, slack, short: need - Math.max(slack, 0) });
  }
  resourcesShort.sort((a, b) => b.short / b.required - a.short / a.required || b.short - a.short || a.resource - b.resource);
  const capacitiesShort: CapacityShortage[] = [];
  const loads = report.techniques;
  for (let j = 0; j < activity.length; j++) {
    const need = activity[j];
    const slack = loads.capacity[j] - loads.activity[j];
    if (need <= 0 || !(need > Math.max(slack, 0) + tol * Math.max(need, loads.capacity[j]))) continue;
    capacitiesShort.push({ technique: j, id: c.techniques.ids[j], required: need, slack, short: need - Math.max(slack, 0) });
  }
  capacitiesShort.sort((a, b) => b.short / b.required - a.short / a.required || b.short - a.short || a.technique - b.technique);
  return {
    item,
    id,
    deficit,
    status: solved.status,
    relativeResidual: solved.relativeResidual,
    grossOutput,
    activity,
    resources,
    resourcesShort,
    capacitiesShort,
    feasible: solved.status === 'converged' && resourcesShort.length === 0 && capacitiesShort.length === 0,
  };
}

/**
 * What closing each deficit would take, and all of them together: the gross outputs
 * Δx = (I − A)⁻¹ e_i d_i (a sparse solve, never an inverse), the extra activity of the chosen
 * techniques, the resources that needs (primary coefficients · Δx), and which resources and
 * capacities the plan's slack cannot stretch to (and by how much).
 *
 * The requirements are gross: they do not net out surpluses the plan already has of the
 * intermediate goods (a surplus of steel would in fact cover part of the steel the extra
 * tractors need); compare `grossOutput` with the report's surpluses for that.
 */
export function closingRequirements(report: BalanceReport, options: ClosingOptions & { system?: LeontiefSystem } = {}): ClosingReport {
  const c = report.economy;
  let sys: LeontiefSystem;
  try {
    sys = options.system ?? leontiefSystem(c, { activity: report.techniques.activity });
  } catch (e) {
    if (e instanceof InputError) return { status: 'no-system', message: e.message, each: [] };
    throw e;
  }
  const map = orders(c, sys);
  const systemIndex = new Int32Array(c.items.ids.length).fill(-1);
  for (let k = 0; k < map.item.length; k++) if (map.item[k] >= 0) systemIndex[map.item[k]] = k;

  const limit = Math.min(options.limit ?? Infinity, report.deficits.length);
  const each: ClosingRequirement[] = [];
  const yAll = new Float64Array(sys.items.ids.length);
  for (let r = 0; r < limit; r++) {
    const i = report.deficits[r];
    const k = systemIndex[i];
    if (k < 0) continue;
    const y = new Float64Array(sys.items.ids.length);
    y[k] = -report.items.gap[i];
    yAll[k] = y[k];
    each.push(requirement(report, sys, map, i, c.items.ids[i], y, options));
  }
  if (each.length === 0) return { status: 'ok', each };
  const all = requirement(report, sys, map, -1, 'all deficits', yAll, options);
  return { status: 'ok', each, all };
}
