import type { BalanceReport, BalanceSummary, ClosingReport, ClosingRequirement } from '../balance/index.js';
import type { CompiledEconomy } from '../compile/types.js';

export interface BalanceJsonOptions {
  /** Name of the model and of the plan checked. */
  readonly model: string;
  readonly plan: string;
  /** Also list the balance of every item and resource. */
  readonly all?: boolean;
}

/**
 * A balance check as a JSON document (the shape of `plenty balance --json`, docs/cli.md): the
 * summary (deficits, what they block), the closing requirements and, with `all`, every item's and
 * resource's balance.
 */
export function balanceJson(c: CompiledEconomy, report: BalanceReport, summary: BalanceSummary, closing: ClosingReport | undefined, options: BalanceJsonOptions): unknown {
  return {
    model: options.model,
    plan: options.plan,
    ...summary,
    closing:
      closing === undefined
        ? null
        : {
            status: closing.status,
            message: closing.message ?? null,
            each: closing.each.map((r) => closingJson(r, c.items.ids, c.resources.ids)),
            all: closing.all === undefined ? null : closingJson(closing.all, c.items.ids, c.resources.ids),
          },
    ...(options.all === true
      ? {
          items: c.items.ids.map((id, i) => ({
            id,
            output: report.items.output[i],
            imports: report.items.imports[i],
            intermediate: report.items.intermediate[i],
            final: report.items.final[i],
            exports: report.items.exports[i],
            gap: report.items.gap[i],
            status: report.items.status[i],
          })),
          resources: c.resources.ids.map((id, r) => ({
            id,
            use: report.resources.use[r],
            available: report.resources.available[r],
            slack: report.resources.slack[r],
            status: report.resources.status[r],
          })),
        }
      : {}),
  };
}

function closingJson(
  r: ClosingRequirement,
  items: readonly string[],
  resources: readonly string[],
): unknown {
  const nonZero = (v: Float64Array, ids: readonly string[]) => Object.fromEntries(ids.flatMap((id, i) => (v[i] !== 0 ? [[id, v[i]]] : [])));
  return {
    item: r.item < 0 ? null : r.id,
    deficit: r.deficit,
    status: r.status,
    relativeResidual: r.relativeResidual,
    feasible: r.feasible,
    grossOutput: nonZero(r.grossOutput, items),
    resources: nonZero(r.resources, resources),
    resourcesShort: r.resourcesShort.map(({ id, required, slack, short }) => ({ id, required, slack, short })),
    capacitiesShort: r.capacitiesShort.map(({ id, required, slack, short }) => ({ id, required, slack, short })),
  };
}
