import { z } from 'zod';
import type { CompiledEconomy } from '../compile/types.js';
import type { InfeasibilityDiagnosis, PlanMip, PlanObjective, PlanResult, UnboundedDiagnosis } from '../plan/plan-types.js';
import type { PlantBuilt } from '../plan/plants-built.js';
import { planDocument, plantBuilt, planMip, type DecodedPlan, type DecodedReplanSection, type PlanDocument } from './plan-document-schema.js';
import { levelsByTier } from './plan-levels.js';

export interface EncodePlanOptions {
  /** Plan files written beside the document (`plenty plan --write-plan`); none by default. */
  readonly written?: readonly string[];
  /** A re-plan's section: what it started from, its fixed past and its future (the service's re-plans). */
  readonly replan?: DecodedReplanSection;
}

type DecodedObjective = DecodedPlan['objective'];

/** The objective as the document holds it (an uncapped maxmin's cap Infinity is written null). */
function objectiveOf(o: PlanObjective): DecodedObjective {
  const { weights, ...rest } = o;
  return weights === undefined ? rest : { ...rest, weights: Object.fromEntries(Object.entries(weights)) };
}

function diagnosisOf(d: InfeasibilityDiagnosis | UnboundedDiagnosis | undefined): DecodedPlan['diagnosis'] {
  if (d === undefined) return null;
  if (d.kind === 'infeasible') return { ...d, shortfalls: d.shortfalls.slice(), binding: d.binding.slice(), overcommitted: d.overcommitted.slice() };
  return { ...d, targets: d.targets.slice(), techniques: d.techniques.slice(), resources: d.resources.slice(), suggestions: d.suggestions.map((s) => ({ objective: objectiveOf(s.objective), reason: s.reason })) };
}

/**
 * The plan document of a solved plan (report/plan-document-schema.ts), as written in JSON: an
 * optimal plan's λ per tier and (maxmin) the level of each tier per period, the stages, activity,
 * trade and stocks per period (non-zero entries only), deliveries and fulfilment per target,
 * valuations, resource prices, reduced costs, bottlenecks, and each resource's use and availability
 * per period; a plan that did not solve to optimality, its objective, status, the solver's message,
 * the stages and the diagnosis, no numbers of the failed solve. Non-finite numbers are written as
 * "NaN", "Infinity", "-Infinity". Checked against the schema: a document that does not fit it is a
 * bug, thrown.
 */
export function encodePlan(c: CompiledEconomy, r: PlanResult, options: EncodePlanOptions = {}): PlanDocument {
  return z.encode(planDocument, decodedPlanOf(c, r, options));
}

/** Period-major `values` (count per period) by period, then by id: the non-zero entries only. */
function perPeriodOf(periods: readonly string[], values: Float64Array, count: number, ids: readonly string[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  periods.forEach((p, t) => {
    const row: Record<string, number> = {};
    for (let k = 0; k < count; k++) {
      const v = values[t * count + k];
      if (v !== 0) row[ids[k]] = v;
    }
    out[p] = row;
  });
  return out;
}

function plantsOf(plants: readonly PlantBuilt[]): z.output<typeof plantBuilt>[] {
  return plants.map((p) => ({ ...p, builds: { ...p.builds } }));
}

function mipOf(m: PlanMip): z.output<typeof planMip> {
  return { ...m };
}

function decodedPlanOf(c: CompiledEconomy, r: PlanResult, options: EncodePlanOptions): DecodedPlan {
  const replan = options.replan === undefined ? {} : { replan: options.replan };
  const head = { model: c.model.name, objective: objectiveOf(r.objective), message: r.message ?? null, solver: r.solver };
  if (r.status !== 'optimal') {
    return {
      ...head,
      status: r.status,
      stages: r.stages.map((s) => ({ priority: s.priority, status: s.status, solver: s.solver, iterations: s.iterations })),
      diagnosis: diagnosisOf(r.diagnosis),
      ...replan,
      ...(r.status === 'time-limit' && r.mip !== undefined && Number.isFinite(r.solution.objective)
        ? { incumbent: { objectiveValue: r.objectiveValue, mip: mipOf(r.mip), plants: plantsOf(r.plants) } }
        : {}),
    };
  }
  const ix = r.formulated.index;
  const nT = ix.techniques;
  const n = ix.items;
  const nR = ix.resources;
  const perPeriod = (values: Float64Array, count: number, ids: readonly string[]) => perPeriodOf(c.periods.ids, values, count, ids);
  return {
    ...head,
    status: 'optimal',
    objectiveValue: r.objectiveValue,
    lambda: r.objective.kind === 'maxmin' ? Object.fromEntries(Array.from(ix.tiers, (p, s) => [String(p), r.lambda[s]])) : null,
    levels: levelsByTier(c, r),
    stages: r.stages.map((s) => ({ ...s, periods: s.periods === null ? null : s.periods.slice() })),
    residuals: { primal: r.primalResidual, dual: r.dualResidual, gap: r.relativeGap },
    activity: perPeriod(r.activity, nT, c.techniques.ids),
    exports: perPeriod(r.exports, n, c.items.ids),
    imports: perPeriod(r.imports, n, c.items.ids),
    stock: perPeriod(r.stock, n, c.items.ids),
    targets: Array.from(ix.deliveryTarget, (k, g) => ({
      target: k,
      item: c.items.ids[c.targets.item[k]],
      period: c.periods.ids[ix.deliveryPeriod[g]],
      priority: c.targets.priority[k],
      amount: ix.deliveryAmount[g],
      delivered: r.delivered[g],
      fulfilment: r.fulfilment[g],
    })),
    valuations: perPeriod(r.valuation, n, c.items.ids),
    resourcePrices: perPeriod(r.resourcePrice, nR, c.resources.ids),
    reducedCosts: perPeriod(r.reducedCost, nT, c.techniques.ids),
    normalisation: r.normalisation,
    bottlenecks: r.bottlenecks.slice(),
    diagnosis: diagnosisOf(r.diagnosis),
    written: options.written?.slice() ?? [],
    resources: Object.fromEntries(c.periods.ids.map((p, t) => [p, Object.fromEntries(c.resources.ids.map((id, k) => [id, { use: r.resourceUse[t * nR + k], available: r.available[t * nR + k] }]))])),
    ...replan,
    plants: plantsOf(r.plants),
    mip: r.mip === undefined ? null : mipOf(r.mip),
  };
}
