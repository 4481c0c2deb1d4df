import { leontiefSystem } from '../compile/index.js';
import { nonProductiveLoops } from '../leontief/non-productive-loops.js';
import { locationOf } from '../model/source-locations.js';
import type { CompiledEconomy, LeontiefSystem } from '../compile/types.js';
import { InputError, type Issue } from '../model/errors.js';
import { MAX_MAGNITUDE_TEXT, inMagnitude } from '../model/magnitude.js';
import { numberText } from '../model/magnitude-issue.js';
import type { CsrMatrix } from '../sparse/csr.js';
import { checkProductive, matvec, solveLeontief } from '../sparse/index.js';
import type { CapacityShortage, ClosingOptions, ClosingReport, ClosingRequirement, ResourceShortage, SpectralBounds } from './closing-types.js';
import type { BalanceReport } from './types.js';

const DEFAULT_TOLERANCE = 1e-12;
const DEFAULT_LIMIT = 20;

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

/** A requirement whose solve did not succeed: its status and the bounds on ρ(A), no numbers. */
function failed(report: BalanceReport, item: number, id: string, deficit: number, status: ClosingRequirement['status'], spectralRadius: SpectralBounds): ClosingRequirement {
  const c = report.economy;
  const nan = (n: number) => new Float64Array(n).fill(Number.NaN);
  return {
    item,
    id,
    deficit,
    status,
    relativeResidual: Number.NaN,
    grossOutput: nan(c.items.ids.length),
    activity: nan(c.techniques.ids.length),
    resources: nan(c.resources.ids.length),
    resourcesShort: [],
    capacitiesShort: [],
    feasible: false,
    spectralRadius,
  };
}

/** Throws an InputError when a requirement breaks the magnitude rule (the coefficients compound through (I − A)⁻¹). */
function checkMagnitude(c: BalanceReport['economy'], r: ClosingRequirement): void {
  const issues: Issue[] = [];
  const what = r.item < 0 ? 'closing all deficits' : `closing the deficit of "${r.id}"`;
  const check = (v: Float64Array, ids: readonly string[], kind: string, path: (k: number) => (string | number)[]): void => {
    for (let k = 0; k < v.length; k++) {
      if (inMagnitude(v[k])) continue;
      issues.push({
        code: Number.isFinite(v[k]) ? 'out-of-range' : 'not-finite',
        message: `${what} would need ${kind} "${ids[k]}" of ${numberText(v[k])}, beyond ${MAX_MAGNITUDE_TEXT}: the coefficients compound through the Leontief inverse; check them and the units of the items`,
        location: locationOf(c.model, path(k)),
        value: v[k],
      });
    }
  };
  check(r.grossOutput, c.items.ids, 'extra gross output of', (i) => ['products', c.itemProduct[i]]);
  check(r.activity, c.techniques.ids, 'extra activity of technique', (j) => ['techniques', j]);
  check(r.resources, c.resources.ids, 'extra use of resource', (k) => ['resources', k]);
  if (issues.length > 0) throw new InputError(issues);
}

function requirement(
  report: BalanceReport,
  sys: LeontiefSystem,
  map: { item: Int32Array; resource: Int32Array },
  item: number,
  id: string,
  deficit: number,
  dx: Float64Array,
  relativeResidual: number,
): ClosingRequirement {
  const c = report.economy;
  const n = c.items.ids.length;
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
  const result: ClosingRequirement = {
    item,
    id,
    deficit,
    status: 'converged',
    relativeResidual,
    grossOutput,
    activity,
    resources,
    resourcesShort,
    capacitiesShort,
    feasible: resourcesShort.length === 0 && capacitiesShort.length === 0,
  };
  checkMagnitude(c, result);
  return result;
}

/**
 * What closing each deficit would take, and all of them together: the gross outputs
 * Δx = (I − A)⁻¹ e_i d_i (one sparse solve for all right-hand sides, never an inverse), the extra activity of the chosen
 * techniques, the resources that needs (primary coefficients · Δx), and which resources and
 * capacities the plan's slack cannot stretch to (and by how much).
 *
 * A solve that does not converge (the system is not productive, or the solver stops) gives a
 * requirement with that status, NaN in place of every number and the bounds on ρ(A); a
 * requirement beyond the magnitude rule (1e30) is an InputError naming the item.
 *
 * The requirements are gross: they do not net out surpluses the plan already has of the
 * intermediate goods (a surplus of steel would in fact cover part of the steel the extra
 * tractors need); compare `grossOutput` with the report's surpluses for that.
 */
export function closingRequirements(report: BalanceReport, options: ClosingOptions = {}): ClosingReport {
  const c = report.economy;
  if (report.deficits.length === 0) return { status: 'ok', each: [] };
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

  const m = sys.items.ids.length;
  const picked: number[] = [];
  const limit = Math.min(options.limit ?? DEFAULT_LIMIT, report.deficits.length);
  for (let r = 0; r < limit; r++) if (systemIndex[report.deficits[r]] >= 0) picked.push(report.deficits[r]);

  // One sparse solve per right-hand side: deficit by deficit, then all together. (The
  // multi-right-hand-side solver reads A once per iteration for all, but measured slower here.)
  const solveOptions = {
    tolerance: options.tolerance ?? DEFAULT_TOLERANCE,
    ...(options.maxIterations === undefined ? {} : { maxIterations: options.maxIterations }),
  };
  let bounds: SpectralBounds | undefined;
  const close = (item: number, id: string, y: Float64Array): ClosingRequirement => {
    let deficit = 0;
    for (let q = 0; q < m; q++) deficit += y[q];
    const solved = solveLeontief(sys.A, y, solveOptions);
    if (solved.status !== 'converged') {
      bounds ??= checkProductive(sys.A).spectralRadius;
      return failed(report, item, id, deficit, solved.status, { lower: bounds.lower, upper: bounds.upper });
    }
    return requirement(report, sys, map, item, id, deficit, solved.x, solved.relativeResidual);
  };
  const each = picked.map((i) => {
    const y = new Float64Array(m);
    y[systemIndex[i]] = -report.items.gap[i];
    return close(i, c.items.ids[i], y);
  });
  const yAll = new Float64Array(m);
  for (let r = 0; r < report.deficits.length; r++) {
    const i = report.deficits[r];
    if (systemIndex[i] >= 0) yAll[systemIndex[i]] = -report.items.gap[i];
  }
  const all = close(-1, 'all deficits', yAll);
  const notProductive = [...each, all].some((r) => r.status === 'not-productive');
  if (!notProductive) return { status: 'ok', each, all };
  return { status: 'ok', each, all, loops: nonProductiveLoops(sys).map((loop) => loop.map((k) => sys.items.ids[k])) };
}
