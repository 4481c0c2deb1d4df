import type { FastifyRequest } from 'fastify';
import type { PlentyStore } from '../store/index.js';
import { ApiError } from './api-error.js';

/** Who sent a request: a planner, or one enterprise. */
export type Principal = { readonly role: 'planner' } | { readonly role: 'enterprise'; readonly enterprise: string };

/** The bearer token's holder; 401 without a token or with an unknown one. */
export async function authenticate(store: PlentyStore, req: FastifyRequest): Promise<Principal> {
  const header = req.headers.authorization;
  const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (match === null) throw new ApiError(401, 'unauthenticated', 'send a token: Authorization: Bearer <token>');
  const found = await store.tokens.find(match[1]);
  if (found === undefined) throw new ApiError(401, 'unauthenticated', 'unknown token');
  if (found.role === 'planner') return { role: 'planner' };
  if (found.enterprise === null) throw new ApiError(401, 'unauthenticated', 'unknown token');
  return { role: 'enterprise', enterprise: found.enterprise };
}

/** Planners only: 401 without a valid token, 403 for an enterprise. */
export async function requirePlanner(store: PlentyStore, req: FastifyRequest): Promise<Principal> {
  const who = await authenticate(store, req);
  if (who.role !== 'planner') throw new ApiError(403, 'forbidden', 'only planners may do this');
  return who;
}

/** Planners, or the enterprise `enterprise` itself: 403 for any other enterprise. */
export async function requirePlannerOr(store: PlentyStore, req: FastifyRequest, enterprise: string): Promise<Principal> {
  const who = await authenticate(store, req);
  if (who.role === 'enterprise' && who.enterprise !== enterprise) throw new ApiError(403, 'forbidden', `this token belongs to enterprise ${JSON.stringify(who.enterprise)}, not ${JSON.stringify(enterprise)}`);
  return who;
}
