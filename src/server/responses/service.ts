import { z } from 'zod';

/** GET /health. */
export const health = z.strictObject({ ok: z.literal(true), version: z.string() }).meta({ id: 'Health' });

/** GET /session: the planner token, to this machine only. */
export const session = z.strictObject({ role: z.literal('planner'), token: z.string() }).meta({ id: 'Session' });

/** GET /openapi.json: the OpenAPI 3.1 document itself. */
export const openApi = z.looseObject({ openapi: z.string() }).meta({ id: 'OpenApiDocument' });
