import type { BalanceReport, BalanceSummary, ClosingReport, ClosingRequirement, FeasibleFraction } from '../balance/index.js';
import type { CompiledEconomy } from '../compile/types.js';
import { closingNeeds } from './closing-needs.js';
import { failureJson } from './solve-failure.js';

export interface BalanceJsonOptions {
  /** Name of the model and of the plan checked. */
  readonly model: string;
  readonly plan: string;
  /** Also list the balance of every item and resource. */
  readonly all?: boolean;
  /** The sentence for a closing requirement whose solve did not succeed (see closingFailure). */
  readonly closingFailure?: (r: ClosingRequirement) => string;
}

/** A ratio or utilisation for JSON: null where it is unbounded (nothing limits, or nothing is available). */
const bounded = (x: number): number | null => (Number.isFinite(x) ? x : null);

function fractionJson(f: FeasibleFraction): unknown {
  return {
    ...f,
    targetsRatio: bounded(f.targetsRatio),
    resourcesRatio: bounded(f.resourcesRatio),
    ...(f.targetsLimit !== undefined ? { targetsLimit: { ...f.targetsLimit, ratio: bounded(f.targetsLimit.ratio) } } : {}),
    ...(f.resourcesLimit !== undefined ? { resourcesLimit: { ...f.resourcesLimit, ratio: bounded(f.resourcesLimit.ratio) } } : {}),
  };
}

/**
 * A balance check as a JSON document (the shape of `plenty balance --json`, docs/cli.md): the
 * summary (deficits, what they block), the closing requirements and, with `all`, every item's and
 * resource's balance. Unbounded ratios and utilisations are null, and so are an unlimited
 * resource's availability and slack: the document holds no non-finite number.
 */
export function balanceJson(c: CompiledEconomy, report: BalanceReport, summary: BalanceSummary, closing: ClosingReport | undefined, options: BalanceJsonOptions): unknown {
  return {
    model: options.model,
    plan: options.plan,
    ...summary,
    limits: summary.limits.map((l) => ({ ...l, utilisation: bounded(l.utilisation) })),
    fraction: fractionJson(summary.fraction),
    closing:
      closing === undefined
        ? null
        : {
            status: closing.status,
            message: closing.message ?? null,
            each: closing.each.map((r) => closingJson(r, report, options.closingFailure)),
            all: closing.all === undefined ? null : closingJson(closing.all, report, options.closingFailure),
          },
    ...(options.all === true
      ? {
          items: c.items.ids.map((id, i) => ({
            id,
            unit: c.model.products[c.itemProduct[i]]?.unit ?? '',
            output: report.items.output[i],
            imports: report.items.imports[i],
            intermediate: report.items.intermediate[i],
            final: report.items.final[i],
            exports: report.items.exports[i],
            fromStock: report.items.fromStock[i],
            toStock: report.items.toStock[i],
            supply: report.items.supply[i],
            use: report.items.use[i],
            gap: report.items.gap[i],
            status: report.items.status[i],
          })),
          resources: c.resources.ids.map((id, r) => ({
            id,
            unit: c.model.resources[r]?.unit ?? '',
            use: report.resources.use[r],
            available: bounded(report.resources.available[r]),
            slack: bounded(report.resources.slack[r]),
            status: report.resources.status[r],
          })),
        }
      : {}),
  };
}

function closingJson(r: ClosingRequirement, report: BalanceReport, failure: ((r: ClosingRequirement) => string) | undefined): unknown {
  const items = report.economy.items.ids;
  const resources = report.economy.resources.ids;
  if (r.status !== 'converged') {
    // No requirement: the status and the diagnosis only.
    return { item: r.item < 0 ? null : r.id, deficit: r.deficit, feasible: false, ...failureJson(r, failure?.(r) ?? `the solve ended with status ${r.status}`) };
  }
  const nonZero = (v: Float64Array, ids: readonly string[]) => Object.fromEntries(ids.flatMap((id, i) => (v[i] !== 0 ? [[id, v[i]]] : [])));
  return {
    item: r.item < 0 ? null : r.id,
    deficit: r.deficit,
    status: r.status,
    relativeResidual: r.relativeResidual,
    feasible: r.feasible,
    grossOutput: nonZero(r.grossOutput, items),
    resources: nonZero(r.resources, resources),
    needs: closingNeeds(report, r.resources),
    resourcesShort: r.resourcesShort.map(({ id, required, slack, short }) => ({ id, required, slack, short })),
    capacitiesShort: r.capacitiesShort.map(({ id, required, slack, short }) => ({ id, required, slack, short })),
  };
}
