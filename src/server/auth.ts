import type { FastifyRequest } from 'fastify';
import type { Store } from '../store/index.js';
import { ApiError } from './api-error.js';

/** Who sent a request: a planner, or one enterprise. */
export type Principal = { readonly role: 'planner' } | { readonly role: 'enterprise'; readonly enterprise: string };

/** The bearer token's holder; 401 without a token or with an unknown one. */
export function authenticate(store: Store, req: FastifyRequest): Principal {
  const header = req.headers.authorization;
  const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (match === null) throw new ApiError(401, 'unauthenticated', 'send a token: Authorization: Bearer <token>');
  const found = store.tokens.find(match[1]);
  if (found === undefined) throw new ApiError(401, 'unauthenticated', 'unknown token');
  if (found.role === 'planner') return { role: 'planner' };
  if (found.enterprise === null) throw new ApiError(401, 'unauthenticated', 'unknown token');
  return { role: 'enterprise', enterprise: found.enterprise };
}

/** Planners only: 401 without a valid token, 403 for an enterprise. */
export function requirePlanner(store: Store, req: FastifyRequest): Principal {
  const who = authenticate(store, req);
  if (who.role !== 'planner') throw new ApiError(403, 'forbidden', 'only planners may do this');
  return who;
}

/** Planners, or the enterprise `enterprise` itself: 403 for any other enterprise. */
export function requirePlannerOr(store: Store, req: FastifyRequest, enterprise: string): Principal {
  const who = authenticate(store, req);
  if (who.role === 'enterprise' && who.enterprise !== enterprise) throw new ApiError(403, 'forbidden', `this token belongs to enterprise ${JSON.stringify(who.enterprise)}, not ${JSON.stringify(enterprise)}`);
  return who;
}
