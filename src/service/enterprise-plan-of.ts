import type { PlentyStore } from '../store/index.js';
import { enterprisePlan, enterpriseUnits, type EnterpriseTask } from './enterprise-plan.js';
import { publishedOr404 } from './published-plan.js';
import { registeredEnterprise } from './registered-enterprise.js';
import { serviceContext } from './service-context.js';

/** A registered enterprise's share of the published plan: its techniques per period with their outputs, inputs and resources, and their units. */
export async function enterprisePlanOf(store: PlentyStore, id: string): Promise<{ enterprise: string; planId: number; modelId: string; modelVersion: number; publishedAt: string; periods: readonly string[]; techniques: EnterpriseTask[]; units: ReturnType<typeof enterpriseUnits> }> {
  await registeredEnterprise(store, id);
  const pub = await publishedOr404(serviceContext(store));
  const plan = pub.plan;
  const techniques = enterprisePlan(pub.compiled, pub.document.activity, id);
  return { enterprise: id, planId: plan.id, modelId: plan.modelId, modelVersion: plan.modelVersion, publishedAt: pub.publishedAt, periods: pub.compiled.periods.ids, techniques, units: enterpriseUnits(pub.compiled, techniques) };
}
