import { balancePlan, closingRequirements, summariseBalance } from '../../balance/index.js';
import { compileEconomy, planActivities } from '../../compile/index.js';
import { inputError } from '../../model/errors.js';
import { loadPlan } from '../../model/index.js';
import { loadModel } from '../load-model.js';
import { createProgress } from '../progress.js';
import { balanceHeadline, balanceTables } from '../../report/balance-tables.js';
import type { CommandOutput } from '../output.js';

export interface BalanceFlags {
  readonly plan?: string;
  readonly all?: boolean;
  readonly top?: string;
  readonly rule?: string;
}

/** `plenty balance MODEL [--plan FILE]`: the method of balances on a hand-set or computed plan. */
export async function balanceCommand(modelPath: string, flags: BalanceFlags): Promise<CommandOutput> {
  const economy = await loadModel(modelPath);
  const plan = flags.plan !== undefined ? await loadPlan(flags.plan, economy) : economy.plan;
  if (plan === undefined) {
    throw inputError('missing', 'the model has no `plan` section; give a plan file with --plan FILE', { file: modelPath, path: ['plan'] });
  }
  const top = flags.top === undefined ? 10 : Number(flags.top);
  if (!Number.isInteger(top) || top < 1) throw inputError('invalid-option', '--top must be a positive whole number', { path: ['--top'] }, flags.top);
  const rule = flags.rule ?? 'priority';
  if (rule !== 'priority' && rule !== 'proportional') throw inputError('invalid-option', '--rule must be "priority" or "proportional"', { path: ['--rule'] }, rule);

  // Each step is synchronous: the progress line (shown once a run takes over ~1.5 s) says which.
  const progress = createProgress('balance');
  const c = compileEconomy(economy);
  progress.update(null, 'balancing');
  const planned = planActivities(c, plan);
  const report = balancePlan(c, planned);
  progress.update(null, 'following the deficits');
  const summary = summariseBalance(report, { top, rule });
  progress.update(null, 'closing requirements');
  const closing = report.deficits.length > 0 ? closingRequirements(report, { limit: top }) : undefined;
  progress.done();
  const planName = plan.name ?? (flags.plan !== undefined ? `plan ${flags.plan}` : 'the model’s plan');

  return {
    header: balanceHeadline(summary, economy.name, planName),
    tables: balanceTables(report, summary, closing, { all: flags.all === true }),
    json: {
      model: economy.name,
      plan: planName,
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
      ...(flags.all === true
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
    },
  };
}

function closingJson(
  r: import('../../balance/index.js').ClosingRequirement,
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
