import type { CompiledEconomy } from '../compile/types.js';
import type { PlanObjective, PlanResult } from '../optimize/plan-types.js';
import { levelsByTier } from './plan-levels.js';

/** The objective as given, with an uncapped maxmin (cap Infinity) as `cap: null`. */
function objectiveJson(o: PlanObjective): unknown {
  return o.cap === undefined || Number.isFinite(o.cap) ? o : { ...o, cap: null };
}

/**
 * An optimal plan as a JSON document (the shape of `plenty plan --json`, docs/cli.md): λ per
 * tier and (maxmin) the level of each tier per period, the stages, activity, trade and stocks per period (non-zero entries only), deliveries and fulfilment per target,
 * valuations, resource prices and bottlenecks. `written` lists plan files written beside it.
 * Numbers may be non-finite (NaN λ of a tier not solved); serialise with a replacer that turns
 * them into strings.
 */
export function planJson(c: CompiledEconomy, r: PlanResult, written: readonly string[]): unknown {
  const ix = r.formulated.index;
  const nT = ix.techniques;
  const n = ix.items;
  const nR = ix.resources;
  const perPeriod = (values: Float64Array, count: number, ids: readonly string[]) =>
    Object.fromEntries(c.periods.ids.map((p, t) => [p, Object.fromEntries(ids.flatMap((id, k) => (values[t * count + k] !== 0 ? [[id, values[t * count + k]]] : [])))]));
  return {
    model: c.model.name,
    objective: objectiveJson(r.objective),
    status: r.status,
    message: r.message ?? null,
    solver: r.solver,
    objectiveValue: r.objectiveValue,
    lambda: r.objective.kind === 'maxmin' ? Object.fromEntries(Array.from(ix.tiers, (p, s) => [String(p), r.lambda[s]])) : null,
    levels: levelsByTier(c, r),
    stages: r.stages,
    residuals: { primal: r.primalResidual, dual: r.dualResidual, gap: r.relativeGap },
    activity: perPeriod(r.activity, nT, c.techniques.ids),
    exports: perPeriod(r.exports, n, c.items.ids),
    imports: perPeriod(r.imports, n, c.items.ids),
    stock: perPeriod(r.stock, n, c.items.ids),
    targets: Array.from(ix.deliveryTarget, (k, g) => ({ target: k, item: c.items.ids[c.targets.item[k]], period: c.periods.ids[ix.deliveryPeriod[g]], priority: c.targets.priority[k], amount: ix.deliveryAmount[g], delivered: r.delivered[g], fulfilment: r.fulfilment[g] })),
    valuations: perPeriod(r.valuation, n, c.items.ids),
    resourcePrices: perPeriod(r.resourcePrice, nR, c.resources.ids),
    reducedCosts: perPeriod(r.reducedCost, nT, c.techniques.ids),
    normalisation: r.normalisation,
    bottlenecks: r.bottlenecks,
    diagnosis: r.diagnosis ?? null,
    written,
  };
}

/**
 * A plan that did not solve to optimality as a JSON document: its objective, status, the solver's
 * message, the stages and the diagnosis (an infeasible mincost plan's smallest target reductions);
 * no numbers of the failed solve.
 */
export function failedPlanJson(r: PlanResult, model: string): unknown {
  return {
    model,
    objective: objectiveJson(r.objective),
    status: r.status,
    message: r.message ?? null,
    solver: r.solver,
    stages: r.stages.map((s) => ({ priority: s.priority, status: s.status, solver: s.solver, iterations: s.iterations })),
    diagnosis: r.diagnosis ?? null,
  };
}
