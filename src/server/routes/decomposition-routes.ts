import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { decomposeModels } from '../../analysis/index.js';
import { InputError } from '../../model/errors.js';
import { DEFAULT_MAX_ITERATIONS } from '../../sparse/index.js';
import { requirePlanner } from '../auth.js';
import { modelSideOf } from '../../service/model-side-of.js';
import type { ServerContext } from '../context.js';
import { unprocessable } from '../input-issues.js';
import { jsonSafe } from '../json-safe.js';
import { validate } from '../validate.js';
import { modelId } from './model-routes.js';

/** A stored model version, or a scenario (its model version with its overrides), and the period whose targets count. */
export const modelRef = z.union([
  z.strictObject({ id: modelId, version: z.number().int().positive().optional(), period: z.string().min(1).optional() }),
  z.strictObject({ scenario: z.number().int().positive(), period: z.string().min(1).optional() }),
]);

export const decompositionBody = z.strictObject({
  first: modelRef,
  second: modelRef,
  resources: z.array(z.string().min(1)).optional(),
  tolerance: z.number().gt(0).lt(1).optional(),
  maxIterations: z.number().int().positive().max(1_000_000).optional(),
});

/**
 * POST /api/decomposition: the structural decomposition of the change from one stored model (or
 * scenario) to another of the same classification (as `plenty decompose --json`), with `failures`.
 */
export function decompositionRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/api/decomposition', async (req) => {
    await requirePlanner(ctx.store, req);
    const body = validate(decompositionBody, req.body ?? {}, 'body');
    try {
      const first = await modelSideOf(ctx.store, body.first, 'first');
      const second = await modelSideOf(ctx.store, body.second, 'second');
      const r = decomposeModels(first, second, {
        ...(body.resources !== undefined ? { resources: body.resources } : {}),
        resourceOption: 'resources',
        tolerance: body.tolerance ?? 1e-12,
        maxIterations: body.maxIterations ?? DEFAULT_MAX_ITERATIONS,
        toleranceOption: 'tolerance',
        maxIterationsOption: 'maxIterations',
      });
      const ref = (s: typeof first) => ({ modelId: s.modelId, version: s.version, ...(s.scenario !== undefined ? { scenario: s.scenario } : {}) });
      const json = r.json as { first: object; second: object };
      return JSON.parse(jsonSafe({ ...r.json, first: { ...json.first, ...ref(first) }, second: { ...json.second, ...ref(second) }, failures: r.failures })) as unknown;
    } catch (err) {
      if (err instanceof InputError) throw unprocessable(err, 'the decomposition');
      throw err;
    }
  });
}
