import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { balancePlan, closingRequirements, summariseBalance } from '../../balance/index.js';
import { compileEconomy, planActivities, type CompiledEconomy } from '../../compile/index.js';
import { InputError } from '../../model/errors.js';
import { parseEconomy } from '../../model/parse-economy.js';
import { parsePlan } from '../../model/parse-plan.js';
import type { Economy, Plan } from '../../model/types.js';
import { balanceJson } from '../../report/balance-json.js';
import { decodeOptimalPlan } from '../../report/decode-plan.js';
import { ApiError, notFound } from '../api-error.js';
import { requirePlanner } from '../auth.js';
import { modelOr404, scenarioEconomy, scenarioOr404, type ServerContext } from '../context.js';
import { compiledOfPlan } from '../published-plan.js';
import { storedPlanOfPeriod } from '../stored-plan-of-period.js';
import { unprocessable } from '../input-issues.js';
import { jsonSafe } from '../json-safe.js';
import { modelSummary, slugOf } from '../model-summary.js';
import { nameText } from '../name-text.js';
import { validate } from '../validate.js';

export const modelId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'a model id is lower-case letters, digits and hyphens');
export const modelBody = z.strictObject({
  id: modelId.optional(),
  name: nameText(200).optional(),
  format: z.enum(['yaml', 'json']),
  text: z.string().min(1),
});
const idParams = z.strictObject({ id: modelId });
const versionQuery = z.strictObject({ version: z.coerce.number().int().positive().optional() });
export const balanceBody = z.strictObject({
  plan: z.record(z.string(), z.unknown()).optional(),
  planId: z.number().int().positive().optional(),
  period: z.string().min(1).optional(),
  top: z.number().int().positive().max(1000).optional(),
  rule: z.enum(['priority', 'proportional']).optional(),
  all: z.boolean().optional(),
});

/** Parses a model upload; a bad file is a 422 with its located issues. */
export function parseUpload(text: string, format: 'yaml' | 'json', file: string): Economy {
  try {
    return parseEconomy(text, { file, format });
  } catch (err) {
    if (err instanceof InputError) throw unprocessable(err, 'the model');
    throw err;
  }
}

/**
 * A stored optimal plan of model `modelId`, one period of it as a plan file states it, with its
 * scenario's economy (the model version and the overrides it was solved for).
 */
async function storedPlanFor(ctx: ServerContext, planId: number, modelId: string, periodId: string | undefined): Promise<{ plan: Plan; economy: Economy; compiled: CompiledEconomy }> {
  const p = await ctx.store.plans.get(planId);
  if (p === undefined) throw notFound('plan', planId);
  if (p.modelId !== modelId) throw new ApiError(422, 'wrong-model', `plan ${planId} is a plan of model ${p.modelId}, not of ${modelId}`, [{ path: ['body', 'planId'], message: `a plan of model ${p.modelId}`, value: planId }]);
  if (p.status !== 'optimal') throw new ApiError(409, 'not-optimal', `plan ${planId} has status ${p.status}: only an optimal plan has activities to check`);
  if (p.scenarioId === null) throw new ApiError(409, 'no-scenario', `plan ${planId} has no scenario`);
  const economy = await scenarioEconomy(ctx, await scenarioOr404(ctx, p.scenarioId));
  const compiled = await compiledOfPlan(ctx, p);
  const period = periodId === undefined ? 0 : compiled.periods.index.get(periodId);
  if (period === undefined) throw new ApiError(422, 'unknown-id', `period ${JSON.stringify(periodId)} is not a period of the model (periods: ${compiled.periods.ids.join(', ')})`, [{ path: ['body', 'period'], message: 'unknown period', value: periodId }]);
  const plan = storedPlanOfPeriod(compiled, decodeOptimalPlan(p.result, `plan ${planId}`), period, `Optimal plan ${planId} (${p.objectiveKind})`);
  return { plan, economy, compiled };
}

