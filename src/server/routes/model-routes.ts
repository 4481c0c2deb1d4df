import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { addModelVersion } from '../../service/add-model-version.js';
import { checkBalance } from '../../service/check-balance.js';
import { modelDetail } from '../../service/model-detail.js';
import { uploadModel } from '../../service/upload-model.js';
import { ApiError } from '../api-error.js';
import { requirePlanner } from '../auth.js';
import type { ServerContext } from '../context.js';
import { jsonSafe } from '../json-safe.js';
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
    return reply.code(201).send(await uploadModel(store, body));
  });

  app.get('/api/models/:id', async (req) => {
    await requirePlanner(store, req);
    const { id } = validate(idParams, req.params, 'params');
    const { version } = validate(versionQuery, req.query, 'query');
    return await modelDetail(store, id, version);
  });

  app.put('/api/models/:id', async (req) => {
    await requirePlanner(store, req);
    const { id } = validate(idParams, req.params, 'params');
    const body = validate(modelBody, req.body, 'body');
    if (body.id !== undefined && body.id !== id) throw new ApiError(400, 'invalid-request', 'the body’s id differs from the path’s', [{ path: ['body', 'id'], message: 'differs from the path', value: body.id }]);
    return await addModelVersion(store, id, body);
  });

  app.post('/api/models/:id/balance', async (req) => {
    await requirePlanner(store, req);
    const { id } = validate(idParams, req.params, 'params');
    const { version } = validate(versionQuery, req.query, 'query');
    const body = validate(balanceBody, req.body ?? {}, 'body');
    return JSON.parse(jsonSafe(await checkBalance(store, id, version, body))) as unknown;
  });
}
