import { ServiceError, type ServiceErrorKind } from '../service/service-error.js';
import { ApiError } from './api-error.js';
import { unprocessable } from './input-issues.js';

/** The HTTP status of each kind of refusal of a use case. */
const STATUS: Readonly<Record<ServiceErrorKind, number>> = { 'not-found': 404, conflict: 409, 'invalid-request': 400, refused: 422, forbidden: 403 };

/**
 * A use case's refusal as the service answers it: its status by kind, its code and sentence; a
 * library's InputError as a 422 with its located issues (input-issues.ts); the use case's own
 * issues, which name fields of its input, placed in the request (`query` of a GET, else `body`).
 */
export function apiErrorOf(err: ServiceError, method: string): ApiError {
  if (err.input !== undefined) return unprocessable(err.input.error, err.input.what);
  const at = method === 'GET' ? 'query' : 'body';
  return new ApiError(
    STATUS[err.kind],
    err.code,
    err.message,
    err.issues.map((i) => ({ ...i, path: [at, ...i.path] })),
  );
}
