import type { FastifyInstance, FastifyRequest } from 'fastify';
import { InputError } from '../model/errors.js';
import { decodeText } from '../model/decode-text.js';
import { MAX_NESTING_DEPTH, TOO_DEEP_MESSAGE, tooDeepPath } from '../model/nesting-depth.js';
import { ApiError } from './api-error.js';

type Done = (err: Error | null, body?: unknown) => void;

const EMPTY_MESSAGE = 'the body is empty: this route takes a JSON object';

/**
 * Replaces fastify's JSON body parser with one that applies the rules of model files to every
 * request body, before any route sees it: the bytes must be UTF-8 (never silently turned into
 * U+FFFD: `400 invalid-encoding` with the line, column and byte offset), the JSON is parsed by
 * fastify's own parser (which refuses `__proto__` and `constructor` keys), and no value may nest
 * deeper than MAX_NESTING_DEPTH levels (`400 too-deep` at the path), so that nothing downstream
 * recurses over a hostile body.
 *
 * An empty body (no bytes) is no body: a route that takes none (`takesBody` false: publishing a
 * plan, cancelling a job) reads it as absent, as it reads a request without a content type; a route
 * that takes a body answers it with a `400 invalid-request` located at `body`. Whitespace alone is
 * not empty: it is not JSON (`400 invalid-json`).
 */
export function strictJsonBodies(app: FastifyInstance, bodyLimit: number, takesBody: (req: FastifyRequest) => boolean): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit }, (req: FastifyRequest, bytes: Buffer, done: Done) => {
    if (bytes.length === 0) {
      done(takesBody(req) ? new ApiError(400, 'invalid-request', `invalid body: body: ${EMPTY_MESSAGE}`, [{ path: ['body'], message: EMPTY_MESSAGE }]) : null, undefined);
      return;
    }
    let text: string;
    try {
      text = decodeText(bytes, 'body');
    } catch (err) {
      done(err instanceof InputError ? encodingError(err) : (err as Error));
      return;
    }
    parseJson(req, text, (err: Error | null, body?: unknown) => {
      if (err !== null) return done(err);
      const deep = tooDeepPath(body);
      if (deep !== undefined) return done(new ApiError(400, 'too-deep', `the body is ${TOO_DEEP_MESSAGE}`, [{ path: ['body', ...deep.slice(0, MAX_NESTING_DEPTH + 1)], message: TOO_DEEP_MESSAGE }]));
      done(null, body);
    });
  });
}

function encodingError(err: InputError): ApiError {
  const issue = err.issues[0];
  const { line, column } = issue.location;
  return new ApiError(400, 'invalid-encoding', 'the body is not valid UTF-8 text', [
    { path: ['body'], message: issue.message.replace(/; if the file .*$/, ''), value: issue.value, ...(line === undefined ? {} : { line }), ...(column === undefined ? {} : { column }) },
  ]);
}
