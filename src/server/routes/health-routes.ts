import type { FastifyInstance } from 'fastify';
import { ApiError } from '../api-error.js';
import type { ServerContext } from '../context.js';
import { isLoopbackAddress, isLoopbackHost } from '../is-loopback.js';

/** The service's version (package.json). */
export const SERVICE_VERSION = '0.1.0';

/** GET /api/health (no token), GET /api/session (the planner token, to this machine only, when open). */
export function healthRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/api/health', async () => {
    // A store found damaged: 503 with the error (what monitoring should see).
    if (ctx.store.damaged !== undefined) throw ctx.store.damaged;
    return { ok: true, version: SERVICE_VERSION };
  });

  app.get('/api/session', async (req) => {
    if (ctx.sessionToken === undefined) throw new ApiError(404, 'not-open', 'the service was not started with --open: ask a planner for a token');
    if (!isLoopbackAddress(req.socket.remoteAddress) || !isLoopbackHost(req.headers.host)) {
      throw new ApiError(403, 'forbidden', 'the session token is given only to requests from this machine (127.0.0.1, ::1, localhost)');
    }
    return { role: 'planner', token: ctx.sessionToken };
  });
}
