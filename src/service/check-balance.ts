import { balancePlan, closingRequirements, summariseBalance } from '../balance/index.js';
import { compileEconomy, planActivities, type CompiledEconomy } from '../compile/index.js';
import { parsePlan } from '../model/parse-plan.js';
import type { Economy, Plan } from '../model/types.js';
import { balanceJson } from '../report/balance-json.js';
import { decodeOptimalPlan } from '../report/decode-plan.js';
import type { PlentyStore } from '../store/index.js';
import { compiledOfPlan } from './published-plan.js';
import { refusedInput } from './refused-input.js';
import { scenarioEconomy } from './scenario-economy.js';
import { serviceContext } from './service-context.js';
import { notFound, ServiceError } from './service-error.js';
import { storedModel } from './stored-model.js';
import { storedPlanOfPeriod } from './stored-plan-of-period.js';
import { storedScenario } from './stored-scenario.js';

/** What to check: a plan sent (a plan file's content), a stored optimal plan, or the model's own plan; and how to summarise. */
export interface BalanceCheck {
  readonly plan?: Record<string, unknown> | undefined;
  readonly planId?: number | undefined;
  readonly period?: string | undefined;
  readonly top?: number | undefined;
  readonly rule?: 'priority' | 'proportional' | undefined;
  readonly all?: boolean | undefined;
}

/**
 * A stored optimal plan of model `modelId`, one period of it as a plan file states it, with its
 * scenario's economy (the model version and the overrides it was solved for).
 */
async function storedPlanFor(store: PlentyStore, planId: number, modelId: string, periodId: string | undefined): Promise<{ plan: Plan; economy: Economy; compiled: CompiledEconomy }> {
  const p = await store.plans.get(planId);
  if (p === undefined) throw notFound('plan', planId);
  if (p.modelId !== modelId) throw new ServiceError('refused', 'wrong-model', `plan ${planId} is a plan of model ${p.modelId}, not of ${modelId}`, [{ path: ['planId'], message: `a plan of model ${p.modelId}`, value: planId }]);
  if (p.status !== 'optimal') throw new ServiceError('conflict', 'not-optimal', `plan ${planId} has status ${p.status}: only an optimal plan has activities to check`);
  if (p.scenarioId === null) throw new ServiceError('conflict', 'no-scenario', `plan ${planId} has no scenario`);
  const economy = await scenarioEconomy(store, await storedScenario(store, p.scenarioId));
  const compiled = await compiledOfPlan(serviceContext(store), p);
  const period = periodId === undefined ? 0 : compiled.periods.index.get(periodId);
  if (period === undefined) throw new ServiceError('refused', 'unknown-id', `period ${JSON.stringify(periodId)} is not a period of the model (periods: ${compiled.periods.ids.join(', ')})`, [{ path: ['period'], message: 'unknown period', value: periodId }]);
  const plan = storedPlanOfPeriod(compiled, decodeOptimalPlan(p.result, `plan ${planId}`), period, `Optimal plan ${planId} (${p.objectiveKind})`);
  return { plan, economy, compiled };
}

/**
 * The material balance of a plan against a stored model version (as `plenty balance --json`): the
 * plan sent, one period of a stored optimal plan of the model (checked against its scenario's
 * economy), or the model's own `plan` section. A plan that does not fit the model is refused
 * (`the plan`), with its located issues.
 */
export async function checkBalance(store: PlentyStore, modelId: string, version: number | undefined, check: BalanceCheck): Promise<unknown> {
  const { model: m, economy: own } = await storedModel(store, modelId, version);
  if (check.plan !== undefined && check.planId !== undefined) throw new ServiceError('invalid-request', 'invalid-request', 'send either `plan` or `planId`, not both', [{ path: ['planId'], message: 'with plan', value: check.planId }]);
  const stored = check.planId === undefined ? undefined : await storedPlanFor(store, check.planId, m.id, check.period);
  const economy = stored?.economy ?? own;
  return refusedInput('the plan', () => {
    let plan = stored?.plan ?? (check.plan === undefined ? economy.plan : parsePlan(JSON.stringify(check.plan), { file: 'plan.json', format: 'json' }, economy));
    if (plan === undefined) throw new ServiceError('refused', 'missing', 'the model has no `plan` section: send one as `plan`, or name a stored optimal plan as `planId`', [{ path: ['plan'], message: 'missing' }]);
    if (check.period !== undefined) plan = { ...plan, period: check.period };
    const c = stored?.compiled ?? compileEconomy(economy);
    const report = balancePlan(c, planActivities(c, plan));
    const summary = summariseBalance(report, { top: check.top ?? 10, rule: check.rule ?? 'priority' });
    const closing = report.deficits.length > 0 ? closingRequirements(report, { limit: check.top ?? 10 }) : undefined;
    return balanceJson(c, report, summary, closing, { model: economy.name, plan: plan.name ?? (check.plan === undefined ? 'the model’s plan' : 'the plan sent'), all: check.all === true });
  });
}
