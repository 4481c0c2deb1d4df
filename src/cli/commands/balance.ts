import { balancePlan, closingRequirements, summariseBalance } from '../../balance/index.js';
import { compileEconomy, planActivities } from '../../compile/index.js';
import { inputError } from '../../model/errors.js';
import { loadPlan } from '../../model/index.js';
import { loadModel } from '../load-model.js';
import { createProgress } from '../progress.js';
import { balanceHeadline, balanceTables } from '../../report/balance-tables.js';
import { balanceJson } from '../../report/balance-json.js';
import { failureSentence } from '../../report/solve-failure.js';
import type { ClosingReport, ClosingRequirement } from '../../balance/index.js';
import type { CommandOutput } from '../output.js';
import { readOptions, type EncodingFlags } from '../read-options.js';

export interface BalanceFlags extends EncodingFlags {
  readonly plan?: string;
  readonly all?: boolean;
  readonly top?: string;
  readonly rule?: string;
}

/** `plenty balance MODEL [--plan FILE]`: the method of balances on a hand-set or computed plan. */
export async function balanceCommand(modelPath: string, flags: BalanceFlags): Promise<CommandOutput> {
  const read = readOptions(flags);
  const economy = await loadModel(modelPath, read);
  const plan = flags.plan !== undefined ? await loadPlan(flags.plan, economy, read) : economy.plan;
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
  const closingFailure = (r: ClosingRequirement): string => closingSentence(r, closing);
  const failed = closing === undefined ? undefined : [...closing.each, ...(closing.all !== undefined ? [closing.all] : [])].find((r) => r.status !== 'converged');

  return {
    header: balanceHeadline(summary, economy.name, planName),
    tables: balanceTables(report, summary, closing, { all: flags.all === true }),
    json: balanceJson(c, report, summary, closing, { model: economy.name, plan: planName, all: flags.all === true, closingFailure }),
    ...(failed !== undefined ? { failure: closingSentence(failed, closing) } : {}),
  };
}

/** The sentence for a closing requirement whose solve did not succeed (the balance itself is complete). */
function closingSentence(r: ClosingRequirement, closing: ClosingReport | undefined): string {
  const what = `the balance is complete, but closing ${r.item < 0 ? 'all deficits' : `the deficit of "${r.id}"`} (Δx = (I − A)⁻¹ d over the techniques the plan runs) failed`;
  return failureSentence(r, { what, ...(closing?.loops !== undefined ? { loops: closing.loops } : {}) });
}
