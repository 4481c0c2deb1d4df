import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The header that carries a request's id, in the request (optional) and in every response. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** A request id a client may choose: 1–64 letters, digits, `.`, `_`, `:` or `-`, starting with a letter or digit. */
const WELL_FORMED = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

/**
 * The id of a request: the client's `x-request-id` when it is well-formed (so that a proxy's id
 * follows the request through), else a new random UUID. It is logged with every error and sent
 * back in the response's `x-request-id` header (and in 5xx bodies), for the user to quote.
 */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && WELL_FORMED.test(given) ? given : randomUUID();
}