/** /api/models: upload (every upload a new version), list, read, balance check. */
export function modelRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { store } = ctx;

  app.get('/api/models', async (req) => {
    await requirePlanner(store, req);
    return await store.models.list();
  });

  app.post('/api/models', async (req, reply) => {
    await requirePlanner(store, req);
    const body = validate(modelBody, req.body, 'body');
    const economy = parseUpload(body.text, body.format, `${body.id ?? 'model'}.${body.format}`);
    const name = body.name ?? economy.name;
    const given = body.id;
    const id = given ?? slugOf(name);
    // Checked and added in one transaction: a concurrent upload under the same id cannot slip in between.
    const m = await store.transaction(async (tx) => {
      if (given !== undefined && (await tx.models.exists(given))) throw new ApiError(409, 'exists', `a model with id ${JSON.stringify(given)} exists: PUT /api/models/${given} adds a version`);
      const stored = given === undefined ? await tx.models.get(id) : undefined;
      if (stored !== undefined) {
        const same = stored.text === body.text && stored.format === body.format ? ' with the same text' : '';
        throw new ApiError(409, 'exists', `a model named ${JSON.stringify(name)} is stored${same} as ${JSON.stringify(id)} (version ${stored.version}): PUT /api/models/${id} adds a version, or give another id`, [
          { path: ['body', 'id'], code: 'exists', message: `the id ${JSON.stringify(id)} of the model's name is taken (version ${stored.version}${same})`, value: id },
        ]);
      }
      return tx.models.add(id, name, body.text, body.format);
    });
    return reply.code(201).send({ id: m.id, version: m.version, name: m.name, createdAt: m.createdAt, summary: modelSummary(economy) });
  });

  app.get('/api/models/:id', async (req) => {
    await requirePlanner(store, req);
    const { id } = validate(idParams, req.params, 'params');
    const { version } = validate(versionQuery, req.query, 'query');
    const m = await modelOr404(ctx, id, version);
    const economy = ctx.economies.get(m);
    return { id: m.id, version: m.version, name: m.name, format: m.format, createdAt: m.createdAt, text: m.text, summary: modelSummary(economy), economy };
  });

  app.put('/api/models/:id', async (req) => {
    await requirePlanner(store, req);
    const { id } = validate(idParams, req.params, 'params');
    const body = validate(modelBody, req.body, 'body');
    if (body.id !== undefined && body.id !== id) throw new ApiError(400, 'invalid-request', 'the body’s id differs from the path’s', [{ path: ['body', 'id'], message: 'differs from the path', value: body.id }]);
    const old = await modelOr404(ctx, id);
    const economy = parseUpload(body.text, body.format, `${id}.${body.format}`);
    const m = await store.models.add(id, body.name ?? old.name, body.text, body.format);
    return { id: m.id, version: m.version, name: m.name, createdAt: m.createdAt, summary: modelSummary(economy) };
  });

  app.post('/api/models/:id/balance', async (req) => {
    await requirePlanner(store, req);
    const { id } = validate(idParams, req.params, 'params');
    const { version } = validate(versionQuery, req.query, 'query');
    const body = validate(balanceBody, req.body ?? {}, 'body');
    const m = await modelOr404(ctx, id, version);
    if (body.plan !== undefined && body.planId !== undefined) throw new ApiError(400, 'invalid-request', 'send either `plan` or `planId`, not both', [{ path: ['body', 'planId'], message: 'with plan', value: body.planId }]);
    const stored = body.planId === undefined ? undefined : await storedPlanFor(ctx, body.planId, m.id, body.period);
    const economy = stored?.economy ?? ctx.economies.get(m);
    try {
      let plan = stored?.plan ?? (body.plan === undefined ? economy.plan : parsePlan(JSON.stringify(body.plan), { file: 'plan.json', format: 'json' }, economy));
      if (plan === undefined) throw new ApiError(422, 'missing', 'the model has no `plan` section: send one as `plan`, or name a stored optimal plan as `planId`', [{ path: ['body', 'plan'], message: 'missing' }]);
      if (body.period !== undefined) plan = { ...plan, period: body.period };
      const c = stored?.compiled ?? compileEconomy(economy);
      const report = balancePlan(c, planActivities(c, plan));
      const summary = summariseBalance(report, { top: body.top ?? 10, rule: body.rule ?? 'priority' });
      const closing = report.deficits.length > 0 ? closingRequirements(report, { limit: body.top ?? 10 }) : undefined;
      return JSON.parse(jsonSafe(balanceJson(c, report, summary, closing, { model: economy.name, plan: plan.name ?? (body.plan === undefined ? 'the model’s plan' : 'the plan sent'), all: body.all === true }))) as unknown;
    } catch (err) {
      if (err instanceof InputError) throw unprocessable(err, 'the plan');
      throw err;
    }
  });
}
